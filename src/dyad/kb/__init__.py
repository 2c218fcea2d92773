"""Knowledge base: countries, titles, organisations, institutions and known people.

Each table is a versioned data file under ``kb/data``; the loaders read them once
and call nothing else in dyad.
"""

from __future__ import annotations

import gc
import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from importlib import resources
from typing import NamedTuple


def _rows(name: str) -> list[list[str]]:
    text = resources.files("dyad.kb").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _iter_rows(name: str) -> Iterator[list[str]]:
    """The rows of a large data file one at a time, so that its whole table never sits in memory at once."""
    with resources.files("dyad.kb").joinpath(f"data/{name}").open("r", encoding="utf-8") as lines:
        for line in lines:
            if line.strip() and not line.startswith("#"):
                yield line.rstrip("\n").split("\t")


def _lines(name: str) -> list[str]:
    return [r[0].strip() for r in _rows(name)]


def _split(value: str) -> tuple[str, ...]:
    return tuple(x for x in value.split("|") if x)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case, no accents, hyphens and dots as spaces: the key for name look-ups (cached: the same
    names are looked up again and again)."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = text.replace("’", "'")
    return " ".join(re.sub(r"[-.]", " ", text).split())


@dataclass(frozen=True)
class Country:
    iso3: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]


@dataclass(frozen=True)
class Countries:
    by_iso3: dict[str, Country]
    names: dict[str, str]  # exact surface form (name, alias) -> iso3
    demonyms: dict[str, str]  # exact surface form -> iso3
    capitals: dict[str, str]  # exact surface form -> iso3
    blockers: frozenset[str]  # phrases that look like a country and are not

    lowered: dict[str, str]  # lower-cased names of four letters or more -> iso3

    def lookup(self, text: str) -> str | None:
        """ISO alpha-3 for a country name, alias or demonym (not a capital)."""
        text = text.strip()
        for table in (self.names, self.demonyms):
            if text in table:
                return table[text]
        return self.lowered.get(text.lower())


@lru_cache(maxsize=1)
def countries() -> Countries:
    by_iso3: dict[str, Country] = {}
    names: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    capitals: dict[str, str] = {}
    for row in _rows("countries.tsv"):
        row += [""] * (5 - len(row))
        iso3, name, aliases, dems, caps = (c.strip() for c in row[:5])
        country = Country(iso3, name, _split(aliases), _split(dems), _split(caps))
        by_iso3[iso3] = country
        for form in (name, *country.aliases):
            names.setdefault(form, iso3)
            names.setdefault(form.replace("'", "’"), iso3)  # typographic apostrophes
            if form.lower().startswith("the "):
                names.setdefault(form[4:], iso3)
        for form in country.demonyms:
            demonyms.setdefault(form, iso3)
        for form in country.capitals:
            capitals.setdefault(form, iso3)
    blockers = frozenset(_lines("not_countries.txt"))
    lowered = {k.lower(): v for k, v in names.items() if len(k) > 3}
    return Countries(by_iso3, names, demonyms, capitals, blockers, lowered)


@dataclass(frozen=True)
class Title:
    phrase: str
    sector: str
    rank: str  # head | office


@dataclass(frozen=True)
class Titles:
    phrases: dict[str, Title]
    modifiers: frozenset[str]
    words: frozenset[str]  # every word that may stand in a title

    def find(self, text: str) -> Title | None:
        """The most specific title phrase inside a title string."""
        words = fold(text).split()
        best: Title | None = None
        for i in range(len(words)):
            for j in range(len(words), i, -1):
                title = self.phrases.get(" ".join(words[i:j]))
                if title and (best is None or len(title.phrase) > len(best.phrase)):
                    best = title
        return best


@lru_cache(maxsize=1)
def titles() -> Titles:
    phrases = {r[0].strip(): Title(r[0].strip(), r[1].strip(), r[2].strip()) for r in _rows("titles.tsv")}
    # the folded form too ("gen." -> "gen"), since find() folds the text it looks in
    phrases.update({fold(k): v for k, v in list(phrases.items()) if fold(k) not in phrases})
    modifiers = frozenset(_lines("title_modifiers.txt"))
    words = frozenset(w for p in phrases for w in p.split() if w not in ("of", "the", "for", "and")) | modifiers
    return Titles(phrases, modifiers, words)


