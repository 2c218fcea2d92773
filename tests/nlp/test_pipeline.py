"""The shared spaCy pipeline: loaded once, line breaks end sentences."""

import pytest
from spacy.tokens import Doc

from dyad.nlp.pipeline import STAMP_DASHES, TIME_STAMP, _starts, load


def test_pipeline_is_loaded_once():
    assert load() is load()


def test_a_line_break_starts_a_sentence():
    doc = load()("Putin Says Talks Went Well\nThe Russian leader arrived in Pyongyang.")
    starts = [s.text.strip() for s in doc.sents]
    assert starts[0] == "Putin Says Talks Went Well"
    assert starts[1].startswith("The Russian leader")


def test_verbs_the_lemmatizer_cuts_wrongly_get_their_own_lemma():
    doc = load()("Farmers staged a protest, the rebels waged war, and Tokyo relaunched talks it hoped to finish.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["staged"] == "stage" and lemmas["waged"] == "wage"
    assert lemmas["relaunched"] == "relaunch" and lemmas["hoped"] == "hope"
    assert lemmas["protest"] == "protest"  # others keep the lemmatizer's


def test_an_abbreviation_of_address_keeps_its_full_stop_and_ends_no_sentence():
    doc = load()("It was signed by the Minister of Transport of the Republic of Kenya, Hon. Samuel Langat, in Juba.")
    assert "Hon." in [t.text for t in doc]
    assert len(list(doc.sents)) == 1


def test_a_live_blog_time_stamp_is_a_sentence_of_its_own():
    doc = load()("11:05 — Foreign Minister Fatoumata Njie Sowe, speaking at the port, thanks Senegal for its help.")
    sents = [s.text.strip() for s in doc.sents]
    assert sents[0] == "11:05 —"
    assert sents[1].startswith("Foreign Minister")
    assert any(t.dep_ == "nsubj" and t.text == "Sowe" and t.head.text == "thanks" for t in doc)


@pytest.mark.parametrize(
    ("text", "dateline", "subject", "verb"),
    [
        (
            "TEGUCIGALPA, Honduras (—) — The United States urged Honduran authorities on Thursday to finish counting.",
            "TEGUCIGALPA, Honduras (—) —",
            "States",
            "urged",
        ),
        (
            "BRASILIA, Nov 8 (—) — Brazil on Wednesday rejected a Paraguayan proposal.",
            "BRASILIA, Nov 8 (—) —",
            "Brazil",
            "rejected",
        ),
        (
            "LONDON, March 3 (Reuters) - Britain on Monday summoned the Russian ambassador.",
            "LONDON, March 3 (Reuters) -",
            "Britain",
            "summoned",
        ),
        (
            "Kyiv, Ukraine (AP) — Poland on Monday closed its border crossing.",
            "Kyiv, Ukraine (AP) —",
            "Poland",
            "closed",
        ),
        (
            "A headline\nDHAKA, Feb 11 — India's Border Security Force said its troops had fired.",
            "DHAKA, Feb 11 —",
            "Force",
            "said",
        ),
        ("WASHINGTON — The United States imposed sanctions on Iran.", "WASHINGTON —", "States", "imposed"),
        (
            "GAZA CITY, Palestinian Territories: Israeli tanks shelled the east of the Gaza Strip on Friday.",
            "GAZA CITY, Palestinian Territories:",
            "tanks",
            "shelled",
        ),
    ],
)
def test_a_dateline_is_a_sentence_of_its_own(text: str, dateline: str, subject: str, verb: str) -> None:
    # the parser, given the dateline and the lede as one sentence, takes the dateline's place for the subject
    doc = load()(text)
    sents = [s.text.strip() for s in doc.sents]
    assert dateline in sents
    assert any(t.dep_ == "nsubj" and t.text == subject and t.head.text == verb for t in doc)


@pytest.mark.parametrize(
    "text",
    [
        "NATO — the alliance of 32 states — met on Monday.",
        "Talks in Doha, Qatar — and in Cairo — went on.",
        "The UN said on Monday (local time) - as expected - that talks would resume.",
    ],
)
def test_words_and_dashes_that_are_no_dateline_start_nothing(text: str) -> None:
    assert len(list(load()(text).sents)) == 1


def test_a_time_inside_a_sentence_starts_nothing():
    doc = load()("The talks began at 11:05 - and ended at noon.")
    assert len(list(doc.sents)) == 1


def _starts_token_by_token(doc: Doc) -> set[int]:
    """The sentence starts line_breaks sets, read one Token at a time (what its faster reading must match)."""
    out = {t.i + 1 for t in doc[:-1] if "\n" in t.text or "\n" in t.whitespace_}
    for t in doc[:-2]:
        first = t.i == 0 or "\n" in doc[t.i - 1].text or "\n" in doc[t.i - 1].whitespace_
        if first and TIME_STAMP.match(t.text) and doc[t.i + 1].text in STAMP_DASHES and not doc[t.i + 2].is_space:
            out.add(t.i + 2)
    return out


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Hello",
        "11:05 —",
        "11:05 — Talks",
        "Title\nBody text here.\n\n11:05 — Foreign Minister X thanks Y.\n12.30 - \nNext 09:15 -- entry",
        "A\n\n\nB \n C\n",
        "The talks began at 11:05 - and ended at noon.\n10:00 – Talks resume.",
    ],
)
def test_line_breaks_reads_the_same_starts_as_token_by_token(text: str) -> None:
    doc = load().make_doc(text)
    assert set(_starts(doc)) == _starts_token_by_token(doc)
    assert len(_starts(doc)) == len(set(_starts(doc)))
