"""Build src/dyad/kb/data/office_holders.tsv: people, their state and CAMEO code, bounded by dates.

Sources (read /work/shared/data/README.md):
- petrarch2/Phoenix.Countries.actors.txt (openeventdata/petrarch2, MIT): ~18,000 people from CountryInfo 2014,
  each with date-bounded roles such as ``[RUSGOV 000507-080507]``; and the people of
  Phoenix.International.actors.txt that hold a dated IGO/NGO role (Kofi Annan, IGOUNO 1997-2006), whose other
  roles come along. Roles end in 2014.
- factbook/government.jsonl (CIA World Factbook, public domain; JSON conversion CC0): heads of state and
  government and the ambassadors to and from the US, with the date each took office, current to February 2026.
- cabinets/office_holders.tsv (Wikidata via every-politician-scrapers, CC0, to mid-2022; CIA World Factbook heads
  of state and government 2015-2026, public domain): ~29,000 national office holders (ministers, heads of state
  and government, speakers, chief justices ...) with the dates of each term. An empty end is bounded here by what
  the source vouches for (read its README, "Reading the dates"): a Wikidata term by the earliest snapshot, a
  Factbook term by the snapshot that last listed it; only a term of the newest Factbook snapshot stays open.

One row per role, so that a look-up can pick the role valid on an article's date. Names are in normal case;
aliases are spellings of the name, never the name behind a title ("President Putin"), nor a surname alone
(the hand list in people.tsv decides which surnames may stand alone). A role without dates is the Phoenix
default code, used by the loader only when none of the person's dated roles covers the date.

Run: .venv/bin/python scripts/build_people.py [--petrarch DIR] [--factbook FILE] [--cabinets FILE] [--output PATH]
     [--since YEAR]
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import phoenix_actors as pa  # noqa: E402  (the shared dictionary reader next to this script)

from dyad import kb  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
DEFAULT_PETRARCH = SHARED / "petrarch2"
DEFAULT_FACTBOOK = SHARED / "factbook" / "government.jsonl"
DEFAULT_CABINETS = SHARED / "cabinets" / "office_holders.tsv"
DEFAULT_OUTPUT = ROOT / "src" / "dyad" / "kb" / "data" / "office_holders.tsv"
FACTBOOK_COMMIT = "8662a8b (May 2026)"
# Dates of the factbook.json snapshots that cabinets/office_holders.tsv names in its source column (its README).
FACTBOOK_SNAPSHOTS = {
    "063979f": date(2015, 11, 29),
    "a87bd75": date(2016, 11, 26),
    "1c4de10": date(2017, 3, 29),
    "24b4d8d": date(2020, 11, 27),
    "e0d5604": date(2021, 12, 30),
    "61dadec": date(2022, 12, 29),
    "0d4fa49": date(2023, 12, 30),
    "b8538d7": date(2024, 12, 26),
    "045e9b3": date(2025, 12, 11),
}
NEWEST_FACTBOOK = "8662a8b"  # its terms without an end are the ones current in January 2026: they stay open
# The earliest regeneration of an every-politician-scrapers holders21.csv (2022-03-02; most are of July-August
# 2022): a Wikidata term without an end is known to have lasted until then, and no further.
WIKIDATA_VOUCHED = date(2022, 3, 2)
# Name suffixes after a comma that belong to the name ("Melchior Wathelet, Jr."); any other comma starts a peerage
# or a description ("Gareth Williams, Baron Williams of Mostyn").
NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
FACTBOOK_FIELDS = ("chief_of_state", "head_of_government", "chief_of_mission_in_us", "chief_of_mission_from_us")

ROMAN_NUMERALS = pa.ROMAN
# Name particles written in lower case inside a name (never first).
PARTICLES = frozenset(
    {"al", "el", "bin", "bint", "ibn", "de", "da", "del", "della", "di", "do", "dos", "das", "du", "van", "von"}
    | {"der", "den", "ter", "y", "i", "e"}
)
# Title words that are also given names: a name that starts with one keeps it.
GIVEN_NAME_TITLES = frozenset({"sultan", "amir", "emir", "major", "malik", "shah", "mir"})
# Words of titles, offices and forms of address in the dictionaries' aliases and the Factbook, besides dyad's
# own titles.tsv, title_modifiers.txt and honorifics.
EXTRA_TITLE_WORDS = frozenset(
    {
        *("the", "of", "and", "for", "to", "in", "late", "then", "current", "outgoing", "incoming", "new"),
        *("gov", "governor", "governor-general", "president-elect", "vice-president", "prime-minister", "premier"),
        *("secretary-general", "under-secretary", "undersecretary", "bundeskanzler", "kanzler", "chancellor"),
        *("king", "queen", "prince", "princess", "crown", "emperor", "empress", "sheikh", "sheik", "shaikh"),
        *("sayyid", "imam", "mullah", "maulana", "ayatollah", "hojatoleslam", "grand", "his", "her", "majesty"),
        *("highness", "excellency", "hrh", "pres", "pm", "fm", "dr", "prof", "professor", "mr", "mrs", "ms"),
        *("field", "marshal", "brigadier", "lieutenant", "lt", "captain", "capt", "sergeant", "colonel"),
        *("commander-in-chief", "generalissimo", "co-prince", "archbishop", "bishop", "nuncio", "apostolic"),
        *("cardinal", "dame", "sir", "lord", "chairperson", "presidency", "sovereign", "council", "pontifical"),
        *("commission", "governorate", "city", "republic", "commonwealth", "federation", "high", "commissioner"),
        *("administrator", "superior", "air", "vice-marshal", "ambassador-designate", "chargé", "charge"),
        *("d'affaires", "d’affaires", "affaires", "ad", "interim", "regent", "captains-regent", "captain-regent"),
        *("taoiseach", "supreme", "leader", "mayor", "head", "chief", "officer", "administrative", "executive"),
        *("consul", "general", "envoy", "minister", "ministers", "cabinet", "representative", "director"),
        *("chairman", "chair", "member", "nonresident", "resident", "pope", "holiness", "co-chair", "designate"),
        *("us", "usa", "uk", "un", "eu", "british", "french", "sudanese", "armed", "forces", "state", "islands"),
    }
)
# Words that make an alias something other than the person ("THE_REAGAN_ADMINISTRATION").
NOT_NAME_WORDS = frozenset(
    {"administration", "government", "regime", "cabinet", "camp", "family", "supporters", "loyalists", "era"}
    | {"forces", "party", "presidency", "foundation", "office", "spokesman", "spokeswoman", "aides", "wife"}
)
# Factbook title words beyond the dictionaries' (institutions in long titles, forms of address).
FACTBOOK_TITLE_WORDS = frozenset(
    {
        *("amir", "emir", "sultan", "duke", "duchess", "grand", "prefect", "bailiff", "lieutenant-governor"),
        *("assembly", "territorial", "confederation", "government", "presidential", "leadership", "transition"),
        *("transitional", "caretaker", "people's", "affairs", "political", "safeguard", "homeland", "captains"),
        *("co-chiefs", "chiefs", "gnu", "cnsp", "tan", "sri", "dato", "datuk", "tun", "ratu", "vice"),
    }
)
# Factbook names that neither dyad's countries.tsv nor pycountry know (the UK's sovereign base areas are its own).
FACTBOOK_COUNTRIES = {
    "Pitcairn Islands": "PCN",
    "Virgin Islands": "VIR",
    "Macau": "MAC",
    "French Southern and Antarctic Lands": "ATF",
    "Akrotiri": "GBR",
    "Dhekelia": "GBR",
    "Svalbard": "SJM",
}
FAMILY_FIRST = frozenset({"VNM", "KHM"})  # besides dyad's family_name_first list
MUHAMMAD = frozenset({"muhammad", "mohammed", "mohamed", "mohammad", "muhammed", "mohamad", "md", "md."})
ARABIC_COMPOUND = frozenset({"abd", "abdel", "abdul", "abdal", "abu", "abou", "abo", "el", "al"})
MONTHS = {m: i for i, m in enumerate(("january", "february", "march", "april", "may", "june", "july", "august",
                                       "september", "october", "november", "december"), 1)}  # fmt: skip
DATE_IN_TEXT = re.compile(
    r"(?:(\d{1,2})\s+)?(January|February|March|April|May|June|July|August|September|October|November|December)?"
    r"\s*\b(1[89]\d\d|20\d\d)\b"
)


@dataclass
class Holder:
    """One person's roles as one source gives them."""

    name: str
    aliases: list[str]
    roles: list[tuple[str | None, str, date | None, date | None]]  # (country, code, start, end)
    title: str = ""
    source: str = "phoenix"