@dataclass(frozen=True)
class Organization:
    name: str
    aliases: tuple[str, ...]
    country: str | None
    code: str


@lru_cache(maxsize=1)
def organizations() -> dict[str, Organization]:
    """Surface form (exact case) -> organisation."""
    out: dict[str, Organization] = {}
    for row in _rows("organizations.tsv"):
        row += [""] * (4 - len(row))
        name, aliases, country, code = (c.strip() for c in row[:4])
        country = country or (code[:3] if code[:3] in countries().by_iso3 else "")  # LBNREB: Lebanon's
        org = Organization(name, tuple(a for a in aliases.split("|") if a), country or None, code or "---")
        for form in (name, *org.aliases):
            out.setdefault(form, org)
            if form.lower().startswith("the "):
                out.setdefault(form[4:], org)
    return out


@dataclass(frozen=True)
class KnownPerson:
    name: str
    country: str | None
    code: str
    title: str | None = None  # the office held on the date looked up, where the knowledge names it


@lru_cache(maxsize=1)
def _people() -> tuple[dict[str, KnownPerson], dict[str, KnownPerson]]:
    full: dict[str, KnownPerson] = {}
    alone: dict[str, KnownPerson] = {}
    for row in _rows("people.tsv"):
        row += [""] * (5 - len(row))
        name, aliases, country, code, alone_forms = (c.strip() for c in row[:5])
        person = KnownPerson(name, country or None, code or (country + "GOV" if country else "---"))
        for form in (name, *aliases.split("|")):
            if form:
                full.setdefault(fold(form), person)
        for form in alone_forms.split("|"):
            if form:
                alone.setdefault(fold(form), person)
    return full, alone


def people() -> dict[str, KnownPerson]:
    """Folded full name or alias -> known person."""
    return _people()[0]


def person_alone(name: str) -> KnownPerson | None:
    """The known person a surname alone names ("Putin", "Xi"), if the data says it may."""
    return _people()[1].get(fold(name))


def known_person(name: str) -> bool:
    """Whether the knowledge base holds someone by this name, in full ("Vladimir Putin") or alone ("Putin")."""
    return people().get(fold(name)) is not None or person_alone(name) is not None


class Role(NamedTuple):
    """One office or standing of a person, as office_holders.tsv gives it; no dates is the person's default."""

    person: str  # the name as its source writes it
    country: str | None
    code: str
    start: date | None
    end: date | None
    title: str | None = None  # the office as the source names it ("Minister of Foreign Affairs")

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def covers(self, on: date) -> bool:
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)


_PLAIN_DROP = str.maketrans("-.", "  ")


def _fold_plain(text: str) -> str:
    """fold() without its cache, and fast for ASCII: the tens of thousands of names read once at load time
    would otherwise push the names of the articles out of fold's cache."""
    if text.isascii():
        return " ".join(text.lower().translate(_PLAIN_DROP).split())
    return fold.__wrapped__(text)


@contextmanager
def _gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while a large table is built: it creates tens of thousands of objects and
    no cycles, and the collector's passes over them would take longer than the building."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@lru_cache(maxsize=1)
def _office_holders() -> dict[str, tuple[Role, ...]]:
    """office_holders.tsv, read once: folded name or alias -> the roles of everyone so named. Codes and dates,
    repeated thousands of times, are shared objects."""
    with _gc_paused():
        shared: dict[str, str] = {}
        dates: dict[str, date | None] = {"": None}
        forms_of: dict[tuple[str, str], list[str]] = {}  # (name, aliases) -> folded forms
        by_form: dict[str, list[Role]] = {}
        for row in _iter_rows("office_holders.tsv"):
            row += [""] * (8 - len(row))
            name, aliases, country, code, title, start, end, _source = row[:8]
            forms = forms_of.get((name, aliases))
            if forms is None:
                forms = forms_of[(name, aliases)] = list(dict.fromkeys(map(_fold_plain, (name, *_split(aliases)))))
            for value in (start, end):
                if value not in dates:
                    dates[value] = date.fromisoformat(value)
            country = shared.setdefault(country, country) or None
            person, code = shared.setdefault(name, name), shared.setdefault(code, code)
            role = Role(person, country, code, dates[start], dates[end], shared.setdefault(title, title) or None)
            for form in forms:
                roles = by_form.setdefault(form, [])
                if role not in roles:
                    roles.append(role)
        return {form: tuple(roles) for form, roles in by_form.items()}


