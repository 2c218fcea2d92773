"""Merging: one event per happening within a document.

Reports that share type, sides, date and modality are one event with all their
sentences as evidence; a report that names fewer sides joins the fuller report
of the same happening.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from dyad import ontology
from dyad.extract.events.participants import unique
from dyad.model import Actor, Place
from dyad.ontology import SYMMETRIC_TYPES


@dataclass
class Found:
    """An event as the coder finds it, before merging and rendering."""

    code: ontology.Code
    sources: list[Actor]
    targets: list[Actor]
    modality: str
    date: str | None
    place: Place | None
    confidence: float
    evidence: list[dict[str, Any]] = field(default_factory=list)


def side(actors: list[Actor]) -> frozenset[str]:
    return frozenset((a.country or a.code or a.id) for a in actors)


def absorb(events: list[Found]) -> list[Found]:
    """A report that names fewer sides ("after the talks", by Lavrov) joins the fuller report of the same
    happening (Lavrov's talks with Araghchi): same type, date and modality, its sides a subset of the other's."""
    out: list[Found] = []
    for ev in sorted(events, key=lambda e: -len(side(e.sources) | side(e.targets))):
        mine = side(ev.sources) | side(ev.targets)
        home = next(
            (
                o
                for o in out
                if o.code.plover == ev.code.plover
                and o.date == ev.date
                and o.modality == ev.modality
                and not ev.targets
                and mine <= side(o.sources) | side(o.targets)
            ),
            None,
        )
        if home is None:
            out.append(ev)
            continue
        home.evidence += [e for e in ev.evidence if e not in home.evidence]
    return out


def merge(events: list[Found]) -> list[Found]:
    """One event per happening: same type, same sides, same date and modality."""
    out: dict[tuple, Found] = {}
    for ev in events:
        src, tgt = side(ev.sources), side(ev.targets)
        if ev.code.plover in SYMMETRIC_TYPES:
            key = (ev.code.plover, src | tgt, frozenset(), ev.date, ev.modality)
        else:
            key = (ev.code.plover, src, tgt, ev.date, ev.modality)
        have = out.get(key)
        if have is None:
            out[key] = ev
            continue
        for e in ev.evidence:
            if e not in have.evidence:
                have.evidence.append(e)
        have.confidence = max(have.confidence, ev.confidence)
        have.sources = unique(have.sources + ev.sources)
        have.targets = unique(have.targets + [t for t in ev.targets if all(t is not s for s in have.sources)])
        have.place = have.place or ev.place
    return list(out.values())
