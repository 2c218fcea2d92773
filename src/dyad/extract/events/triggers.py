"""Triggers: which words are events, and of which CAMEO code.

The lexicon (``extract/data/event_lexicon.tsv``) maps a word, with an object
where the word alone says too little, to a CAMEO code; the PLOVER type, mode
and context follow from the code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.attrs import LEMMA, LOWER
from spacy.strings import hash_string
from spacy.tokens import Doc, Token

from dyad import ontology
from dyad.extract.context import Context, where
from dyad.extract.events.words import (
    COURTESY_OBJECTS,
    COURTESY_VERBS,
    DISCOURSE_NOUNS,
    ENABLING_VERBS,
    NO_COMMENT,
    OFFICIALS,
    PEOPLE_NOUNS,
    RELEASED_THINGS,
    STANCE_PARTICIPLES,
    SUBJECT_DEPS,
    words,
)
from dyad.model import Quote

MILITARY_WORDS = {
    *("army", "armies", "troops", "troop", "force", "forces", "reserve", "reserves", "reservist", "reservists"),
    *("soldier", "soldiers", "military", "unit", "units", "division", "divisions", "navy", "militia", "militias"),
}
WH_WORDS = {"why", "what", "how", "whether", "if", "when", "where", "who", "which"}


@dataclass(frozen=True)
class Entry:
    lemma: str
    pos: str
    cameo: str
    objects: frozenset[str]
    prep: str | None


def _read(name: str) -> list[Entry]:
    text = resources.files("dyad.extract").joinpath(f"data/{name}").read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t") + ["", ""]
        lemma, pos, cameo, objects, prep = (c.strip() for c in cells[:5])
        ontology.code(cameo)  # fail loudly on a code the ontology does not know
        objs = frozenset() if objects in ("", "-") else frozenset(objects.split("|"))
        out.append(Entry(lemma, pos, cameo, objs, prep or None))
    return out


@lru_cache(maxsize=1)
def lexicon() -> dict[tuple[str, str], list[Entry]]:
    """(lemma, pos) -> entries, the ones that need an object first.

    dyad's own lexicon (``event_lexicon.tsv``) comes first; the CAMEO verb dictionary of PETRARCH-2
    (``cameo_verbs.tsv``, built by ``scripts/build_verbs.py``) adds verbs and verb-object pairs it lacks.
    CAMEO rows count, by default, only with their object or preposition, and never for a verb dyad codes
    alone (``DYAD_CAMEO_VERBS=all`` adds its bare verbs that are not too common to mean one thing,
    ``off`` leaves the dictionary out: switches for measuring what it adds).
    """
    import os

    out: dict[tuple[str, str], list[Entry]] = {}
    for entry in _read("event_lexicon.tsv"):
        out.setdefault((entry.lemma, entry.pos), []).append(entry)
    # verbs dyad codes whatever follows them
    claimed = {key for key, entries in out.items() if any(not e.objects and not e.prep for e in entries)}
    mode = os.environ.get("DYAD_CAMEO_VERBS", "patterns")
    if mode != "off":
        blocked, skipped = words("cameo_generic"), words("cameo_skip")
        for entry in _read("cameo_verbs.tsv"):
            key = (entry.lemma, entry.pos)
            bare = not entry.objects and not entry.prep
            if entry.lemma in skipped or key in claimed:
                continue  # a verb dyad codes alone keeps dyad's reading
            if bare and (mode == "patterns" or entry.lemma in blocked):
                continue
            out.setdefault(key, []).append(entry)
    for entries in out.values():
        entries.sort(key=lambda e: not e.objects and not e.prep)
    return out


@lru_cache(maxsize=1)
def trigger_words() -> frozenset[str]:
    """Every word the lexicon lists, lower case: a token whose lemma and form are neither is no trigger."""
    return frozenset(word for word, _ in lexicon()) | STANCE_PARTICIPLES


@lru_cache(maxsize=32)
def _hashes(words: frozenset[str]) -> frozenset[int]:
    return frozenset(hash_string(w) for w in words)


def candidates(doc: Doc, words: frozenset[str]) -> set[int]:
    """Indices of the tokens whose lemma or lower-case form is one of ``words``, found on the parse's arrays
    (creating a Token for each of thousands of words costs more than the rules that follow)."""
    wanted = _hashes(words)
    return set(where(doc, LEMMA, wanted)) | set(where(doc, LOWER, wanted))


def entries(ctx: Context) -> dict[int, Entry]:
    """The lexicon entry of every word of the document that triggers one, by token index: the rules and
    the learned model's features both read them, and ``entry_for`` weighs each word's objects."""

    def find() -> dict[int, Entry]:
        doc = ctx.doc
        found = ((i, entry_for(doc[i])) for i in sorted(candidates(doc, trigger_words())))
        return {i: entry for i, entry in found if entry is not None}

    return ctx.once("trigger_entries", find)


def lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def entry_for(tok: Token) -> Entry | None:
    """The lexicon entry tok triggers, the most specific that fits its objects, or None."""
    pos = "V" if tok.pos_ in ("VERB", "AUX") else "N" if tok.pos_ in ("NOUN", "PROPN") else None
    if tok.pos_ == "ADJ" and tok.dep_ == "acomp" and tok.lower_ in STANCE_PARTICIPLES:
        # "is firmly opposed to": the parser's adjective is the verb's stance
        stem = next((tok.lower_[:-k] for k in (1, 2, 3) if (tok.lower_[:-k], "V") in lexicon()), None)
        return _pick(tok, lexicon()[(stem, "V")]) if stem else None
    if pos is None:
        return None
    return _pick(tok, lexicon().get((tok.lemma_.lower(), pos)) or lexicon().get((tok.lower_, pos)))


def _pick(tok: Token, entries: list[Entry] | None) -> Entry | None:
    """Of a word's entries, the most specific one whose objects or preposition the sentence has."""
    if not entries:
        return None
    if not entries[0].prep and not entries[0].objects and not (entries[0].pos == "V" and tok.pos_ == "AUX"):
        return entries[0]  # most words: the first entry asks for nothing the sentence must have
    # what hangs from the trigger, read once for all its entries
    kids = list(tok.children)
    preps: dict[str, list[Token]] = {}
    for c in kids:
        pobjs = [g for g in c.children if g.dep_ == "pobj"] if c.dep_ == "prep" else []
        if c.dep_ == "prep" and not any(g.ent_type_ in ("DATE", "TIME") for g in pobjs):
            preps.setdefault(c.lower_, []).extend(pobjs)  # "called a strike on Monday" is no call on anyone
    particles = {c.lower_ for c in kids if c.dep_ == "prt"}
    dobjs = [c for c in kids if c.dep_ == "dobj"]
    words_of: dict[str, set[str]] = {}  # object words by preposition ("" for direct objects)

    def words(tokens: list[Token]) -> set[str]:
        return {lemma(t) for t in tokens} | {t.lower_ for t in tokens}

    for entry in entries:
        if entry.prep:
            pobjs = list(preps.get(entry.prep, ()))
            # a particle ("forced them out", "called off the talks") stands for the preposition, its object
            # being the verb's own
            particle = entry.prep in particles
            if particle:
                pobjs += dobjs
                # "handed over 700 kg of medicine": what the measure is of
                pobjs += [
                    g
                    for o in dobjs
                    for p in o.children
                    if p.dep_ == "prep" and p.lower_ == "of"
                    for g in p.children
                    if g.dep_ == "pobj"
                ]
            if entry.objects and not words(pobjs) & entry.objects:
                continue
            if not entry.objects and not pobjs and not particle and entry.prep not in preps:
                continue
            return entry
        if entry.objects:
            if tok.pos_ == "AUX":
                continue
            if "" not in words_of:
                objs = [c for c in kids if c.dep_ in ("dobj", "nsubjpass", "attr", "dative", "compound")]
                if tok.pos_ == "NOUN":
                    objs += [c for c in kids if c.dep_ == "amod"]  # "ethnic cleansing": CAMEO's noun phrases
                objs += [tok.head] if tok.dep_ in ("acl", "relcl") else []
                objs += [g for found in preps.values() for g in found]
                objs += [c for o in list(objs) for c in o.children if c.dep_ == "compound"]  # "aid deliveries"
                parts = [
                    g
                    for o in list(objs)
                    for p in o.children
                    if p.dep_ == "prep" and p.lower_ == "of"
                    for g in p.children
                    if g.dep_ == "pobj"
                ]  # "dozens of drones"
                # "suspended part of a military aid program": the direct object's whole, with its compounds
                parts += [c for g in parts if g.head.head.dep_ == "dobj" for c in g.children if c.dep_ == "compound"]
                objs += parts
                words_of[""] = words(objs)
            if not words_of[""] & entry.objects:
                continue
            return entry
        if entry.pos == "V" and tok.pos_ == "AUX":
            continue
        return entry
    return None


