"""Places: cities, regions, seas, states and provinces, and landmarks named in the article, geocoded offline.

Landmarks and continents (``landmarks.tsv``) are places only where the text locates something in or at them
("talks at the Kremlin"); "the Kremlin said" is the government.

Countries are actors, not places, and capitals used for their governments
("Pyongyang says") are actors too. Among places of the same name, the one in a
country the article is about wins (Moscow, Russia over Moscow, Idaho).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from spacy.attrs import POS

from dyad import kb
from dyad.extract.actors import document_country_spans
from dyad.extract.context import Context
from dyad.extract.organisations import located_name
from dyad.kb.gazetteer import GeoPlace, gazetteer
from dyad.model import Place, Span
from dyad.nlp.pipeline import datelines

LABELS = ("GPE", "LOC", "FAC")
FEATURE = re.compile(
    r"\b(?:Sea|Ocean|Gulf|Strait|Peninsula|Islands?|River|Mountains|Valley|Desert|Bay|Canal|Lake|"
    r"Coast|Strip|Heights|Region|Province|Oblast|Krai|Territory|Prefecture|County|District|Airport|"
    r"Port|Base|Dam|Plant|Square|Palace|Border|Corridor)\b"
)

# a lower-case compass word before a region names part of it ("central Europe", "eastern Ladakh")
COMPASS = re.compile(r"\b((?:north|south)?(?:-?east|-?west)?(?:ern)?|northern|southern|central|north|south)\s+$")
COMPASS_START = re.compile(r"^(?:(?:north|south)?(?:-?east|-?west)(?:ern)?|northern|southern|central|north|south)\s+")
# a lower-case type word after a state's or region's name is part of it ("Upper Nile state")
TYPE_AFTER = re.compile(r"^\s+(?:state|province|region|oblast|governorate|islands?|peninsula)\b")
# words that stand alone for a place named before ("the North", "the Strait"), never a place's whole name
STANDING_WORDS = kb.words("not_place")
# a ship's prefix and the words of its name before the span ("the USS George Washington")
SHIP_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(kb.words("ship_prefix"))) + r")\s+(?:[A-Z][\w.'-]*\s+)*$")


def _widened(text: str, start: int, end: int) -> tuple[int, int]:
    """The span with the compass word before it and the type word after it that the NER left out."""
    name = text[start:end]
    after = TYPE_AFTER.match(text[end : end + 15])
    if after and (kb.subdivisions().get(kb.fold(name)) or _listed(text[start : end + after.end()])):
        end += after.end()  # "Upper Nile state", "the Korean peninsula", "the Senkaku islands"
    before = COMPASS.search(text[max(0, start - 16) : start])
    if before and before.group(1) and name[:1].isupper() and _listed(name):
        # a region's part, not a country's ("northern Syria" is Syria, an actor) nor a city's quarter
        start -= len(before.group(0))
    return start, end


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


def _subdivision(name: str, focus: Counter[str], place_id: str) -> Place | None:
    """A state, province or region of that name; of several ("Punjab": India's and Pakistan's), the one in a
    country the article is about, else the place with no country, since a guessed country is a wrong fact."""
    found = kb.subdivisions().get(kb.fold(name), ())
    if not found:
        return None
    in_focus = [s for s in found if focus[s.country]]
    if in_focus:
        found = tuple(sorted(in_focus, key=lambda s: -focus[s.country])[:1])
    if len({s.country for s in found}) > 1:
        return Place(id=place_id, name=name)
    sub = found[0]
    return Place(id=place_id, name=sub.name, country=sub.country, lat=sub.lat, lon=sub.lon)


def _place(name: str, focus: Counter[str], place_id: str, text: str = "") -> Place | None:
    """A place for a name: a known region, a city from the gazetteer, a state or province, or a named
    geographic feature. A city wins over a subdivision of its name ("Kherson" is the city; "Kherson region"
    the oblast)."""
    part = COMPASS_START.match(name)
    if part:  # "eastern Ladakh": a part of a region is in the region's country
        whole = _place(name[part.end() :], focus, place_id, text) if _listed(name[part.end() :]) else None
        return Place(id=place_id, name=name, country=whole.country) if whole else None
    region = kb.regions().get(kb.fold(name)) or kb.landmarks().get(kb.fold(name))
    if region is not None:
        return Place(id=place_id, name=region.name, country=region.country, lat=region.lat, lon=region.lon)
    geo = _choose(gazetteer().candidates(name), focus, text)
    if geo is None or geo.kind != "city":
        sub = _subdivision(name, focus, place_id)
        if sub is not None:
            return sub
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


def _listed(name: str) -> bool:
    """A region or a state of the data files by its whole name ("Kassala State")."""
    key = kb.fold(name)
    return bool(kb.regions().get(key) or kb.subdivisions().get(key))


def _known(name: str) -> bool:
    """A listed region, sea or state, or a name a geographic feature word marks ("South China Sea")."""
    part = COMPASS_START.match(name)
    if part:
        rest = name[part.end() :]
        return _listed(rest)
    return _listed(name) or bool(FEATURE.search(name))


@lru_cache(maxsize=1)
def _landmark_pattern() -> re.Pattern[str]:
    """A landmark after a word that locates something in or at it: 'talks at the Kremlin', 'visits the
    White House'. Built once from ``landmarks.tsv``."""
    forms = sorted(set(kb.landmark_names()), key=len, reverse=True)
    names = "|".join(re.escape(f) for f in forms)
    return re.compile(rf"\b(?:[Ii]n|at|inside|outside|near|to|into|visit(?:s|ed|ing)?)\s+(?:the\s+)?({names})\b")


