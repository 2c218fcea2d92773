"""The learned event decision: candidates from the parse, their features, and a linear model's say.

A candidate is one sentence and an ordered pair of sides (states by ISO3, ``IGO``) that the sentence names,
quotes or that the rules found acting in it. Its features describe how the sentence ties the two: the
dependency path between their mentions and the words on it, the lexicon's reading of those words
(the CAMEO verb dictionary and dyad's own lexicon), what the rules coded for the pair, and the cues of
negation, modality and quotation. A model (one logistic regression per PLOVER type over hashed features,
see ``dyad.train``) gives each candidate a probability per type; a document's event (source, type, target)
is its best candidate's.

The rules stay the candidates' richest feature rather than the final say: what they code well, the model
keeps; what they code from a metaphor or miss in a paraphrase, it learns from the labelled corpus.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from spacy.attrs import DEP, IS_STOP, LEMMA, LOWER, POS
from spacy.strings import StringStore
from spacy.tokens import Span, Token

from dyad import ontology
from dyad.extract.context import Context
from dyad.extract.events.triggers import entries
from dyad.model import Actor, Quote

NEGATIONS = frozenset({"not", "n't", "never", "no", "neither", "nor", "without"})
MODALS = frozenset({"could", "would", "may", "might", "should", "can", "must", "will", "shall"})
CONDITIONALS = frozenset({"if", "unless", "whether"})
# The features' version: a model records the one it was trained with and is refused by a dyad whose
# candidates describe sentences differently. Bump it with any change to what the features say.
FEATURES_VERSION = 2
PATH_LIMIT = 4  # dependency steps from a mention up to where the two sides meet


def side_of(actor: Actor | None) -> str | None:
    """The side an actor acts for: its state, or IGO for an international organisation."""
    if actor is None:
        return None
    if actor.country:
        return actor.country
    code = (actor.code or "")[:3]
    return "IGO" if code == "IGO" else None


@dataclass
class Candidate:
    """One sentence and one ordered pair of sides: may the first have done something to the second here?"""

    sentence: int
    source: str
    target: str
    features: list[str] = field(default_factory=list)
    anchor: int | None = None  # the token where the sides meet (the trigger), for the evidence
    ruled: frozenset[str] = frozenset()  # the types the rules coded for this pair in this sentence
    named: bool = False  # both sides named in the sentence
    sides_named: frozenset[str] = frozenset()  # which of the two the sentence names


@dataclass
class SentenceSides:
    """The sides a sentence involves: where they are named, and which of them a quote or the rules add."""

    mentions: dict[str, list[Token]] = field(default_factory=dict)
    speakers: set[str] = field(default_factory=set)
    ruled: set[str] = field(default_factory=set)
    context: list[str] = field(default_factory=list)  # named in the sentence before, or the story's main sides

    def all(self) -> list[str]:
        return list(dict.fromkeys([*self.mentions, *sorted(self.speakers), *sorted(self.ruled), *self.context]))

    def how(self, side: str) -> str:
        if side in self.mentions:
            return "named"
        if side in self.speakers:
            return "speaker"
        return "rule" if side in self.ruled else "context"


def _mentions_by_sentence(ctx: Context) -> dict[int, list[tuple[int, int, str]]]:
    """The document's mentions grouped by the sentence that holds them whole, in the order found."""
    out: dict[int, list[tuple[int, int, str]]] = {}
    for start, end, actor_id in ctx.mention_index:
        n = ctx.sentence_index(start)
        sent = ctx.sentences[n]
        if sent.start_char <= start and end <= sent.end_char:
            out.setdefault(n, []).append((start, end, actor_id))
    return out


def _sides_in(
    ctx: Context, sent: Span, mentions: list[tuple[int, int, str]], quotes: list[Quote], rules: list[dict[str, Any]]
) -> SentenceSides:
    found = SentenceSides()
    doc = sent.doc
    for start, end, actor_id in mentions:
        side = side_of(ctx.actor(actor_id))
        span = doc.char_span(start, end, alignment_mode="expand")
        if side and span is not None:
            found.mentions.setdefault(side, []).append(span.root)
    for quote in quotes:
        if quote.start < sent.end_char and sent.start_char < quote.end:
            side = side_of(ctx.actor(quote.speaker))
            if side:
                found.speakers.add(side)
    for event in rules:
        for actor_id in event["sources"] + event["targets"]:
            side = side_of(ctx.actor(actor_id))
            if side:
                found.ruled.add(side)
    return found