def _key(word: str) -> str:
    """How a word is compared with the title vocabulary: lower case, without dots ("U.S." -> "us")."""
    return word.lower().replace(".", "").strip(",")


def title_words() -> frozenset[str]:
    """Every word that may stand in a title before a name: dyad's titles, title modifiers and honorifics, the
    demonyms of countries ("Russian President ..."), and the extra words above."""
    found = set(EXTRA_TITLE_WORDS)
    found |= {_key(w) for w in kb.titles().words}
    found |= {_key(w) for w in kb.words("honorific")}
    for form in kb.countries().demonyms:
        found |= {_key(w) for w in form.split()}
    return frozenset(found - GIVEN_NAME_TITLES)


def case_name(raw_words: Iterable[str]) -> str:
    """Upper-case name words in normal case: particles low inside the name, Roman numerals kept."""
    out = []
    for i, word in enumerate(raw_words):
        low = word.lower()
        if i and low in PARTICLES:
            out.append(low)
        elif i and word.upper() in ROMAN_NUMERALS:
            out.append(word.upper())
        elif i and re.fullmatch(r"(?:al|el)-\w.*", low):
            out.append(low[:3] + pa.case_word(word[3:]))
        else:
            out.append(pa.case_word(word))
    return " ".join(out)


def strip_title(name_words: list[str], vocab: frozenset[str]) -> list[str]:
    """The words after any leading title words ("RUSSIAN PRESIDENT VLADIMIR PUTIN" -> VLADIMIR PUTIN)."""
    i = 0
    while i < len(name_words) and (_key(name_words[i]) in vocab or _key(name_words[i]).endswith("-elect")):
        i += 1
    return name_words[i:]