def _one_country(roles: list[Role]) -> list[Role] | None:
    """The roles of the one state they name, None if they name several. An international role (IGO, NGO) yields
    to a national one held at the same time: an EU Council president is still a minister of their state."""
    national = [r for r in roles if r.country is not None]
    roles = national or roles
    return roles if len({r.country for r in roles}) == 1 else None


@lru_cache(maxsize=1)
def _office_surnames() -> dict[str, tuple[Role, ...]]:
    """Family name -> the dated roles of the people of that family name (the last word of their name).

    Each person's name is folded once (most hold several roles), and each family name's roles are kept in the
    order first met by a dict, not by a list scanned for each role: "Kim" has hundreds."""
    out: dict[str, dict[Role, None]] = {}
    surnames: dict[str, str | None] = {}
    with _gc_paused():
        for roles in _office_holders().values():
            for role in roles:
                if not role.dated:
                    continue
                if role.person not in surnames:
                    words = _fold_plain(role.person).split()
                    surnames[role.person] = words[-1] if len(words) >= 2 else None
                surname = surnames[role.person]
                if surname is not None:
                    out.setdefault(surname, {})[role] = None
        return {k: tuple(v) for k, v in out.items()}


def _same_person(name: str) -> tuple[str, str]:
    """Who a name is, across the spellings of different sources: its first and last words, folded ("Recep
    Tayyip Erdoğan" and "Recep Tayyip Erdogan", "Ali Khamenei" and "Ali Hoseini-Khamenei" are one)."""
    words = _fold_plain(name).split()
    return words[0], words[-1]


def _known(best: Role, roles: list[Role]) -> KnownPerson:
    """The person of the best role, with the office of the most recent of ``roles`` that names one, and the code
    of the most recent that names none: those are the Phoenix dictionaries' roles, whose codes their coders gave
    the person (USAGOVMIL for a defence secretary, where a code made from the office's name says USAGOV); the
    dictionaries' roles are often the longer-lived ones too."""
    titled = [r for r in roles if r.title is not None]
    coded = [r for r in roles if r.title is None]
    title = max(titled, key=_latest).title if titled else None
    code = max(coded, key=_latest).code if coded else best.code
    return KnownPerson(best.person, best.country, code, title)


# Words that make an office a lesser one than the title without them ("Vice President", "Deputy Prime Minister").
_LESSER = frozenset({"vice", "deputy", "assistant", "under", "junior", "acting"})


def _fits(role: Role, title: str | None) -> bool:
    """Whether an office may be the one a text's title names: every word of the title's phrase is in it, and it
    is no lesser office ("President Kowalczyk" is not the minister Henryk Kowalczyk; "Foreign Minister" fits
    "Minister of Foreign Affairs"). A role or a title that names no office fits."""
    found = titles().find(title) if title and role.title else None
    if found is None:
        return True
    said, held = set(fold(found.phrase).split()), set(fold(role.title or "").split())
    return said <= held and not (held & _LESSER) - said


def office_holder_by_surname(surname: str, on: date, title: str | None = None) -> KnownPerson | None:
    """The one person of this family name in office on ``on`` ("President Reagan" in 1986) in an office the
    text's ``title`` may name, or None when no one or several people are. Only for a family name said with a
    title: alone it names too many people."""
    roles = [r for r in _office_surnames().get(fold(surname), ()) if r.covers(on) and _fits(r, title)]
    people = {_same_person(r.person) for r in roles}
    if len(people) != 1:
        return None
    chosen = _one_country(roles)
    if not chosen:
        return None
    return _known(max(chosen, key=_latest), chosen)


