"""Pure rules the store applies across articles: actor keys, overrides, event sides and dates.

Nothing here touches the database; ``store.Store`` calls these while writing.
"""

from __future__ import annotations

import csv
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from dyad import kb
from dyad.errors import DyadError
from dyad.ontology import SYMMETRIC_TYPES


def norm(name: str) -> str:
    """Case, accents and spacing folded: 'Mevlüt  Çavuşoğlu' and 'mevlut cavusoglu' are one name."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.casefold().replace("\u2019", "'").split())


def actor_key(kind: str, name: str, country: str | None) -> str:
    """Persons are one record per name; states per country; bodies per name within a country."""
    if kind == "state" and country:
        return f"state:{country}"
    if kind == "person":
        return f"person:{norm(name)}"
    return f"{kind}:{norm(name)}:{country or ''}"


def surname(kind: str, name: str, country: str | None = None) -> str | None:
    """The family name a person is called by alone: the last word, or the first where it comes first (Xi Jinping)."""
    if kind != "person":
        return None
    words = norm(name).split()
    if not words:
        return None
    return words[0] if country in kb.words("family_name_first") else words[-1]


def side_code(text: str) -> str | None:
    """A dyad side as users type it: an ISO alpha-3 code, an IGO/NGO code, or a country name or alias."""
    value = text.strip()
    if len(value) == 3 and value.isalpha():
        return value.upper()
    if value.upper().startswith(("IGO", "NGO")) and value.isalnum():
        return value.upper()
    return kb.countries().lookup(value) if value else None


def with_side_names(rows: list[dict], *keys: str) -> list[dict]:
    """Each side's name beside its code ("source": "IGOUNO", "source_name": "United Nations"): a client shows a
    body by its name and keeps the code to query by."""
    for row in rows:
        for key in keys:
            row[f"{key}_name"] = kb.side_name(row.get(key))
    return rows


def party(country: str | None, code: str | None) -> str | None:
    """The side an actor puts into a dyad: its state, or an international body's code (IGOUNO)."""
    if country:
        return country
    if code and code[:3] in {"IGO", "NGO"}:
        return code
    return None


def pairs(event_type: str, sources: list[str | None], targets: list[str | None]) -> list[tuple[str | None, str | None]]:
    """The directed country pairs one document event stands for.

    "Russia and China condemned the US" is two dyadic events (RUS->USA, CHN->USA);
    a side's own members are not a pair with themselves unless nothing else is
    (a government acting on its own people). Meetings, agreements and cooperation
    are unordered: each pair is written in code order, so "Putin met Kim" and
    "Kim met Putin" are one.
    """
    src = sorted({s for s in sources if s})
    tgt = sorted({t for t in targets if t})
    if event_type in SYMMETRIC_TYPES:
        members = sorted(set(src) | set(tgt))
        if len(members) >= 2:
            return [(a, b) for i, a in enumerate(members) for b in members[i + 1 :]]
        if len(src) == 1 and src == tgt:
            return [(src[0], src[0])]
        return [(members[0], None)] if members else [(None, None)]
    cross = [(s, t) for s in src for t in tgt if s != t]
    if cross:
        return cross
    if src and tgt:  # the same single country on both sides
        return [(s, s) for s in src if s in tgt]
    if src:
        return [(s, None) for s in src]
    if tgt:
        return [(None, t) for t in tgt]
    return [(None, None)]


def precision(date: str | None) -> str | None:
    """day, week, month or year, from the shape of a normalised date."""
    if not date:
        return None
    if "W" in date:
        return "week"
    return {4: "year", 7: "month", 10: "day"}.get(len(date))


def coarser(coarse: str, fine: str) -> bool:
    """True when ``fine`` lies inside ``coarse`` and is more precise ('2024-06' and '2024-06-19')."""
    return "W" not in coarse and "W" not in fine and len(fine) > len(coarse) and fine.startswith(coarse + "-")


@dataclass(frozen=True)
class Override:
    name: str
    kind: str
    country: str | None
    title: str | None
    code: str | None


class Overrides:
    """The user's actor overrides: a TSV file whose values win over anything learned from articles.

    Columns (header line required): ``name``, ``kind`` (default person),
    ``country``, ``title``, ``code``, ``aliases`` (``|``-separated other names
    that mean this actor). Lines starting with ``#`` are comments.
    """

    COLUMNS = ("name", "kind", "country", "title", "code", "aliases")

    def __init__(self, entries: list[tuple[Override, list[str]]] | None = None) -> None:
        self._by_alias: dict[str, Override] = {}
        for entry, aliases in entries or []:
            for alias in [entry.name, *aliases]:
                self._by_alias[norm(alias)] = entry

    def __len__(self) -> int:
        return len({id(v) for v in self._by_alias.values()})

    def find(self, name: str) -> Override | None:
        return self._by_alias.get(norm(name))

    @classmethod
    def read(cls, path: str | Path) -> Overrides:
        path = Path(path)
        try:
            lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and ln[0] != "#"]
        except (OSError, UnicodeDecodeError) as exc:
            raise DyadError(f"{path}: cannot read overrides ({getattr(exc, 'strerror', None) or exc})") from None
        rows = list(csv.DictReader(lines, delimiter="\t"))
        if not lines or "name" not in (rows[0].keys() if rows else lines[0].split("\t")):
            raise DyadError(f"{path}: overrides need a tab-separated header with at least 'name'")
        unknown = set(lines[0].split("\t")) - set(cls.COLUMNS)
        if unknown:
            raise DyadError(f"{path}: unknown override columns {', '.join(sorted(unknown))}")
        entries = []
        for number, row in enumerate(rows, 2):
            name = (row.get("name") or "").strip()
            kind = (row.get("kind") or "person").strip()
            if not name:
                raise DyadError(f"{path}:{number}: override without a name")
            if kind not in {"person", "state", "organization", "group"}:
                raise DyadError(f"{path}:{number}: kind {kind!r} is not person, state, organization or group")
            country = (row.get("country") or "").strip().upper() or None
            if country and not (len(country) == 3 and country.isalpha()):
                raise DyadError(f"{path}:{number}: country {country!r} is not an ISO 3166 alpha-3 code")
            entry = Override(
                name=name,
                kind=kind,
                country=country,
                title=(row.get("title") or "").strip() or None,
                code=(row.get("code") or "").strip() or None,
            )
            aliases = [a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()]
            entries.append((entry, aliases))
        return cls(entries)