def variants(name: str) -> list[str]:
    """Spellings news use for the same name: without the Arabic article in a short name ("Ayman al Safadi" ->
    Ayman Safadi; not inside "Abd al Aziz", nor all through a long Gulf name), without middle initials
    ("Ferdinand E. Marcos" -> Ferdinand Marcos)."""
    tokens = name.split()
    out = []
    no_article: list[str] = []
    for i, t in enumerate(tokens):
        after_abd = i > 0 and tokens[i - 1].lower() in ARABIC_COMPOUND
        if i and not after_abd and t.lower() in ("al", "el"):
            continue
        no_article.append(t[3:] if i and not after_abd and re.match(r"(?i)(al|el)-\w", t) else t)
    if 2 <= len(no_article) <= 3 and len(tokens) - len(no_article) <= 1:
        out.append(" ".join(no_article))
    no_initials = [t for i, t in enumerate(tokens) if not (0 < i < len(tokens) - 1 and re.fullmatch(r"[A-Z]\.?", t))]
    if len(no_initials) >= 2:
        out.append(" ".join(no_initials))
    return [v for v in out if v != name]


def _dedupe_forms(name: str, forms: Iterable[str]) -> list[str]:
    seen = {kb.fold(name)}
    out = []
    for form in forms:
        if form and kb.fold(form) not in seen:
            seen.add(kb.fold(form))
            out.append(form)
    return out


# ----------------------------------------------------------------------------------------------- Phoenix


def places() -> frozenset[str]:
    """Lower-case names, aliases and demonyms of countries, and their words ("us", "u.s", "iraqi"): what a
    person's name does not start with."""
    countries = kb.countries()
    forms = {f.lower().strip(".") for table in (countries.names, countries.demonyms) for f in table}
    return frozenset(forms | {f.replace(".", "") for f in forms})


def person_names(
    block: pa.Block, vocab: frozenset[str], given: Counter, problems: Counter
) -> tuple[str, list[str]] | None:
    """(name, aliases) of a person block, or None if no usable name is left."""
    names: list[str] = []
    for phrase in block.names:
        if "\ufffd" in phrase or "`" in phrase:  # mis-encoded in the source
            problems["name with unreadable characters"] += 1
            continue
        raw = pa.words(phrase)
        if any(w.lower().strip(",") in NOT_NAME_WORDS for w in raw):
            problems["alias that names no person"] += 1
            continue
        first = not names
        if not first:  # an office inside an alias: "UNITED_NATIONS_SECRETARY_GENERAL_KOFI_ANNAN"
            offices = [i for i, w in enumerate(raw) if w.lower() in core_titles() or _key(w) in core_titles()]
            if offices and len(raw) - offices[-1] - 1 >= 2:
                raw = raw[offices[-1] + 1 :]
        stripped = strip_title(raw, vocab)
        if not first and kb.fold(" ".join(stripped)).endswith(" " + kb.fold(names[0])):
            problems["alias that is the name behind other words"] += 1  # "GOVENOR_RONALD_REAGAN"
            continue
        if len(stripped) >= 2:
            names.append(case_name(stripped))
        elif first and len(raw) >= 2 and stripped != raw:
            names.append(case_name(raw))  # "KING_ABDULLAH": the title is all that tells who it is
        elif first and len(raw) == 1 and given[raw[0].lower()] == 0:
            names.append(case_name(raw))  # a mononym (Suharto), not a given name alone (Hussein)
        else:
            problems["alias that is one word or a title alone"] += 1
    if not names:
        return None
    name = names[0]
    aliases = _dedupe_forms(name, [*names[1:], *(v for n in names for v in variants(n))])
    return name, aliases


def phoenix_roles(
    roles: Iterable[pa.Role], known: frozenset[str], problems: Counter, international: bool = False
) -> list[tuple[str | None, str, date | None, date | None]]:
    """(country, code, start, end) for each role that names a state, or an IGO/NGO when ``international``."""
    out = []
    for role in roles:
        country, rest = pa.split_code(role.code, known)
        if country:
            code = country + rest
        elif international and role.code.startswith(("IGO", "NGO")):
            code = role.code
        else:
            problems[f"role without a known state ({role.code[:3]})"] += 1
            continue
        row = (country, code, role.start, role.end)
        if row not in out:
            out.append(row)
    return out


