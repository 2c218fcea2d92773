"""Organisations: the bodies a text names, from the knowledge base, the NER and the parse.

Known bodies come first (``kb.bodies``); then the NER's ORG entities that are not a state, a place, a person,
a person's office or the text's own publisher; then commissions named by their states ("the Russian-Korean
intergovernmental commission") and national armed services ("the Indian Air Force"). Each gets the state it
belongs to from the country words in or before its name.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Sequence

from spacy.tokens import Doc, Span, Token

from dyad import kb
from dyad.extract.actors import (
    AREA_ENDS,
    HONORIFICS,
    MINISTRY_FIELDS,
    NOT_BODY_HEADS,
    _is_title_word,
    _positions,
    _ship,
)
from dyad.extract.context import Context
from dyad.model import Actor
from dyad.nlp.pipeline import address_abbreviations

STATE_FORMS = kb.words("state_form")
STATE_BODY_HEADS = ("commission", "committee", "council")  # lower-case heads of bodies named by their states


TRAILING = ("&", "and", "-", "of", "on", "for", "in", "the")  # words no name ends in


def candidates(
    ctx: Context, cspans: dict[int, tuple[Span, str, str]], kb_orgs: list[tuple[Span, kb.Organization]]
) -> list[tuple[int, int, str, str | None, str]]:
    """(start, end, name, country, code) for organisations."""
    doc = ctx.doc
    person_words = {w for a in ctx.actors if a.kind == "person" for w in kb.fold(a.name).split()}
    countries = kb.countries()
    out: list[tuple[int, int, str, str | None, str]] = []
    taken: set[int] = set()
    for span, org in kb_orgs:
        out.append((span.start_char, span.end_char, org.name, org.country, org.code))
        taken.update(range(span.start, span.end))
    entities = _org_entities(ctx.entities)
    # a name the text puts somewhere once is a place at every mention ("at Torkham" ... "Torkham officials")
    placed = {doc[e[0].i : e[-1].i + 1].text for e in entities if located_name(doc[e[0].i : e[-1].i + 1])}
    for ent in entities:
        if any(t.i in taken for t in ent):
            continue
        toks = [t for t in ent if not t.is_punct or t.text in ("&", "-", ".")]
        state_after = _state_after(doc, ctx.entities, toks)
        while toks and toks[0].lower_ in ("the", "a", "an"):
            toks = toks[1:]
        while toks and (toks[-1].text in ("'s", "’s") or toks[-1].lower_ in TRAILING):
            toks = toks[:-1]  # "Isaias Afwerki &", "the Uganda High Commission on": the NER ran on a word
        if not toks or all(_is_title_word(t) for t in toks) or any("\n" in t.text for t in toks):
            continue
        if _ship(toks):
            continue  # "USS Mercy": a ship
        if doc[ent[0].i : ent[-1].i + 1].text in placed:
            continue  # "the town of Wajid", "clashes near Badme": a place (see places.py)
        toks = _without_designation(toks)
        if not toks or _sum_time_or_date(doc[toks[0].i : toks[-1].i + 1].text):
            continue  # "C-130s", "21 June", "NZ$12 million", "11:00 A.M.": no body
        if toks[-1].text in address_abbreviations():
            continue  # "Air Force Brig." in "Press Secretary Air Force Brig. Gen. Pat Ryder": a person's rank
        name = doc[toks[0].i : toks[-1].i + 1].text
        if countries.lookup(name) or name in countries.capitals or not any(t.text[:1].isupper() for t in toks):
            continue
        inside = cspans.get(toks[0].i)
        if inside is not None and inside[1] == "NAME" and toks[-1].i < inside[0].end:
            continue  # part of a country's name ("Côte" in "Côte d'Ivoire")
        if len(toks) > 1 and toks[-1].lower_ == "government" and _state_named(doc, toks[:-1]):
            continue  # "the Peruvian Government": the state itself, which the guide lists as no body
        state = _state_tail(doc, toks)
        if state is None and state_after is not None:
            state = (
                len(toks),
                state_after,
            )  # "the Ministry of Foreign Affairs of" + "the Plurinational State of Bolivia"
        if state is not None:
            if state[0] == 1 and toks[0].lower_ == "governments":
                continue  # "the Governments of India, China and Japan": states
            if any(t.lower_ in STATE_FORMS for t in toks[state[0] + 1 :]) and toks[0].lower_ != "government":
                # "Ministry of Foreign Affairs of the Arab Republic of Egypt": the ministry, of Egypt; a short
                # name stays ("Armed Forces of Malta"), and so does "the Government of the Republic of Uganda"
                toks = toks[: state[0]]
                name = doc[toks[0].i : toks[-1].i + 1].text
        if _not_an_organization(name, toks, person_words) or _in_office_title(doc, toks):
            continue
        if _placed_as_person(doc, toks) or _short_for_a_thing(doc, toks):
            continue
        if len(toks) == 1 and not name.isupper() and _named_otherwise(doc, name):
            continue
        country, code = _org_country(doc, toks, cspans)
        if state is not None and country is None:
            country, code = state[1], state[1] + (code[3:] or "GOV")
        out.append((toks[0].idx, toks[-1].idx + len(toks[-1].text), name, country, code))
        taken.update(t.i for t in toks)
    institutions = kb.institutions()
    heads = _positions(doc, STATE_BODY_HEADS)  # a chunk without one of these words has no such root
    for chunk in ctx.noun_chunks if heads else ():
        if not any(chunk.start <= i < chunk.end for i in heads):
            continue
        root = chunk.root
        if root.i in taken or root.lower_ not in STATE_BODY_HEADS or root.text[:1].isupper():
            continue
        demonyms = [t for t in chunk if t.i in cspans and cspans[t.i][1] == "DEMONYM"]
        if not demonyms:
            continue
        toks = [t for t in chunk if t.lower_ not in ("a", "an", "the")]
        end_tok = toks[-1]
        for child in root.rights:
            if child.dep_ == "prep" and child.lower_ in ("on", "for", "of"):
                end_tok = max(child.subtree, key=lambda t: t.i)
        name = doc[toks[0].i : end_tok.i + 1].text
        country, code = _org_country(doc, toks, cspans)
        sector = institutions.get(root.lower_, "GOV")
        out.append(
            (
                toks[0].idx,
                end_tok.idx + len(end_tok.text),
                name,
                country,
                (country or "---") + sector if code == "---" else code,
            )
        )
        taken.update(range(toks[0].i, end_tok.i + 1))
    out += _ministries(doc, cspans, taken)
    out += _dateline_agency(ctx.text, doc, taken)
    out += _lone_bodies(doc, taken)
    # in the text's order: a set of spans iterates in the order of their hashes, which varies from run to run
    for span, kind, iso3 in sorted({v for v in cspans.values()}, key=lambda v: v[0].start):
        # "the Ukrainian Armed Forces", "Indian Air Force": a national armed service is a body of its state
        if kind not in ("DEMONYM", "NAME") or span.end >= len(doc) or any(t.i in taken for t in span):
            continue
        start = span.end
        if kind == "NAME":
            if start + 1 >= len(doc) or doc[start].text not in ("'s", "’s"):
                continue
            start += 1  # "Turkey's military said"
        after = doc[start : min(len(doc), start + 3)]
        words = [t.text for t in after]
        for n in (3, 2, 1):
            phrase = " ".join(words[:n])
            named = phrase in FORCES and kind == "DEMONYM"
            if not (named or (phrase in LOWER_FORCES and _acts(after[n - 1]))) or any(t.i in taken for t in after[:n]):
                continue
            end = after[n - 1]
            name = doc[span.start : end.i + 1].text
            out.append((span.start_char, end.idx + len(end.text), name, iso3, iso3 + "MIL"))
            taken.update(range(span.start, end.i + 1))
            break
    return out


LOWER_FORCES = {"army", "military", "navy", "air force", "armed forces", "coast guard", "border guard"}


def _acts(tok: Token) -> bool:
    """'the Thai army said', 'Turkey's military shot down', 'fired on by the Indian army': a national force
    named in lower case is a body where it acts or is acted on by name, not in passing ('Israeli military
    action', 'the Thai army base')."""
    return tok.dep_ in ("nsubj", "nsubjpass") or (tok.dep_ == "pobj" and tok.head.lower_ == "by")


def _ministries(
    doc: Doc, cspans: dict[int, tuple[Span, str, str]], taken: set[int]
) -> list[tuple[int, int, str, str | None, str]]:
    """Ministries named in lower case by their field ("the foreign ministry said", "Turkey's defence ministry",
    "the Chinese foreign ministry", "Iranian foreign ministry spokesman Nasser Kanaani"), which the NER tags but,
    lower-cased, no other rule takes for a name. The state's word stays in the name, so that two states' foreign
    ministries stay two bodies."""
    out = []
    for root in (doc[i] for i in _positions(doc, ("ministry",))):
        if not root.text.islower() or root.i in taken:
            continue
        if root.dep_ == "compound" and not _is_title_word(root.head) and root.head.lemma_.lower() not in OFFICIALS:
            continue  # "a foreign ministry statement": what is said, not who
        if root.dep_ == "pobj" and root.head.lower_ in ("in", "at", "inside", "outside", "near"):
            continue  # "talks at the foreign ministry": the building, where something happens
        toks: list[Token] = []
        i = root.i - 1
        while i >= 0 and (doc[i].lower_ in MINISTRY_FIELDS or i in cspans or doc[i].text in ("'s", "’s")):
            toks.insert(0, doc[i])
            i -= 1
        while toks and toks[0].text in ("'s", "’s"):
            toks = toks[1:]  # "the country's foreign ministry"
        words = [t for t in toks if t.i not in cspans and t.text not in ("'s", "’s")]
        if not words or any(t.i in taken for t in toks):
            continue  # "the new ministry", "a ministry statement"
        toks.append(root)
        country, code = _org_country(doc, toks, cspans)
        out.append((toks[0].idx, root.idx + len(root.text), doc[toks[0].i : root.i + 1].text, country, code))
        taken.update(t.i for t in toks)
    return out


LONE_BODIES = kb.words("lone_body")
OFFICIALS = kb.words("official")  # "Iranian foreign ministry officials confirmed": the ministry's people speak


def _lone_bodies(doc: Doc, taken: set[int]) -> list[tuple[int, int, str, str | None, str]]:
    """A state's body that a capitalised word names alone mid-sentence ("told Parliament", "in Parliament"),
    which the NER leaves untagged: its state is the story's, where the story names one (see actors.py)."""
    out = []
    for tok in (doc[i] for i in _positions(doc, LONE_BODIES)):  # the listed words only, not a Token per word
        if not tok.text[:1].isupper() or tok.i in taken or tok.is_sent_start:
            continue
        before, after = doc[tok.i - 1], doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if not before.is_lower or (after is not None and (after.text[:1].isupper() or after.lower_ == "of")):
            continue  # "European Parliament", "Parliament Speaker", "Parliament of Ghana": other rules' names
        sector = kb.institutions().get(tok.lower_, "GOV")
        out.append((tok.idx, tok.idx + len(tok.text), tok.text, None, "---" + sector))
        taken.add(tok.i)
    return out


DATELINE_CREDIT = re.compile(
    r"\s*[A-ZÀ-Ý][A-ZÀ-Ý .'’-]+,[^()\n]{0,30}?\(([A-Z][A-Za-z]{1,9}(?: [A-Z][A-Za-z]+){0,3})\)\s*(?:—|–|--|-)"
)


def _dateline_agency(text: str, doc: Doc, taken: set[int]) -> list[tuple[int, int, str, str | None, str]]:
    """The news agency a dateline credits ("MOYALE, 2 March (KNA) —"): the source the story cites for all it
    says, which the guide lists among bodies (the text's own publisher is dropped later, as everywhere)."""
    found = DATELINE_CREDIT.match(text)
    if found is None:
        return []
    start, end = found.span(1)
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or any(t.i in taken for t in span):
        return []
    name = found.group(1)
    taken.update(t.i for t in span)
    known = kb.organizations().get(name) or kb.bodies().get(name)
    if known is not None:
        return [(start, end, known.name, known.country, known.code)]
    return [(start, end, name, None, "---MED")]


PLACE_KINDS = ("town", "village", "city", "district", "area", "region", "province", "port")
PLACE_ENDS = kb.words("place_end")
PLACE_NOUNS = kb.words("place_noun")
VESSEL_NOUNS = kb.words("vessel_noun")


def _has_body_word(toks: list[Token]) -> bool:
    """Whether a name holds a word of a body's ("Navy", "Ministry", "University")."""
    return any(t.lower_ in BODY_NOUNS or t.lower_ in kb.institutions() for t in toks)


BODY_NOUNS = kb.words("body_noun")
LOCATED_PREPS = kb.words("location_prep") - {"to"}  # "wrote to the European Commission": a body receives


def located_name(ent: Span) -> bool:
    """A name the NER took for a body where the text puts something: "the town of Wajid", "clashes near
    Badme", "at Spin Boldak", "held off Waini Point"; or one whose last word is a place's ("the Joint Security
    Area", "Fiery Cross Reef"). Not an acronym ("in ECOWAS"), no body the knowledge base knows, and no name with
    a body's word or an acronym in it ("at the Ministry of Defence", "from Columbia University")."""
    doc = ent.doc
    words = [t for t in ent if t.lower_ not in ("the", "'s", "’s")]
    if not words or ent.text.isupper() or not words[0].text[:1].isupper():
        return False
    name = doc[words[0].i : words[-1].i + 1].text
    if name in kb.bodies() or name in kb.organizations():
        return False
    lower = {t.lower_ for t in words}
    if lower & BODY_NOUNS or any(w in kb.institutions() for w in lower):
        return False
    if any(len(t.text) > 1 and t.text.isupper() for t in words):
        return False  # "from RAF Lossiemouth": an acronym in it names a body's unit
    if len(words) > 1 and words[-1].text[:1].isupper() and words[-1].lower_ in PLACE_ENDS:
        return True
    before = doc[ent.start - 1] if ent.start > 0 else None
    if before is None or ent[0].lower_ == "the":
        return False
    if before.lower_ == "of":
        return ent.start > 1 and doc[ent.start - 2].lower_ in PLACE_KINDS
    if before.lower_ in PLACE_KINDS or before.lower_ == "capital":
        return True  # "the remote capital Naypidaw", "the border town Tan-Tan"
    if len(words) > 1 and not all(t.text[:1].isupper() or t.text in ("-", "de", "del", "al", "el") for t in words):
        return False
    return before.lower_ in LOCATED_PREPS or before.lower_ == "off"


def _org_entities(ents: Iterable[Span]) -> list[list[Token]]:
    """The NER's ORG names (of ``ents``, the document's entities) as token lists, joined where it breaks one
    name at its "and" ("The Ministry of Foreign Affairs and" + "International Cooperation of the Republic of
    Malawi")."""
    out: list[list[Token]] = []
    for ent in ents:
        if ent.label_ != "ORG":
            continue
        if out and out[-1][-1].lower_ in ("and", "&") and out[-1][-1].i + 1 == ent.start:
            out[-1] = out[-1] + list(ent)
        else:
            out.append(list(ent))
    return out


def _state_named(doc: Doc, toks: list[Token]) -> str | None:
    """The state these words name, formal names included: "the Arab Republic of Egypt", and "the Republic of
    Rwanda" where only the short name is known (formal words, then "of", then a state's name)."""
    while toks and toks[0].lower_ == "the":
        toks = toks[1:]
    if not toks:
        return None
    found = kb.countries().lookup(doc[toks[0].i : toks[-1].i + 1].text)
    if found:
        return found
    n = 0
    while n < len(toks) and toks[n].lower_ in STATE_FORMS:
        n += 1
    if n == 0 or n + 1 >= len(toks) or toks[n].lower_ != "of":
        return None
    return _state_named(doc, toks[n + 1 :])


def _state_after(doc: Doc, ents: Sequence[Span], toks: list[Token]) -> str | None:
    """The state whose name follows a body's name that the NER cut at its "of" ("the Ministry of Foreign Affairs
    of" + "the Plurinational State of Bolivia"): the body is that state's (``ents``: the document's entities)."""
    if not toks or toks[-1].lower_ != "of":
        return None
    after = next((e for e in ents if toks[-1].i < e.start <= toks[-1].i + 2), None)
    if after is None or after.label_ not in ("GPE", "ORG") or doc[toks[-1].i + 1 : after.start].text not in ("", "the"):
        return None
    return _state_named(doc, list(after))


def _state_tail(doc: Doc, toks: list[Token]) -> tuple[int, str] | None:
    """Where a body's name gives way to its state's ("of the Kingdom of Morocco"), and that state: the first
    "of" whose words to the end name a state, so that the state's own "of" is not taken for it."""
    for n, tok in enumerate(toks):
        if n > 0 and tok.lower_ == "of":
            found = _state_named(doc, toks[n + 1 :])
            if found:
                return n, found
    return None


FORCES = {
    *("Armed Forces", "armed forces", "Army", "Air Force", "Navy", "Coast Guard", "Border Guard"),
    *("National Guard", "Marine Corps", "Air Defense Forces", "Ground Forces", "Special Forces", "Defence Forces"),
    *("Defense Forces", "Aerospace Forces", "Naval Forces"),
}


def _named_otherwise(doc: Doc, word: str) -> bool:
    """Whether the NER names this word a place, a people or a person somewhere in the text: a lone word it tags as
    a body at one mention and as something else at another is most often a place ("Essequibo", "Bakassi")."""
    return any(t.text == word and t.ent_type_ in ("GPE", "LOC", "FAC", "NORP", "PERSON") for t in doc)


def _short_for_a_thing(doc: Doc, toks: list[Token]) -> bool:
    """An acronym that the text gives in brackets after the name of a thing, an event or a place, which no rule
    takes for a body: "ZNPP" after "the Zaporozhye Nuclear Power Plant (ZNPP)", "KADIZ" after "the Korea Air
    Defense Identification Zone (KADIZ)"."""
    if len(toks) != 1 or not toks[0].text.isupper():
        return False
    found = re.search(rf"(\w+)\s*\({re.escape(toks[0].text)}\)", doc.text)
    return found is not None and (found.group(1).lower() in NOT_BODY_HEADS or found.group(1).lower() in PLACE_ENDS)


COUNTERPART = ("counterpart", "counterparts")
SAYING = ("said", "says")


def _placed_as_person(doc: Doc, toks: list[Token]) -> bool:
    """A name of two to four plain words that the text puts where a person stands: after a form of address ("Mr
    Jean-Marie Adjovi Kpadé"), after a title or "counterpart" and its comma ("his Mozambican counterpart,
    Cristóvão Macuácua Nhantumbo"), after a role word ("organiser Ezekiel Cal"), after an inverted "said" ('said
    Wilmer Jaimes'), or before ", who". No name with a body's word or an acronym in it, and none the knowledge
    base knows ("said Human Rights Watch")."""
    words = [t for t in toks if t.text != "-"]
    if not 2 <= len(words) <= 4 or not all(t.text[:1].isupper() and t.text[:1].isalpha() for t in words):
        return False
    name = doc[toks[0].i : toks[-1].i + 1].text
    lower = {t.lower_ for t in toks}
    if name in kb.bodies() or name in kb.organizations() or lower & BODY_NOUNS:
        return False
    if any(w in kb.institutions() for w in lower) or any(t.text.isupper() for t in toks):
        return False
    i = toks[0].i
    prev = doc[i - 1] if i > 0 else None
    after = doc[toks[-1].i + 1 : toks[-1].i + 3]
    if len(after) == 2 and after[0].text == "," and after[1].lower_ == "who":
        return True
    if prev is None:
        return False
    if prev.lower_.rstrip(".") in HONORIFICS or prev.lower_ in SAYING or (prev.is_lower and _is_title_word(prev)):
        return True
    if prev.text == "," and i > 1:
        word = doc[i - 2]
        return word.lower_ in COUNTERPART or (word.is_lower and _is_title_word(word))
    return False


DESIGNATION = re.compile(r"[A-Z]{0,4}-?\d+[A-Za-z]?s?")  # "C-130s", "KF-16", "N95", "PAC-3"; not "G7" (below)
MONTHS = frozenset(m.lower() for m in calendar.month_name if m)


def _without_designation(toks: list[Token]) -> list[Token]:
    """A name without the model number or number it ends in: "Royal New Zealand Air Force C-130" is the air force
    (a service's word comes before the number); "C-130s", "Patriot PAC-3" and "Masagana 2" are craft and weapons,
    no body at all (nothing left). A number after "of" or a group's "G" is part of the name ("Group of 20", "G7")."""
    last = toks[-1].text if toks else ""
    if not DESIGNATION.fullmatch(last) or re.fullmatch(r"G-?\d+", last):
        return toks
    if len(toks) > 1 and toks[-2].lower_ == "of":
        return toks
    rest = toks[:-1]
    lower = {t.lower_ for t in rest}
    if lower & BODY_NOUNS or any(w in kb.institutions() for w in lower):
        return rest
    return []


def _sum_time_or_date(name: str) -> bool:
    """A sum, a clock time or a date the NER took for a body ("NZ$12 million", "11:00 A.M.", "21 June")."""
    if re.search(r"[$€£¥]|\d:\d", name):
        return True
    words = name.lower().split()
    return any(w in MONTHS for w in words) and all(w in MONTHS or w.isdigit() for w in words)


# words that open an office, not a body ("the two Heads of State", "Defence Cabinet Secretary X")
OFFICE_OPENERS = frozenset(("head", "heads", "cabinet", "co-chair", "co-chairs", "prosecutor"))


def _in_office_title(doc: Doc, toks: list[Token]) -> bool:
    """A person's office, not a body: "Minister of Foreign Affairs", or the words after its "of"/"for" that the NER
    tags apart ("International Cooperation" in "Minister of Foreign Affairs and International Cooperation")."""
    heads = kb.words("office_head")
    if toks[0].lower_ in heads or toks[0].lower_ in OFFICE_OPENERS:
        return True  # "Minister of Foreign Affairs", "the two Heads of State"
    after = doc[toks[-1].i + 1] if toks[-1].i + 1 < len(doc) else None
    if after is not None and after.lower_ in heads and toks[-1].lower_ in OFFICE_OPENERS:
        return True  # "Defence Cabinet" + "Secretary X"
    lead = next((n for n, t in enumerate(toks) if t.lower_ in ("of", "for", "on")), len(toks))
    if any(t.lower_ in kb.institutions() for t in toks[:lead]):
        return False  # "Secretary of the Ministry of Fisheries": the body the office belongs to
    if after is not None and (after.lower_ in heads or after.lower_ in OFFICE_OPENERS) and not _has_body_word(toks):
        return True  # "Foreign Affairs Minister X", "Defence Cabinet Secretary X": the field of an office
    i = toks[0].i - 1
    start = toks[0].sent.start
    while i > start and toks[0].i - i <= 8:
        tok = doc[i]
        if tok.lower_ in ("of", "for") and doc[i - 1].lower_ in heads:
            return True
        if tok.lower_ == "the" and doc[i - 1].lower_ in ("of", "for"):
            i -= 1  # "Minister of the Interior"
            continue
        if tok.lower_ not in ("of", "for", "and", ",", "&") and not (
            tok.text[:1].isupper() and tok.pos_ in ("PROPN", "ADJ", "NOUN")
        ):
            return False
        i -= 1
    return False


def publisher(ctx: Context, name: str, start: int) -> bool:
    """The outlet that published the text ("VOA", "VOA Somali", "VOA's Korean service" in a Voice of America
    story): the guide lists a publisher only where the text names it as an actor, and "told VOA" does not."""
    if not ctx.publisher:
        return False
    full = re.sub(r"\s*\(.*", "", ctx.publisher).strip()
    words = [w for w in full.split() if w[:1].isalpha()]
    shorts = {"".join(w[0] for w in words).upper(), "".join(w[0] for w in words if w[:1].isupper())}  # VOA, UN
    written = {full} | {short for short in shorts if len(short) >= 2}
    forms = {kb.fold(form) for form in written}
    first = re.sub(r"['’]s$", "", name.split()[0])
    if kb.fold(name) in forms or kb.fold(first) in forms:
        return True
    before = ctx.text[max(0, start - len(full) - 3) : start]
    return any(before.endswith(f"{form}'s ") or before.endswith(f"{form}’s ") for form in written)


def abbreviations(text: str, names: list[str]) -> dict[str, str]:
    """Short forms -> the full name they stand for: "Indian Air Force (IAF)", or an all-capitals name whose
    letters are the initials of another's ("NDRF" for "National Disaster Response Force", "Unesco" for the United
    Nations Educational, Scientific and Cultural Organization)."""
    out: dict[str, str] = {}
    full = [n for n in names if len(n.split()) >= 2]
    for name in full:
        found = re.search(re.escape(name) + r"\s*\(([A-Z][A-Za-z&.-]{1,9})\)", text)
        if found:
            out.setdefault(found.group(1), name)
        letters = "".join(w[0] for w in re.findall(r"[\w'’-]+", name) if w.lower() not in ("of", "the", "and", "for"))
        if len(letters) >= 2:
            out.setdefault(letters.upper(), name)
    # "Unesco", as the dictionaries write UNESCO, is short for "United Nations Educational, ... Organization" too
    shorts = {n: out.get(n) or out[n.upper()] for n in names if n in out or (" " not in n and n.upper() in out)}
    return {short: name for short, name in shorts.items() if short != name}


def _not_an_organization(name: str, toks: list[Token], person_words: set[str]) -> bool:
    """Weapons, places (regions, states of a country), lone generic nouns, and events and documents (summits,
    forums, treaties, wars, operations, dams) that the NER tags as organisations."""
    if name in kb.not_names() or kb.regions().get(kb.fold(name)):
        return True
    if kb.subdivisions().get(kb.fold(name)):
        return True  # "Kassala State", "Kherson region", "Hokkaido": a state or province is a place
    if len(toks) > 1 and toks[-1].lower_ in AREA_ENDS and name not in kb.organizations():
        return True  # "Unity State", "Kegalle District": a province by its kind (not "Islamic State", a known body)
    inside = {t.i for t in toks}
    heads = [t for t in toks if t.head.i not in inside or t.head == t]  # the name's own head word(s)
    if any(t.lower_ in NOT_BODY_HEADS for t in heads):
        return True  # "Negev Summit", "Belt and Road Forum for International Cooperation"
    if toks and toks[-1].lower_ in NOT_BODY_HEADS and not any(t.lower_ in kb.institutions() for t in heads):
        return True  # "the Abraham Accords"; but "the Government of National Accord" is a government
    if (
        len(toks) > 1
        and not any(t.lower_ in kb.institutions() or t.lower_ in BODY_NOUNS for t in toks)
        and (kb.person_shaped(name) or kb.given_name_first(name))
    ):
        return True  # "Igor Sobolev": a person the NER took for a body
    after = toks[-1].doc[toks[-1].i + 1] if toks and toks[-1].i + 1 < len(toks[-1].doc) else None
    if after is not None and after.lower_ in PLACE_NOUNS and after.text.islower():
        return True  # "the Torkham border crossing", "the al-Fashaga area": a place the NER took for a body
    if after is not None and after.lower_ in VESSEL_NOUNS and not _has_body_word(toks):
        return True  # "the Stena Impero tanker": a craft; not "a U.S. Navy destroyer", the navy's
    if len(toks) == 1:
        from dyad.kb.gazetteer import gazetteer

        word = kb.fold(name)
        return word in person_words or word in kb.institutions() or bool(gazetteer().candidates(name))
    return False


def _org_country(doc: Doc, toks: list[Token], cspans: dict[int, tuple[Span, str, str]]) -> tuple[str | None, str]:
    """Country of an organisation from the country words in or just before its name."""
    found = {cspans[t.i][2] for t in toks if t.i in cspans}
    text = doc[toks[0].i : toks[-1].i + 1].text
    bilateral = re.search(r"\b[A-Z][a-z]+-[A-Z][a-z]+\b", text) and len(found) <= 1 and any(t.text == "-" for t in toks)
    prev = toks[0].i - 1
    if not found and prev >= 1 and doc[prev].text in ("'s", "’s") and doc[prev - 1].i in cspans:
        found = {cspans[doc[prev - 1].i][2]}
    sector = kb.institutions().get(toks[-1].lower_, "GOV" if len(toks) > 1 else "")
    if len(found) == 1 and not bilateral:
        iso3 = found.pop()
        return iso3, iso3 + (sector or "GOV")
    return None, "---" + sector if sector else "---"


def names_as_written(orgs: list[Actor]) -> None:
    """A known body whose usual name the text never uses takes the text's own, longest form ("U.S. Treasury",
    not "Treasury Department"; "UN refugee agency", not "UNHCR"): a reader, and the guide, name a body as the
    text does. The usual name stays where a mention holds it ("Kyodo" in "Kyodo news agency") and where the text
    gives only a two-letter acronym ("U.N.", "EU"), which stands inside too many other names to name one body;
    a longer one the text uses alone ("OSCE", "ECOWAS") is how the text, and so the reader, knows the body."""
    for org in orgs:
        forms = [_bare(m.text) for m in org.mentions]
        usual = kb.fold(org.name)
        if not forms or any(re.search(rf"\b{re.escape(usual)}\b", kb.fold(f)) for f in forms):
            continue
        longest = max(forms, key=len)
        if " " in longest or any(c.islower() for c in longest) or len(longest.replace(".", "")) >= 3:
            org.name = longest


def _bare(text: str) -> str:
    """A mention's words without its article and possessive ("the Treasury's" -> "Treasury")."""
    text = re.sub(r"['’]s$", "", text.strip())
    return re.sub(r"^(?:the|The)\s+", "", text)


def short_mentions(ctx: Context, orgs: list[Actor]) -> None:
    """'the intergovernmental commission' after 'a Russian-Korean intergovernmental commission on trade'."""
    institutions = kb.institutions()
    for org in orgs:
        words = [w.lower() for w in re.findall(r"[\w'’-]+", org.name)]
        head = next((w for w in words if w in institutions), None)
        if head is None:
            continue
        for chunk in ctx.noun_chunks:
            if len(chunk) < 3 or chunk[0].lower_ != "the" or chunk.root.lower_ != head:  # the root costs most
                continue
            if not all(t.lower_ in words for t in chunk[1:]):
                continue
            if any(s < chunk.end_char and chunk.start_char < e for s, e, _ in ctx.mention_index):
                continue
            ctx.add_mention(org, chunk.start_char, chunk.end_char)