def _latest(role: Role) -> tuple[date, bool]:
    """The most recent role first, and of two begun the same day the one whose office the source names."""
    return role.start or date.min, role.title is not None


def _state_of(roles: tuple[Role, ...]) -> str | None:
    states = {r.country for r in roles if r.country is not None}
    return states.pop() if len(states) == 1 else None


# How long before a person's first national term and after their last one a name alone still gives their state,
# when the text names no office for them: chosen by measuring on the development sets (dev, voa, written). A head
# of state or government (an office titles.tsv ranks "head", named alone: "Prime Minister") stays theirs for good:
# a former president is news for decades, and few people hold such offices.
STATE_YEARS_BEFORE = 2
STATE_YEARS_AFTER = 5
# A two-word name whose given name and family name are both this common among the table's people ("David Jones",
# "Mohamed Ahmed") is as likely a journalist or a citizen as the one minister of that name: it gives no state.
COMMON_GIVEN = 50
COMMON_FAMILY = 10
PERSON_GIVEN = 3  # people of the table who bear a first name before it reads as a given name


def _years(on: date, years: int) -> date:
    return on.replace(year=on.year + years, day=28 if on.month == 2 and on.day == 29 else on.day)


@lru_cache(maxsize=1)
def _name_counts() -> tuple[dict[str, int], dict[str, int]]:
    """How many people of the table have each first word, and each last word, of their name."""
    names = {r.person for roles in _office_holders().values() for r in roles}  # the roles share their name strings
    with _gc_paused():
        people = {_same_person(name) for name in names}
    first: dict[str, int] = {}
    last: dict[str, int] = {}
    for given, family in people:
        first[given] = first.get(given, 0) + 1
        last[family] = last.get(family, 0) + 1
    return first, last


NAME_ENDING = 4  # letters of a family name's ending that are counted ("-enko", "ović"), for names of 6 letters or more


@lru_cache(maxsize=1)
def _name_states() -> tuple[dict[str, dict[str, int]], dict[str, dict[str, int]], dict[str, dict[str, int]]]:
    """How many people of each state the table holds by family name, by given name and by the ending of the
    family name: the evidence a name gives of where its bearer comes from ("Tanabe" is Japanese, "-enko"
    Ukrainian), read by the nationality model as one cue among the text's own."""
    people = {(r.person, r.country) for roles in _office_holders().values() for r in roles if r.country}
    family: dict[str, dict[str, int]] = {}
    given: dict[str, dict[str, int]] = {}
    ending: dict[str, dict[str, int]] = {}
    with _gc_paused():
        for name, country in people:
            words = _fold_plain(name).split()
            if len(words) < 2:
                continue
            keys = [(family, words[-1]), (given, words[0])]
            if len(words[-1]) >= 2 + NAME_ENDING:
                keys.append((ending, words[-1][-NAME_ENDING:]))
            for table, key in keys:
                counts = table.setdefault(key, {})
                counts[country] = counts.get(country, 0) + 1
    return family, given, ending


def name_evidence(name: str) -> list[tuple[str, dict[str, int]]]:
    """("family" | "given" | "ending", people per state bearing that part) for each part of a name the table
    knows; an empty mapping for a part it does not know. The family name always comes first."""
    words = fold(name).split()
    if not words:
        return []
    family, given, ending = _name_states()
    parts = [("family", family.get(words[-1], {}))]
    if len(words) >= 2:
        parts.append(("given", given.get(words[0], {})))
    if len(words[-1]) >= 2 + NAME_ENDING:
        parts.append(("ending", ending.get(words[-1][-NAME_ENDING:], {})))
    return parts


def in_office_table(name: str) -> bool:
    """Whether a name, exactly as written, is one the office holders' table knows ("Sheikh Hasina")."""
    return fold(name) in _office_holders()


def common_name(name: str) -> bool:
    """Whether a two-word name is made of a common given name and a common family name, among the table's people."""
    words = fold(name).split()
    if len(words) != 2:
        return False
    first, last = _name_counts()
    return first.get(words[0], 0) >= COMMON_GIVEN and last.get(words[1], 0) >= COMMON_FAMILY