def read_phoenix(
    countries_lines: Iterable[str],
    international_lines: Iterable[str] = (),
    problems: Counter | None = None,
    vocab: frozenset[str] | None = None,
) -> tuple[list[Holder], Counter]:
    """People of the Countries dictionary, and the people of the International one with a dated IGO/NGO role;
    and the given names of the Countries dictionary's people (see phoenix_actors.given_names)."""
    problems = problems if problems is not None else Counter()
    vocab = vocab or title_words()
    known = frozenset(kb.countries().by_iso3)
    blocks = pa.read_blocks(countries_lines, problems)
    given = pa.given_names(blocks)
    not_names = places()
    out: list[Holder] = []
    for block in blocks:
        if not pa.is_person_block(block, given, known, not_names):
            continue
        named = person_names(block, vocab, given, problems)
        roles = phoenix_roles(block.roles, known, problems, international=True)
        if named and roles:
            out.append(Holder(named[0], named[1], roles))
        else:
            problems["person without a usable name or role"] += 1
    for block in pa.read_blocks(international_lines, problems):
        dated_igo = any(r.dated and r.code.startswith(("IGO", "NGO")) for r in block.roles)
        if not dated_igo or not pa.is_dated_person(block):
            continue
        named = person_names(block, vocab, given, problems)
        roles = phoenix_roles(block.roles, known, problems, international=True)
        if named and roles:
            out.append(Holder(named[0], named[1], roles))
            problems["international person kept"] += 1
    return out, given


# ----------------------------------------------------------------------------------------------- Factbook


def clean(text: str) -> str:
    """Factbook text without HTML entities, tags or notes."""
    text = html.unescape(text).replace("\xa0", " ")
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.split(r";?\s*\bnote\s*[-:–]", text, maxsplit=1)[0]
    return " ".join(text.split())


def parse_since(text: str) -> date | None:
    """The first date in a Factbook parenthesis: "since 12 December 2019" -> 2019-12-12; a month alone is its
    first day, a year alone 1 January."""
    found = DATE_IN_TEXT.search(text)
    if not found:
        return None
    day, month, year = found.groups()
    return date(int(year), MONTHS[month.lower()] if month else 1, int(day) if day and month else 1)


@dataclass
class Appointment:
    title: str
    name: str
    aliases: list[str]
    since: date | None
    until: date | None
    represented: bool  # the office holder acts there through a representative ("represented by ...")
    rest: str  # words after the name ("of the Netherlands")


def factbook_vocab(vocab: frozenset[str], given: Counter | None = None) -> frozenset[str]:
    """Title words for the Factbook's longer titles ("President of the Swiss Confederation", "Governor-General of
    New Zealand"): the words of country names join them, except those that are given names too (Jordan)."""
    given = given or Counter()
    words = {_key(w) for form in kb.countries().names for w in form.split() if len(w) > 3}
    words |= {_key(w) for form in kb.countries().demonyms for w in form.split()}
    words = {w for w in words if given[w] == 0}
    return frozenset(vocab | FACTBOOK_TITLE_WORDS | words)


def _chunks(text: str) -> list[tuple[str, str, bool]]:
    """(title and name, parenthesis with the date, followed by "represented by") for each dated appointment."""
    out: list[tuple[str, str, bool]] = []
    depth, start, buf_start = 0, 0, 0
    for i, ch in enumerate(text):
        if ch == "(":
            if depth == 0:
                start = i
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
            if depth == 0:
                inside = text[start + 1 : i]
                if DATE_IN_TEXT.search(inside):
                    after = text[i + 1 : i + 40].lower()
                    out.append((text[buf_start:start], inside, "represented by" in after))
                    buf_start = i + 1
    return out


def _is_caps(word: str) -> bool:
    """A family name as the Factbook writes it (PASHINYAN, al-BURHAN, VAN-DÚNEM), not an initial (J.M.)."""
    word = word.strip(",;")
    word = re.sub(r"^(?:al|el|de|da|van|von)-", "", word)
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and "." not in word


def _has_name(text: str, vocab: frozenset[str]) -> bool:
    return any(_is_caps(t) and _key(t) not in vocab for t in text.split())


def split_people(chunk: str, vocab: frozenset[str]) -> list[str]:
    """The people of one appointment's text: "Captains Regent Matteo ROSSI and Lorenzo BUGLI" -> two; "Crown
    Prince and Prime Minister MUHAMMAD BIN SALMAN" -> one. The title of the first is lent to the others."""
    chunk = re.sub(r"\([^()]*\)", " ", chunk)  # "(nonresident)"
    chunk = chunk.rsplit(";", 1)[-1]  # "Ambassador-designate X; Chargé d'Affaires Y (since ...)": Y
    chunk = re.sub(r"^.*\brepresented by\s+", "", chunk, flags=re.I)
    chunk = re.sub(r"^[\s,]*(?:and\s+)?", "", chunk.strip(), flags=re.I)
    parts = re.split(r"\s+and\s+", chunk)
    people: list[str] = []
    pending = ""
    for part in parts:
        text = f"{pending} and {part}" if pending else part
        if _has_name(part, vocab):
            people.append(text)
            pending = ""
        else:
            pending = text
    if pending and people:
        people[-1] += " and " + pending
    return people


