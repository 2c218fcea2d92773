"""Topics: the agenda an article names, from a lexicon data file."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from spacy.matcher import PhraseMatcher
from spacy.vocab import Vocab

from dyad.extract.context import Context
from dyad.model import Span, Topic


@lru_cache(maxsize=1)
def lexicon() -> dict[str, list[str]]:
    text = resources.files("dyad.extract").joinpath("data/topics.tsv").read_text(encoding="utf-8")
    out: dict[str, list[str]] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            topic, terms = line.split("\t")
            out[topic.strip()] = [t.strip() for t in terms.split("|") if t.strip()]
    return out


@lru_cache(maxsize=2)
def _matcher(vocab: Vocab) -> PhraseMatcher:
    from dyad.nlp.pipeline import load

    make = load().make_doc
    matcher = PhraseMatcher(vocab, attr="LOWER")
    for topic, terms in lexicon().items():
        matcher.add(topic, [make(t) for t in terms])
    return matcher


def extract_topics(ctx: Context) -> list[Topic]:
    doc = ctx.doc
    found: dict[str, Topic] = {}
    for match_id, start, end in _matcher(doc.vocab)(doc):
        name = doc.vocab.strings[match_id]
        span = doc[start:end]
        topic = found.setdefault(name, Topic(name=name))
        topic.mentions.append(Span(span.start_char, span.end_char, span.text))
    for topic in found.values():
        topic.mentions.sort(key=lambda m: m.start)
    return sorted(found.values(), key=lambda t: t.mentions[0].start)
