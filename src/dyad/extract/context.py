"""What every extractor reads: the parsed text, and the actors found so far."""

from __future__ import annotations

import weakref
from bisect import bisect_right
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

from spacy.tokens import Doc, Span, Token

from dyad.model import Actor
from dyad.model import Span as TextSpan

T = TypeVar("T")


@dataclass
class Context:
    doc: Doc
    published: date | None
    # the outlet that published the text ("Voice of America"): not an actor in its own story
    publisher: str | None = None
    actors: list[Actor] = field(default_factory=list)
    # char offset -> actor id, for every actor mention (filled by the actor extractor)
    mention_index: list[tuple[int, int, str]] = field(default_factory=list)
    # the text the doc was parsed from, when the caller has it: spaCy rebuilds Doc.text from every token
    parsed_from: str | None = None
    # the article's title, when the record has one: many texts open with it, and a title follows its own rules
    title: str | None = None
    # the learned model of people's states (``nationality.NationalityModel``), None for the rules alone; and the
    # people it was asked about, with their candidate states (what ``dyad train`` learns from)
    nationality: Any = None
    stateless: list[Any] = field(default_factory=list)

    def __post_init__(self) -> None:
        text, doc = self.parsed_from, self.doc
        if text is None or not len(doc) or len(text) != doc[-1].idx + len(doc[-1].text_with_ws):
            text = doc.text  # no text given, or not the one this doc was parsed from
        self._text = text
        self._sents = list(self.doc.sents)  # spaCy walks the whole parse on every doc.sents
        self._sent_starts = [s.start_char for s in self._sents]
        self._by_id: dict[str, Actor] = {}  # actor id -> actor, for the actors indexed so far
        self._indexed = 0
        self._memo: dict[str, Any] = {}

    @property
    def text(self) -> str:
        return self._text

    @property
    def noun_chunks(self) -> list[Span]:
        """The parse's noun chunks, found once: spaCy walks the whole document on every access."""
        if not hasattr(self, "_chunks"):
            self._chunks = list(self.doc.noun_chunks)
        return self._chunks

    @property
    def entities(self) -> tuple[Span, ...]:
        """The NER's entities, read once: spaCy makes a new Span for each on every ``doc.ents``, and the actors,
        organisations, dates and places extractors read them six times a document."""
        if not hasattr(self, "_ents"):
            self._ents = tuple(self.doc.ents)
        return self._ents

    def once(self, key: str, make: Callable[[], T]) -> T:
        """``make()``, worked out once per document: what several extractors read of the parse (the lexicon's
        trigger entries, say) is not worked out again by each."""
        if key not in self._memo:
            self._memo[key] = make()
        return self._memo[key]  # type: ignore[no-any-return]

    def sentence_at(self, char: int) -> Span:
        i = max(0, bisect_right(self._sent_starts, char) - 1)
        return self._sents[i]

    def sentence_index(self, char: int) -> int:
        return max(0, bisect_right(self._sent_starts, char) - 1)

    @property
    def sentences(self) -> list[Span]:
        return self._sents

    def new_actor(self, kind: str, name: str, country: str | None, code: str | None,
                  title: str | None = None) -> Actor:  # fmt: skip
        """A new actor with the next id: the one place where every extractor makes actors."""
        actor = Actor(id=f"A{len(self.actors) + 1}", kind=kind, name=name, country=country, code=code, title=title)
        self.actors.append(actor)
        return actor

    def actor(self, actor_id: str | None) -> Actor | None:
        """The (first) actor with that id. Looked up tens of thousands of times per story, so by an index
        that takes in the actors added since the last call (actors are only ever appended)."""
        if self._indexed != len(self.actors):
            for a in self.actors[self._indexed :]:
                self._by_id.setdefault(a.id, a)
            self._indexed = len(self.actors)
        return self._by_id.get(actor_id) if actor_id is not None else None

    def actor_at(self, start: int, end: int) -> Actor | None:
        """The actor with a mention overlapping [start, end), preferring the longest mention."""
        best: tuple[int, str] | None = None
        for s, e, actor_id in self.mention_index:
            if s < end and start < e and (best is None or e - s > best[0]):
                best = (e - s, actor_id)
        return self.actor(best[1]) if best else None

    def actors_in(self, start: int, end: int) -> list[Actor]:
        """Every actor with a mention inside [start, end), in the order first named."""
        ids = dict.fromkeys(a for s, e, a in sorted(self.mention_index) if start <= s and e <= end)
        return [a for a in (self.actor(i) for i in ids) if a is not None]

    def add_mention(self, actor: Actor, start: int, end: int) -> None:
        span = TextSpan(start, end, self.text[start:end])
        if span not in actor.mentions:
            actor.mentions.append(span)
            actor.mentions.sort(key=lambda m: m.start)
            self.mention_index.append((start, end, actor.id))


_INDEXED: dict[int, tuple[weakref.ref[Doc], dict[int, list[int]]]] = {}


def where(doc: Doc, attr: int, values: Collection[int]) -> list[int]:
    """The indices, in order, of the tokens whose ``attr`` (LOWER, LEMMA ...: a parse array's column) is one of
    ``values`` (hashes). The extractors ask a document this many times (each word list of theirs), so each
    attribute's positions are read from the parse once per document, and each ask costs its values' look-ups,
    not a pass over every token."""
    found = _INDEXED.get(attr)
    index = found[1] if found is not None and found[0]() is doc else None
    if index is None:
        index = {}
        for i, value in enumerate(doc.to_array([attr]).tolist()):
            index.setdefault(value, []).append(i)
        _INDEXED[attr] = (weakref.ref(doc), index)  # the last document asked only: one is read at a time
    wanted = values if isinstance(values, set | frozenset) else set(values)
    if len(wanted) < len(index):
        hits = [index[value] for value in wanted if value in index]
    else:  # a long word list (the lexicon's): the document's distinct values are the fewer to look up
        hits = [found for value, found in index.items() if value in wanted]
    if len(hits) == 1:
        return list(hits[0])
    return sorted(i for hit in hits for i in hit)


def token_span(tokens: list[Token]) -> tuple[int, int]:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