def split_appointment(chunk: str, vocab: frozenset[str]) -> tuple[str, list[str], list[str], list[str], str] | None:
    """(title, given names, family-name words, words after them, the rest) of "Prime Minister Nikol PASHINYAN".
    The family name is the last run of capitals; the title is the run of title words before the given names."""
    tokens = chunk.replace(",", " , ").replace(";", " ").split()
    runs = [
        i
        for i, t in enumerate(tokens)
        if _is_caps(t) and _key(t) not in vocab and t.strip(",;") not in ROMAN_NUMERALS and not kb.countries().lookup(t)
    ]
    if not runs:
        return None
    end = runs[-1] + 1
    start = runs[-1]
    while start > 0 and (
        _is_caps(tokens[start - 1]) or (start > 1 and tokens[start - 1] in PARTICLES and _is_caps(tokens[start - 2]))
    ):
        start -= 1  # "CORREIA e SILVA", "MONTEIRO ALVES DE BRITO"
    family = tokens[start:end]
    after: list[str] = []
    i = end
    while i < len(tokens):
        t = tokens[i]
        if t == "," and i + 1 < len(tokens) and re.fullmatch(r"(?:Jr|Sr)\.?|[IVX]+", tokens[i + 1]):
            after.append(tokens[i + 1])
            i += 2
            continue
        if t[:1].isupper() or t.lower() in PARTICLES or re.match(r"(?:al|el|bin)-", t):
            after.append(t)
            i += 1
            continue
        break
    rest = " ".join(tokens[i:])
    j = 0
    while j < start and (_key(tokens[j]) in vocab or tokens[j] == "," or _key(tokens[j]).endswith("-designate")):
        j += 1
    if start - j > 5:  # a title word missing from the vocabulary: the given names are the last words
        j = start
        while j > 0 and _key(tokens[j - 1]) not in vocab and start - j < 3:
            j -= 1
    core = [k for k in range(j, start) if tokens[k].lower() in core_titles()]
    if core:  # "Taliban Leader Haybatullah": an office word among the given names ends the title there
        j = core[-1] + 1
    title = " ".join(tokens[:j]).strip(" ,")
    return title, tokens[j:start], family, after, rest


@cache
def core_titles() -> frozenset[str]:
    """Words of dyad's title phrases that are offices, not forms of address (Leader, King; not Sheikh, Sir)."""
    honorific = {w.lower() for w in kb.words("honorific")} | {"sheikh", "sheik", "shaikh", "sir", "dame", "dr"}
    words = {w.lower() for phrase in kb.titles().phrases for w in phrase.split()}
    words = {w for w in words if w + "." not in words}  # "del" (Spanish) is not "del." (delegate)
    return frozenset(words - honorific - GIVEN_NAME_TITLES - {"of", "the", "for", "and", "general", "head", "chief"})


def _case_any(word: str) -> str:
    """A name word in normal case if the Factbook wrote it in capitals, as written otherwise."""
    if not _is_caps(word):
        return word
    low = word.lower()
    if low in PARTICLES:
        return low
    if word.upper() in ROMAN_NUMERALS:
        return word.upper()
    if re.match(r"(?i)(?:al|el)-", word):
        return low[:3] + pa.case_word(word[3:])
    return pa.case_word(word)


def factbook_name(
    given: list[str], family: list[str], after: list[str], family_first: bool = False
) -> tuple[str, list[str]]:
    """Full name in normal case and the short forms news use: first given name + family name ("Vladimir
    Putin"; not for names whose first given name is not the one used, Muhammad Shehbaz Sharif, Abdel Fattah
    el-Sisi, nor where the family name comes first), a nickname ("Bongbong Marcos"), the capitalised part of an
    Arabic name chain ("Muhammad bin Salman")."""
    quoted = re.compile(r"^[\"“”'].*[\"“”']$")
    nick = [g.strip("\"“”'") for g in given if quoted.match(g)]
    given = [_case_any(g) for g in given if not quoted.match(g)]
    family_cased = " ".join(_case_any(w) if i or given else pa.case_word(w) for i, w in enumerate(family))
    after = [_case_any(w) for w in after]
    full = " ".join([*given, family_cased, *after]).strip()
    aliases = []
    if (
        len(given) > 1
        and not family_first
        and given[0].lower() not in MUHAMMAD | ARABIC_COMPOUND
        and given[-1].lower() not in PARTICLES | {"le", "la"}  # "Timothy Le COCQ": Le is the family name's
    ):
        aliases.append(" ".join([given[0], family_cased, *after]))
    if nick:
        aliases.append(f"{nick[0].capitalize()} {family_cased}")  # "Bongbong Marcos", without the Jr.
    if not given and len(family) > 1 and after and after[0].lower() in ("bin", "ibn", "bint"):
        aliases.append(family_cased)
    return full, [a for a in aliases if a != full]


