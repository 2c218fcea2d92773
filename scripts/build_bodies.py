"""Build src/dyad/kb/data/bodies.tsv: international bodies, NGOs and armed non-state groups with their CAMEO codes.

Sources (openeventdata/petrarch2, MIT; read /work/shared/data/README.md):
- petrarch2/Phoenix.International.actors.txt: intergovernmental bodies and NGOs (``UNITED_NATIONS_ [IGOUNO]``);
  its multinational companies (MNC codes) stay out, and so do its people: build_people.py takes those with a
  dated IGO/NGO role into office_holders.tsv.
- petrarch2/Phoenix.MilNonState.actors.txt: armed non-state groups (``HEZBOLLAH_ [LBNREB]``), from START's TOPS.

A row is one dictionary entry: its name, the spellings of it worth matching in news (acronyms, transliterations),
the state its code starts with, if any, the code, and its kind (organization for the International file, group
for the armed groups). What names no body is left out: people ("KHALED_MESHAAL" among Hamas's synonyms), roles
("UN_ENVOY_"), members ("AL_QAEDA_OPERATIVES"), one-word fragments of the name ("AL-AQSA_" for the Martyrs
Brigades), numbers. Names come in normal case: acronyms stay in capitals, a one-word name that is not an acronym
gets its capitalised form and its all-capitals one (Hamas, HAMAS), an Arabic article at the start both cases
(Al-Qaeda, al-Qaeda).

Run: .venv/bin/python scripts/build_bodies.py [--petrarch DIR] [--output PATH]
"""

from __future__ import annotations

import argparse
import calendar
import re
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import phoenix_actors as pa  # noqa: E402  (the shared dictionary reader next to this script)

from dyad import kb  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_PETRARCH = ROOT.parent / "shared" / "data" / "petrarch2"
DEFAULT_OUTPUT = ROOT / "src" / "dyad" / "kb" / "data" / "bodies.tsv"

# Words written in lower case inside a body's name.
SMALL_WORDS = frozenset(
    {"of", "the", "and", "for", "in", "on", "at", "to", "by", "a", "an"}
    | {"de", "des", "du", "la", "le", "les", "del", "di", "e", "et", "y", "fi", "wal", "al", "el", "ul", "ud"}
)
# Short words kept in capitals inside a longer name ("UN High Commission for Refugees").
CAPITAL_WORDS = frozenset({"UN", "U.N.", "US", "U.S.", "EU", "E.U.", "UK", "AU", "OAS", "NATO", "OPEC", "ASEAN", "IRA"})
# Last words that make a phrase a person, a role or the members of a body rather than the body.
NOT_A_BODY = frozenset(
    {
        *("envoy", "envoys", "official", "officials", "spokesman", "spokeswoman", "spokesperson", "chief", "head"),
        *("leader", "leaders", "member", "members", "operative", "operatives", "supporter", "supporters"),
        *("militant", "militants", "monitor", "monitors", "peacekeeper", "peacekeepers", "inspector", "inspectors"),
        *("delegate", "delegates", "representative", "representatives", "rapporteur", "director", "president"),
        *("ambassador", "secretary-general", "general", "worker", "workers", "staff", "troops", "soldiers"),
        *("offshoot", "affiliated", "linked", "bodies", "contingent", "database", "man", "men", "commander"),
    }
)
# Words that make an alias a different or looser thing than the body it is listed under.
LOOSE_WORDS = frozenset({"linked", "affiliated", "offshoot", "operatives", "inspired", "style", "-linked"})
# Generic names that would match any mention of the kind of body, not one body.
GENERIC = frozenset(
    {"non governmental organization", "non-governmental organization", "ngo", "un", "the un", "international"}
)
VOWELS = set("AEIOUY")
# Synonyms the dictionaries list under the wrong body, found by reading the output: (body's name, alias).
DROP_ALIASES = frozenset(
    {
        ("Hezbollah", "Islamic Jihad"),  # in news, the Palestinian group; listed here under Hezbollah
        ("Hamas", "Al-Aqsa Foundation"),  # a charity, not the movement
        ("Hezbollah", "Nasrallah"),  # its leader
        ("Republic of Texas", "Arab Organization of May 15"),
        ("Al-Qaeda in the Arabian Peninsula", "Nasir al-Wuhayshi"),  # its leaders, listed as its names
        ("Al-Qaeda in the Arabian Peninsula", "Nasir Abdel Karim al-Wuhayshi"),
        ("Al-Qaeda in the Arabian Peninsula", "Al-Awlaki"),
        ("Al-Qaeda in the Arabian Peninsula", "Awlaqi"),
        ("Al-Qaeda in the Arabian Peninsula", "Aulaqi"),
        ("Al-Qaeda in the Arabian Peninsula", "Al Awlaki"),
        ("Al-Qaeda in the Arabian Peninsula", "Abu Basir"),
    }
)


