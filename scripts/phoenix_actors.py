"""Read PETRARCH-2 / Phoenix actor dictionaries (openeventdata/petrarch2, MIT licence) for dyad's build scripts.

The format is described in petrarch2/dictionaries.rst: a primary phrase (``VLADIMIR_PUTIN_``, maybe with an inline
``[CODE]``), synonym lines (``+PUTIN_``) and indented date restrictions (``[RUSGOV 000507-080507]``, ``>YYMMDD``
from, ``<YYMMDD`` until, none = the default code). This module reads the blocks and turns the upper-case phrases
into names in normal case; build_people.py and build_bodies.py decide what to keep.

Grouping follows PETRARCH where the format says something: a primary line with no code yet joins the block before
it (the dictionaries list several spellings that way), and synonyms join the block above, across a stray blank
line too. Where PETRARCH's reading gives nonsense, dyad's is stricter: a blank line ends a block for the next
primary phrase, so a name left without codes before a blank line is dropped instead of borrowing the codes of
whatever comes next (PETRARCH would give ``AYMAN_AL_ZAWAHIRI`` a Corsican group's code); and an indented comment
alone after a blank line or with CountryInfo's mark (a phrase whose name was lost) ends the block, so its synonyms
and roles are dropped rather than given to the entry above (``ITALIAN_RED_BRIGADE_`` under the Real IRA).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

PETRARCH_COMMIT = "676801c (March 2019)"
# The licence of the Phoenix dictionaries, as petrarch2/LICENSE gives it; it goes with every file built from them.
PHOENIX_LICENCE = """\
The MIT License (MIT)

Copyright (c) 2014 Open Event Data

