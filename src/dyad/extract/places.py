"""Places: cities and regions named in the article, geocoded offline.

Countries are actors, not places, and capitals used for their governments
("Pyongyang says") are actors too. Among places of the same name, the one in a
country the article is about wins (Moscow, Russia over Moscow, Idaho).
"""

from __future__ import annotations

from collections import Counter

from dyad import kb
from dyad.extract.actors import country_spans
from dyad.extract.context import Context
from dyad.kb.gazetteer import GeoPlace, gazetteer
from dyad.model import Place, Span

LABELS = ("GPE", "LOC", "FAC")


def _choose(candidates: tuple[GeoPlace, ...], focus: Counter[str]) -> GeoPlace | None:
    if not candidates:
        return None
    in_focus = [c for c in candidates if c.country in focus]
    if in_focus:
        return max(in_focus, key=lambda c: (focus[c.country], c.population))
    return candidates[0]


def extract_places(ctx: Context) -> list[Place]:
    doc = ctx.doc
    countries = kb.countries()
    focus: Counter[str] = Counter()
    for actor in ctx.actors:
        if actor.country:
            focus[actor.country] += len(actor.mentions) or 1
    spans: list[tuple[int, int]] = []
    facilities: set[tuple[int, int]] = set()
    for ent in doc.ents:
        if ent.label_ in LABELS:
            toks = [t for t in ent if t.lower_ not in ("the",)]
            while toks and (toks[-1].text in ("'s", "’s") or toks[-1].is_punct):
                toks = toks[:-1]
            if toks:
                spans.append((toks[0].idx, toks[-1].idx + len(toks[-1].text)))
                if ent.label_ == "FAC":
                    facilities.add(spans[-1])
    for span, kind, _ in country_spans(doc):
        if kind == "CAPITAL" and not any(s <= span.start_char < e for s, e in spans):
            spans.append((span.start_char, span.end_char))
    places: dict[str, Place] = {}
    for start, end in sorted(spans):
        name = ctx.text[start:end]
        if "\n" in name or not name[:1].isupper() or countries.lookup(name) or name in countries.blockers:
            continue
        if name in kb.organizations() or any(s < end and start < e for s, e, _ in ctx.mention_index):
            continue  # an actor: a government named by its capital, a person, an organisation
        key = kb.fold(name)
        place = places.get(key)
        if place is None:
            geo = _choose(gazetteer().candidates(name), focus)
            if geo is None and (start, end) in facilities:
                continue
            place = Place(id=f"P{len(places) + 1}", name=geo.name if geo else name,
                          country=geo.country if geo else None,
                          lat=round(geo.lat, 5) if geo and geo.kind == "city" else None,
                          lon=round(geo.lon, 5) if geo and geo.kind == "city" else None,
                          geonameid=geo.geonameid if geo else None)
            places[key] = place
        place.mentions.append(Span(start, end, name))
    return list(places.values())
