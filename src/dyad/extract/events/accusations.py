"""Accusations made by naming a misdeed: who points to whose wrongdoing.

"Putin pointed out the barbarous action of the Ukrainian military", "the Russian
side drew attention to Ukraine's shelling of the plant", "we condemn reports of
Russia's attacks", and, in a speech, "Russia's and Iran's actions violate
Resolution 2231": each is an accusation (PLOVER ACCUSE) by the one who speaks
against the one whose misdeed it names. The misdeed is a noun of wrongdoing
(``misdeed`` in ``event_words.tsv``), or a neutral act noun that an accusing
word governs or an evaluative adjective marks ("reckless behaviour"). Its agent
is the possessor, the "by" phrase, a national adjective, or "from" for fire
("rocket attacks from Gaza"). The accuser is the subject of the accusing word
that governs it, else the quoted speaker or the text's own voice.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from dyad.extract.events.participants import Participants, unique
from dyad.extract.events.timing import modality_of
from dyad.extract.events.triggers import candidates
from dyad.extract.events.words import (
    ACCUSING,
    AGENTIVE_OF,
    ATTENTION,
    EVALUATIVE,
    FIRE_NOUNS,
    MISDEED_VERBS,
    MISDEEDS,
    SUBJECT_DEPS,
    WRONG_ACTS,
)
from dyad.extract.quotes import speech_verbs
from dyad.model import Actor

TIME_PREPS = {"since", "after", "before", "during", "until", "following", "amid", "throughout"}
CLIMB = (
    *("prep", "pobj", "dobj", "conj", "appos", "attr", "acl", "amod", "compound", "nsubj", "nsubjpass", "xcomp"),
    *("ccomp",),
)


def misdeed_words() -> frozenset[str]:
    return MISDEEDS | WRONG_ACTS | MISDEED_VERBS


def accusations(
    who: Participants, sent: Span, maybe: set[int] | None = None
) -> list[tuple[Token, Token, list[Actor], list[Actor]]]:
    """(trigger, misdeed, accusers, accused) for each accusation a sentence makes by naming a misdeed;
    ``maybe``: the document's tokens that may be misdeeds (``candidates(doc, misdeed_words())``)."""
    out = []
    maybe = candidates(sent.doc, misdeed_words()) if maybe is None else maybe
    for tok in (sent.doc[i] for i in range(sent.start, sent.end) if i in maybe):
        if tok.pos_ == "VERB" and tok.lemma_.lower() in MISDEED_VERBS:
            found = _misdeed_verb(who, tok)
            out += [found] if found else []
            continue
        if tok.pos_ not in ("NOUN", "PROPN"):
            continue
        word = tok.lemma_.lower()
        wrong = word in MISDEEDS
        act = word in WRONG_ACTS
        if not (wrong or act):
            continue
        accused = agent_of(who, tok)
        if not accused:
            continue
        marked = wrong or any(c.lemma_.lower() in EVALUATIVE for c in tok.children if c.dep_ in ("amod", "advmod"))
        trigger, accusers = _accuser(who, tok, ACCUSING | ATTENTION if marked else ACCUSING)
        if trigger is None and not marked:
            continue  # "Russia's attacks" told as a fact: an event of its own, no accusation
        if trigger is None and tok.head.dep_ == "prep" and tok.head.lower_ in TIME_PREPS:
            continue  # "since the Russian aggression": a point in time, not a statement about it
        if trigger is None:
            accusers, trigger = _voice_of(who, tok), tok
        mine = {a.country for a in accusers}
        accused = [a for a in accused if a.country and a.country not in mine]
        if accusers and accused:
            out.append((trigger, tok, accusers, accused))
    return out


