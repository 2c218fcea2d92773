"""Places: cities and regions named in the article, geocoded offline.

Countries are actors, not places, and capitals used for their governments
("Pyongyang says") are actors too. Among places of the same name, the one in a
country the article is about wins (Moscow, Russia over Moscow, Idaho).
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.attrs import POS

from dyad import kb
from dyad.extract.actors import country_spans
from dyad.extract.context import Context
from dyad.kb.gazetteer import GeoPlace, gazetteer
from dyad.model import Place, Span

LABELS = ("GPE", "LOC", "FAC")
FEATURE = re.compile(
    r"\b(?:Sea|Ocean|Gulf|Strait|Peninsula|Islands?|River|Mountains|Valley|Desert|Bay|Canal|Lake|"
    r"Coast|Strip|Heights|Region|Province|Oblast|Krai|Territory|Prefecture|County|District|Airport|"
    r"Port|Base|Dam|Plant|Square|Palace|Border|Corridor)\b"
)


def _choose(candidates: tuple[GeoPlace, ...], focus: Counter[str], text: str = "") -> GeoPlace | None:
    if not candidates:
        return None
    stated = [c for c in candidates if c.admin1 and c.admin1 in text]
    if stated:
        return max(stated, key=lambda c: c.population)  # "Moscow, home of the University of Idaho"
    largest = max(c.population for c in candidates)
    # a country the article is about wins, unless its place of that name is a town beside a city
    in_focus = [c for c in candidates if c.country in focus and c.population * 5 >= largest]
    if in_focus:
        return max(in_focus, key=lambda c: (focus[c.country], c.population))
    return candidates[0]


def _place(name: str, focus: Counter[str], place_id: str, text: str = "") -> Place | None:
    """A place for a name: a known region, a city from the gazetteer, or a named geographic feature."""
    region = kb.regions().get(kb.fold(name))
    if region is not None:
        return Place(id=place_id, name=region.name, country=region.country, lat=region.lat, lon=region.lon)
    geo = _choose(gazetteer().candidates(name), focus, text)
    if geo is not None:
        city = geo.kind == "city"
        return Place(
            id=place_id,
            name=geo.name,
            country=geo.country,
            lat=round(geo.lat, 5) if city else None,
            lon=round(geo.lon, 5) if city else None,
            geonameid=geo.geonameid,
        )
    if FEATURE.search(name) and not re.search(r"\d|\band\b", name):
        return Place(id=place_id, name=name)
    return None  # a name no gazetteer knows and no feature word marks: too often not a place


LOCATING = {"in", "at", "near", "from", "to", "into", "outside", "around", "across", "toward", "towards"}
NOT_PLACES = {"PERSON", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "EVENT", "LAW"}
PLACE_VERBS = kb.words("motion_verb") | {"hit", "shell", "strike", "bomb", "attack", "capture", "seize", "besiege"}


def _gazetteer_names(doc, spans: list[tuple[int, int]], taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Cities and regions the NER missed or mislabelled ("evacuating citizens from Sumy", tagged as an
    organisation; "the missile hit Donetsk"): proper nouns that name a known region, a city of 100,000 people,
    or, after a locating preposition, any city of the gazetteer. Never inside a person's or a body's name."""
    out = []
    propn = doc.vocab.strings["PROPN"]
    for i, pos in enumerate(doc.to_array([POS]).tolist()):  # proper nouns only, without a Token for every word
        if pos != propn:
            continue
        tok = doc[i]
        if not tok.text[:1].isupper() or tok.ent_type_ in NOT_PLACES:
            continue
        if tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN":
            continue  # part of a longer name: the NER's spans and the regions list cover those
        first = tok
        while first.i > 0 and doc[first.i - 1].pos_ == "PROPN" and doc[first.i - 1].dep_ == "compound":
            first = doc[first.i - 1]
        start, end = first.idx, tok.idx + len(tok.text)
        if any(s < end and start < e for s, e in spans) or any(s < end and start < e for s, e in taken):
            continue
        name = doc[first.i : tok.i + 1].text
        located = first.i > 0 and doc[first.i - 1].lower_ in LOCATING
        listed = tok.dep_ == "conj" and any(s <= tok.head.idx < e for s, e in spans + out)  # "Idlib and Aleppo"
        struck = tok.dep_ == "dobj" and tok.head.lemma_.lower() in PLACE_VERBS  # "the missile hit Donetsk"
        if not (located or listed or struck):
            continue  # a bare subject or object is a person as often as a place ("Jackson met Lincoln")
        least = 15_000 if located else 100_000
        if kb.regions().get(kb.fold(name)) or any(p.population >= least for p in gazetteer().candidates(name)):
            out.append((start, end))
    return out


def _joined(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """'the Bay of' + 'Bengal': a name the NER cut after its 'of' is one name with what follows."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and text[out[-1][0] : out[-1][1]].endswith(" of") and text[out[-1][1] : start] == " ":
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def extract_places(ctx: Context) -> list[Place]:
    doc = ctx.doc
    countries = kb.countries()
    focus: Counter[str] = Counter()
    for actor in ctx.actors:
        if actor.country:
            focus[actor.country] += len(actor.mentions) or 1
    spans: list[tuple[int, int]] = []
    for ent in doc.ents:
        if ent.label_ in LABELS:
            toks = [t for t in ent if t.lower_ not in ("the",)]
            while toks and (toks[-1].text in ("'s", "’s") or toks[-1].is_punct):
                toks = toks[:-1]
            if toks:
                spans.append((toks[0].idx, toks[-1].idx + len(toks[-1].text)))
    spans = _joined(ctx.text, spans)
    taken = [(s, e) for s, e, _ in ctx.mention_index]
    for ent in doc.ents:
        # a city the NER took for a person ("attacked Kharkiv") and that the actor extractor dropped
        lone = (
            ent.label_ == "PERSON"
            and len(ent) == 1
            and not any(s < ent.end_char and ent.start_char < e for s, e in taken)
        )
        if lone and (
            any(p.population >= 50_000 for p in gazetteer().candidates(ent.text)) or kb.regions().get(kb.fold(ent.text))
        ):
            spans.append((ent.start_char, ent.end_char))
    for span, kind, _ in country_spans(doc):
        if kind == "CAPITAL" and not any(s <= span.start_char < e for s, e in spans):
            spans.append((span.start_char, span.end_char))
    spans += _gazetteer_names(doc, spans, taken)
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
            place = _place(name, focus, f"P{len(places) + 1}", ctx.text)
            if place is None:
                continue
            place.name = name  # as the text names it ("Kiev"); the gazetteer's id and coordinates say which
            places[key] = place
        place.mentions.append(Span(start, end, name))
    return list(places.values())