Chain = tuple[list[Token], dict[int, int]]  # a token and its ancestors, and where each index stands in them


def _chain(tok: Token, chains: dict[int, Chain] | None) -> Chain:
    """tok and its ancestors, from ``chains`` when a pair of sides before asked for them (every pair of a
    sentence climbs from the same few mentions)."""
    found = chains.get(tok.i) if chains is not None else None
    if found is None:
        up = [tok, *tok.ancestors]
        found = (up, {t.i: n for n, t in enumerate(up)})
        if chains is not None:
            chains[tok.i] = found
    return found


def _path(a: Token, b: Token, chains: dict[int, Chain] | None = None) -> tuple[list[Token], Token | None, list[Token]]:
    """The tokens from a up to the lowest common ancestor, the ancestor, and from b up to it."""
    up_a, index = _chain(a, chains)
    climbed = []
    for t in _chain(b, chains)[0]:
        if t.i in index:
            return up_a[: index[t.i]], t, climbed
        climbed.append(t)
    return list(up_a), None, climbed


def readings(ctx: Context) -> dict[int, str]:
    """The PLOVER type the lexicon gives each word of a document that it reads as an event, by token index
    (looked up once per document: the features ask for them many times)."""
    return {i: ontology.code(entry.cameo).plover for i, entry in entries(ctx).items()}


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _pair_features(
    src: list[Token], tgt: list[Token], read: dict[int, str], chains: dict[int, Chain] | None = None
) -> tuple[list[str], Token | None]:
    """How the parse ties a source mention to a target mention: the shortest path's shape and words."""
    best: tuple[int, list[Token], Token | None, list[Token]] | None = None
    for s in src:
        for t in tgt:
            if s.i == t.i:
                continue
            up_s, top, up_t = _path(s, t, chains)
            if top is None:
                continue
            length = len(up_s) + len(up_t)
            if best is None or length < best[0]:
                best = (length, up_s, top, up_t)
    if best is None:
        return ["path:none"], None
    _, up_s, top, up_t = best
    if len(up_s) > PATH_LIMIT or len(up_t) > PATH_LIMIT:
        return ["path:far", f"top:{_lemma(top)}"], top
    deps_s = ">".join(t.dep_ for t in up_s)
    deps_t = ">".join(t.dep_ for t in up_t)
    top_word, top_type = _lemma(top), read.get(top.i)
    out = [
        f"path:{deps_s}|{deps_t}",
        f"path:{deps_s}|{top_word}|{deps_t}",
        f"top:{top_word}",
        f"top_pos:{top.pos_}",
        f"s_role:{up_s[0].dep_ if up_s else 'self'}",
        f"t_role:{up_t[0].dep_ if up_t else 'self'}",
        f"s_role_top:{up_s[0].dep_ if up_s else 'self'}|{top_word}",
        f"t_role_top:{up_t[0].dep_ if up_t else 'self'}|{top_word}",
    ]
    if top_type:
        out += [f"top_type:{top_type}", f"top_type_roles:{top_type}|{deps_s[:12]}|{deps_t[:12]}"]
    for tok in [*up_s[1:], *up_t[1:]]:
        out.append(f"on_path:{_lemma(tok)}")
        reading = read.get(tok.i)
        if reading:
            out.append(f"on_path_type:{reading}")
    for child in top.children:
        if child.dep_ in ("dobj", "attr", "pobj", "prep", "xcomp", "neg", "aux", "advmod"):
            out.append(f"top_child:{child.dep_}:{_lemma(child)}")
    return out, top


def _relation(mentions: list[Token], trigger: Token) -> str:
    """How a side's nearest mention hangs from a trigger word: its argument role, or where it lies."""
    best = "out"
    for tok in mentions:
        if tok.i == trigger.i:
            return "self"
        node, preps = tok, []
        for _ in range(PATH_LIMIT):
            if node.head == node:
                break
            if node.head.i == trigger.i:
                role = node.dep_
                if role == "pobj" and preps:
                    role = f"pobj:{preps[-1]}"
                elif role == "prep":
                    role = f"prep:{node.lower_}"
                return role
            if node.dep_ == "pobj":
                preps.append(node.head.lower_)
            node = node.head
        if best == "out" and trigger in tok.ancestors:
            best = "below"
        elif best == "out" and tok in trigger.ancestors:
            best = "above"
    return best


