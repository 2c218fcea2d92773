"""Documents made by hand for the store's tests: the store's rules are under test here, not the extractor's.

A document is built from its text and a list of events between countries (and
people), the way ``dyad extract`` would write it: actors with mentions at real
offsets, events pointing at actor ids, evidence spans inside the text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from dyad.model import Actor, Article, Document, Span
from dyad.nlp.clean import content_hash

STATES = {"RUS": "Russia", "PRK": "North Korea", "USA": "United States", "CHN": "China", "UKR": "Ukraine"}
CODES = {"CONSULT": "040", "AGREE": "030", "SUPPORT": "051", "ACCUSE": "112", "COOPERATE": "050", "ASSAULT": "190"}


@dataclass(frozen=True)
class Person:
    """A person as one article names them; ``country`` None when that article does not say."""

    name: str
    country: str | None = None


Side = str | Person | None  # a country code, a person, or nobody


@dataclass(frozen=True)
class Ev:
    type: str
    source: Side
    target: Side
    date: str | None
    modality: str = "actual"


def make_document(
    text: str, events: Sequence[Ev], *, id: str | None = None, published: str | None = None, url: str | None = None
) -> Document:
    """A document whose actors are the sides its events name, each mentioned once at its offsets in the text."""
    sides: list[str | Person] = []
    for ev in events:
        for side in (ev.source, ev.target):
            if side is not None and side not in sides:
                sides.append(side)
    names = [STATES[s] if isinstance(s, str) else s.name for s in sides]
    body = text + ("\n" + "; ".join(names) + "." if names else "")
    actors: dict[str | Person, Actor] = {}
    cursor = len(text) + 1
    for n, (side, name) in enumerate(zip(sides, names, strict=True), 1):
        mention = Span(cursor, cursor + len(name), name)
        cursor += len(name) + 2
        if isinstance(side, Person):
            actors[side] = Actor(f"A{n}", "person", side.name, country=side.country, mentions=[mention])
        else:
            actors[side] = Actor(f"A{n}", "state", name, country=side, code=side, mentions=[mention])
    digest = content_hash(body)
    article = Article(id=id or digest, hash=digest, text=body, extractor="dyad test", url=url, published=published)
    rows = []
    for n, ev in enumerate(events, 1):
        rows.append(
            {
                "id": f"E{n}",
                "type": ev.type,
                "mode": None,
                "context": [],
                "sources": [actors[ev.source].id] if ev.source is not None else [],
                "targets": [actors[ev.target].id] if ev.target is not None else [],
                "date": ev.date,
                "place": None,
                "cameo": CODES.get(ev.type),
                "quad": None,
                "goldstein": None,
                "modality": ev.modality,
                "confidence": 0.5,
                "evidence": [{"start": 0, "end": len(text), "trigger": {"start": 0, "end": 1, "text": text[:1]}}],
            }
        )
    return Document(article=article, actors=list(actors.values()), events=rows)