def not_an_event(tok: Token, ctx: Context, quotes: list[Quote]) -> bool:
    """'declined to comment'; '"...?" Wang asked' (asking a question is not a request); 'demonstrate
    support' (a protest has no object); 'released information' (only people and property are freed)."""
    word = tok.lemma_.lower()
    objects = {c.lemma_.lower() for c in tok.children if c.dep_ == "dobj"}
    if word in ("demonstrate", "rally", "march") and objects:
        return True
    if word in ("mobilize", "mobilise") and objects and not objects & MILITARY_WORDS:
        return True  # "mobilized pressure groups", "mobilized support": no forces
    if word == "release" and objects & RELEASED_THINGS:
        return True
    aside = tok.dep_ == "pobj" and tok.head.lower_ == "as" and tok.head.i < tok.head.head.i
    if word in DISCOURSE_NOUNS and aside and tok.head.head.pos_ == "VERB":
        return True  # "As a reminder, the DPRK conducted ...": the speaker's aside, no request
    if word in ("appreciate", "welcome", "thank", "value", "enjoy") and objects & COURTESY_OBJECTS:
        return True  # "I appreciate the opportunity to spend time with Wang Yi": courtesy, not praise
    if word in ("decline", "refuse") and any(
        c.dep_ == "xcomp" and c.lemma_.lower() in NO_COMMENT for c in tok.children
    ):
        return True
    if word == "ask" and any(
        c.dep_ == "ccomp" and any(g.lower_ in WH_WORDS for g in c.subtree if g.i < c.i) for c in tok.children
    ):
        return True  # "asked why we decided to abstain": a question, not a request
    if word == "ask" and not any(c.dep_ in ("dobj", "dative", "xcomp", "ccomp", "prep") for c in tok.children):
        return any(q.start < tok.idx + 40 and tok.idx - 40 < q.end for q in quotes)
    if word in COURTESY_VERBS and not any(c.dep_ in SUBJECT_DEPS for c in tok.children):
        # "allow me to congratulate you", "let us recall": a speaker's formula, not a concession
        return any(c.dep_ in ("dobj", "nsubj") and c.lower_ in ("me", "us") for c in tok.children) or any(
            g.dep_ == "nsubj" and g.lower_ in ("me", "us")
            for c in tok.children
            if c.dep_ == "ccomp"
            for g in c.children
        )
    if word in ENABLING_VERBS:
        # "the visit will help develop relations": a thing that helps is no donor
        subject = inherited_subject(tok)
        if (
            subject is not None
            and subject.pos_ == "NOUN"
            and ctx.actor_at(subject.idx, subject.idx + len(subject.text)) is None
        ):
            return subject.lemma_.lower() not in PEOPLE_NOUNS and subject.lemma_.lower() not in OFFICIALS
    return False


def inherited_subject(tok: Token) -> Token | None:
    """The subject of a verb, or of the verb it is conjoined to ('the visit will help X and help Y')."""
    node = tok
    for _ in range(4):
        subject = next((c for c in node.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None or node.dep_ not in ("conj", "xcomp"):
            return subject
        node = node.head
    return None