class _Relations:
    """``_relation`` asked once per (mention list, trigger) of a sentence: every pair of sides asks again."""

    def __init__(self) -> None:
        self._known: dict[tuple[int, int], str] = {}

    def __call__(self, mentions: list[Token], trigger: Token) -> str:
        key = (id(mentions), trigger.i)  # the lists live as long as the sentence's candidates are made
        if key not in self._known:
            self._known[key] = _relation(mentions, trigger)
        return self._known[key]


def _read_in(sent: Span, read: dict[int, str], at: list[int]) -> list[tuple[Token, str]]:
    """The words of a sentence the lexicon reads as events, with their types (``at``: the indices ``read``
    has, in order, so that the sentence's are found without a look at each of its words)."""
    return [(sent.doc[i], read[i]) for i in at[bisect_left(at, sent.start) : bisect_left(at, sent.end)]]


def _trigger_features(
    triggers: list[tuple[Token, str]],
    src: list[Token],
    tgt: list[Token],
    relation: Callable[..., str],
    known: dict[int, tuple[str, list[str]]] | None = None,
) -> list[str]:
    """For each word of the sentence that the lexicon reads as an event: its word and type with how each
    side hangs from it (subject, object, "to" phrase, possessor, elsewhere). ``known`` keeps each trigger's
    word and auxiliaries for the other pairs of the sentence."""
    out = []
    for tok, reading in triggers:
        s_rel, t_rel = relation(src, tok), relation(tgt, tok)
        if s_rel == "out" and t_rel == "out":
            continue
        found = known.get(tok.i) if known is not None else None
        if found is None:
            helpers = [
                f"trig_{child.dep_}:{reading}|{child.lower_}"
                for child in tok.children
                if child.dep_ in ("neg", "aux", "auxpass")
            ]
            found = (_lemma(tok), helpers)
            if known is not None:
                known[tok.i] = found
        word, helpers = found
        out += [
            f"trig:{word}|{s_rel}|{t_rel}",
            f"trig_type:{reading}|{s_rel}|{t_rel}",
            f"trig_type_s:{reading}|{s_rel}",
            f"trig_type_t:{reading}|{t_rel}",
            f"trig_word:{word}",
        ]
        out += helpers
    return out


@dataclass
class _Words:
    """What the sentence features read of a document's tokens, found on the parse's arrays once per document
    (making a Token and asking it for each attribute costs more than the features themselves): the tokens that
    give a sentence feature (a cue word, or a verb or noun that is no stop word) with the features each gives
    but for the lexicon's reading, and the subjects that are a pronoun or a noun, each in document order."""

    read: list[int] = field(default_factory=list)  # the tokens that give sentence features
    says: list[tuple[str | None, str | None]] = field(default_factory=list)  # their cue and "w:" lemma features
    subjects: list[int] = field(default_factory=list)

    def sentence(self, sent: Span, read: dict[int, str]) -> list[str]:
        """A sentence's features, in the order of its words (each word's cue, then its lemma and reading)."""
        out = []
        for n in range(bisect_left(self.read, sent.start), bisect_left(self.read, sent.end)):
            cue, word = self.says[n]
            if cue is not None:
                out.append(cue)
            if word is not None:
                out.append(word)
                reading = read.get(self.read[n])
                if reading:
                    out.append(f"sent_type:{reading}")
        return out

    def subjects_in(self, sent: Span) -> list[int]:
        return self.subjects[bisect_left(self.subjects, sent.start) : bisect_left(self.subjects, sent.end)]


def _cue(low: str) -> str | None:
    if low in NEGATIONS:
        return f"cue:neg:{low}"
    if low in MODALS:
        return f"cue:modal:{low}"
    if low in CONDITIONALS:
        return f"cue:cond:{low}"
    return None


