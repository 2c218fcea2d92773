"""The shared spaCy pipeline: loaded once, line breaks end sentences."""

from dyad.nlp.pipeline import load


def test_pipeline_is_loaded_once():
    assert load() is load()


def test_a_line_break_starts_a_sentence():
    doc = load()("Putin Says Talks Went Well\nThe Russian leader arrived in Pyongyang.")
    starts = [s.text.strip() for s in doc.sents]
    assert starts[0] == "Putin Says Talks Went Well"
    assert starts[1].startswith("The Russian leader")


def test_selective_parsing_parses_only_sentences_an_extractor_can_use():
    import dyad.extract  # noqa: F401  (declares the words that call for a parse)

    text = "The weather in Geneva was mild.\nRussia accused Ukraine of shelling the plant on Monday."
    full, selective = load("full")(text), load("selective")(text)
    assert load("selective") is not load("full") and load("full") is load()
    calm, accusation = list(selective.sents)
    assert {t.dep_ for t in calm} <= {"ROOT", "dep"}  # no trigger: a flat tree, not a parse
    assert [(t.text, t.dep_, t.head.i) for t in accusation] == [(t.text, t.dep_, t.head.i) for t in list(full.sents)[1]]


def test_an_unknown_parse_mode_is_refused(monkeypatch):
    import pytest

    from dyad.nlp.pipeline import parse_mode

    monkeypatch.setenv("DYAD_PARSE", "sometimes")
    with pytest.raises(RuntimeError, match="DYAD_PARSE='sometimes'"):
        parse_mode()