Permission is hereby granted, free of charge, to any person obtaining a copy of
this software and associated documentation files (the "Software"), to deal in
the Software without restriction, including without limitation the rights to
use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of
the Software, and to permit persons to whom the Software is furnished to do so,
subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS
FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR
COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER
IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
"""
# Two-digit years: CountryInfo.140130 was generated in January 2014 and its two-digit years run 00-14 and 31-99
# (none in 15-30), so 00..PIVOT are 20xx and the rest 19xx. Earlier dates are written with four-digit years.
PIVOT = 14

# Codes whose first three letters are not the ISO alpha-3 code dyad uses for the same state. The Federal Republic
# of Yugoslavia (FRY, later Serbia and Montenegro) is Serbia, its continuator: dyad gives no code of a state that
# no longer exists.
OLD_CODES = {"TMP": "TLS", "KSV": "XKX", "ROM": "ROU", "ZAR": "COD", "FRY": "SRB"}
INTERNATIONAL = ("IGO", "NGO", "IMG", "MNC")

# Words of the names of bodies and armed groups: a phrase with one of them names no person.
BODY_WORDS = frozenset(
    {
        *("organization", "organisation", "agency", "commission", "committee", "council", "fund", "bank", "union"),
        *("association", "federation", "alliance", "league", "network", "institute", "institution", "foundation"),
        *("society", "centre", "center", "programme", "program", "office", "court", "tribunal", "group", "party"),
        *("army", "front", "brigade", "brigades", "movement", "forces", "force", "militia", "battalion", "legion"),
        *("cell", "cells", "nuclei", "commando", "commandos", "squad", "squads", "fighters", "guerrillas", "youth"),
        *("mujahideen", "mujahidin", "jihad", "resistance", "liberation", "revolutionary", "international"),
        *("united", "nations", "world", "global", "national", "european", "african", "american", "asian", "arab"),
        *("mission", "secretariat", "assembly", "parliament", "conference", "forum", "project", "campaign"),
        *("initiative", "trust", "corporation", "company", "inc", "ltd", "news", "watch", "service", "services"),
        *("department", "ministry", "bureau", "authority", "board", "panel", "unit", "units", "corps", "coalition"),
        *("congress", "order", "clan", "tribe", "faction", "gang", "cartel", "rebels", "insurgents", "bodies"),
        *("un", "u.n.", "eu", "nato", "monitor", "monitors", "peacekeeper", "peacekeepers", "contingent"),
        *("jaish", "jaysh", "jabhat", "harakat", "katibat", "liwa", "ansar", "hizb", "tanzim", "observatory"),
        *("intelligence", "community", "reserve", "administration", "attorney", "representative", "palace"),
        *("republic", "kingdom", "emirate", "state", "states", "soviet", "regime", "government", "police", "bet"),
    }
)
NAME_PARTICLES = frozenset({"al", "el", "al-", "el-", "bin", "ibn", "abu", "abou", "ben", "de", "van", "von"})
FUNCTION_WORDS = frozenset({"of", "the", "for", "and", "in", "on", "without", "against", "to", "with", "de", "la"})
BRACKET_RE = re.compile(r"\[([^\]]*)\]")
DATE_RE = re.compile(r"^\d{6}$|^\d{8}$")
ROMAN = frozenset({"II", "III", "IV", "VI", "VII", "VIII", "IX", "XII", "XIII", "XIV", "XV", "XVI"})


@dataclass(frozen=True)
class Role:
    code: str
    start: date | None = None
    end: date | None = None

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None


@dataclass
class Block:
    names: list[str] = field(default_factory=list)  # raw phrases, the first one primary
    roles: list[Role] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    line: int = 0


def parse_date(text: str) -> date:
    """YYMMDD or YYYYMMDD. A day or month 00, or a day past the month's end, is moved into the month (the
    dictionaries have a few); anything else raises ValueError."""
    text = text.strip()
    if not DATE_RE.match(text):
        raise ValueError(f"not a dictionary date: {text!r}")
    if len(text) == 6:
        yy = int(text[:2])
        year = 2000 + yy if yy <= PIVOT else 1900 + yy
        month, day = int(text[2:4]), int(text[4:6])
    else:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    if not 0 <= month <= 12 or not 0 <= day <= 31:
        raise ValueError(f"not a dictionary date: {text!r}")
    month = max(month, 1)
    for last in range(max(day, 1), 27, -1) if day > 28 else (max(day, 1),):
        try:
            return date(year, month, last)
        except ValueError:
            continue
    raise ValueError(f"not a dictionary date: {text!r}")


def parse_role(text: str) -> Role:
    """The inside of ``[...]``: a code, maybe followed by ``>date``, ``<date`` or ``date-date`` (ValueError if
    the dates cannot be read)."""
    code, _, rest = text.strip().partition(" ")
    rest = rest.replace(" ", "")
    if not code:
        raise ValueError("empty code")
    if not rest:
        return Role(code)
    if rest[0] == ">":
        return Role(code, start=parse_date(rest[1:]))
    if rest[0] == "<":
        return Role(code, end=parse_date(rest[1:]))
    first, sep, second = rest.partition("-")
    if not sep:
        raise ValueError(f"not a date restriction: {rest!r}")
    start, end = parse_date(first), parse_date(second)
    if end < start:
        raise ValueError(f"ends before it starts: {rest!r}")
    return Role(code, start, end)


def _split_comment(line: str) -> tuple[str, str]:
    at = line.find("#")
    return (line, "") if at < 0 else (line[:at], line[at + 1 :].strip())


def read_blocks(lines: Iterable[str], problems: Counter | None = None) -> list[Block]:
    """Blocks of names and roles, in file order. Unreadable date restrictions are skipped and counted in
    ``problems``; blocks that end without any code are dropped. A blank line ends a block for the next primary
    phrase only: a synonym or a date restriction after it still belongs to the block above (a few stray blank
    lines sit inside blocks)."""
    problems = problems if problems is not None else Counter()
    blocks: list[Block] = []
    current: Block | None = None
    ended = False  # a blank line since the current block's last line

    def close() -> None:
        if current is not None:
            if current.roles:
                blocks.append(current)
            else:
                problems["block without a code"] += 1

    def add_roles(text: str) -> None:
        for inside in BRACKET_RE.findall(text):
            try:
                current.roles.append(parse_role(inside))
            except ValueError:
                problems["unreadable date restriction"] += 1

    for number, raw in enumerate(lines, 1):
        raw = raw.rstrip("\r\n")
        if not raw.strip():
            ended = True
            continue
        if raw.startswith(("#", "<!")):
            continue
        text, comment = _split_comment(raw)
        if not text.strip():
            if ended or "CountryInfo" in comment:  # a phrase that lost its name: its synonyms and roles go with it
                close()
                current, ended = None, True
            continue  # else a remark, or a role commented out, inside a block
        if text[0] in " \t" and text.strip().startswith("["):
            if current is None:
                problems["date restriction outside a block"] += 1
                continue
            add_roles(text)
        elif text[0] == "+":
            if current is None:
                problems["synonym outside a block"] += 1
                continue
            phrase = text[1:].split("[", 1)[0].strip()
            if phrase:
                current.names.append(phrase)
            add_roles(text)
        elif text[0] in " \t":
            problems["indented line that is not a date restriction"] += 1
            continue
        else:
            if current is None or current.roles or ended:
                close()
                current = Block(line=number)
            phrase = text.split("[", 1)[0].strip()
            if phrase:
                current.names.append(phrase)
            add_roles(text)
        ended = False
        if comment and current is not None:
            current.comments.append(comment)
    close()
    return blocks


def words(phrase: str) -> list[str]:
    """A dictionary phrase's words: underscores are spaces, the trailing underscore (a TABARI stem marker) goes."""
    return phrase.replace("_", " ").split()


def split_code(code: str, known: frozenset[str] | set[str]) -> tuple[str | None, str]:
    """(ISO alpha-3 country or None, the rest) of a CAMEO actor code: ``RUSGOV`` -> ("RUS", "GOV"),
    ``TMPGOV`` -> ("TLS", "GOV"), ``IGOUNO`` -> (None, "IGOUNO")."""
    head = code[:3]
    head = OLD_CODES.get(head, head)
    if head in known and not code.startswith(INTERNATIONAL):
        return head, code[3:]
    return None, code