@dataclass
class Body:
    name: str
    aliases: list[str]
    country: str | None
    code: str
    kind: str  # organization | group


def _letters(word: str) -> str:
    return "".join(c for c in word if c.isalpha())


def is_initials(acronym: str, phrase_words: list[str]) -> bool:
    """Whether the letters of an acronym are, in order, initials of the phrase's words or their hyphenated
    parts (AAIA: Aden Abyan Islamic Army; LEJ: Lashkar-e-Jhangvi)."""
    letters = _letters(acronym).upper()
    parts = [p for w in phrase_words for p in re.split(r"[-/]", w) if _letters(p)]
    initials = [_letters(p)[0].upper() for p in parts]
    i = 0
    for initial in initials:
        if i < len(letters) and initial == letters[i]:
            i += 1
    return len(letters) >= 2 and i == len(letters)


def looks_like_acronym(word: str, other_names: Iterable[list[str]] = ()) -> bool:
    """A one-word name read as an acronym: dotted (U.N.), no vowel (PKK, HRW), four letters or fewer (IAEA), or
    the initials of another name of the same body (UNHCR)."""
    letters = _letters(word).upper()
    if not letters or "." in word and len(letters) <= 6:
        return bool(letters)
    if re.search(r"[/-]", word) and all(len(_letters(p)) <= 4 for p in re.split(r"[/-]", word)):
        return True  # TKEP/L, FARC-EP
    if len(letters) <= 4 or not set(letters) & VOWELS:
        return True
    return any(is_initials(word, [w for w in other if w.lower() not in SMALL_WORDS]) for other in other_names)


def case_body(raw: list[str], acronym: bool = False) -> str:
    """Dictionary words of a body's name in normal case."""
    if len(raw) == 1 and acronym:
        return raw[0].upper()
    out = []
    for i, word in enumerate(raw):
        low = word.lower()
        letters = _letters(word)
        if word in CAPITAL_WORDS or (
            len(letters) >= 2
            and letters.isalpha()
            and letters == word.strip("'.,")
            and not set(letters.upper()) & VOWELS
        ):
            out.append(word)
        elif i and low in SMALL_WORDS:
            out.append(low)
        elif i and re.match(r"(al|el|ul)-\w", low):
            out.append(low[:3] + pa.case_word(word[3:]))
        else:
            out.append(pa.case_word(word))
    return " ".join(out)


def split_parenthesis(phrase: str) -> tuple[list[str], str | None]:
    """Words of a phrase without its parenthesis, and the parenthesis when it holds the acronym of the name:
    ``ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_`` -> ([ADEN, ABYAN, ISLAMIC, ARMY], "AAIA"); "(GREECE)" is dropped."""
    inside = re.findall(r"\(([^()]*)\)", phrase)
    outside = pa.words(re.sub(r"\([^()]*\)", " ", phrase).split("(")[0])  # an unclosed "(" ends the name
    for candidate in inside:
        text = candidate.replace("_", " ").strip()
        if " " not in text and is_initials(text, outside):
            return outside, text
    return outside, None


def surface_forms(name: str) -> list[str]:
    """The forms of one name that news write: "Al-Qaeda" and "al-Qaeda"; "Hamas" and "HAMAS"."""
    forms = [name]
    if re.match(r"Al[- ]\w", name):
        forms.append("al" + name[2:])
    if " " not in name and not name.isupper() and name.isalpha() and len(name) > 2:
        forms.append(name.upper())
    if name.startswith("The ") and len(name.split()) > 2:
        forms.append(name[4:])
    joined = PARTICLE.sub(lambda m: m.group(0).lower(), name)
    if joined != name:  # "Lashkar-e-Taiba", "Hizb-ut-Tahrir": the article of a hyphenated name is lower case
        forms.append(joined)
    return forms


PARTICLE = re.compile(r"(?<=\w)-(?:E|I|Ul|Ud|Ut|Ur|Us|Un|Al|El|Ad|Ar|As|Ash|At|Az|Ul)-(?=\w)")


