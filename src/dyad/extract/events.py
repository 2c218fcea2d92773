"""Events: who did what to whom, coded in PLOVER and CAMEO, with modality, date, place and evidence.

Triggers come from the lexicon (``extract/data/event_lexicon.tsv``: a word, with
an object where the word alone says too little, mapped to a CAMEO code; the
PLOVER type, mode and context follow from the code). Sources and targets come
from the dependency parse: subjects, objects, passive agents, the objects of
prepositions, possessors and "of" phrases of event nouns, conjuncts. Future
cooperation is coded AGREE and future force THREATEN, as the PLOVER manual
asks; negated and hypothetical events are kept but marked, so that nothing
counts them as having happened. One event per happening: reports that share
type, participants, date and modality merge, their sentences all kept as evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.tokens import Span, Token

from dyad import kb, ontology
from dyad.extract.context import Context
from dyad.model import Actor, DateRef, Place, Quote
from dyad.ontology import SYMMETRIC_TYPES

COOPERATIVE_FUTURE = {
    "CONSULT": "036",
    "SUPPORT": "030",
    "COOPERATE": "031",
    "AID": "033",
    "CONCEDE": "035",
    "RETREAT": "035",
    "AGREE": None,
}
JOINT_CODES = {"057", "054"}  # signing together, establishing relations: each side acts towards the other
FORCEFUL = {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST"}
REFUSALS = {"accept", "agree", "allow", "approve", "comply", "recognize", "recognise", "meet", "reach", "sign"}
HYPOTHETICAL_AUX = {"could", "might", "may", "can"}
FAILURES = {"fail", "refuse", "decline"}
FUTURE_HEADS = {
    "expect",
    "plan",
    "intend",
    "prepare",
    "ready",
    "willing",
    "hope",
    "aim",
    "seek",
    "going",
    "due",
    "schedule",
    "set",
    "agree",
    "promise",
    "pledge",
    "vow",
    "decide",
    "offer",
}
DENIALS = {"deny", "refute", "dismiss"}
COURTESY_VERBS = {"allow", "let", "permit"}
ENABLING_VERBS = {"help", "assist"}
SUBJECT_DEPS = ("nsubj", "csubj")
PASSIVE_SUBJECT = "nsubjpass"
TARGET_PREPS = {"with", "to", "against", "on", "at", "toward", "towards", "from", "for", "over", "into", "upon"}
VISIT_CODES = {"042", "043", "040", "041", "046", "044"}
LIGHT_VERBS = {
    "open",
    "launch",
    "begin",
    "start",
    "conduct",
    "hold",
    "carry",
    "stage",
    "make",
    "issue",
    "give",
    "lodge",
    "file",
    "announce",
    "order",
    "mount",
    "undertake",
    "complete",
    "resume",
    "continue",
    "put",
}
CONTENT_DEPS = {"dobj", "xcomp", "ccomp", "attr", "oprd"}
CONTENT_PREPS = {"for", "of", "on", "about", "against", "over", "to"}
PEOPLE_NOUNS = kb.words("people_noun")
OFFICIALS = kb.words("official")
DOMESTIC_TYPES = {"PROTEST", "COERCE", "CONCEDE"}  # what a government does to its own people, and they to it
# what rebels, parties and crowds do inside their country: domestic only when no state is the one acting
INTERNAL_OBJECTS = {"curfew", "extremist", "rally", "demonstration", "dissident", "crime", "unrest", "riot", "strike"}
INTERNAL_TYPES = {"ASSAULT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "RETREAT", "MOBILIZE", "SANCTION"}
VERBAL_TYPES = {"ACCUSE", "REJECT", "REQUEST", "THREATEN"}  # said of things as well as of people
TOPIC_PREPS = {"on", "over", "about", "for", "at"}
CROWDS = kb.words("crowd_noun")
RELEASED_THINGS = {
    "information",
    "statement",
    "report",
    "video",
    "data",
    "detail",
    "document",
    "figure",
    "footage",
    "photo",
    "image",
    "list",
    "result",
    "transcript",
    "readout",
    "recording",
    "book",
    "album",
}
NO_COMMENT = {"comment", "elaborate", "say", "confirm", "disclose", "speak", "specify", "detail"}
STRIKE_VERBS = {"stage", "hold", "call", "begin", "continue", "end", "join", "announce", "go"}
TALKED_ABOUT = {"comment", "discuss", "report", "mention", "say", "tell", "ask", "describe", "debate", "consider"}
REALIZING = {
    "impose",
    "adopt",
    "approve",
    "introduce",
    "extend",
    "unleash",
    "intensify",
    "escalate",
    "step",
    "expand",
    "renew",
    "tighten",
    "sign",
    "reach",
    "conclude",
    "finalize",
    "finalise",
    "host",
    "attend",
    "join",
    "end",
}
OBLIGATION = {"must", "should"}
STATING = {
    "say",
    "declare",
    "reiterate",
    "insist",
    "state",
    "tell",
    "announce",
    "stress",
    "warn",
    "add",
    "conclude",
    "argue",
    "write",
    "issue",
    "believe",
    "think",
    "demand",
}
FIRST_PERSON = {"we", "us", "our", "ours", "i", "me", "my"}


@dataclass(frozen=True)
class Entry:
    lemma: str
    pos: str
    cameo: str
    objects: frozenset[str]
    prep: str | None


@lru_cache(maxsize=1)
def lexicon() -> dict[tuple[str, str], list[Entry]]:
    """(lemma, pos) -> entries, the ones that need an object first."""
    text = resources.files("dyad.extract").joinpath("data/event_lexicon.tsv").read_text(encoding="utf-8")
    out: dict[tuple[str, str], list[Entry]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t") + ["", ""]
        lemma, pos, cameo, objects, prep = (c.strip() for c in cells[:5])
        ontology.code(cameo)  # fail loudly on a code the ontology does not know
        objs = frozenset() if objects in ("", "-") else frozenset(objects.split("|"))
        out.setdefault((lemma, pos), []).append(Entry(lemma, pos, cameo, objs, prep or None))
    for entries in out.values():
        entries.sort(key=lambda e: not e.objects and not e.prep)
    return out


@dataclass
class _Event:
    code: ontology.Code
    sources: list[Actor]
    targets: list[Actor]
    modality: str
    date: str | None
    place: Place | None
    confidence: float
    evidence: list[dict[str, Any]] = field(default_factory=list)


class EventCoder:
    def __init__(
        self, ctx: Context, quotes: list[Quote], dates: list[DateRef], places: list[Place], published: str | None
    ) -> None:
        self.ctx = ctx
        self.quotes = quotes
        self.dates = dates
        self.places = places
        self.published = published
        self.doc = ctx.doc
        self.members = self._joint_bodies()
        self.inferred_source = False  # set by the participant finders: the source is a guess from the country
        self.inside_names = {
            i for a in ctx.actors if a.kind == "organization" for m in a.mentions for i in range(m.start, m.end)
        }

    def _joint_bodies(self) -> dict[str, list[Actor]]:
        """Organisations without a country whose names name two or more states: their member states."""
        from dyad.extract.actors import country_spans

        spans = country_spans(self.doc)
        out: dict[str, list[Actor]] = {}
        for actor in self.ctx.actors:
            if actor.kind != "organization" or actor.country:
                continue
            for m in actor.mentions:
                isos = list(dict.fromkeys(iso for span, _, iso in spans if m.start <= span.start_char < m.end))
                if len(isos) >= 2:
                    out[actor.id] = [self._state(iso) for iso in isos]
                    break
        return out

    # ------------------------------------------------------------------ triggers
    def _entry(self, tok: Token) -> Entry | None:
        pos = "V" if tok.pos_ in ("VERB", "AUX") else "N" if tok.pos_ in ("NOUN", "PROPN") else None
        if pos is None:
            return None
        entries = lexicon().get((tok.lemma_.lower(), pos)) or lexicon().get((tok.lower_, pos))
        if not entries:
            return None
        for entry in entries:
            if entry.prep:
                pobjs = [
                    g
                    for c in tok.children
                    if c.dep_ == "prep" and c.lower_ == entry.prep
                    for g in c.children
                    if g.dep_ == "pobj"
                ]
                if entry.objects and not any(
                    self._lemma(p) in entry.objects or p.lower_ in entry.objects for p in pobjs
                ):
                    continue
                if (
                    not entry.objects
                    and not pobjs
                    and not any(c.dep_ == "prep" and c.lower_ == entry.prep for c in tok.children)
                ):
                    continue
                return entry
            if entry.objects:
                objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "attr", "dative")]
                objs += [tok.head] if tok.dep_ in ("acl", "relcl") else []
                objs += [g for c in tok.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
                objs += [c for c in tok.children if c.dep_ == "compound"]
                objs += [
                    g
                    for o in list(objs)
                    for p in o.children
                    if p.dep_ == "prep" and p.lower_ == "of"
                    for g in p.children
                    if g.dep_ == "pobj"
                ]  # "dozens of drones"
                if tok.pos_ == "AUX" or not any(
                    self._lemma(o) in entry.objects or o.lower_ in entry.objects for o in objs
                ):
                    continue
                return entry
            if pos == "V" and tok.pos_ == "AUX":
                continue
            return entry
        return None

    @staticmethod
    def _lemma(tok: Token) -> str:
        return tok.lemma_.lower()

    # ------------------------------------------------------------------ participants
    def _quote_at(self, char: int) -> Quote | None:
        return next((q for q in self.quotes if q.start <= char < q.end), None)

    def _speaker(self, tok: Token) -> Actor | None:
        quote = self._quote_at(tok.idx)
        return self.ctx.actor(quote.speaker) if quote and quote.speaker else None

    def _addressee(self, tok: Token) -> Actor | None:
        """'you' inside a quote when the text quotes exactly two people: the other one (talks, interviews)."""
        quote = self._quote_at(tok.idx)
        if quote is None or quote.speaker is None:
            return None
        others = {q.speaker for q in self.quotes if q.speaker and q.speaker != quote.speaker}
        if len(others) != 1:
            return None
        other = self.ctx.actor(others.pop())
        return other if other is not None and other.kind == "person" else None

    def _actor_for(self, tok: Token, subject: bool = False) -> list[Actor]:
        """The actors a phrase headed by tok names: the head's own actor, else the first one inside."""
        ctx = self.ctx
        low = tok.lower_ if tok.pos_ == "PRON" or tok.text.islower() else ""  # "US" is a country, "us" is not
        if low in FIRST_PERSON:
            speaker = self._speaker(tok)
            return [speaker] if speaker else []
        if low in ("you", "your"):
            addressee = self._addressee(tok)
            return [addressee] if addressee else []
        if low in ("he", "she", "his"):
            from dyad.extract.quotes import SpeakerResolver

            actor = SpeakerResolver(ctx).pronoun(tok, tok.idx, None)
            return [actor] if actor else []
        if low in ("him", "her"):
            return self._object_pronoun(tok)
        if low in ("it", "its", "they", "them", "their"):
            return self._collective_pronoun(tok)
        actor = ctx.actor_at(tok.idx, tok.idx + len(tok.text))
        if actor is not None and actor.kind != "group":
            return self._expand([actor])
        # "his country", "our country": the possessor's state
        if tok.lower_ in ("country", "nation", "government", "state", "side", "republic"):
            poss = next((c for c in tok.children if c.dep_ == "poss"), None)
            if poss is not None and poss.lower_ in ("his", "her", "our", "my", "their", "its", "your"):
                owner = self._actor_for(poss)
                return [self._state_of(a) for a in owner if a.country] or owner
        modifiers = [c for c in tok.children if c.dep_ in ("amod", "compound", "poss", "nmod")]
        modifiers += [x for c in modifiers for x in c.conjuncts]
        direct = _unique(
            [
                a
                for c in modifiers
                for a in [ctx.actor_at(c.idx, c.idx + len(c.text))]
                if a is not None and a.kind != "group"
            ]
        )
        if direct:
            return self._expand(direct)
        found: list[tuple[int, Actor]] = []
        for t in self._phrase_tokens(tok, subject):
            a = ctx.actor_at(t.idx, t.idx + len(t.text))
            if a is not None and a.kind != "group" and all(a is not f for _, f in found):
                found.append((t.i, a))
        found.sort(key=lambda x: x[0])
        return self._expand([found[0][1]]) if found else []

    def _expand(self, actors: list[Actor]) -> list[Actor]:
        """A joint body with no country of its own ("Russian-Korean commission") stands for its members."""
        out: list[Actor] = []
        for a in actors:
            members = self.members.get(a.id)
            out += members if members else [a]
        return _unique(out)

    def _collective_pronoun(self, tok: Token) -> list[Actor]:
        """'Hungary has said it will support': the last state or organisation named before, in this
        sentence or the one before."""
        start = self.ctx.sentences[max(0, self.ctx.sentence_index(tok.idx) - 1)].start_char
        best: tuple[int, Actor] | None = None
        for s, _, actor_id in self.ctx.mention_index:
            actor = self.ctx.actor(actor_id)
            if actor is None or actor.kind not in ("state", "organization") or not start <= s < tok.idx:
                continue
            if best is None or s > best[0]:
                best = (s, actor)
        return self._expand([best[1]]) if best else []

    def _object_pronoun(self, tok: Token) -> list[Actor]:
        """'thanking him': the last person named before who is not the subject of the clause."""
        clause = tok.head
        while clause.dep_ in ("prep", "pobj") and clause.head is not clause:
            clause = clause.head

        def named_subjects(verb: Token) -> set[int]:
            return {
                id(a)
                for c in verb.children
                if c.dep_ in SUBJECT_DEPS and c.pos_ != "PRON"
                for a in [self.ctx.actor_at(c.idx, c.idx + len(c.text))]
                if a is not None
            }

        subjects = named_subjects(clause)
        node = clause
        while not subjects and node.dep_ in ("advcl", "xcomp", "conj") and node.head is not node:
            node = node.head
            subjects = named_subjects(node)
        window = self.ctx.sentences[max(0, self.ctx.sentence_index(tok.idx) - 2)].start_char
        best: tuple[int, Actor] | None = None
        for s, _, actor_id in self.ctx.mention_index:
            actor = self.ctx.actor(actor_id)
            if actor is None or actor.kind != "person" or id(actor) in subjects or not window <= s < tok.idx:
                continue
            if best is None or s > best[0]:
                best = (s, actor)
        return [best[1]] if best else []

    def _phrase_tokens(self, tok: Token, subject: bool = False) -> list[Token]:
        """The noun phrase of tok without its clauses: relative clauses and verbs stay out."""
        out = []
        stack = [tok]
        while stack:
            t = stack.pop()
            out.append(t)
            for c in t.children:
                if c.dep_ in ("relcl", "acl", "advcl", "ccomp", "xcomp", "conj", "cc", "punct", "appos"):
                    continue
                if subject and c.dep_ == "prep" and c.lower_ not in ("of", "in"):
                    continue  # "forces from Panama" are not Panama's
                stack.append(c)
        return out

    def _phrase_actors(self, tok: Token, subject: bool = False) -> list[Actor]:
        """Actors of tok and of its conjuncts ("Russia and China")."""
        out: list[Actor] = []
        for t in (tok, *tok.conjuncts):
            for a in self._actor_for(t, subject):
                if all(a is not b for b in out):
                    out.append(a)
        return out

    def _state_of(self, actor: Actor) -> Actor:
        """The state actor of an actor's country."""
        if actor.kind == "state" or not actor.country:
            return actor
        return self._state(actor.country)

    def _state(self, iso3: str) -> Actor:
        """The state actor for a country code, made when the text names the state only through its people,
        places or bodies."""
        for a in self.ctx.actors:
            if a.kind == "state" and a.country == iso3:
                return a
        known = kb.countries().by_iso3.get(iso3)
        return self.ctx.new_actor("state", known.name if known else iso3, iso3, iso3)

    def _place_state(self, tok: Token) -> Actor | None:
        """'arrived in Pyongyang', 'visit to Moscow': the state whose place it is."""
        actor = self.ctx.actor_at(tok.idx, tok.idx + len(tok.text))
        if actor is not None and actor.kind == "state":
            return actor
        for place in self.places:
            if any(m.start <= tok.idx < m.end for m in place.mentions) and place.country:
                return self._state(place.country)
        return None

    def _host(self, pobj: Token) -> list[Actor]:
        """The host of a visit: 'in Pyongyang', "in North Korea's capital, Pyongyang", 'to Russia'."""
        for t in (pobj, *[c for c in pobj.children if c.dep_ == "appos"]):
            state = self._place_state(t)
            if state is not None:
                return [state]
        return [self._state_of(a) for a in self._phrase_actors(pobj) if a.country]

    def _subtree_actors(self, tok: Token) -> list[Actor]:
        """The first actor anywhere under tok, relative clauses included ('policies imposed by the US')."""
        for t in sorted(tok.subtree, key=lambda t: t.i):
            a = self.ctx.actor_at(t.idx, t.idx + len(t.text))
            if a is not None and a.kind != "group":
                return self._expand([a])
        return []

    def _governing_subject(self, tok: Token) -> list[Actor]:
        """For an event noun with no owner: the subject of the clause it sits in."""
        node = tok
        about = False
        for _ in range(6):
            if node.head is node:
                break
            about = about or node.dep_ == "dobj" or (node.dep_ == "prep" and node.lower_ in ("on", "about", "of"))
            node = node.head
            if node.pos_ in ("VERB", "AUX"):
                if about and node.lemma_.lower() in TALKED_ABOUT:
                    return []  # "did not comment on the strikes": the Kremlin did not strike
                subj = next((c for c in node.children if c.dep_ in SUBJECT_DEPS), None)
                if subj is not None:
                    return self._phrase_actors(subj)
        return []

    def _not_an_event(self, tok: Token) -> bool:
        """'declined to comment'; '"...?" Wang asked' (asking a question is not a request); 'demonstrate
        support' (a protest has no object); 'released information' (only people and property are freed)."""
        lemma = tok.lemma_.lower()
        objects = {c.lemma_.lower() for c in tok.children if c.dep_ == "dobj"}
        if lemma in ("demonstrate", "rally", "march") and objects:
            return True
        if lemma == "release" and objects & RELEASED_THINGS:
            return True
        if lemma in ("decline", "refuse") and any(
            c.dep_ == "xcomp" and c.lemma_.lower() in NO_COMMENT for c in tok.children
        ):
            return True
        if lemma == "ask" and not any(c.dep_ in ("dobj", "dative", "xcomp", "ccomp", "prep") for c in tok.children):
            return any(q.start < tok.idx + 40 and tok.idx - 40 < q.end for q in self.quotes)
        if lemma in COURTESY_VERBS and not any(c.dep_ in SUBJECT_DEPS for c in tok.children):
            # "allow me to congratulate you", "let us recall": a speaker's formula, not a concession
            return any(c.dep_ in ("dobj", "nsubj") and c.lower_ in ("me", "us") for c in tok.children) or any(
                g.dep_ == "nsubj" and g.lower_ in ("me", "us")
                for c in tok.children
                if c.dep_ == "ccomp"
                for g in c.children
            )
        if lemma in ENABLING_VERBS:
            # "the visit will help develop relations": a thing that helps is no donor
            subject = _inherited_subject(tok)
            if (
                subject is not None
                and subject.pos_ == "NOUN"
                and self.ctx.actor_at(subject.idx, subject.idx + len(subject.text)) is None
            ):
                return subject.lemma_.lower() not in PEOPLE_NOUNS and subject.lemma_.lower() not in OFFICIALS
        return False

    def _against_own(self, tok: Token) -> bool:
        """What the event is about names the country's own people ("fired on demonstrators",
        "threatened a curfew", "investigating extremists")."""
        objects = [c for c in tok.children if c.dep_ not in (*SUBJECT_DEPS, PASSIVE_SUBJECT, "aux", "neg")]
        words = {t.lemma_.lower() for t in _content(tok)} | {t.lemma_.lower() for t in objects}
        return bool(words & (PEOPLE_NOUNS | CROWDS | INTERNAL_OBJECTS))

    def _named_state(self, sources: list[Actor]) -> bool:
        """A state or its government acts ("Russia attacks"): no guessing that it acts on itself."""
        if self.inferred_source:
            return False  # "rebels", "students": people of the country, not its state
        return any(
            a.kind == "state"
            and a.id
            and any(m for m in a.mentions)
            and a.code == a.country
            or (a.code or "").endswith(("GOV", "MIL"))
            for a in sources
        )

    def _done_to_people(self, tok: Token) -> bool:
        """The event's object is people ("jailed 52 members"), or it has none ("students demonstrated")."""
        objects = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        objects += [
            g
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ in ("against", "on", "at")
            for g in c.children
            if g.dep_ == "pobj"
        ]
        if tok.pos_ == "NOUN":
            return True
        return not objects or any(o.lemma_.lower() in PEOPLE_NOUNS | CROWDS or o.pos_ == "PROPN" for o in objects)

    def _by_crowd(self, tok: Token) -> bool:
        node = tok
        for _ in range(3):
            subj = next((c for c in node.children if c.dep_ in SUBJECT_DEPS), None)
            if subj is not None:
                return subj.lemma_.lower() in CROWDS
            if tok.dep_ == "acl" and node is tok:
                return node.head.lemma_.lower() in CROWDS
            if node.head is node:
                break
            node = node.head
        return False

    def _local_country(self, tok: Token) -> list[Actor]:
        """For a phrase that names no actor ("52 members of the banned movement"): the state of the only
        country its sentence names, when there is exactly one."""
        sent = tok.sent
        isos = {
            a.country
            for s, e, i in self.ctx.mention_index
            if sent.start_char <= s < sent.end_char
            for a in [self.ctx.actor(i)]
            if a is not None and a.country
        }
        isos |= {
            p.country
            for p in self.places
            if p.country and any(sent.start_char <= m.start < sent.end_char for m in p.mentions)
        }
        if len(isos) != 1:
            return []
        iso = next(iter(isos))
        return [self._state(iso)]

    def _verb_participants(self, tok: Token, entry: Entry) -> tuple[list[Actor], list[Actor]]:
        subj = next((c for c in tok.children if c.dep_ in SUBJECT_DEPS), None)
        passive = next((c for c in tok.children if c.dep_ == PASSIVE_SUBJECT), None)
        agent = next((g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
        node = tok
        while (
            subj is None
            and passive is None
            and node.dep_ in ("xcomp", "conj", "advcl", "ccomp", "acomp")
            and node.head is not node
        ):
            node = node.head  # "decided to impose", "is expected to visit": the subject of the governing verb
            subj = next((c for c in node.children if c.dep_ in SUBJECT_DEPS), None)
            if subj is None and tok.dep_ == "xcomp":
                subj = next((c for c in node.children if c.dep_ == PASSIVE_SUBJECT), None)
            if node.dep_ == "ccomp":
                break
        if subj is None and tok.dep_ in ("acl", "relcl") and passive is None:
            # "the agency that investigated", "demonstrators protesting": the noun is the doer
            subj = tok.head if tok.dep_ == "relcl" or tok.tag_ == "VBG" else None
        who = agent if agent is not None else subj
        sources = self._phrase_actors(who, subject=True) if who is not None else []
        self.inferred_source = False
        if not sources and who is not None and who.pos_ == "NOUN" and who.lemma_.lower() in PEOPLE_NOUNS | CROWDS:
            sources = self._local_country(who)
            self.inferred_source = bool(sources)  # "Nigerian authorities", "students": people of the one country named
        targets: list[Actor] = []
        if passive is not None and agent is not None:
            targets = self._phrase_actors(passive)
        elif passive is not None:
            actor_side = entry.cameo.startswith(("03", "04"))  # "a meeting was held", "Vietnam is committed"
            sources = self._phrase_actors(passive) if actor_side else []
            targets = [] if actor_side else self._phrase_actors(passive)
        for c in tok.children:
            if c.dep_ in ("dobj", "dative", "attr") and not targets:
                targets = self._phrase_actors(c) or self._subtree_actors(c)
                if not targets and c.pos_ == "PROPN":
                    state = self._place_state(c)  # "attacked Kharkiv": the city's state
                    targets = [state] if state is not None else []
                if not targets and c.pos_ in ("NOUN", "PROPN") and c.lemma_.lower() in PEOPLE_NOUNS:
                    targets = self._local_country(c)
        code = ontology.code(entry.cameo)
        if code.plover in ("ACCUSE", "PROTEST", "REJECT"):
            # what is complained of, not to whom: "complained to the UN over Israeli raids"
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in ("over", "about", "of") and not targets:
                    pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                    if pobj is not None:
                        targets = self._phrase_actors(pobj) or self._subtree_actors(pobj)
        for c in tok.children:
            if c.dep_ != "prep" or targets:
                continue
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is None:
                continue
            if entry.cameo in VISIT_CODES and c.lower_ in ("in", "to", "at"):
                own = {a.country for a in sources}
                targets = [h for h in self._host(pobj) if h.country not in own]  # meeting at home: no host side
            elif c.lower_ in TARGET_PREPS or c.lower_ == entry.prep:
                targets = self._phrase_actors(pobj) or (self._subtree_actors(pobj) if c.lower_ == entry.prep else [])
        if not targets:
            targets = self._clause_target(tok, sources)
        if not targets and code.plover not in ("CONSULT", "AGREE"):
            # "lifted a curfew in Montenegro": where it was done is whom it was done to
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "in":
                    pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                    state = self._place_state(pobj) if pobj is not None else None
                    if state is not None:
                        targets = [state]
                        break
        return sources, targets

    def _clause_target(self, tok: Token, exclude: list[Actor]) -> list[Actor]:
        """'demanded that the US cancel', 'offered to hand over to Britain': the target in the clause below."""
        for c in tok.children:
            if c.dep_ == "ccomp":
                subj = next((g for g in c.children if g.dep_ in (*SUBJECT_DEPS, PASSIVE_SUBJECT)), None)
                if subj is not None:
                    return self._phrase_actors(subj)
            if c.dep_ == "xcomp":
                for g in c.children:
                    if g.dep_ in ("dobj", "dative"):
                        found = self._phrase_actors(g)
                        if found:
                            return found
                    if g.dep_ == "prep" and g.lower_ in TARGET_PREPS:
                        pobj = next((x for x in g.children if x.dep_ == "pobj"), None)
                        if pobj is not None and self._phrase_actors(pobj):
                            return self._phrase_actors(pobj)
                for t in sorted(_clause_tokens(c), key=lambda t: t.i):
                    a = self.ctx.actor_at(t.idx, t.idx + len(t.text))
                    if t is not c and a is not None and a.kind != "group" and all(a is not s for s in exclude):
                        return self._expand([a])
        return []

    def _noun_participants(self, tok: Token, entry: Entry) -> tuple[list[Actor], list[Actor]]:
        self.inferred_source = False
        sources: list[Actor] = []
        targets: list[Actor] = []
        for c in tok.children:
            if (
                c.dep_ == "poss"
                or c.dep_ in ("amod", "compound", "nmod")
                and self.ctx.actor_at(c.idx, c.idx + len(c.text))
            ):
                sources += self._phrase_actors(c)
            elif c.dep_ == "prep":
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if pobj is None:
                    continue
                if c.lower_ in ("of", "by") or c.lower_ == "between":
                    sources += self._phrase_actors(pobj)
                elif entry.cameo in VISIT_CODES and c.lower_ in ("in", "to", "at"):
                    targets += self._host(pobj)
                elif c.lower_ in TARGET_PREPS and not (entry.cameo in VISIT_CODES and c.lower_ in TOPIC_PREPS):
                    targets += self._phrase_actors(pobj)  # "talks on the Ukraine crisis" are not with Ukraine
        # "Russian-Korean commission": every country named in the compound words
        if not sources:
            for c in tok.lefts:
                a = self.ctx.actor_at(c.idx, c.idx + len(c.text))
                if a is not None and all(a is not s for s in sources):
                    sources.append(a)
        owned = any(c.dep_ == "poss" for c in tok.children)
        light = tok.head if tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in LIGHT_VERBS else None
        if light is not None and not targets:
            for c in light.children:
                if c.dep_ == "prep" and c.lower_ in TARGET_PREPS | {"over", "into"}:
                    pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                    if pobj is not None:
                        targets = self._phrase_actors(pobj) or self._subtree_actors(pobj)
                        if targets:
                            break
        if not sources and not owned:
            sources = self._governing_subject(tok)
        return _unique(sources), _unique(targets)

    def _demands(self, sent: Span) -> list[tuple[Token, list[Actor], list[Actor]]]:
        """'Russia said Sudan must return the helicopter': a statement that another must act is a REQUEST."""
        out = []
        for tok in sent:
            if tok.lower_ not in OBLIGATION or tok.dep_ != "aux":
                continue
            clause = tok.head
            speech = clause.head
            if clause.dep_ not in ("ccomp", "xcomp") or speech.lemma_.lower() not in STATING:
                continue
            subj = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)  # "X must be stopped": no
            speaker = next((c for c in speech.children if c.dep_ in SUBJECT_DEPS), None)
            if subj is None or speaker is None:
                continue
            targets, sources = self._phrase_actors(subj), self._phrase_actors(speaker)
            if sources or targets:
                out.append((speech, sources, targets))
        return out

    # ------------------------------------------------------------------ modality, time, place
    def _modality(self, tok: Token) -> tuple[str, bool]:
        """(modality, future) from negation, modal verbs, conditionals and future markers around tok."""
        chain = [tok]
        node = tok
        for _ in range(3):
            if (
                node.dep_ in ("xcomp", "aux", "auxpass")
                or (node.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass") and tok.pos_ == "NOUN")
                or node.dep_ == "prep"
            ):
                node = node.head
                chain.append(node)
            else:
                break
        future = False
        for node in chain:
            kids = list(node.children)
            if any(k.dep_ == "neg" for k in kids):
                return "negated", False
            if node.lemma_.lower() in DENIALS and node is not tok:
                return "negated", False
            if node.dep_ == "ccomp" and node.head.lemma_.lower() in DENIALS:
                return "negated", False  # "denied that it attacked"
            if node.lemma_.lower() in FAILURES and node is not tok:
                return "negated", False  # "failed to reach agreement"
            if any(k.dep_ == "mark" and k.lower_ in ("if", "unless") for k in kids) or (
                node.dep_ == "advcl" and any(k.lower_ == "if" for k in kids)
            ):
                return "hypothetical", False
            auxes = [k.lower_ for k in kids if k.dep_ in ("aux", "auxpass")]
            if any(a in HYPOTHETICAL_AUX for a in auxes):
                return "hypothetical", False
            if any(a in ("will", "shall", "'ll", "wo") for a in auxes):
                future = True
            if node is not tok and node.lemma_.lower() in FUTURE_HEADS and node.pos_ in ("VERB", "ADJ"):
                future = True
            if any(k.lower_ in ("next", "upcoming", "planned", "future") for k in kids):
                future = True
            if "would" in auxes and node.head.lemma_.lower() in ("say", "tell", "announce", "add", "state"):
                future = True
        return "actual", future

    def _dates_for(self, tok: Token) -> list[str | None]:
        """Dates governing the event: in the trigger's own phrase, else in its clause, else the article's."""
        sent = tok.sent
        text = self.ctx.text
        in_sent = [
            d
            for d in self.dates
            if sent.start_char <= d.start < sent.end_char
            and d.value
            and not re.search(r"\b(?:since|until|till|before|after|by)\s+$", text[max(0, d.start - 8) : d.start])
        ]
        own = {t.idx for t in _clause_tokens(tok)}
        mine = [d.value for d in in_sent if d.start in own]
        if mine:
            return list(dict.fromkeys(mine))
        clause = tok
        while clause.dep_ not in ("ROOT", "ccomp", "advcl", "conj", "relcl") and clause.head is not clause:
            clause = clause.head
        span = {t.idx for t in clause.subtree}
        near = [d.value for d in in_sent if d.start in span]
        if near:
            return near[:1]
        return [self.published]

    def _place_for(self, tok: Token) -> Place | None:
        sent = tok.sent
        span = {t.idx for t in (tok.subtree if tok.pos_ == "NOUN" else sent)}
        for place in self.places:
            if any(sent.start_char <= m.start < sent.end_char and m.start in span for m in place.mentions):
                return place
        return None

    # ------------------------------------------------------------------ coding
    def code(self) -> list[dict[str, Any]]:
        events: list[_Event] = []
        for sent in self.doc.sents:
            triggers = [(tok, e) for tok in sent if tok.idx not in self.inside_names for e in [self._entry(tok)] if e]
            denied = {
                tok.i
                for tok, _ in triggers
                if tok.lemma_.lower() in DENIALS
                and any(t.i != tok.i and t.i in {x.i for x in _content(tok)} for t, _ in triggers)
            }
            content = {t.i for tok, _ in triggers if tok.i not in denied for t in _content(tok)}
            triggers = [(tok, e) for tok, e in triggers if tok.i not in denied]  # "denied attacking": negated attack
            for speech, sources, targets in self._demands(sent):
                code = ontology.code("100")
                own = {a.country for a in sources}
                others = [t for t in targets if t.country not in own]
                if own & {a.country for a in targets} and others:
                    code = ontology.code("030")  # "China and Russia should deepen ties", says Xi: an intent
                    targets = others
                for date in self._dates_for(speech):
                    ev = _Event(
                        code,
                        sources,
                        [t for t in targets if all(t is not s for s in sources)],
                        "actual",
                        date,
                        self._place_for(speech),
                        0.7,
                    )
                    ev.evidence.append(
                        {
                            "start": sent.start_char,
                            "end": _end(sent),
                            "trigger": {"start": speech.idx, "end": speech.idx + len(speech.text), "text": speech.text},
                        }
                    )
                    events.append(ev)
            for tok, entry in triggers:
                if self._not_an_event(tok):
                    continue
                if tok.i in content:
                    continue  # what another event is about ("demanded the withdrawal"), not an event itself
                noun = entry.pos == "N"
                sources, targets = (self._noun_participants if noun else self._verb_participants)(tok, entry)
                if not sources and not targets and ontology.code(entry.cameo).plover in DOMESTIC_TYPES:
                    # unnamed people doing it in the one country the sentence names ("Algerians blocked roads")
                    local = self._local_country(tok)
                    sources = targets = local
                    self.inferred_source = bool(local)
                if not sources and not targets:
                    continue
                if not sources and entry.cameo in VISIT_CODES:
                    continue
                domestic = bool(sources) and sources is targets
                if entry.lemma == "protest" and entry.pos == "V" and self._by_crowd(tok):
                    entry = Entry("protest", "V", "140", frozenset(), None)  # people protesting, not a government
                kind = ontology.code(entry.cameo).plover
                if (
                    not targets
                    and sources
                    and (
                        kind in DOMESTIC_TYPES
                        or (kind in INTERNAL_TYPES and (not self._named_state(sources) or self._against_own(tok)))
                    )
                    and (kind not in VERBAL_TYPES or self._done_to_people(tok))
                ):
                    # nothing names a target, and the sentence names one country, the source's own:
                    # a domestic event ("students in Indonesia staged demonstrations")
                    local = self._local_country(tok)
                    if local and {a.country for a in sources} == {local[0].country}:
                        targets, domestic = local, True
                modality, future = self._modality(tok)
                governor = _governing_verb(tok) if noun else None
                if (
                    noun
                    and entry.lemma == "strike"
                    and entry.cameo == "190"
                    and governor is not None
                    and (_verb_is(governor, STRIKE_VERBS) or self._by_crowd(governor))
                ):
                    entry = Entry("strike", "N", "143", frozenset(), None)  # "workers staged a strike"
                if (
                    noun
                    and modality == "actual"
                    and governor is not None
                    and not _verb_is(governor, LIGHT_VERBS | REALIZING)
                ):
                    modality = "hypothetical"  # "blocked a package of sanctions", "discussed sanctions"
                code = ontology.code(entry.cameo)
                if modality == "negated" and tok.lemma_.lower() in REFUSALS and tok.lemma_.lower() != "sign":
                    # "will not accept", "failed to reach agreement": a refusal is a REJECT that happened
                    code, modality = ontology.code("120"), "actual"
                if future and modality == "actual":
                    if code.plover in COOPERATIVE_FUTURE and COOPERATIVE_FUTURE[code.plover]:
                        code = ontology.code(COOPERATIVE_FUTURE[code.plover])
                    elif code.plover in FORCEFUL:
                        code = ontology.code(
                            {"ASSAULT": "138", "SANCTION": "1313", "COERCE": "1312"}.get(code.plover, "130")
                        )
                confidence = 0.9 if (sources and targets and not noun) else 0.75 if sources and targets else 0.6
                confidence = 0.5 if domestic else confidence
                place = self._place_for(tok)
                dates = self._dates_for(tok)
                if future and code.plover in ("AGREE", "THREATEN"):
                    dates = [self.published]  # the intent or threat is voiced now, whatever date it names
                for date in dates:
                    own = (
                        domestic
                        or code.plover in DOMESTIC_TYPES
                        or (code.plover in INTERNAL_TYPES and self._against_own(tok))
                    )  # "accused Darfur rebels": the state's own people
                    kept = targets if own else [t for t in targets if all(t is not s for s in sources)]
                    ev = _Event(code, sources, kept, modality, date, place, confidence)
                    ev.evidence.append(
                        {
                            "start": sent.start_char,
                            "end": _end(sent),
                            "trigger": {"start": tok.idx, "end": tok.idx + len(tok.text), "text": tok.text},
                        }
                    )
                    events.append(ev)
        merged = _absorb(_merge(events))
        merged.sort(key=lambda e: min(x["trigger"]["start"] for x in e.evidence))
        for ev in merged:
            if (
                (ev.code.plover in SYMMETRIC_TYPES or ev.code.cameo in JOINT_CODES)
                and not ev.targets
                and len(_side(ev.sources)) > 1
            ):
                # a joint event ("Russia and North Korea held talks"): the dyad is unordered, so the first
                # participant stands as source and the others as targets
                first = ev.sources[0]
                ev.targets = [a for a in ev.sources if (a.country or a.code) != (first.country or first.code)]
                ev.sources = [a for a in ev.sources if a not in ev.targets]
        return [self._render(n, ev) for n, ev in enumerate(merged, 1)]

    def _render(self, n: int, ev: _Event) -> dict[str, Any]:
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


def _content(tok: Token) -> list[Token]:
    """The words an event is about: its objects and complements, not the clauses that describe them."""
    out: list[Token] = []
    stack = [
        c
        for c in tok.children
        if c.dep_ in CONTENT_DEPS
        or (c.dep_ == "prep" and c.lower_ in CONTENT_PREPS)
        or (c.dep_ == "advcl" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children))
    ]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in ("relcl", "acl", "advcl", "conj", "parataxis", "appos"))
    return out