def appointments(
    text: str,
    vocab: frozenset[str],
    problems: Counter,
    family_first: bool = False,
    lexicon: Counter | None = None,
) -> list[Appointment]:
    """The dated appointments of one Factbook field ("President X (since ...); represented by Y (since ...)")."""
    out = []
    for chunk, inside, represented in _chunks(clean(text)):
        if "vacant" in inside.lower():
            continue
        since = parse_since(inside)
        period = re.search(r"period (.+?) - (.+)$", inside)
        until = parse_since(period.group(2)) if period else None
        title = ""
        for person in split_people(chunk, vocab):
            parts = split_appointment(person, vocab)
            if parts is None:
                problems["factbook text without a name"] += 1
                continue
            own_title, given, family, after, rest = parts
            title = own_title or title
            name, aliases = factbook_name(given, family, after, family_first)
            if len(name.split()) == 1 and title:
                if lexicon is None or lexicon[kb.fold(name)] == 0:
                    aliases.append(name)  # "Naruhito" names one man; "Philippe" no one
                name = f"{title.split()[-1]} {name}"
            out.append(Appointment(title, name, aliases, since, until, represented, rest))
    return out


def factbook_country(record: dict) -> str | None:
    """ISO alpha-3 of a Factbook record: its long form first ("Dominican Republic" where the short name is cut
    to "The Dominican"), then its name, then pycountry's names ("Korea, North" -> PRK)."""
    import pycountry

    countries = kb.countries()
    name = html.unescape(record.get("country") or "").strip()
    if not name or name.lower() == "none":
        return None
    short = re.sub(r"\s*\(.*\)", "", name)
    if short in FACTBOOK_COUNTRIES:
        return FACTBOOK_COUNTRIES[short]
    long_form = html.unescape(record.get("conventional_long_form") or "")
    candidates = [long_form if long_form.lower() != "none" else "", name, re.sub(r"\s*\(.*\)", "", name)]
    if "," in name:
        head, _, tail = name.partition(",")
        candidates.append(f"{tail.strip()} {head.strip()}")
    candidates = [c for c in candidates if c]
    for candidate in candidates:
        iso3 = countries.names.get(candidate) or countries.names.get(re.sub(r"^the\s+", "", candidate, flags=re.I))
        if iso3:
            return iso3
    for candidate in candidates:
        try:
            return pycountry.countries.lookup(candidate).alpha_3
        except LookupError:
            continue
    return None


def country_in(text: str) -> str | None:
    """The first country a title names ("Governor-General of New Zealand" -> NZL), longest name first."""
    countries = kb.countries()
    tokens = re.findall(r"[\w.'’-]+", text)
    for i in range(len(tokens)):
        for j in range(min(len(tokens), i + 6), i, -1):
            phrase = " ".join(tokens[i:j])
            if phrase[:1].isupper() and (len(phrase) > 2 or phrase.isupper()):
                iso3 = countries.lookup(phrase)
                if iso3:
                    return iso3
    return None


def _has_embassy(record: dict) -> bool:
    """A state with an embassy in the US (the US itself too): the Factbook lists territories with no envoy."""
    envoy = (record.get("chief_of_mission_in_us") or "").strip().lower()
    return record.get("gec") == "us" or bool(envoy and not envoy.startswith("none"))