GIVEN_SURE = 10  # people of the table who bear a first name before it alone says that a name is a person's
NOT_GIVEN = frozenset({"al", "el", "san", "santa", "saint", "st", "new", "port", "fort", "mount", "lake", "la", "le"})


def given_name_first(name: str) -> bool:
    """Whether a name of two or three words opens with a word that GIVEN_SURE people of the table bear as their
    given name ("Oleksandr Kravets", "Viktor Lapitsky"): such a name is a person's even when the family name is
    one the table lacks. Not "Al Ahly" or "San Lorenzo": articles and saints open names of clubs and places."""
    raw = name.split()
    if not 2 <= len(raw) <= 3 or not all(w[:1].isupper() and w.replace("-", "").isalpha() for w in raw):
        return False
    return common_given_name(raw[0])


def common_given_name(word: str) -> bool:
    """Whether GIVEN_SURE people of the table bear a word as their given name ("Oleg", "Alfredo", "Jean-Marie"
    by each of its parts); not articles and saints ("Al", "San")."""
    parts = fold(word).split("-")
    counts = _name_counts()[0]
    return all(p and p not in NOT_GIVEN and counts.get(p, 0) >= GIVEN_SURE for p in parts)


def person_shaped(name: str) -> bool:
    """Whether a name of two to four words reads as a person's: a plain first word that at least PERSON_GIVEN
    people of the table bear as their given name, and a last word one of them bears as their family name. The NER
    tags such names as bodies now and then ("Igor Sobolev", "Marta Elena Quintana"); "Wilson Center" has no such
    family name, and "Al-Shabaab" no such given name."""
    raw = name.split()
    if not 2 <= len(raw) <= 4 or not raw[0].isalpha() or not all(w[:1].isupper() for w in raw):
        return False
    first, last = _name_counts()
    return first.get(fold(raw[0]), 0) >= PERSON_GIVEN and last.get(fold(raw[-1]), 0) >= 1


@lru_cache(maxsize=1)
def _head_offices() -> frozenset[str]:
    """The folded phrases of titles.tsv ranked "head" ("president", "prime minister", "king")."""
    return frozenset(fold(t.phrase) for t in titles().phrases.values() if t.rank == "head")


def _near(role: Role, on: date) -> bool:
    """Whether ``on`` falls within the years around a dated role in which its holder's name alone is theirs: from
    some years before it to some years after it, or for good after a head of state's or government's office."""
    if role.start is not None and on < _years(role.start, -STATE_YEARS_BEFORE):
        return False
    if role.end is None or (role.title is not None and fold(role.title) in _head_offices()):
        return True
    return on <= _years(role.end, STATE_YEARS_AFTER)


def national_of(name: str, on: date | None = None) -> str | None:
    """The one state of every national role a full name has held, for a person out of office on ``on`` ("the
    emir" of 1998 whose dated roles start in 2003, a former president): only within some years of their national
    terms (the same name years away is as likely someone else), not while they hold an international office
    (a UN Secretary-General acts for no state), and not for a common name. None when the name has held roles of
    several states, or international ones only. Undated roles hold at any date; so does every role without ``on``."""
    roles = _office_holders().get(fold(name), ())
    state = _state_of(roles)
    if state is None or common_name(name):
        return None
    if on is None:
        return state
    if any(r.country is None and r.dated and r.covers(on) for r in roles):
        return None
    national = [r for r in roles if r.country is not None]
    dated = [r for r in national if r.dated]
    return state if not dated or any(_near(r, on) for r in dated) else None


def national_of_surname(surname: str, title: str | None = None) -> str | None:
    """The one state of every office holder of this family name whose office the text's ``title`` may name,
    whatever the date ("President Bush" in a story on 2003): only for a head of state's or government's title,
    which names few people."""
    return _state_of(tuple(r for r in _office_surnames().get(fold(surname), ()) if _fits(r, title)))


