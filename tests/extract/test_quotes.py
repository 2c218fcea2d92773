"""Quotes and their speakers, on a briefing written for these tests and on small cases."""

from __future__ import annotations

import dyad
from dyad.extract.quotes import find_quoted_spans, is_scare_quote
from tests.conftest import FIXTURES, speaker_of


def test_split_quote_is_two_quotes_with_one_speaker(briefing):
    assert speaker_of(briefing, "We discussed the situation") == "Sergei Lavrov"
    assert speaker_of(briefing, "and we agreed to keep") == "Sergei Lavrov"


def test_quote_alone_in_its_paragraph_takes_the_previous_speaker(briefing):
    assert speaker_of(briefing, "Our positions on the main questions") == "Sergei Lavrov"


def test_speaker_named_only_in_the_previous_paragraph(briefing):
    assert speaker_of(briefing, "The world is facing changes") == "Xi Jinping"


def test_nested_quotes_stay_inside_one_quote(briefing):
    quote = next(q for q in briefing.quotes if q.text.startswith("He told us"))
    assert "we will not retreat" in quote.text
    assert speaker_of(briefing, "He told us") == "Maria Zakharova"
    assert not any(q.text.startswith("we will not retreat") for q in briefing.quotes)


def test_the_two_leaders_are_not_one_person(briefing):
    quote = next(q for q in briefing.quotes if q.text.startswith("We had a productive"))
    speaker = briefing.actor(quote.speaker)
    assert speaker is None or speaker.kind != "person"


def test_unnamed_spokeswoman_speaks_for_her_ministry(briefing):
    quote = next(q for q in briefing.quotes if q.text.startswith("Washington is playing"))
    speaker = briefing.actor(quote.speaker)
    assert speaker.kind == "organization"
    assert speaker.country == "CHN" and speaker.code == "CHNGOV"


def test_scare_quotes_are_not_quotations(briefing):
    assert not any(q.text == "hegemonic" for q in briefing.quotes)
    assert is_scare_quote("hegemonic")
    assert is_scare_quote("Treaty of Friendship")
    assert not is_scare_quote("under severe challenges.")


def test_quote_over_two_paragraphs_is_one_quote(briefing):
    quote = next(q for q in briefing.quotes if q.text.startswith("We will defend our sovereignty"))
    assert "Nobody should doubt our resolve" in quote.text
    assert speaker_of(briefing, "We will defend our sovereignty") == "Kim Jong Un"


def test_quote_offsets_index_the_article_text(briefing):
    for quote in briefing.quotes:
        assert briefing.article.text[quote.start : quote.end] == quote.text


def test_title_after_the_name():
    doc = dyad.extract('"We are ready to talk," said Lee Min-ho, the South Korean foreign minister.')
    speaker = doc.actor(doc.quotes[0].speaker)
    assert speaker.name == "Lee Min-ho"
    assert speaker.country == "KOR"
    assert "foreign minister" in speaker.title.lower()


def test_according_to_and_dash_signatures():
    doc = dyad.extract(
        '"The border will stay open," according to Interior Minister Nancy Faeser.\n\n'
        '"Peace is the only way forward for all of us." ― Ana Brnabic'
    )
    assert speaker_of(doc, "The border will stay open") == "Nancy Faeser"
    assert speaker_of(doc, "Peace is the only way") == "Ana Brnabic"


def test_pronoun_resolves_to_the_person_just_named():
    doc = dyad.extract(
        'Prime Minister Viktor Orban spoke to reporters in Budapest.\n\n"We will not send weapons," he said.'
    )
    assert speaker_of(doc, "We will not send weapons") == "Viktor Orban"


def test_transcript_turns_are_quotes_of_their_speakers():
    doc = dyad.extract((FIXTURES / "transcript.txt").read_text(encoding="utf-8"), published="2024-04-02")
    assert speaker_of(doc, "Mr President, colleagues") == "Vladimir Putin"
    assert speaker_of(doc, "Thank you for the invitation") == "Matti Lindqvist"
    assert speaker_of(doc, "We hope so") == "Matti Lindqvist"
    turn = next(q for q in doc.quotes if q.text.startswith("Mr President, colleagues"))
    assert "I am glad to welcome you" in turn.text  # one turn runs over its paragraphs
    assert not [q for q in doc.quotes if q.text.startswith("Will you sign")]  # an unnamed questioner's turn


def test_quote_marks_of_every_kind():
    text = "She said “curly quotes work fine here” and «guillemets work as well too» and ''doubled ones too here''."
    spans = [text[r.start : r.end] for r in find_quoted_spans(text)]
    assert spans == ["curly quotes work fine here", "guillemets work as well too", "doubled ones too here"]


def test_she_is_the_woman_who_was_the_subject_not_the_last_man_named():
    doc = dyad.extract(
        "Russian Foreign Ministry spokeswoman Maria Zakharova said Moscow had summoned the German ambassador "
        'over the remarks of German Chancellor Olaf Scholz. "We consider such statements unacceptable," she said.'
    )
    assert speaker_of(doc, "We consider such statements") == "Maria Zakharova"


def test_title_set_off_by_a_comma():
    doc = dyad.extract("The U.S. ambassador to Russia, Lynne Tracy, declined to comment.")
    tracy = next(a for a in doc.actors if a.name == "Lynne Tracy")
    assert tracy.country == "USA" and tracy.title == "Ambassador to Russia"


def test_headlines_with_a_colon_are_not_speaker_labels():
    doc = dyad.extract(
        "The Latest: Trump urges supporters to watch polling places.\n\n"
        '"We have some big plans for the final month," Donald Trump said.\n\n'
        "Obama on Climate Change: The Trends Are Terrifying\n\n"
        '"It will be first-order business," Obama said.'
    )
    assert speaker_of(doc, "We have some big plans") == "Donald Trump"
    assert speaker_of(doc, "It will be first-order business") == "Barack Obama"
    assert not any(q.text.startswith("Trump urges") for q in doc.quotes)
    assert not any(a.name == "Latest" for a in doc.actors)


def test_a_turn_label_with_an_interpreters_note_names_its_speaker():
    text = (
        "President of Chile Gabriel Boric (via interpreter): Esteemed President Lula and ministers of Brazil!\n\n"
        "I am delighted to welcome you to Santiago on your state visit.\n\n"
        "Luiz Inacio Lula da Silva: Thank you, Mr President, for this warm welcome."
    )
    doc = dyad.extract(text, published="2024-05-06")
    assert speaker_of(doc, "Esteemed President Lula") == "Gabriel Boric"
    assert speaker_of(doc, "Thank you, Mr President") == "Luiz Inacio Lula da Silva"


def test_an_unnamed_questioner_is_quoted_by_no_one():
    text = (
        "QUESTION: Ambassador, what is your response to the vote today?\n\n"
        "AMBASSADOR THOMAS-GREENFIELD: We are deeply disappointed by the vote today."
    )
    doc = dyad.extract(text, published="2024-05-06")
    assert [q.text[:30] for q in doc.quotes] == ["We are deeply disappointed by "]


def test_a_message_the_text_quotes_is_its_senders_words():
    text = (
        "Vladimir Putin had a telephone conversation with Prime Minister of India Narendra Modi. Vladimir Putin "
        "congratulated him on the election. A message of congratulations was also sent to Narendra Modi.\n\n"
        "The message reads, in part:\n\n"
        "\u201cThe results of the voting once again reaffirm your high personal political reputation.\u201d"
    )
    doc = dyad.extract(text, published="2024-06-05")
    assert speaker_of(doc, "The results of the voting") == "Vladimir Putin"