def read_factbook(
    lines: Iterable[str],
    problems: Counter | None = None,
    vocab: frozenset[str] | None = None,
    given: Counter | None = None,
) -> list[Holder]:
    """Holders from the Factbook's records: heads of state and government of each country, its ambassador in
    the US (that country's), and the US ambassador to it (USA's). A title that names a country gives it
    ("Governor-General of New Zealand" in Tokelau's record). Someone listed in several records (the King in
    every realm, the US President in every territory) is kept for the states with an embassy, and there where
    they hold office in person rather than through a representative."""
    problems = problems if problems is not None else Counter()
    vocab = vocab or factbook_vocab(title_words())
    family_first = set(kb.words("family_name_first")) | FAMILY_FIRST
    found: list[tuple[Holder, bool, bool, bool]] = []  # holder, represented, state record, home record
    for line in lines:
        if not line.strip():
            continue
        record = json.loads(line)
        home = factbook_country(record)
        if home is None:
            problems[f"factbook record without a country ({record.get('country')})"] += 1
            continue
        for field_name in FACTBOOK_FIELDS:
            if not record.get(field_name):
                continue
            for appt in appointments(record[field_name], vocab, problems, home in family_first, given):
                if field_name == "chief_of_mission_from_us":
                    country = "USA"
                elif field_name == "chief_of_mission_in_us":
                    country = home
                else:
                    country = country_in(f"{appt.title} {appt.rest}") or home
                role = (country, country + "GOV", appt.since, appt.until)
                holder = Holder(appt.name, appt.aliases, [role], appt.title, "factbook")
                found.append((holder, appt.represented, _has_embassy(record), country == home))
    by_name: dict[str, list[tuple[Holder, bool, bool, bool]]] = {}
    for entry in found:
        by_name.setdefault(kb.fold(entry[0].name), []).append(entry)
    out: list[Holder] = []
    for entries in by_name.values():
        if any(state for _, _, state, _ in entries):
            entries = [e for e in entries if e[2]]
        if any(not represented for _, represented, _, _ in entries):
            entries = [e for e in entries if not e[1]]
        kept: dict[str | None, Holder] = {}
        for holder, *_ in sorted(entries, key=lambda e: not e[3]):  # a state's own record first
            country, code, since, until = holder.roles[0]
            if country in kept:
                earlier = kept[country]
                if since and (earlier.roles[0][2] is None or since < earlier.roles[0][2]):
                    earlier.roles[0] = (country, code, since, earlier.roles[0][3])
                earlier.aliases = _dedupe_forms(earlier.name, [*earlier.aliases, *holder.aliases])
                continue
            kept[country] = holder
        out.extend(kept.values())
    problems["factbook listings merged or dropped"] += len(found) - len(out)
    return out


# ----------------------------------------------------------------------------------------------- cabinets


def _term_date(value: str, end: bool = False) -> date | None:
    """A cabinets date (YYYY-MM-DD, YYYY-MM or YYYY) as a day: a start's first day, an end's last one."""
    if not value:
        return None
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 2:
        if not end:
            return date(parts[0], parts[1], 1)
        following = date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return date.fromordinal(following.toordinal() - 1)
    return date(parts[0], 12, 31) if end else date(parts[0], 1, 1)


def cabinet_name(person: str) -> tuple[str, list[str]] | None:
    """(name, aliases) of a cabinets person: without a peerage after a comma ("Des Browne, Baron Browne of
    Ladyton"), a description in brackets ("Salahuddin Ahmed (governor)") or a nickname in quotes, which gives an
    alias with the family name ("Philip "Brave" Davis" -> Brave Davis); None for a single word, which names too
    many people to stand alone here."""
    text = " ".join(person.replace("\xa0", " ").split())
    head, comma, tail = text.partition(",")
    if comma:
        text = f"{head} {tail.strip()}" if tail.strip().lower() in NAME_SUFFIXES else head
    text = " ".join(re.sub(r"\s*\([^)]*\)", " ", text).split())
    nick = re.search(r"[\"“”]([^\"“”]+)[\"“”]", text)
    name = " ".join(re.sub(r"[\"“”][^\"“”]+[\"“”]", " ", text).split())
    if len(name.split()) < 2:
        return None
    forms = [name, *variants(name)]
    if nick:
        family = [w for w in name.split() if w.lower().strip(".") not in NAME_SUFFIXES][-1]
        forms.append(f"{nick.group(1).strip()} {family}")
    return name, _dedupe_forms(name, forms)


def position_code(iso3: str, position: str) -> str:
    """The CAMEO code of an office: the state and the sector of its title ("Chief Justice" JUD, "Chief of the
    General Staff" MIL), or of its institution when it is no minister's ("Speaker of the National Assembly" LEG);
    GOV otherwise."""
    title = kb.titles().find(position)
    sector = title.sector if title and title.sector in ("GOV", "LEG", "JUD", "MIL") else "GOV"
    folded = kb.fold(position).split()
    if sector == "GOV" and not {"minister", "secretary", "ministry"} & set(folded):
        for word in reversed(folded):
            if kb.institutions().get(word) in ("LEG", "JUD", "MIL"):
                return iso3 + kb.institutions()[word]
    return iso3 + sector


def term_end(end: str, source: str) -> date | None:
    """The last day a term is vouched for: its end, else the snapshot it was last seen in (see the module's
    docstring); None (open) only for the newest Factbook snapshot's terms."""
    if end:
        return _term_date(end, end=True)
    if source.startswith("factbook.json@"):
        commit = source.rsplit("@", 1)[1][:7]
        return None if commit == NEWEST_FACTBOOK else FACTBOOK_SNAPSHOTS.get(commit, WIKIDATA_VOUCHED)
    return WIKIDATA_VOUCHED