def office_holder(name: str, on: date | None = None) -> KnownPerson | None:
    """The person a full name or alias names, with the country and code of their role on ``on`` (the
    article's date): the dated roles that cover it, else the default ones. Without a date, the most recent
    role. None when no role covers the date, and when the name fits roles of different states: no guess. The
    office (title) comes only from a role that covers the date. The hand list in people.tsv wins over the
    generated table."""
    key = fold(name)
    hand = people().get(key)
    if hand is not None:
        return hand
    roles = _office_holders().get(key, ())
    dated = [r for r in roles if r.dated]
    if on is None:
        latest = max((r.end or date.max for r in dated), default=None)
        chosen = [r for r in dated if (r.end or date.max) == latest] or [r for r in roles if not r.dated]
    else:
        chosen = [r for r in dated if r.covers(on)] or [r for r in roles if not r.dated]
    chosen = _one_country(chosen) if chosen else None
    if not chosen:
        return None
    best = _known(max(chosen, key=lambda r: (_fold_plain(r.person) == key, *_latest(r))), chosen)
    return best if on is not None else KnownPerson(best.name, best.country, best.code)  # no date: no office


@lru_cache(maxsize=1)
def bodies() -> dict[str, Organization]:
    """Surface form (exact case) -> international body, NGO or armed group, from bodies.tsv, and every form of
    organizations(). The hand list wins: its forms keep its entry, and a generated entry that shares a form with
    exactly one hand entry is that body, so its other spellings take the hand entry too ("Islamic Resistance
    Movement" -> the hand list's Hamas). A form that generated entries of different codes or countries share
    names none of them ("Islamic Jihad")."""
    hand = organizations()
    out: dict[str, Organization] = {}
    ambiguous: set[str] = set()
    for row in _rows("bodies.tsv"):
        row += [""] * (5 - len(row))
        name, aliases, country, code, _kind = (c.strip() for c in row[:5])
        org = Organization(name, _split(aliases), country or None, code or "---")
        forms = []
        for form in (name, *org.aliases):
            forms += [form, form.replace("'", "’")]
            if form.lower().startswith("the "):
                forms.append(form[4:])
        same = {id(hand[f]): hand[f] for f in forms if f in hand}
        if len(same) == 1:
            org = next(iter(same.values()))
        for form in forms:
            known = out.get(form)
            if known is None:
                out[form] = org
            elif (known.country, known.code) != (org.country, org.code):
                ambiguous.add(form)
    for form in ambiguous:
        del out[form]
    out.update(hand)
    for form, org in list(out.items()):
        # "UN High Commissioner for Refugees" for "United Nations High Commissioner for Refugees": the three ways
        # news writes the UN's prefix are one body
        found = re.match(r"(United Nations|UN|U\.N\.) (?=[A-Z])", form)
        if found:
            for prefix in ("United Nations", "UN", "U.N."):
                out.setdefault(prefix + form[found.end(1) :], org)
    return out


@dataclass(frozen=True)
class Region:
    name: str
    country: str | None
    lat: float
    lon: float


def _located(name: str) -> Iterator[tuple[str, Region]]:
    """Each (form, place) of a table of named places with coordinates (name, aliases, country, lat, lon)."""
    for row in _rows(name):
        row += [""] * (5 - len(row))
        place, aliases, country, lat, lon = (c.strip() for c in row[:5])
        region = Region(place, country or None, float(lat), float(lon))
        for form in (place, *aliases.split("|")):
            if form:
                yield form, region


@lru_cache(maxsize=1)
def regions() -> dict[str, Region]:
    """Folded name or alias -> region, territory or sea."""
    out: dict[str, Region] = {}
    for form, region in _located("regions.tsv"):
        out.setdefault(fold(form), region)
        if form.lower().startswith("the "):
            out.setdefault(fold(form[4:]), region)
    return out


@lru_cache(maxsize=1)
def landmarks() -> dict[str, Region]:
    """Folded name or alias -> landmark building or seat of government (``landmarks.tsv``): a place only
    where the text locates something in or at it, since "the Kremlin said" is the government."""
    out: dict[str, Region] = {}
    for form, landmark in _located("landmarks.tsv"):
        out.setdefault(fold(form), landmark)
    return out