def body_names(
    block: pa.Block, given: Counter, problems: Counter, not_body_heads: frozenset[str]
) -> tuple[str, list[str]] | None:
    """(name, aliases) of a body's block, or None if none of its phrases names a body."""
    phrases: list[tuple[list[str], str | None]] = []
    joined = [p for phrase in block.names for p in phrase.split("+") if p.strip("_ ")]  # "..._ISLAMI+_ISLAMIC_..."
    for n, phrase in enumerate(joined):
        if "\ufffd" in phrase:
            problems["phrase with unreadable characters"] += 1
            continue
        raw, acronym = split_parenthesis(phrase)
        raw = [w for w in raw if w != "-"] if len(raw) > 1 else raw  # "NUCLEI_-_COMBATANT"
        if raw and raw[0].lower() == "the" and len(raw) > 1:
            raw = raw[1:]
        reason = _not_a_name(raw, given, not_body_heads, first=n == 0)
        if reason:
            problems[reason] += 1
            continue
        phrases.append((raw, acronym))
    if not phrases:
        return None
    multi = [raw for raw, _ in phrases if len(raw) > 1]
    first_words = {w.lower() for raw in multi[:1] for w in raw}
    names: list[str] = []
    for raw, acronym in phrases:
        if len(raw) == 1 and names and raw[0].lower() in first_words and not looks_like_acronym(raw[0], multi):
            problems["one-word fragment of the name"] += 1  # "AL-AQSA_" for the Al-Aqsa Martyrs Brigades
            continue
        names.append(case_body(raw, acronym=len(raw) == 1 and looks_like_acronym(raw[0], multi)))
        if acronym:
            names.append(acronym.upper())
    name = names[0]
    drop = {a.lower() for n, a in DROP_ALIASES if n == name}
    aliases: list[str] = []
    seen = {name}
    for form in [f for n in names for f in surface_forms(n)]:
        if form.lower() in drop or (form[:3].lower() == "al-" and "al-" + form[3:].lower() in drop):
            problems["alias listed under the wrong body (DROP_ALIASES)"] += 1
            continue
        if form not in seen and form.lower() not in GENERIC:
            seen.add(form)
            aliases.append(form)
    return name, aliases


MONTHS = frozenset(m.lower() for m in calendar.month_name if m)


def _not_a_name(raw: list[str], given: Counter, not_body_heads: frozenset[str], first: bool = True) -> str | None:
    """Why a phrase names no body, or None if it may."""
    letters = "".join(_letters(w) for w in raw)
    if len(letters) < 2 or all(len(_letters(w)) <= 1 for w in raw):
        return "fragment or number"
    low = [w.lower() for w in raw]
    if " ".join(low) in GENERIC:
        return "generic name"
    if any(w in MONTHS for w in low) and all(w in MONTHS or w.isdigit() for w in low):
        return "a date"  # "17 November", "21 June": Greek groups' short names, which every date would match
    parts = [p for w in low for p in re.split(r"[-/]", w)]
    if low[-1] in NOT_A_BODY or low[-1] in not_body_heads or any(p in LOOSE_WORDS for p in parts):
        return "role, members or a looser group"
    if low[0] in ("sheikh", "shaykh", "sheik", "mullah", "imam", "bin", "ibn", "emir", "amir", "commander"):
        return "person"
    if pa.looks_like_person(" ".join(raw), given):
        return "person"
    if not first and len(raw) == 1 and given["last:" + low[0]] and not looks_like_acronym(raw[0]):
        return "person"  # "NASRALLAH" among Hezbollah's synonyms: a family name of CountryInfo's people
    return None


def block_code(block: pa.Block) -> str | None:
    """The code of a body: its default (undated) code, else its first one; None for the null code."""
    codes = [r.code for r in block.roles if not r.dated] or [r.code for r in block.roles]
    codes = [c for c in codes if c.strip("-")]
    return codes[0] if codes else None