def _landmarks(doc, text: str) -> list[tuple[int, int]]:
    """Spans of landmarks used as locations; not 'the White House spokesman' (a modifier of a noun)."""
    out = []
    for found in _landmark_pattern().finditer(text):
        start, end = found.span(1)
        last = doc.char_span(start, end, alignment_mode="expand")
        if last is not None and last[-1].dep_ == "compound" and last[-1].head.i > last[-1].i:
            continue
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
    unknown: set[tuple[int, int]] = set()  # places the text itself locates, which may be in no gazetteer
    for ent in ctx.entities:
        if ent.label_ == "NORP" and _widened(ctx.text, ent.start_char, ent.end_char)[1] > ent.end_char:
            spans.append((ent.start_char, ent.end_char))  # "the Korean peninsula": the NER saw a people
        if ent.label_ == "ORG" and (len(ent) > 1 or kb.regions().get(kb.fold(ent.text))) and _listed(ent.text):
            spans.append((ent.start_char, ent.end_char))  # "the Wali of Kassala State", "annexed Crimea": no body
        elif ent.label_ == "ORG" and located_name(ent):
            spans.append((ent.start_char, ent.end_char))  # "the town of Wajid": a place no gazetteer knows
            unknown.add((ent.start_char, ent.end_char))
        if ent.label_ in LABELS:
            toks = [t for t in ent if t.lower_ not in ("the",)]
            while toks and (toks[-1].text in ("'s", "’s") or toks[-1].is_punct):
                toks = toks[:-1]
            if toks:
                spans.append((toks[0].idx, toks[-1].idx + len(toks[-1].text)))
    spans = _joined(ctx.text, spans)
    taken = [(s, e) for s, e, _ in ctx.mention_index]
    for ent in ctx.entities:
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
    for span, kind, _ in document_country_spans(ctx):
        if kind == "CAPITAL" and not any(s <= span.start_char < e for s, e in spans):
            spans.append((span.start_char, span.end_char))
    spans += _gazetteer_names(doc, spans, taken)
    located = set(_landmarks(doc, ctx.text))
    spans = [s for s in spans if not any(s[0] < e and b < s[1] for b, e in located)] + sorted(located)
    spans = sorted({_widened(ctx.text, s, e) for s, e in spans})
    located = {_widened(ctx.text, s, e) for s, e in located}
    places: dict[str, Place] = {}
    filed = datelines(ctx.text)
    for start, end in spans:
        name = ctx.text[start:end]
        if any(s <= start and end <= e for s, e in filed):
            continue  # 'CAIRO, July 15 — ': where the story was filed, not a place it speaks of
        if "\n" in name or not (name[:1].isupper() or COMPASS_START.match(name) and _known(name)):
            continue
        if countries.lookup(name) or name.lower() in STANDING_WORDS:
            continue  # a state is an actor; "the North", "the Strait": a word that stands for a named place
        if SHIP_BEFORE.search(ctx.text[max(0, start - 40) : start]):
            continue  # "the USS George Washington": a ship
        if name in countries.blockers and not _known(name):
            continue  # "Korean War": no country, and no place either; "South China Sea" is a place
        inside = [(s, e) for s, e, _ in ctx.mention_index if s < end and start < e]
        # a country word inside a sea's or region's name is no actor of its own ("South China Sea")
        named = _known(name) and all(start <= s and e <= end and (s, e) != (start, end) for s, e in inside)
        if (start, end) in located:
            pass  # "talks at the Kremlin": the building, whatever the actors made of the name
        elif kb.landmarks().get(kb.fold(name)):
            continue  # "the Kremlin said", "Europe's energy needs": not where anything happens
        elif (name in kb.organizations() or inside) and not named:
            continue  # an actor: a government named by its capital, a person, an organisation
        key = kb.fold(name)
        place = places.get(key)
        if place is None:
            place = _place(name, focus, f"P{len(places) + 1}", ctx.text)
            if place is None and (start, end) in unknown:
                place = Place(id=f"P{len(places) + 1}", name=name)  # where, but no coordinates
            if place is None:
                continue
            place.name = name  # as the text names it ("Kiev"); the gazetteer's id and coordinates say which
            places[key] = place
        place.mentions.append(Span(start, end, name))
    return list(places.values())