@lru_cache(maxsize=1)
def landmark_names() -> tuple[str, ...]:
    """Every name and alias of ``landmarks.tsv`` as written, for matching the text itself."""
    return tuple(f for row in _rows("landmarks.tsv") for f in (row[0].strip(), *row[1].split("|")) if f.strip())


@dataclass(frozen=True)
class Subdivision:
    """A first-level subdivision of a country (ISO 3166-2): a state, province, region or oblast."""

    name: str
    country: str
    lat: float | None  # None when the build could not tie it to a GeoNames division
    lon: float | None
    code: str  # ISO 3166-2


@lru_cache(maxsize=1)
def subdivisions() -> dict[str, tuple[Subdivision, ...]]:
    """Folded name or alias -> the subdivisions of that name: "Punjab" is one in India and one in Pakistan,
    so the article's focus has to choose (``subdivisions.tsv``, built by scripts/build_places.py)."""
    out: dict[str, list[Subdivision]] = {}
    for row in _rows("subdivisions.tsv"):
        row += [""] * (6 - len(row))
        name, aliases, country, lat, lon, code = (c.strip() for c in row[:6])
        sub = Subdivision(name, country, float(lat) if lat else None, float(lon) if lon else None, code)
        for form in {name, *aliases.split("|")} - {""}:
            out.setdefault(fold(form), []).append(sub)
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def ambiguous_countries() -> dict[str, tuple[str, ...]]:
    """Country words that can name several states ("Korean") -> the candidate ISO codes."""
    return {r[0].strip(): _split(r[1].strip()) for r in _rows("ambiguous_countries.tsv")}


@lru_cache(maxsize=1)
def name_stopwords() -> frozenset[str]:
    """Lower-case words that never stand in a person's name."""
    return frozenset(_lines("name_stopwords.txt"))


@lru_cache(maxsize=1)
def not_names() -> frozenset[str]:
    """Strings that the NER takes for people or organisations and that are neither."""
    return frozenset(_lines("not_names.txt"))


@lru_cache(maxsize=1)
def institutions() -> dict[str, str]:
    """Institution head noun -> CAMEO sector."""
    return {r[0].strip(): r[1].strip() for r in _rows("institutions.tsv")}


@cache
def words(name: str) -> frozenset[str]:
    """A named word list from ``wordlists.tsv`` (honorific, motion_verb, location_prep, official, ...)."""
    found = frozenset(r[1].strip() for r in _rows("wordlists.tsv") if r[0] == name)
    if not found:
        raise KeyError(f"no word list {name!r} in wordlists.tsv")
    return found


@lru_cache(maxsize=1)
def _body_names() -> dict[str, str]:
    """CAMEO code -> the name of the body it stands for: the hand list's first entry with the code (IGOUNO is the
    United Nations, not its Security Council, which shares the code), else bodies.tsv's first."""
    out: dict[str, str] = {}
    for row in _rows("organizations.tsv"):
        if len(row) >= 4 and row[3].strip():
            out.setdefault(row[3].strip(), row[0].strip())
    for row in _rows("bodies.tsv"):
        if len(row) >= 4 and row[3].strip():
            out.setdefault(row[3].strip(), row[0].strip())
    return out


def body_name(code: str | None) -> str | None:
    """The name of the international body or group a side's code stands for ("IGOUNO" -> "United Nations"),
    None for a state's code or a code no table names: a page shows a body by its name, not its CAMEO code."""
    if not code or len(code) <= 3:  # a state's ISO code, or a bare "IGO" that names no one body
        return None
    return _body_names().get(code)


def side_name(code: str | None) -> str | None:
    """The name of whatever a side's code stands for: a state's ("RUS" -> "Russia") or a body's ("IGOUNO" ->
    "United Nations"); None for a code no table knows."""
    if not code:
        return None
    state = countries().by_iso3.get(code)
    return state.name if state is not None else body_name(code)


def side_label(code: str | None) -> str:
    """A dyad's side as people read it: a state by its ISO code ("RUS"), a body by its name with its code after
    it ("United Nations (IGOUNO)"), an unknown side as "?"."""
    if not code:
        return "?"
    name = body_name(code)
    return f"{name} ({code})" if name else code
