"""The shared spaCy pipeline: loaded once, line breaks end sentences."""

from dyad.nlp.pipeline import load


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


def test_a_time_inside_a_sentence_starts_nothing():
    doc = load()("The talks began at 11:05 - and ended at noon.")
    assert len(list(doc.sents)) == 1
