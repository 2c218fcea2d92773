"""Events: who did what to whom, coded in PLOVER and CAMEO, with modality, date, place and evidence.

The coder runs over each sentence: ``triggers`` finds the words that are events
and their CAMEO codes, ``participants`` their sources and targets from the
parse, ``timing`` their modality and date, ``merging`` makes one event per
happening. Future cooperation is coded AGREE and future force THREATEN, as the
PLOVER manual asks; negated and hypothetical events are kept but marked, so
that nothing counts them as having happened.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from spacy.tokens import Doc, Span, Token

from dyad import ontology
from dyad.extract.context import Context
from dyad.extract.events.accusations import accusations, misdeed_words
from dyad.extract.events.dating import dates_for, usable_dates
from dyad.extract.events.merging import Found, absorb, merge, side
from dyad.extract.events.participants import Participants, content, unique
from dyad.extract.events.timing import condition_of, modality_of, place_for
from dyad.extract.events.triggers import Entry, candidates, entries, lexicon, not_an_event
from dyad.extract.events.voice import voice_of
from dyad.extract.events.words import (
    ACCUSING,
    ADDRESSED_TYPES,
    COOPERATIVE_FUTURE,
    DENIALS,
    DOMESTIC_TYPES,
    FORCEFUL,
    INTERNAL_TYPES,
    JOINT_CODES,
    LIGHT_VERBS,
    REALIZING,
    REFUSALS,
    STRIKE_VERBS,
    VERBAL_TYPES,
    VISIT_CODES,
)
from dyad.model import Actor, DateRef, Place, Quote
from dyad.ontology import SYMMETRIC_TYPES

__all__ = ["EventCoder", "extract_events", "lexicon", "render"]

# Types whose target, when none is named, is the state where the event happened (PETRARCH's and GDELT's
# convention), and types whose source, in a passive with no agent, is the state of the place.
PLACE_TARGETED = {"ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "SANCTION", "AID", "RETREAT", "THREATEN"}
PLACE_SOURCED = {"COERCE"}
# What one party asks or offers another: denied or dismissed, it is refused, not denied to have happened.
SAID_TYPES = {"REQUEST", "AGREE", "CONSULT"}
# Acts that, promised on a condition ("unless", "if"), are threats.
CONDITIONAL_THREATS = {"THREATEN", "RETREAT", "SANCTION", "REJECT", "ASSAULT", "COERCE", "MOBILIZE", "PROTEST"}


def subsumed(doc: Doc, found: list[Found]) -> list[Found]:
    """A protest's demands and complaints are the protest ("students marched in Belgrade demanding new
    elections", "workers struck to protest the bill"): what hangs from a protest's trigger is not an
    event of its own."""

    def trigger(ev: Found) -> Token | None:
        span = doc.char_span(ev.evidence[0]["trigger"]["start"], ev.evidence[0]["trigger"]["end"])
        return span.root if span is not None else None

    protests = [t for ev in found if ev.code.plover == "PROTEST" for t in [trigger(ev)] if t is not None]
    if not protests:
        return found
    out = []
    for ev in found:
        tok = trigger(ev)
        under = tok is not None and any(p in tok.ancestors or p.head in tok.ancestors for p in protests)
        if ev.code.plover in ("REQUEST", "ACCUSE", "REJECT") and under:
            continue
        out.append(ev)
    return out


BACKDROP_PREPS = {"after", "following", "amid", "before", "during", "since", "despite"}
CAUSE_WORDS = {"response", "retaliation", "reprisal", "revenge", "reaction", "protest", "because", "wake"}


def _backdrop(tok: Token, triggers: set[int]) -> bool:
    """An event noun in a time adjunct of another event ("after violent protests", "following the shooting
    deaths", "amid unrest") is the occasion of the main event, told in passing, not news of its own."""
    if tok.pos_ != "NOUN" or any(t.ent_type_ == "DATE" for t in tok.subtree):
        return False  # "during the visits to Russia in 2019 and 2023": dated in its own words, news of its own
    node = tok
    for _ in range(3):
        prep = node.head
        verb = None
        if node.dep_ == "pobj" and prep.lower_ in BACKDROP_PREPS:
            verb = prep.head
        elif node.dep_ == "pobj" and prep.head.lower_ in CAUSE_WORDS and prep.head.dep_ in ("pobj", "prep"):
            # "in response to the arrest", "in retaliation for the attacks", "because of fighting": the cause
            verb = prep.head.head if prep.head.dep_ == "prep" else prep.head.head.head
        if verb is not None:
            return verb.i in triggers or any(c.i in triggers for c in verb.children if c.dep_ == "dobj")
        if node.dep_ not in ("pobj", "compound", "amod", "conj") or node.head == node:
            return False
        node = node.head
    return False


def _joint(tok: Token) -> bool:
    """'joint exercises', 'war games together', 'French and Egyptian warships launched war games': a military
    act done with the others, not against them (drills held by several states are held together)."""
    words = {t.lower_ for t in tok.subtree} | {c.lower_ for c in tok.children}
    drills = {t.lemma_.lower() for t in tok.subtree} & {"exercise", "drill", "game", "maneuver", "manoeuvre"}
    return bool(words & {"joint", "together", "jointly", "combined"}) or bool(drills)


def known(actors: list[Actor]) -> list[Actor]:
    """Sides an event can have: actors with a country or an international code, and people (whose
    country another article may teach the store). 'Three people', a body of no known country: no side."""
    return [a for a in actors if a.country or a.kind == "person" or (a.code or "")[:3] in ("IGO", "NGO")]


class EventCoder:
    """Codes the events of one document."""

    def __init__(
        self,
        ctx: Context,
        quotes: list[Quote],
        dates: list[DateRef],
        places: list[Place],
        published: str | None,
        title: str | None = None,
        source: str | None = None,
    ) -> None:
        self.ctx = ctx
        self.quotes = quotes
        self.dates = dates
        self.usable = usable_dates(dates, ctx.text, published)  # what dates_for weighs, for every trigger
        self.places = places
        self.published = published
        self.doc = ctx.doc
        self.who = Participants(ctx, quotes, places, voice_of(ctx, title, quotes, source))
        self.entries = entries(ctx)  # the words that are triggers, with their lexicon entries
        self.entry_at = sorted(self.entries)  # their indices, for a sentence's to be found by bisection
        self.misdeeds = candidates(ctx.doc, misdeed_words())  # and misdeeds
        self.inside_names = {
            i for a in ctx.actors if a.kind == "organization" for m in a.mentions for i in range(m.start, m.end)
        }

    def code(self) -> list[dict[str, Any]]:
        events: list[Found] = []
        for sent in self.ctx.sentences:
            events += subsumed(self.doc, self._sentence(sent))
        merged = absorb(merge(events))
        merged.sort(key=lambda e: min(x["trigger"]["start"] for x in e.evidence))
        for ev in merged:
            if (
                (ev.code.plover in SYMMETRIC_TYPES or ev.code.cameo in JOINT_CODES)
                and not ev.targets
                and len(side(ev.sources)) > 1
            ):
                # a joint event ("Russia and North Korea held talks"): the dyad is unordered, so the first
                # participant stands as source and the others as targets
                first = ev.sources[0]
                ev.targets = [a for a in ev.sources if (a.country or a.code) != (first.country or first.code)]
                ev.sources = [a for a in ev.sources if a not in ev.targets]
        return [render(n, ev) for n, ev in enumerate(merged, 1)]

    def _sentence(self, sent: Span) -> list[Found]:
        """The events one sentence reports, in the order their triggers come."""
        found: list[Found] = []
        doc = sent.doc
        at = self.entry_at
        triggers = [
            (tok, self.entries[i])
            for i in at[bisect_left(at, sent.start) : bisect_left(at, sent.end)]
            for tok in [doc[i]]
            if tok.idx not in self.inside_names
        ]
        said = {t.i for t, e in triggers if e.pos == "N" and ontology.code(e.cameo).plover in SAID_TYPES}
        denied = {
            tok.i
            for tok, _ in triggers
            if tok.lemma_.lower() in DENIALS
            and any(t.i != tok.i and t.i in {x.i for x in content(tok)} for t, _ in triggers)
            # "dismissed an appeal", "denied a request": a refusal of what someone asked, not a denial
            and not any(c.dep_ == "dobj" and c.i in said for c in tok.children)
        }
        about = {
            t.i
            for tok, _ in triggers
            if tok.i not in denied and tok.lemma_.lower() not in ACCUSING  # what is condemned happened
            for t in content(tok)
        }
        accused = accusations(self.who, sent, self.misdeeds)
        handled = {trigger.i for trigger, *_ in accused}
        for trigger, misdeed, accusers, targets in accused:
            modality, _ = modality_of(trigger)
            dates = (
                [self.published]
                if trigger is misdeed
                else dates_for(trigger, self.ctx.text, self.dates, self.published, self.usable)
            )
            for date in dates:
                ev = Found(
                    ontology.code("111"), accusers, targets, modality, date, place_for(trigger, self.places), 0.7
                )
                ev.evidence.append(
                    {
                        "start": sent.start_char,
                        "end": end_of(sent),
                        "trigger": {
                            "start": trigger.idx,
                            "end": trigger.idx + len(trigger.text),
                            "text": trigger.text,
                        },
                    }
                )
                found.append(ev)
        triggers = [(tok, e) for tok, e in triggers if tok.i not in denied]  # "denied attacking": negated attack
        for speech, sources, targets in self.who.demands(sent):
            code = ontology.code("100")
            own = {a.country for a in sources}
            others = [t for t in targets if t.country not in own]
            if own & {a.country for a in targets} and others:
                code = ontology.code("030")  # "China and Russia should deepen ties", says Xi: an intent
                targets = others
            for date in dates_for(speech, self.ctx.text, self.dates, self.published, self.usable):
                ev = Found(
                    code,
                    sources,
                    [t for t in targets if all(t is not s for s in sources)],
                    "actual",
                    date,
                    place_for(speech, self.places),
                    0.7,
                )
                ev.evidence.append(
                    {
                        "start": sent.start_char,
                        "end": end_of(sent),
                        "trigger": {"start": speech.idx, "end": speech.idx + len(speech.text), "text": speech.text},
                    }
                )
                found.append(ev)
        for tok, entry in triggers:
            if not_an_event(tok, self.ctx, self.quotes) or tok.i in handled:
                continue
            if tok.i in about:
                continue  # what another event is about ("demanded the withdrawal"), not an event itself
            if tok.dep_ == "acl" and tok.tag_ == "VBN" and any(t.i != tok.i for t, _ in triggers):
                continue  # "will return weapons seized from peacekeepers": a thing described, beside the news
            if _backdrop(tok, {t.i for t, _ in triggers}):
                continue  # "reimposed blockades following the shooting deaths": the occasion, told in passing
            noun = entry.pos == "N"
            sources, targets = (self.who.noun_participants if noun else self.who.verb_participants)(tok, entry)
            if not sources and not targets and ontology.code(entry.cameo).plover in DOMESTIC_TYPES:
                # unnamed people doing it in the one country the sentence names ("Algerians blocked roads")
                local = self.who.local_country(tok)
                sources = targets = local
                self.who.inferred_source = bool(local)
            sources, targets = known(sources), known(targets)
            kind = ontology.code(entry.cameo).plover
            if not sources and kind in PLACE_SOURCED and tok.pos_ == "VERB":
                sources = self.who.place_source(tok)  # "were arrested in Paraguay": by Paraguay
            if not sources and not targets:
                continue
            if not sources and entry.cameo in VISIT_CODES:
                continue
            if sources and not targets and kind == "PROTEST" and tok.pos_ == "VERB":
                targets = self.who.purpose_target(tok, sources)
            if sources and not targets and kind in PLACE_TARGETED:
                targets = self.who.place_target(tok, sources)
            domestic = bool(sources) and sources is targets
            if entry.lemma == "protest" and entry.pos == "V" and self.who.by_crowd(tok):
                entry = Entry("protest", "V", "140", frozenset(), None)  # people protesting, not a government
            kind = ontology.code(entry.cameo).plover
            if (
                not targets
                and sources
                and (
                    kind in DOMESTIC_TYPES
                    or (kind in INTERNAL_TYPES and (not self.who.named_state(sources) or self.who.against_own(tok)))
                )
                and (kind not in VERBAL_TYPES or self.who.done_to_people(tok))
            ):
                # nothing names a target, and the sentence names one country, the source's own:
                # a domestic event ("students in Indonesia staged demonstrations")
                local = self.who.local_country(tok)
                if local and {a.country for a in sources} == {local[0].country}:
                    targets, domestic = local, True
            modality, future = modality_of(tok)
            governor = governing_verb(tok) if noun else None
            if (
                noun
                and entry.lemma == "strike"
                and entry.cameo == "190"
                and governor is not None
                and (verb_is(governor, STRIKE_VERBS) or self.who.by_crowd(governor))
            ):
                entry = Entry("strike", "N", "143", frozenset(), None)  # "workers staged a strike"
            if (
                noun
                and modality == "actual"
                and governor is not None
                and not verb_is(governor, LIGHT_VERBS | REALIZING | ACCUSING)
            ):
                modality = "hypothetical"  # "blocked a package of sanctions", "discussed sanctions"
            code = ontology.code(entry.cameo)
            if code.plover == "MOBILIZE" and not targets and len(side(sources)) > 1 and _joint(tok):
                code = ontology.code("062")  # "Greek and Turkish warships launched joint war games": together
            if modality == "negated" and tok.lemma_.lower() in REFUSALS and tok.lemma_.lower() != "sign":
                # "will not accept", "failed to reach agreement": a refusal is a REJECT that happened
                code, modality = ontology.code("120"), "actual"
            threat = modality == "actual" and (future or code.plover == "THREATEN")
            condition = condition_of(tok) if threat else None
            if condition is not None and code.plover in CONDITIONAL_THREATS:
                # "will withdraw its force unless...", "threatened to stop talks if the US...": a threat,
                # against whoever the condition names when nothing else is
                code = ontology.code("130") if code.plover != "THREATEN" else code
                subject = next((c for c in condition.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if not targets and subject is not None:
                    targets = self.who.phrase_actors(subject)
            elif future and modality == "actual":
                if code.plover in COOPERATIVE_FUTURE and COOPERATIVE_FUTURE[code.plover]:
                    code = ontology.code(COOPERATIVE_FUTURE[code.plover])
                elif code.plover in FORCEFUL:
                    code = ontology.code(
                        {"ASSAULT": "138", "SANCTION": "1313", "COERCE": "1312"}.get(code.plover, "130")
                    )
            confidence = 0.9 if (sources and targets and not noun) else 0.75 if sources and targets else 0.6
            confidence = 0.5 if domestic else confidence
            place = place_for(tok, self.places)
            dates = dates_for(tok, self.ctx.text, self.dates, self.published, self.usable)
            if future and code.plover in ("AGREE", "THREATEN"):
                dates = [self.published]  # the intent or threat is voiced now, whatever date it names
            own = (
                domestic
                or code.plover in DOMESTIC_TYPES
                or (code.plover in INTERNAL_TYPES and self.who.against_own(tok))
            )  # "accused Darfur rebels": the state's own people
            kept = targets if own else [t for t in targets if all(t is not s for s in sources)]
            if self.who.from_parties and (side(kept) <= side(sources) or code.plover in ("AGREE", "CONSULT")):
                # "both sides expressed satisfaction with relations between A and B", "the leaders agreed to
                # continue contacts on Ukrainian issues": what the parties do, they do to each other
                kept = []
            if not kept and sources and code.plover in ADDRESSED_TYPES and not self.who.from_parties:
                kept = self._other_party(sources, sent)  # in a call's readout, said to the other side
            sides = [(sources, kept)]
            if self.who.from_parties and not kept and code.plover not in SYMMETRIC_TYPES and len(side(sources)) > 1:
                # "both sides expressed satisfaction": each party towards the others
                sides = [([a], [b for b in sources if side([b]) != side([a])]) for a in sources]
            for date in dates:
                for who, whom in sides:
                    ev = Found(code, who, whom, modality, date, place, confidence)
                    ev.evidence.append(
                        {
                            "start": sent.start_char,
                            "end": end_of(sent),
                            "trigger": {"start": tok.idx, "end": tok.idx + len(tok.text), "text": tok.text},
                        }
                    )
                    found.append(ev)
            if code.plover == "CONSULT" and modality == "actual" and len(side(sources + kept)) > 1:
                people = [a for a in sources + kept if a.kind == "person"]
                if not self.who.parties or len(side(people)) > 1:
                    # what "both sides" and "the leaders" mean from here on: the first meeting or call,
                    # or a later one between people ("negotiations between Russian and Ukrainian
                    # representatives" reported in a call between two leaders changes nothing)
                    self.who.parties = unique(sources + kept)
        return found

    def _other_party(self, sources: list[Actor], sent: Span) -> list[Actor]:
        """In the readout of a call or meeting between two sides, what one side offers, thanks for or asks
        with no one named ("Modi expressed readiness to render any assistance") is addressed to the other,
        unless the sentence names a third state."""
        parties = self.who.parties
        if len(side(parties)) != 2 or not side(sources) < side(parties):
            return []
        named = {a.country for a in self.ctx.actors_in(sent.start_char, sent.end_char) if a.country}
        if named - side(parties):
            return []
        return [p for p in parties if side([p]) - side(sources)]


def render(n: int, ev: Found) -> dict[str, Any]:
    """An event as the document holds it (``dyad/document@1``)."""
    return {
        "id": f"E{n}",
        "type": ev.code.plover,
        "mode": ev.code.mode,
        "context": list(ev.code.context),
        "sources": [a.id for a in ev.sources],
        "targets": [a.id for a in ev.targets],
        "date": ev.date,
        "place": ev.place.id if ev.place else None,
        "cameo": ev.code.cameo,
        "quad": ev.code.quad,
        "goldstein": ev.code.goldstein,
        "modality": ev.modality,
        "confidence": ev.confidence,
        "evidence": ev.evidence,
    }


def verb_is(tok: Token, words: set[str]) -> bool:
    """The verb is one of these words, whatever its form (the lemmatizer makes "staged" into "stag")."""
    low = tok.lower_
    if tok.lemma_.lower() in words or low in words:
        return True
    for stem in (low[:-1], low[:-2], low[:-3]):
        if stem in words or stem + "e" in words:
            return low.endswith(("s", "d", "ed", "es", "ing"))
    return False


def governing_verb(tok: Token) -> Token | None:
    """The verb whose object a noun is, through "of" phrases ("blocked a package of sanctions")."""
    node = tok
    while node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head != node.head:
        node = node.head.head
    if node.dep_ == "dobj" and node.head.pos_ == "VERB":
        return node.head
    return None


def end_of(sent: Span) -> int:
    """Where a sentence's words end, trailing white space left out (from its last words: Span.text rebuilds
    the whole sentence)."""
    for i in range(sent.end - 1, sent.start - 1, -1):
        tok = sent.doc[i]
        if tok.text.strip():
            return tok.idx + len(tok.text.rstrip())
    return sent.start_char


def extract_events(
    ctx: Context,
    quotes: list[Quote],
    dates: list[DateRef],
    places: list[Place],
    published: str | None,
    title: str | None = None,
    source: str | None = None,
) -> list[dict[str, Any]]:
    return EventCoder(ctx, quotes, dates, places, published, title, source).code()