def read_bodies(lines: Iterable[str], kind: str, given: Counter, problems: Counter | None = None) -> list[Body]:
    """The bodies of one actor dictionary (kind: organization or group)."""
    problems = problems if problems is not None else Counter()
    known = frozenset(kb.countries().by_iso3)
    not_body_heads = frozenset(w.lower() for w in kb.words("not_body_head"))
    out: list[Body] = []
    for block in pa.read_blocks(lines, problems):
        code = block_code(block)
        if code is None:
            problems["entry with the null code"] += 1
            continue
        if code.startswith("MNC"):
            problems["company (MNC) left out"] += 1
            continue
        if (
            any("IGOrulers" in c for c in block.comments)
            or pa.is_dated_person(block)
            or pa.looks_like_person(block.names[0], given)
        ):
            problems["person left out"] += 1
            continue
        named = body_names(block, given, problems, not_body_heads)
        if named is None:
            problems["entry without a body's name"] += 1
            continue
        country, rest = pa.split_code(code, known)
        if country is None and code[:3] in REGIONS:
            country = named_country([named[0], *named[1]])  # "Palestinian Islamic Jihad" [MEAREB]: Palestine
            rest = code[3:]
        out.append(Body(named[0], named[1], country, (country + rest) if country else code, kind))
    return out


# CAMEO's regional codes (Phoenix dictionaries): a body coded by region may still be of one state.
REGIONS = frozenset(
    {"AFR", "ASA", "BLK", "CAU", "CAS", "CEU", "CFR", "CRB", "EAF", "EEU", "EIN", "EUR", "LAM", "MDT"}
    | {"MEA", "NAF", "NMR", "PGS", "SAF", "SAM", "SAS", "SCN", "SEA", "SWA", "WAF", "WEU", "WST"}
)


def named_country(names: list[str]) -> str | None:
    """The one state a body's names name, by a country's name or demonym as whole words, outside phrases
    that name no state ("Latin American"); None for none or several ("Eritrean Ethiopian Front")."""
    countries = kb.countries()
    forms = {**countries.names, **countries.demonyms}
    found = set()
    for name in names:
        for blocker in countries.blockers:
            name = name.replace(blocker, " ")
        for form, iso3 in forms.items():
            if len(form) > 3 and re.search(rf"(?<![\w-]){re.escape(form)}(?![\w-])", name):
                found.add(iso3)
    return found.pop() if len(found) == 1 else None


def header() -> list[str]:
    """The file's provenance and licence notices."""
    return [
        "# International bodies, NGOs and armed non-state groups with CAMEO codes (dyad kb). GENERATED by"
        " scripts/build_bodies.py: do not edit; put corrections in organizations.tsv, which wins over this file.",
        "# Sources: petrarch2/Phoenix.International.actors.txt (kind organization) and Phoenix.MilNonState.actors.txt"
        f" (kind group), openeventdata/petrarch2, commit {pa.PETRARCH_COMMIT}.",
        "# country: the ISO alpha-3 code a body's code starts with, if any (IGO/NGO codes carry none); for a regional"
        " code such as MEAREB, the one state the body's names name, if any.",
        *pa.licence_lines(),
        "# name\taliases\tcountry\tcode\tkind",
    ]


def rows(bodies: Iterable[Body]) -> list[str]:
    out = []
    seen = set()
    for b in bodies:
        row = "\t".join([b.name, "|".join(b.aliases), b.country or "", b.code, b.kind])
        if row not in seen:
            seen.add(row)
            out.append(row)
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--petrarch", type=Path, default=DEFAULT_PETRARCH)
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    pa.check_licence(args.petrarch)

    def lines(name: str) -> list[str]:
        return (args.petrarch / name).read_text(encoding="utf-8", errors="replace").splitlines()

    problems: Counter = Counter()
    given = pa.given_names(pa.read_blocks(lines("Phoenix.Countries.actors.txt")))
    organizations = read_bodies(lines("Phoenix.International.actors.txt"), "organization", given, problems)
    groups = read_bodies(lines("Phoenix.MilNonState.actors.txt"), "group", given, problems)
    body = rows([*organizations, *groups])
    args.output.write_text("\n".join([*header(), *body]) + "\n", encoding="utf-8")
    kinds = Counter(r.rsplit("\t", 1)[1] for r in body)
    forms = sum(1 + len(r.split("\t")[1].split("|")) - (r.split("\t")[1] == "") for r in body)
    print(f"wrote {len(body)} bodies ({', '.join(f'{k} {v}' for k, v in sorted(kinds.items()))}) to {args.output}")
    print(f"names and aliases: {forms}; size: {args.output.stat().st_size:,} bytes")
    for reason, count in problems.most_common():
        print(f"  {count:6d}  {reason}")


if __name__ == "__main__":
    main()