def _case_piece(piece: str) -> str:
    """One apostrophe-free, hyphen-free piece of an upper-case word, in normal case."""
    if not piece:
        return piece
    if piece.startswith("MC") and len(piece) > 3:
        return "Mc" + piece[2].upper() + piece[3:].lower()
    return piece[0].upper() + piece[1:].lower()


def case_word(word: str) -> str:
    """``O'NEIL`` -> O'Neil, ``JEAN-CLAUDE`` -> Jean-Claude, ``PEOPLE'S`` -> People's, ``E.`` -> E."""
    if re.fullmatch(r"(?:[A-Z]\.)+", word):
        return word
    out = []
    for hyphen_piece in word.split("-"):
        parts = hyphen_piece.split("'")
        cased = [_case_piece(parts[0])]
        for before, part in zip(parts, parts[1:], strict=False):
            # O'Neil, D'Alema (a one-letter prefix), but People's, Workers', Tuimaleali'ifano
            cased.append(_case_piece(part) if len(before) == 1 and len(part) > 1 else part.lower())
        out.append("'".join(cased))
    return "-".join(out)


def given_names(blocks: Iterable[Block]) -> Counter:
    """How often each word opens, or (keyed ``"last:" + word``) ends, the name of a CountryInfo person, aliases
    included: a lexicon of given and family names."""
    found: Counter = Counter()
    for block in blocks:
        if is_countryinfo_person(block):
            for phrase in block.names:
                name = words(phrase)
                if len(name) > 1:
                    found[name[0].lower()] += 1
                    found["last:" + name[-1].lower()] += 1
    return found


def is_countryinfo_person(block: Block) -> bool:
    """CountryInfo marks every person it lists; countries, cities and institutions carry no mark."""
    return any("CountryInfo" in c for c in block.comments)


def is_person_block(block: Block, given: Counter, known: frozenset[str], not_names: frozenset[str]) -> bool:
    """A person of the Countries dictionary: marked by CountryInfo, or added later by hand without the mark
    (HASSAN_ROUHANI_, BARACK_OBAMA): then every code has a sector after a state (IRNGOV, not the country entry's
    IRN), the name reads as a person's, and it is no country's name (HONG_KONG) nor starts with one (US_...)."""
    if is_countryinfo_person(block):
        return True
    if any(len(r.code) < 6 or split_code(r.code, known)[0] is None for r in block.roles):
        return False
    raw = [w.lower() for w in words(block.names[0])]
    if not raw or len(raw) > 5 or any(w in BODY_WORDS or w in FUNCTION_WORDS for w in raw):
        return False
    if raw[0].strip(".") in not_names or " ".join(raw) in not_names:
        return False
    return looks_like_person(block.names[0], given) or any(r.dated for r in block.roles)


def looks_like_person(phrase: str, given: Counter) -> bool:
    """A dictionary phrase that reads as a person's name: two to four words, none of them a word of a body's
    name or a function word, and the first a given name known from CountryInfo (or an initial) or the last a
    family name known there at least twice."""
    raw = [w.lower() for w in words(phrase)]
    if not 2 <= len(raw) <= 4 or any(w in BODY_WORDS or w in FUNCTION_WORDS for w in raw):
        return False
    if raw[0] in NAME_PARTICLES:  # "AL_QA'IDA" is no Al Gore
        return False
    if given[raw[0]] > 0 or re.fullmatch(r"(?:[a-z]\.)+|[a-z]", raw[0]):
        return True
    return given["last:" + raw[-1]] >= 2


def licence_lines() -> list[str]:
    """The Phoenix dictionaries' MIT notice as comment lines of a generated file."""
    return [
        "# The Phoenix dictionaries (petrarch2/LICENSE), and so what is derived from them, are under this licence:",
        *(f"#   {line}".rstrip() for line in PHOENIX_LICENCE.strip().splitlines()),
    ]


def check_licence(petrarch_dir: Path) -> None:
    """Stop the build if the source's LICENSE no longer says what the generated files repeat."""
    found = (petrarch_dir / "LICENSE").read_text(encoding="utf-8")
    if " ".join(found.split()) != " ".join(PHOENIX_LICENCE.split()):
        raise SystemExit(f"{petrarch_dir / 'LICENSE'} differs from PHOENIX_LICENCE: update the notice first")


def is_dated_person(block: Block) -> bool:
    """An International entry that is a person: bodies there carry no dates, the people who led them do
    (``KOFI_ANNAN_ [IGOUNO 970101-061231]``); entries that list two people ("X, THEN Y") are neither."""
    raw = [w.lower().strip("()") for w in words(block.names[0])]
    return (
        any(r.dated for r in block.roles)
        and not any(w in BODY_WORDS for w in raw)
        and "," not in block.names[0]
        and len(raw) <= 5
    )