def read_cabinets(lines: Iterable[str], problems: Counter | None = None) -> list[Holder]:
    """One holder per cabinets row (a term of one office), with its title, state and dates."""
    problems = problems if problems is not None else Counter()
    known = kb.countries().by_iso3
    out: list[Holder] = []
    for line in lines:
        cells = line.rstrip("\n").split("\t")
        if len(cells) < 7 or cells[0] == "iso3":
            continue
        iso3, position, person, _qid, start, end, source = cells[:7]
        if iso3 not in known:
            problems[f"cabinets row of an unknown state ({iso3})"] += 1
            continue
        named = cabinet_name(html.unescape(person))
        if named is None:
            problems["cabinets person of one word"] += 1
            continue
        began, ended = _term_date(start), term_end(end, source)
        if began and ended and ended < began:
            if end:
                problems["cabinets term that ends before it starts"] += 1
                continue
            ended = began  # begun after the earliest snapshot, so seen in office the day it began, no later
        position = " ".join(position.split())
        role = (iso3, position_code(iso3, position), began, ended)
        out.append(Holder(named[0], named[1], [role], position, "cabinets"))
    return out


# ----------------------------------------------------------------------------------------------- output


def header() -> list[str]:
    """The file's provenance and licence notices."""
    return [
        "# People and the state they act for, by date (dyad kb). GENERATED by scripts/build_people.py: do not edit;",
        "# put corrections in people.tsv, which wins over this file.",
        f"# Sources: petrarch2/Phoenix.Countries.actors.txt and Phoenix.International.actors.txt (openeventdata/"
        f"petrarch2, commit {pa.PETRARCH_COMMIT}; from CountryInfo 2014, roles end in 2014) and factbook/"
        f"government.jsonl (factbook/factbook.json, commit {FACTBOOK_COMMIT}; current to February 2026) and"
        " cabinets/office_holders.tsv (2026 build: Wikidata position-held terms from every-politician-scrapers, to"
        " mid-2022, and CIA World Factbook heads of state and government of ten snapshots, 2015 to January 2026;"
        " title is the office as the source names it).",
        "# The CIA World Factbook is a work of the US government in the public domain; its JSON conversion"
        " (factbook/factbook.json) is CC0. Wikidata's structured data is CC0 1.0.",
        "# A cabinets term with no recorded end ends here on the last date its source vouches for: a Wikidata term"
        f" on {WIKIDATA_VOUCHED.isoformat()} (the earliest snapshot), a Factbook term on the date of the snapshot"
        " that last listed it; terms of the newest snapshot stay open.",
        "# Two-digit years of the Phoenix dictionaries: 00-14 are 20xx, 15-99 19xx. start/end are inclusive; an"
        " empty pair is the person's default code, used when none of their dated roles covers the date.",
        *pa.licence_lines(),
        "# name\taliases\tcountry\tcode\ttitle\tstart\tend\tsource",
    ]


def rows(holders: Iterable[Holder], since_year: int | None = None) -> list[str]:
    out = []
    for h in holders:
        for country, code, start, end in h.roles:
            if since_year and end is not None and end.year < since_year:
                continue
            cells = [h.name, "|".join(h.aliases), country or "", code, h.title, _iso(start), _iso(end), h.source]
            out.append("\t".join(c.replace("\t", " ") for c in cells))
    return sorted(set(out), key=lambda r: (r.split("\t")[2], kb.fold(r.split("\t")[0]), r))


def _iso(value: date | None) -> str:
    return value.isoformat() if value else ""


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--petrarch", type=Path, default=DEFAULT_PETRARCH)
    parser.add_argument("--factbook", type=Path, default=DEFAULT_FACTBOOK)
    parser.add_argument("--cabinets", type=Path, default=DEFAULT_CABINETS)
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--since", type=int, default=None, help="drop roles that ended before this year")
    args = parser.parse_args(argv)
    pa.check_licence(args.petrarch)
    problems: Counter = Counter()
    vocab = title_words()

    def lines(path: Path) -> list[str]:
        return path.read_text(encoding="utf-8", errors="replace").splitlines()

    phoenix, given = read_phoenix(
        lines(args.petrarch / "Phoenix.Countries.actors.txt"),
        lines(args.petrarch / "Phoenix.International.actors.txt"),
        problems,
        vocab,
    )
    factbook = read_factbook(lines(args.factbook), problems, factbook_vocab(vocab, given), given)
    cabinets = read_cabinets(lines(args.cabinets), problems)
    body = rows([*phoenix, *factbook, *cabinets], args.since)
    args.output.write_text("\n".join([*header(), *body]) + "\n", encoding="utf-8")
    by_source = Counter(r.rsplit("\t", 1)[1] for r in body)
    print(
        f"wrote {len(body)} roles of {len(phoenix)} Phoenix and {len(factbook)} Factbook people and"
        f" {len(cabinets)} cabinets terms to {args.output}"
    )
    print("roles by source: " + ", ".join(f"{k} {v}" for k, v in sorted(by_source.items())))
    print(f"size: {args.output.stat().st_size:,} bytes")
    for reason, count in problems.most_common():
        print(f"  {count:6d}  {reason}")


if __name__ == "__main__":
    main()