# What the sentence features read of a string of the parse (a form, tag, lemma or dependency), by its hash:
# whether it is a cue word, a content tag (VERB, NOUN), a subject's dependency, a subject's tag; its cue feature;
# and its "w:" feature as a lemma. Worked out once per process for each string, not once per document (the same
# few thousand words, tags and labels come back in every story).
CUED, CONTENT, SUBJECT_DEP, SUBJECT_POS = 1, 2, 4, 8
_READINGS: dict[int, tuple[int, str | None, str]] = {}
_READINGS_KEPT = 1 << 20  # strings remembered before the table starts again (a long run's memory stays bounded)


def _reading(key: int, strings: StringStore) -> tuple[int, str | None, str]:
    found = _READINGS.get(key)
    if found is None:
        if len(_READINGS) >= _READINGS_KEPT:
            _READINGS.clear()
        text = strings[key]
        cue = _cue(text)
        flags = (
            (CUED if cue is not None else 0)
            | (CONTENT if text in ("VERB", "NOUN") else 0)
            | (SUBJECT_DEP if text in ("nsubj", "nsubjpass") else 0)
            | (SUBJECT_POS if text in ("PRON", "NOUN") else 0)
        )
        found = _READINGS[key] = (flags, cue, f"w:{text.lower()}")
    return found


def _words(ctx: Context) -> _Words:
    """The document's ``_Words``, worked out once per document."""

    def read() -> _Words:
        strings = ctx.doc.vocab.strings
        rows = ctx.doc.to_array([LOWER, POS, LEMMA, DEP, IS_STOP])
        # each distinct value once, and the tokens as small indices into them (not as 64-bit hashes)
        keys, inverse = np.unique(rows[:, :4], return_inverse=True)
        inverse = inverse.reshape(len(rows), 4)
        values = [_reading(key, strings) for key in keys.tolist()]
        flags = np.fromiter((value[0] for value in values), dtype=np.int64, count=len(values))
        low, pos, lemma, dep = inverse.T
        worded = ((flags[pos] & CONTENT) != 0) & (rows[:, 4] == 0)
        found = _Words(
            subjects=np.flatnonzero(((flags[dep] & SUBJECT_DEP) != 0) & ((flags[pos] & SUBJECT_POS) != 0)).tolist()
        )
        said = np.flatnonzero(((flags[low] & CUED) != 0) | worded)
        for i, lo, le, w in zip(
            said.tolist(), low[said].tolist(), lemma[said].tolist(), worded[said].tolist(), strict=True
        ):
            found.read.append(i)
            found.says.append((values[lo][1], values[le][2] if w else None))
        return found

    return ctx.once("learned_words", read)


RuledEvent = tuple[set[str | None], set[str | None], str, str, str]  # sources' sides, targets', type, modality, cameo


def _ruled(ctx: Context, rules: list[dict[str, Any]]) -> list[RuledEvent]:
    """The rules' events of a sentence with their sides, worked out once for all its pairs of sides."""
    return [
        (
            {side_of(ctx.actor(a)) for a in event["sources"]},
            {side_of(ctx.actor(a)) for a in event["targets"]},
            event["type"],
            event["modality"],
            event["cameo"],
        )
        for event in rules
    ]


def _rule_features(rules: list[RuledEvent], source: str, target: str) -> list[str]:
    out = []
    for sources, targets, kind, modality, cameo in rules:
        if source in sources and target in targets:
            out += [f"rule:{kind}", f"rule:{kind}|{modality}", f"rule_cameo:{cameo}"]
        elif target in sources and source in targets:
            out += [f"rule_rev:{kind}", f"rule_rev:{kind}|{modality}"]
        elif source in sources:
            out.append(f"rule_src:{kind}")
        elif target in targets:
            out.append(f"rule_tgt:{kind}")
    return out or ["rule:none"]