def _verb_is(tok: Token, words: set[str]) -> bool:
    """The verb is one of these words, whatever its form (the lemmatizer makes "staged" into "stag")."""
    low = tok.lower_
    if tok.lemma_.lower() in words or low in words:
        return True
    for stem in (low[:-1], low[:-2], low[:-3]):
        if stem in words or stem + "e" in words:
            return low.endswith(("s", "d", "ed", "es", "ing"))
    return False


def _inherited_subject(tok: Token) -> Token | None:
    """The subject of a verb, or of the verb it is conjoined to ('the visit will help X and help Y')."""
    node = tok
    for _ in range(4):
        subject = next((c for c in node.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None or node.dep_ not in ("conj", "xcomp"):
            return subject
        node = node.head
    return None


def _governing_verb(tok: Token) -> Token | None:
    """The verb whose object a noun is, through "of" phrases ("blocked a package of sanctions")."""
    node = tok
    while node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head is not node.head:
        node = node.head.head
    if node.dep_ == "dobj" and node.head.pos_ == "VERB":
        return node.head
    return None


def _clause_tokens(tok: Token) -> list[Token]:
    """tok and what hangs from it, without the other clauses joined to it."""
    out = [tok]
    for child in tok.children:
        if child.dep_ in ("conj", "ccomp", "advcl", "relcl", "parataxis", "cc"):
            continue
        out.extend(child.subtree)
    return out


def _end(sent: Span) -> int:
    text = sent.text.rstrip()
    return sent.start_char + len(text)


def _unique(actors: list[Actor]) -> list[Actor]:
    out: list[Actor] = []
    for a in actors:
        if all(a is not b for b in out):
            out.append(a)
    return out


def _side(actors: list[Actor]) -> frozenset[str]:
    return frozenset((a.country or a.code or a.id) for a in actors)


def _absorb(events: list[_Event]) -> list[_Event]:
    """A report that names fewer sides ("after the talks", by Lavrov) joins the fuller report of the same
    happening (Lavrov's talks with Araghchi): same type, date and modality, its sides a subset of the other's."""
    out: list[_Event] = []
    for ev in sorted(events, key=lambda e: -len(_side(e.sources) | _side(e.targets))):
        mine = _side(ev.sources) | _side(ev.targets)
        home = next(
            (
                o
                for o in out
                if o.code.plover == ev.code.plover
                and o.date == ev.date
                and o.modality == ev.modality
                and not ev.targets
                and mine <= _side(o.sources) | _side(o.targets)
            ),
            None,
        )
        if home is None:
            out.append(ev)
            continue
        home.evidence += [e for e in ev.evidence if e not in home.evidence]
    return out


def _merge(events: list[_Event]) -> list[_Event]:
    """One event per happening: same type, same sides, same date and modality."""
    out: dict[tuple, _Event] = {}
    for ev in events:
        src, tgt = _side(ev.sources), _side(ev.targets)
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
        have.sources = _unique(have.sources + ev.sources)
        have.targets = _unique(have.targets + [t for t in ev.targets if all(t is not s for s in have.sources)])
        have.place = have.place or ev.place
    return list(out.values())


def extract_events(
    ctx: Context, quotes: list[Quote], dates: list[DateRef], places: list[Place], published: str | None
) -> list[dict[str, Any]]:
    return EventCoder(ctx, quotes, dates, places, published).code()
