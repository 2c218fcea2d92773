"""Cleaning drops captions, credits and datelines; the hash ignores white space."""

from __future__ import annotations

from dyad.nlp.clean import clean, content_hash, is_headline
from dyad.nlp.language import detect
from tests.conftest import FIXTURES


def test_captions_credits_datelines_and_teasers_are_dropped():
    text = clean((FIXTURES / "caption.txt").read_text(encoding="utf-8"))
    assert "Sputnik" not in text and "mediabank" not in text and "1920" not in text
    assert "Jane Doe" not in text  # the photo caption
    assert text.startswith("The talks between the two delegations")  # dateline stripped
    assert "Swiss Ministers Discuss" not in text  # a related-article headline
    assert "The meeting was the first since March 2023." in text


def test_headline_detection():
    assert is_headline("Putin Says North Korea Achieving Impressive Results in Industrial, Scientific, Military Areas")
    assert not is_headline("Putin said North Korea was achieving impressive results.")
    assert not is_headline("Vladimir Putin")


def test_line_breaks_survive_as_paragraphs():
    assert clean("First line.\r\n\r\n\r\nSecond line.") == "First line.\n\nSecond line."


def test_hash_ignores_white_space_and_normalisation():
    assert content_hash("Putin  met\nKim.") == content_hash("Putin met Kim.")
    assert content_hash("Cafe\u0301") == content_hash("Caf\u00e9")
    assert content_hash("Putin met Kim.") != content_hash("Kim met Putin.")


def test_language_detection():
    assert detect("The Russian leader arrived in North Korea's capital on Wednesday morning.") == "en"
    assert detect((FIXTURES / "french.txt").read_text(encoding="utf-8")) == "fr"
    assert (
        detect(
            "Der russische Präsident ist am Mittwoch zu einem zweitägigen Besuch in Pjöngjang "
            "angekommen, meldeten die staatlichen Medien."
        )
        == "de"
    )
    assert detect("Putin met Kim.") == "en"