def candidates(
    ctx: Context, quotes: list[Quote], rule_events: list[dict[str, Any]], max_sides: int = 6
) -> list[Candidate]:
    """Every (sentence, source, target) the document offers, with its features."""
    by_sentence: dict[int, list[dict[str, Any]]] = {}
    for event in rule_events:
        for evidence in event["evidence"]:
            by_sentence.setdefault(ctx.sentence_index(evidence["trigger"]["start"]), []).append(event)
    counts: dict[str, int] = {}
    for _, _, actor_id in ctx.mention_index:
        side = side_of(ctx.actor(actor_id))
        if side:
            counts[side] = counts.get(side, 0) + 1
    main = sorted(counts, key=lambda c: -counts[c])[:2]
    read = readings(ctx)
    read_at = sorted(read)
    words = _words(ctx)
    in_sentence = _mentions_by_sentence(ctx)
    out: list[Candidate] = []
    before: list[str] = []
    for n, sent in enumerate(ctx.sentences):
        rules = by_sentence.get(n, [])
        sides = _sides_in(ctx, sent, in_sentence.get(n, []), quotes, rules)
        named = list(sides.mentions)
        present = sides.all()  # the sides before the context is added, asked once for all of it
        sides.context = [c for c in [*before, *main] if c not in present]
        before = named or before
        names = sides.all()[:max_sides]
        if len(names) < 2:
            continue
        shared = words.sentence(sent, read)
        if n == 0:
            shared.append("lede")
        triggers = _read_in(sent, read, read_at)
        subjects = [sent.doc[i] for i in words.subjects_in(sent)]
        relation = _Relations()
        chains: dict[int, Chain] = {}
        trigger_words: dict[int, tuple[str, list[str]]] = {}
        ruled_here = _ruled(ctx, rules)
        how_of = {side: sides.how(side) for side in names}
        # what is said of one side whatever the other, made once for all the pairs it is in: how the sentence
        # has it, where it is first named, and what its word is ("Ukrainian direction")
        how_as = {side: (f"src_how:{how}", f"tgt_how:{how}") for side, how in how_of.items()}
        first = {side: min(t.i for t in tokens) for side, tokens in sides.mentions.items()}
        word_of = {
            side: [(f"{tok.pos_}|{tok.dep_}", f"{tok.dep_}|{_lemma(tok.head)}") for tok in tokens[:2]]
            for side, tokens in sides.mentions.items()
        }
        words_as = {
            (role, side): [f for word, head in pairs for f in (f"{role}_word:{word}", f"{role}_head:{head}")]
            for side, pairs in word_of.items()
            for role in ("s", "t")
        }
        alone: dict[tuple[str, str], list[str]] = {}  # the features of one side named with one from before

        for source in names:
            for target in names:
                if source == target:
                    continue
                feats = [how_as[source][0], how_as[target][1], f"how:{how_of[source]}|{how_of[target]}"]
                anchor = None
                if source in sides.mentions and target in sides.mentions:
                    path, top = _pair_features(sides.mentions[source], sides.mentions[target], read, chains)
                    feats += path
                    anchor = top.i if top is not None else None
                    feats.append("order:src_first" if first[source] < first[target] else "order:tgt_first")
                    feats += _trigger_features(
                        triggers, sides.mentions[source], sides.mentions[target], relation, trigger_words
                    )
                elif source in sides.mentions or target in sides.mentions:
                    # one side named here, the other from before: how the named one and the sentence's
                    # subject (a pronoun, a title, "the two sides") hang from each trigger
                    named_side = source if source in sides.mentions else target
                    role = "src" if named_side == source else "tgt"
                    if (named_side, role) not in alone:
                        said: list[str] = []
                        for tok, reading in triggers:
                            rel = relation(sides.mentions[named_side], tok)
                            subj = relation(subjects, tok) if subjects else "none"
                            said += [f"one:{role}|{reading}|{rel}|{subj}", f"one_word:{role}|{_lemma(tok)}|{rel}"]
                        said += [f"subj_word:{t.lower_}" for t in subjects[:2]]
                        alone[(named_side, role)] = said
                    feats += alone[(named_side, role)]
                feats += words_as.get(("s", source), ())
                feats += words_as.get(("t", target), ())
                if source in sides.speakers:
                    feats.append("src_is_speaker")
                if target in sides.speakers:
                    feats.append("tgt_is_speaker")
                if "IGO" in (source, target):
                    feats.append(f"igo:{'src' if source == 'IGO' else 'tgt'}")
                rule_feats = _rule_features(ruled_here, source, target)
                feats += rule_feats
                feats += shared
                ruled = frozenset(f[5:] for f in rule_feats if f.startswith("rule:") and "|" not in f)
                both = source in sides.mentions and target in sides.mentions
                named_here = frozenset(side for side in (source, target) if side in sides.mentions)
                out.append(Candidate(n, source, target, feats, anchor, ruled, both, named_here))
    return out