def _misdeed_verb(who: Participants, verb: Token) -> tuple[Token, Token, list[Actor], list[Actor]] | None:
    """ "Both Iran and Russia have violated their obligations", "Russia's and Iran's actions violate Resolution
    2231": the subject's wrong, told by whoever says the sentence (a report's own narration accuses no one)."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]  # the parser may split "A's and B's acts"
    if not subjects or modality_of(verb)[0] != "actual":
        return None  # "Iran has not violated", "if Iran violates": no wrong is told
    accused = unique([a for subject in subjects for a in _with_conjuncts(who, subject)])
    trigger, accusers = _accuser(who, verb, ACCUSING)
    if trigger is None:
        trigger, accusers = _reporter(who, verb)
    if trigger is None:
        trigger, accusers = verb, _voice_of(who, verb)
    mine = {a.country for a in accusers}
    accused = [a for a in accused if a.country and a.country not in mine]
    return (trigger, verb, accusers, accused) if accusers and accused else None


def _reporter(who: Participants, verb: Token) -> tuple[Token | None, list[Actor]]:
    """Who says it, in reported speech: "the minister said Iran violated ...", "Iran violated ..., he said"."""
    said = verb.head if verb.dep_ == "ccomp" else None
    said = said or next((c for c in verb.children if c.dep_ == "parataxis"), None)
    if said is None or said.lemma_.lower() not in speech_verbs():
        return None, []
    subject = next((c for c in said.children if c.dep_ in SUBJECT_DEPS), None)
    found = who.phrase_actors(subject, subject=True) if subject is not None else []
    return (said, found) if found else (None, [])


def agent_of(who: Participants, noun: Token) -> list[Actor]:
    """Who did the misdeed a noun names: "Russia's attacks", "attacks by Russia", "Russian attacks",
    "the action of the Ukrainian military", "rocket attacks from Gaza"."""
    doc = noun.doc
    for c in noun.children:
        if c.dep_ == "poss":
            return _with_conjuncts(who, c)
    left = noun.left_edge
    if left.i >= 2 and doc[left.i - 1].text in ("'s", "’s"):  # "to Ukraine's shelling", parsed apart
        found = who.actor_for(doc[left.i - 2])
        if found:
            return found
    for c in noun.children:
        if c.dep_ in ("amod", "compound", "nmod"):
            found = [a for a in who.actor_for(c) if a.country or a.code]
            if found and who.ctx.actor_at(c.idx, c.idx + len(c.text)) is not None:
                return found
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "by":
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return _with_conjuncts(who, pobj)
        if c.dep_ == "prep" and c.lower_ == "of" and noun.lemma_.lower() in AGENTIVE_OF:
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return who.phrase_actors(pobj)
        if c.dep_ == "prep" and c.lower_ == "from" and noun.lemma_.lower() in FIRE_NOUNS:
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            state = who.place_state(pobj) if pobj is not None else None
            if state is not None:
                return [state]
    # "violations of the law by the Ukrainian army": a "by" phrase the parser hung higher up
    for t in doc[noun.i + 1 : min(noun.sent.end, noun.i + 12)]:
        if t.pos_ in ("VERB", "AUX") or t.text in (";", ":", "."):
            break
        if t.lower_ == "by":
            pobj = next((g for g in t.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return _with_conjuncts(who, pobj)
    return []


def _with_conjuncts(who: Participants, tok: Token) -> list[Actor]:
    """ "by Russia and China", "Russia's and Iran's": every conjunct's actors."""
    out = []
    for t in (tok, *tok.conjuncts):
        out += who.actor_for(t)
        out += [a for c in t.children if c.dep_ == "poss" for a in who.actor_for(c)]
    return unique(out)


def _accuser(who: Participants, noun: Token, words: frozenset[str]) -> tuple[Token | None, list[Actor]]:
    """The accusing word above a misdeed ("condemned", "pointed out", "drew attention to", "concern"), and its
    subject's actors; the text's voice or the quoted speaker for a subject that is "we" or none."""
    node = noun
    for _ in range(6):
        said = node.dep_ == "ccomp" and "point" in words and node.head.lemma_.lower() in speech_verbs()
        if said:  # "Pakistan said the strikes were a grave aggression by India": the speaker accuses
            subject = next((c for c in node.head.children if c.dep_ in SUBJECT_DEPS), None)
            found = who.phrase_actors(subject, subject=True) if subject is not None else []
            return (node.head, found) if found else (None, [])
        if node.dep_ not in CLIMB or node.head == node:
            return None, []
        node = node.head
        word = node.lemma_.lower()
        kids = {c.lower_ for c in node.children}
        accusing = (
            (word in words and word not in ("draw", "direct", "point", "raise"))
            or (word == "call" and "out" in kids)  # "call out"
            or (word in ("draw", "direct", "point") and "point" in words and kids & {"attention", "out"})
        )
        if not accusing:
            continue
        if node.pos_ in ("NOUN", "ADJ"):  # "concern about", "concerned with": the clause's subject
            verb = node.head
            while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
                verb = verb.head
            subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
        else:
            subject = next((c for c in node.children if c.dep_ in SUBJECT_DEPS), None)
            parent = node
            while subject is None and parent.dep_ in ("xcomp", "conj", "advcl") and parent.head != parent:
                parent = parent.head  # "spoke with Kuleba to condemn", "stood with partners to call out"
                subject = next((c for c in parent.children if c.dep_ in SUBJECT_DEPS), None)
        found = who.phrase_actors(subject, subject=True) if subject is not None else []
        return node, found or _voice_of(who, node)
    return None, []


def _voice_of(who: Participants, tok: Token) -> list[Actor]:
    """Who says a sentence: the quoted speaker inside a quote, else the text's own voice."""
    quote = who.quote_at(tok.idx)
    if quote is not None:
        speaker = who.ctx.actor(quote.speaker) if quote.speaker else None
        return [speaker] if speaker is not None and speaker.kind != "group" else []
    return list(who.voice)
