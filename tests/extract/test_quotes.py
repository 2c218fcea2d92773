"""Quotes and their speakers, on a briefing written for these tests and on small cases."""

from __future__ import annotations

import pytest

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


def test_a_digests_heading_in_capitals_is_no_speaker_label():
    doc = dyad.extract(
        "SEOUL, Dec. 10 — The following are the top news items of the day.\n\n"
        "SUBWAY: Seoul subway unions said they would strike from next Monday unless wage talks resume.\n\n"
        "EU-BELARUS: The European Union imposed asset freezes on 12 Belarusian officials on Monday.\n\n"
        "N. KOREA MISSILES: North Korea fired two short-range ballistic missiles into the sea.\n\n"
        "KIRBY: We are watching this very closely. John Kirby, a White House spokesman, spoke to reporters.",
        published="2024-12-10",
    )
    assert [q.text[:9] for q in doc.quotes] == ["We are wa"]
    assert speaker_of(doc, "We are watching") == "John Kirby"
    assert not {"Subway", "Eu-Belarus", "Missiles"} & {a.name for a in doc.actors}


def test_a_person_set_in_the_subject_speaks_not_the_state_the_parse_made_its_head():
    doc = dyad.extract(
        "Trinidad and Tobago's prime minister, Kamla Ramdeen, said on Wednesday her country welcomed 'any step that "
        "brings these neighbours to the table', and praised Guyana.",
        published="2024-05-06",
    )
    assert speaker_of(doc, "any step that brings") == "Kamla Ramdeen"
    # a person named in a clause of the subject is not the subject
    doc = dyad.extract(
        "A senior U.S. official, who spoke to reporters ahead of Erdogan's visit, said the issue is one that Trump "
        '"is trying to address head-on".',
        published="2019-11-12",
    )
    assert speaker_of(doc, "is trying to address") != "Recep Tayyip Erdogan"


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


# ---- speakers the parse does not hand over directly (sentences written for these tests) ----------------


def test_attribution_cut_off_by_the_quotations_question_mark():
    doc = dyad.extract(
        '"Who would have guessed this a year ago?" Daniel Okafor, the mayor of the port city, said, '
        "smiling at the crowd."
    )
    assert speaker_of(doc, "Who would have guessed") == "Daniel Okafor"


def test_demanded_is_a_speech_verb():
    doc = dyad.extract('The hearing grew tense.\n\n"Where did the money go?" Senator Helen Brandt demanded.')
    assert speaker_of(doc, "Where did the money go") == "Helen Brandt"


def test_a_description_set_beside_a_name_is_that_person():
    doc = dyad.extract(
        '"We will keep the clinic open," the governor\'s sister, state Sen. Laura Finch, shouted to supporters.'
    )
    assert speaker_of(doc, "We will keep the clinic open") == "Laura Finch"
    assert doc.quotes[0].cue == "shouted"  # the noun "state" is no speech verb


def test_footage_of_a_person_asking():
    doc = dyad.extract(
        'The new commercial uses old footage of Mayor Rosa Diaz asking, "Why are we not ahead by twenty points, '
        'you wonder?"'
    )
    assert speaker_of(doc, "Why are we not ahead") == "Rosa Diaz"


def test_a_participle_speaks_for_the_subject_of_the_main_clause():
    doc = dyad.extract(
        "Mr. Hale hardly settled the dispute, treating the charge first as praise -- ''That shows I am careful'' "
        "-- and, when pressed later, asserting, ''Of course I paid every bill.''"
    )
    assert speaker_of(doc, "Of course I paid every bill") == "Hale"


def test_the_last_name_before_a_relative_who():
    doc = dyad.extract(
        'The guests included Ana Silva, Peter Holm and Grace Obi, who joked, "I came here only for the food."'
    )
    assert speaker_of(doc, "I came here only") == "Grace Obi"


def test_as_someone_put_it():
    doc = dyad.extract('As the economist Laura Chen put it, "Inflation is a tax on the poor."')
    assert speaker_of(doc, "Inflation is a tax") == "Laura Chen"


def test_a_thing_that_demands_is_no_speaker_the_one_who_reports_it_is():
    doc = dyad.extract(
        "Chancellor Maria Keller said the wave of floods demands that every town get ready for "
        '"a much harder winter than this one."'
    )
    assert speaker_of(doc, "a much harder winter") == "Maria Keller"


def test_a_fragment_in_a_sentence_naming_no_one_goes_on_the_paragraphs_speaker():
    doc = dyad.extract(
        '"This is a disgrace," Senator Paul Grant said. "You took the money and you ran" from the voters.'
    )
    assert speaker_of(doc, "You took the money") == "Paul Grant"


def test_a_dash_signature_closing_the_paragraph_signs_a_quote_cut_by_an_inner_quote():
    doc = dyad.extract('"I would rather pay more than live under what he calls "order" in this city." ― Lena Marsh')
    assert speaker_of(doc, "I would rather pay more") == "Lena Marsh"
    doc = dyad.extract('"We will answer this," Lavrov said, calling the move "a dangerous provocation by them" — TASS')
    assert speaker_of(doc, "We will answer this") == "Sergei Lavrov"  # a credit line after an attribution


def test_put_it_is_speech_only_as_a_way_of_saying():
    from dyad.extract.quotes import _is_speech_verb
    from dyad.nlp.pipeline import load

    doc = dyad.extract('Laura Chen put it bluntly: "Inflation is a tax on the poor."')
    assert speaker_of(doc, "Inflation is a tax") == "Laura Chen"
    put = next(t for t in load()("The council put it on hold until spring.") if t.text == "put")
    assert not _is_speech_verb(put)


def test_attributed_to_heading_names_the_speaker():
    doc = dyad.extract(
        'Attributed to Ministry Spokesperson Daniel Reyes:\n\n"Minister Ana Costa met her Chilean counterpart '
        'today to discuss trade."'
    )
    assert speaker_of(doc, "Minister Ana Costa met") == "Daniel Reyes"


def _parsed(words: list[str], heads: list[int], deps: list[str], pos: list[str], lemmas: list[str]):
    """A hand-made parse, to hold the parser's mistakes still."""
    from spacy.tokens import Doc

    from dyad.nlp.pipeline import load

    spaces = [i + 1 < len(words) and words[i + 1] not in (",", ".", "”", "?") and w != "“" for i, w in enumerate(words)]
    tags = ["VBD" if p == "VERB" else "" for p in pos]
    return Doc(load().vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, lemmas=lemmas, tags=tags)


def test_a_dash_taken_for_a_subject_is_none():
    from dyad.extract.quotes import _subject_of

    words = ["Then", "―", "Hale", "boasted", ",", "“", "I", "am", "thrifty", ".", "”"]
    heads = [3, 3, 3, 3, 3, 7, 7, 3, 7, 3, 3]
    deps = ["advmod", "nsubj", "nsubj", "ROOT", "punct", "punct", "nsubj", "ccomp", "acomp", "punct", "punct"]
    pos = ["ADV", "NOUN", "PROPN", "VERB", "PUNCT", "PUNCT", "PRON", "AUX", "ADJ", "PUNCT", "PUNCT"]
    doc = _parsed(words, heads, deps, pos, [w.lower() if w != "boasted" else "boast" for w in words])
    assert _subject_of(doc[3]).text == "Hale"


def test_the_name_between_the_quote_and_the_verb_when_the_parse_took_a_title_for_the_subject():
    from dyad.extract.context import Context
    from dyad.extract.quotes import extract_quotes

    # '"We are ready," Haddad, an adviser, said on "Fox Today."' with 'Fox' parsed as the subject of 'said'
    words = ["“", "We", "are", "ready", ",", "”", "Haddad", ",", "an", "adviser", ",", "said", "on", "“", "Fox"]
    words += ["Today", ".", "”"]
    heads = [2, 2, 11, 2, 2, 2, 3, 6, 9, 6, 11, 11, 11, 11, 11, 14, 11, 11]
    deps = ["punct", "nsubj", "ccomp", "acomp", "punct", "punct", "appos", "punct", "det", "appos", "punct", "ROOT"]
    deps += ["prep", "punct", "nsubj", "conj", "punct", "punct"]
    pos = ["PUNCT", "PRON", "AUX", "ADJ", "PUNCT", "PUNCT", "PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "VERB"]
    pos += ["ADP", "PUNCT", "PROPN", "PROPN", "PUNCT", "PUNCT"]
    lemmas = [w.lower() if w != "said" else "say" for w in words]
    doc = _parsed(words, heads, deps, pos, lemmas)
    ctx = Context(doc=doc, published=None)
    haddad = ctx.new_actor("person", "Haddad", None, None)
    start = doc[6].idx
    ctx.add_mention(haddad, start, start + len("Haddad"))
    fox = ctx.new_actor("organization", "Fox Today", None, None)
    ctx.add_mention(fox, doc[14].idx, doc[15].idx + len("Today"))
    quote = next(q for q in extract_quotes(ctx) if q.text.startswith("We are ready"))
    assert quote.speaker == haddad.id


def _speaker(text: str) -> tuple[str, str | None]:
    doc = dyad.extract(text, published="2024-06-03")
    actor = doc.actor(doc.quotes[0].speaker)
    return (actor.kind, actor.name) if actor else ("", None)


def test_a_named_spokesperson_or_minister_speaks_not_their_state_or_ministry():
    said = ': "We will not accept these terms at all."'
    assert _speaker("The Foreign Ministry's spokesperson Maria Zakharova said" + said) == ("person", "Maria Zakharova")
    assert _speaker("Russia's foreign minister Sergei Lavrov said" + said) == ("person", "Sergei Lavrov")
    assert _speaker("A spokesperson for the Foreign Ministry, Amina Odhiambo, said" + said)[1] == "Amina Odhiambo"


def test_a_body_speaking_through_or_quoting_a_named_person_gives_the_persons_words():
    said = ': "We will not accept these terms at all."'
    through = "Kenya's foreign ministry, through its spokesman Juma Otieno, said" + said
    quoting = "Kenya's Foreign Ministry said in a statement, quoting spokesman Juma Otieno" + said
    assert _speaker(through) == ("person", "Juma Otieno")
    assert _speaker(quoting) == ("person", "Juma Otieno")


def test_a_body_that_quotes_no_one_by_name_still_speaks():
    assert _speaker('The Foreign Ministry said in a statement: "We will not accept these terms at all."')[0] in (
        "organization",
        "state",
    )


def test_a_kicker_label_heading_a_live_page_is_no_speaker():
    text = (
        "LIVE: Border standoff between the two armies, day three\n\n"
        "09:10 — Foreign Minister Ana Lima spoke to reporters at the ministry this morning. "
        '"We will not accept any violation of our territory," she said.\n\n'
        "10:30 — Talks are expected to resume next week in the capital."
    )
    doc = dyad.extract(text, published="2024-06-03")
    assert not any(a.name.lower() == "live" for a in doc.actors)
    assert not any(q.text.startswith("Border standoff") for q in doc.quotes)
    assert speaker_of(doc, "We will not accept any violation") == "Ana Lima"


def test_a_name_and_a_colon_before_a_quotation_name_its_speaker():
    text = (
        "Foreign Minister Ana Lima met her counterpart Jonas Berg in Oslo on Monday.\n\n"
        'Press conference. Lima: "We will not accept any violation of our territory."\n\n'
        'Berg, speaking on national radio: "Our door remains open to honest talks."'
    )
    doc = dyad.extract(text, published="2024-06-03")
    assert speaker_of(doc, "We will not accept any violation") == "Ana Lima"
    assert speaker_of(doc, "Our door remains open") == "Jonas Berg"


def test_a_speaker_given_by_title_is_the_person_with_that_title():
    text = (
        "Foreign Minister Rauf Aliyev met the envoys of France and Germany in Baku on Monday. "
        "The envoys urged restraint on both sides.\n\n"
        '"Our country has shown patience for many years," the Minister said.'
    )
    doc = dyad.extract(text, published="2024-06-03")
    assert speaker_of(doc, "Our country has shown patience") == "Rauf Aliyev"


def test_a_title_that_fits_no_one_named_gives_no_wrong_person():
    text = (
        "President Mark Olsen spoke with Prime Minister Lena Varga on Monday about trade.\n\n"
        'At the event, the Secretary of State said: "Our partners are standing firm and will not yield."'
    )
    doc = dyad.extract(text, published="2024-06-03")
    assert speaker_of(doc, "Our partners are standing firm") is None


def test_a_person_named_inside_a_quotation_is_not_the_he_of_the_next():
    text = (
        "The divide is wide, according to Ivan Petrov, a political analyst in Moscow.\n\n"
        '"I would not overestimate the results of Ms. Carter\'s talks in Moscow," he said. '
        '"I believe both sides will repeat their positions again and again."'
    )
    doc = dyad.extract(text, published="2024-06-03")
    assert speaker_of(doc, "I would not overestimate") == "Ivan Petrov"
    assert speaker_of(doc, "I believe both sides") == "Ivan Petrov"


def test_a_name_with_where_or_to_whom_before_a_colon_names_the_speaker():
    text = (
        "Defence Minister Jaak Ilves met the chief of the armed forces on Monday.\n\n"
        '10:30 — Defence Minister Jaak Ilves on public radio: "Exercises of this size are meant to intimidate us."\n\n'
        '11:05 — Ilves to reporters: "Our allies see it and they will answer together with us."\n\n'
        '11:40 — The ministry in a note to the embassy: "The flights must stop at once, without conditions."'
    )
    doc = dyad.extract(text, published="2024-06-03")
    assert speaker_of(doc, "Exercises of this size") == "Jaak Ilves"
    assert speaker_of(doc, "Our allies see it") == "Jaak Ilves"
    assert speaker_of(doc, "The flights must stop") != "Jaak Ilves"


def test_he_is_the_latest_subject_also_when_named_in_apposition():
    text = (
        '"This is a deliberate provocation by the other side," ministry spokesman Tofig Mammadli told reporters.\n\n'
        "Armenia's Defence Ministry denied that its troops had opened fire first. Its spokesman, Davit Hakobyan, "
        "said Armenian positions had come under fire and had only responded. "
        '"Baku is once again trying to shift the blame," he said.'
    )
    doc = dyad.extract(text, published="2024-06-03")
    assert speaker_of(doc, "This is a deliberate provocation") == "Tofig Mammadli"
    assert speaker_of(doc, "Baku is once again trying") == "Davit Hakobyan"


def test_ranks_and_forms_of_address_are_not_part_of_the_speakers_name():
    said = ' said on Tuesday: "We will defend every inch of our land and we will not withdraw."'
    assert _speaker("Army spokesman Brigadier Osman Hamid" + said) == ("person", "Osman Hamid")
    assert _speaker("Speaking at the district offices, Honourable Clement Musonda" + said) == (
        "person",
        "Clement Musonda",
    )
    assert _speaker("Police Superintendent Lency Bako" + said) == ("person", "Lency Bako")


def test_she_can_be_a_person_last_named_by_title():
    text = (
        "Secretary of State Anna Berg announced the aid plan on Wednesday. Senator Mark Olsen backed the plan.\n\n"
        "At the event, the Secretary of State said the operation had cost Moscow its standing. "
        '"It is very clear that they are not achieving their objectives," she said.'
    )
    doc = dyad.extract(text, published="2024-06-03")
    assert speaker_of(doc, "It is very clear") == "Anna Berg"


def test_the_subject_of_the_quoted_words_is_not_their_speaker():
    # the quotation is what the minister said of "the incident" and of "Rwanda": neither is its speaker
    doc = dyad.extract(
        "Foreign Minister Marcel Ngaikoisset Yangongo said the incident was "
        '"a tragic error in the heat of an operation" and denied that Bangui had ever intended to attack Chad.\n\n'
        "Rwanda's Minister of State for Foreign Affairs, Alice Uwase, said Rwanda "
        '"does not train, arm or host rebels of any country" and described the expulsion as a distraction.'
    )
    assert speaker_of(doc, "a tragic error in the heat") == "Marcel Ngaikoisset Yangongo"
    assert speaker_of(doc, "does not train, arm or host") == "Alice Uwase"


def test_a_verb_that_takes_the_quotation_keeps_its_subject():
    doc = dyad.extract(
        "Syria's foreign minister, Faisal Mekdad, condemns the strike as "
        '"a blatant violation of Syrian sovereignty" and urges the Security Council to act.'
    )
    assert speaker_of(doc, "a blatant violation of Syrian") == "Faisal Mekdad"


def test_the_minister_is_the_person_named_after_that_title():
    doc = dyad.extract(
        "Speaking in Port Vila on Thursday, the Minister of Foreign Affairs, Honourable Serge Kalsakau, thanked "
        'all partners for their response.\n\n"In our darkest hour, our friends have stood with us," the Minister '
        'said.\n\nOpposition leader Ralph Regenvanu was not at the conference.\n\n"We need roofs before the rains '
        'come back," the Minister added.'
    )
    assert speaker_of(doc, "In our darkest hour") == "Serge Kalsakau"
    assert speaker_of(doc, "We need roofs before") == "Serge Kalsakau"


def test_the_minister_is_no_one_when_two_ministers_are_named():
    doc = dyad.extract(
        "Minister of Foreign Affairs of Ukraine Dmytro Savchenko today held talks in Uzhhorod with Minister for "
        'Foreign Affairs and Trade of Hungary Zsolt Bakos.\n\n"Ukraine respects the rights of all its citizens," '
        "the Minister said."
    )
    assert speaker_of(doc, "Ukraine respects the rights") not in ("Zsolt Bakos", "Dmytro Savchenko")


def test_whoever_was_called_home_did_not_speak():
    # "the ambassador" is the one called home (a passive subject), not who speaks
    doc = dyad.extract(
        "Sudan recalled its envoy in Addis Ababa, the ambassador Omar Badawi, on Monday.\n\n"
        "Foreign Minister Hanan Abdelrahim Babiker said the ambassador had been called home for consultations "
        '"to signal Sudan\'s anger at this treacherous aggression".'
    )
    assert speaker_of(doc, "to signal Sudan's anger") == "Hanan Abdelrahim Babiker"


def test_who_in_a_governing_clause_is_the_name_before_it():
    doc = dyad.extract(
        "That view was shared by the man who engineered the swap, Ukraine's President Volodymyr Zelenskiy, who "
        'hailed the exchange as "the first step to end the war."'
    )
    assert speaker_of(doc, "the first step to end") in ("Volodymyr Zelenskiy", "Volodymyr Zelensky")


def test_slogans_on_banners_and_chants_are_not_quotations():
    doc = dyad.extract(
        'Marchers led by Mayor Jean Dupont carried banners reading "Assumption is not for sale" and '
        '"Our islands, our decision". Others stood outside the embassy chanting "Russia is an occupier of Georgia".'
        '\n\n"We send our sons to work, not to die," read one placard.\n\n'
        '"We will not give up our islands," Dupont said.'
    )
    texts = [q.text for q in doc.quotes]
    assert not any(t.startswith(("Assumption is", "Our islands", "Russia is an", "We send our")) for t in texts)
    assert speaker_of(doc, "We will not give up") == "Jean Dupont"


def test_a_label_that_names_no_one_gives_an_unnamed_speaker():
    doc = dyad.extract(
        '12:05 — A Goma trader at the march: "We cannot go to Gisenyi today, and maybe not tomorrow."\n\n'
        '12:20 — Sudan\'s army spokesman: "Sudan will not give up an inch of its land."\n\n'
        '12:40 — Foreign Minister Ali Youssef: "We will answer any new attack with full force."'
    )
    for start in ("We cannot go to Gisenyi", "Sudan will not give up"):
        quote = next(q for q in doc.quotes if q.text.startswith(start))
        speaker = doc.actor(quote.speaker)
        assert speaker is not None and speaker.kind != "person"
    assert speaker_of(doc, "We will answer any new") == "Ali Youssef"


def test_it_is_the_body_that_was_the_last_subject():
    doc = dyad.extract(
        "Prime Minister Benjamin Netanyahu met the Sudanese leader in Uganda. Netanyahu's office said the meeting "
        'came at the invitation of Uganda. It said Netanyahu "believes that Sudan is moving in a new and positive '
        "direction.\"\n\nUkraine's border guard service said in a statement that the boat was seized on Monday. "
        'It called the seizure "an act of piracy in open waters".'
    )
    for start in ("believes that Sudan is moving", "an act of piracy in open"):
        quote = next(q for q in doc.quotes if q.text.startswith(start))
        speaker = doc.actor(quote.speaker)
        assert speaker is not None and speaker.kind != "person"


def test_a_speech_verb_with_a_thing_for_subject_gives_way_to_the_speaker():
    doc = dyad.extract(
        "Army spokesman Colonel Deng Makuei Akol spoke in Juba. He warned that the army would defend the "
        'territory "with everything we have" if the attacks continued.'
    )
    assert speaker_of(doc, "with everything we have") == "Deng Makuei Akol"


def test_a_quoted_clause_reported_by_a_person_is_that_persons():
    doc = dyad.extract(
        "For his part, Minister Ibrahima Ndiaye Sarr reaffirmed that Senegal and The Gambia are "
        '"one people living in two states" and that Senegal will stand by its sister republic.'
    )
    assert speaker_of(doc, "one people living") == "Ibrahima Ndiaye Sarr"


def test_said_as_a_given_name_is_no_speech_verb():
    doc = dyad.extract(
        '"Comoros will not be a dumping ground for people taken in raids," Foreign Minister Said Abdallah '
        "Mhadji told reporters."
    )
    assert speaker_of(doc, "Comoros will not be") == "Said Abdallah Mhadji"


def test_so_called_terms_are_no_quotations():
    doc = dyad.extract(
        'Guyana rejects the decree, which purports to establish so-called "integral maritime defence zones" '
        "off the Essequibo coast."
    )
    assert not [q for q in doc.quotes if q.text.startswith("integral maritime")]


def test_an_unnamed_describer_speaks_not_a_man_named_before():
    doc = dyad.extract(
        "Ibrahima Badji, a timber trader, was arrested last week. A Senegalese officer said the army had no "
        'intention of crossing the border. "We work with Bissau, not in Bissau," he said.'
    )
    quote = next(q for q in doc.quotes if q.text.startswith("We work with Bissau"))
    assert doc.actor(quote.speaker).kind != "person"


def test_one_of_a_crowd_is_an_unnamed_source():
    doc = dyad.extract('Local fishermen say they have stopped fishing. "Nobody wants to be a target now," said one.')
    quote = next(q for q in doc.quotes if q.text.startswith("Nobody wants"))
    assert quote.speaker is not None and doc.actor(quote.speaker).kind == "group"


def test_a_titled_state_official_the_text_never_names_is_unnamed():
    doc = dyad.extract(
        'Havana was warned on Monday. "This is just the beginning of our pressure," the U.S. president said in a '
        "statement."
    )
    speaker = doc.actor(speaker_id := doc.quotes[0].speaker) if doc.quotes[0].speaker else None
    assert speaker_id and speaker.kind != "person" and speaker.country == "USA"


def test_a_state_title_no_one_named_holds_is_unnamed_though_others_of_that_state_are_named():
    # the foreign minister named before cannot be "the Ukrainian president"; nor can a minister be "the leader"
    doc = dyad.extract(
        "Ukraine's foreign minister Taras Bondar met Polish officials on Monday.\n\n"
        '"Our people are home," the Ukrainian president wrote.'
    )
    speaker = doc.actor(doc.quotes[0].speaker) if doc.quotes[0].speaker else None
    assert speaker is not None and speaker.kind != "person" and speaker.country == "UKR"
    doc = dyad.extract(
        "Kenya's foreign minister Musalia Mudavadi met his Ugandan counterpart.\n\n"
        '"We are brothers," the Kenyan leader told mourners.'
    )
    speaker = doc.actor(doc.quotes[0].speaker) if doc.quotes[0].speaker else None
    assert speaker is not None and speaker.kind != "person" and speaker.country == "KEN"


def test_an_officials_word_may_mean_any_office_holder_of_the_state():
    doc = dyad.extract(
        "U.S. Secretary of State John Kerry says he is trying to restart the peace talks.\n\n"
        'The top U.S. diplomat said he is "intensely focused" on the conflict. But he said he will keep his strategy '
        'quiet to have the "best chance of trying to get something moving."'
    )
    assert speaker_of(doc, "best chance of trying") == "John Kerry"


def test_a_dateline_the_parser_took_for_a_subject_does_not_hide_the_speaker():
    doc = dyad.extract(
        "TEGUCIGALPA, Honduras (—) — The United States urged Honduran authorities on Thursday to finish counting "
        'ballots "transparently and without delay", as the opposition rejected preliminary results.'
    )
    speaker = doc.actor(doc.quotes[0].speaker) if doc.quotes[0].speaker else None
    assert speaker is not None and speaker.name == "United States"


def test_a_state_title_someone_named_may_hold_credits_no_one_else():
    # Ruto is Kenya's president: "the Kenyan leader" may be him, so no unnamed stand-in is made
    doc = dyad.extract(
        "President William Ruto and Foreign Minister Musalia Mudavadi met Ugandan officials.\n\n"
        '"We are brothers," the Kenyan leader told mourners.'
    )
    speaker = doc.actor(doc.quotes[0].speaker) if doc.quotes[0].speaker else None
    assert speaker is None or speaker.name == "William Ruto"


def test_a_described_speaker_named_beside_the_description_keeps_the_name():
    doc = dyad.extract(
        "The town's mayor, Mary Johnson, says the contract is good for jobs. "
        '"When France promises to help a friend, it should keep its word," she said.'
    )
    assert speaker_of(doc, "When France promises") == "Mary Johnson"


def test_a_label_that_names_the_state_before_the_person_is_the_persons():
    doc = dyad.extract(
        "Police are keeping them away from the gate.\n\n"
        '14:55 — Kyrgyz government spokesman Nurlan Asanov: "No decision has been taken to close the road."'
    )
    assert speaker_of(doc, "No decision has been taken") == "Nurlan Asanov"


def test_a_label_heading_the_clause_of_a_quotation_is_its_speaker():
    doc = dyad.extract(
        "Talks went on all morning.\n\n"
        '14:30 — Government spokesman: Poland has no plans to close the crossings and "cross-border trade will '
        'continue as normal".'
    )
    quote = next(q for q in doc.quotes if q.text.startswith("cross-border trade"))
    assert quote.speaker is not None and doc.actor(quote.speaker).kind != "person"


def test_a_word_before_a_colon_is_no_label_unless_it_names_a_speaker():
    doc = dyad.extract('Update: the border stays closed and traders expect "a long and very costly winter".')
    quote = next(q for q in doc.quotes if q.text.startswith("a long and very"))
    assert doc.actor(quote.speaker).name == "traders"  # not "Update"


def test_a_title_with_its_comma_inside_the_marks_is_no_quotation():
    assert is_scare_quote("The Steve Harvey Morning Show,")
    assert is_scare_quote("State of the Union.")
    assert not is_scare_quote("We will win this war.")
    assert not is_scare_quote("NO MORE WAR IN OUR LAND.")


def test_quoted_spans_run_over_paragraphs_and_take_odd_marks():
    text = (
        'He said: "It is a long quotation that goes on\n"and on in the next paragraph," he said.\n\n'
        "She replied ”this opens badly” and „this too“ and «that» too"
    )
    spans = [text[r.start : r.end] for r in find_quoted_spans(text)]
    assert spans == [
        'It is a long quotation that goes on\n"and on in the next paragraph,',
        "this opens badly",
        "this too",
        "that",
    ]


def test_a_ministry_that_condemns_an_act_as_a_quoted_phrase_is_its_speaker():
    # the parse hangs 'as' on the object ('the raid'), not on the verb: the climb goes on to the verb's subject
    doc = dyad.extract(
        'Jordan\'s foreign ministry condemns the raid as a "flagrant violation of international law".',
        published="2020-01-01",
    )
    quote = next(q for q in doc.quotes if q.text.startswith("flagrant"))
    assert doc.actor(quote.speaker).kind == "organization"


def test_a_capital_that_the_text_makes_a_speaker_is_no_person():
    doc = dyad.extract(
        "Peru said the miners would be expelled. La Paz responded within hours, urging Lima to "
        "'avoid any step that would harm the people of the border'.",
        published="2020-01-01",
    )
    assert not [a.name for a in doc.actors if a.kind == "person"]


def test_words_set_in_a_bodys_statement_that_names_no_person_are_the_bodys():
    doc = dyad.extract(
        'Kenya\'s foreign ministry has issued a short statement urging Somalia to "take firm measures" to protect '
        "the traders at the border.",
        published="2020-01-01",
    )
    quote = next(q for q in doc.quotes if q.text.startswith("take firm measures"))
    assert doc.actor(quote.speaker).kind == "organization"


def test_a_dateline_with_a_colon_is_no_speakers_label():
    text = (
        "ISLAMABAD: Pakistan on Wednesday declared an Indian diplomat persona non grata, the Foreign Office said.\n\n"
        "RAMESWARAM: Hundreds of fishing boats stayed in port on Monday."
    )
    doc = dyad.extract(text, published="2023-05-02")
    assert doc.quotes == []
    assert not [a for a in doc.actors if a.kind == "person"]


def test_a_body_that_speaks_through_an_unnamed_spokesman_is_named_as_the_text_names_it():
    text = '"Sudan will not give up an inch of its land," Sudan\'s army spokesman said on Monday.'
    doc = dyad.extract(text, published="2023-05-02")
    (quote,) = doc.quotes
    speaker = next(a for a in doc.actors if a.id == quote.speaker)
    assert (speaker.name, speaker.country) == ("Sudan's Army", "SDN")
    text = '"The boat intruded," a Chinese foreign ministry spokesman said. China\'s Foreign Ministry summoned him.'
    doc = dyad.extract(text, published="2023-05-02")
    (body,) = [a for a in doc.actors if a.kind == "organization"]  # one ministry, however often named
    assert body.country == "CHN" and next(a for a in doc.actors if a.id == doc.quotes[0].speaker) is body


def test_words_a_state_says_in_what_a_person_reports_are_the_persons():
    text = (
        "Ruslan Kazakbaev arrived in Bishkek on Monday. Asked about the clashes, Kazakbaev said Kyrgyzstan would "
        'respond "in kind and without delay" to any attack.'
    )
    doc = dyad.extract(text, published="2023-01-01")
    (quote,) = doc.quotes
    assert doc.actor(quote.speaker).name == "Ruslan Kazakbaev"
    text = 'The ministry said Russia would respond "in kind and without delay" to what are called "provocations".'
    doc = dyad.extract(text, published="2023-01-01")
    assert all(doc.actor(q.speaker) is None or doc.actor(q.speaker).kind != "person" for q in doc.quotes)


def test_he_is_the_person_set_beside_a_place_in_the_subject():
    doc = dyad.extract(
        '"Our growers cannot pick peppers with promises," said Tom DeLuca, president of the growers\' association.'
        "\n\nMexico's consul in Leamington, Javier Ortega, said on Thursday that his government had asked Canada to "
        'tighten inspections. "Some of the trailers would not pass in any Canadian town," he told reporters.'
    )
    assert speaker_of(doc, "Some of the trailers") == "Javier Ortega"


def test_he_is_the_person_whose_name_ends_the_title_of_the_subject():
    doc = dyad.extract(
        "Turkish Foreign Minister Kerem Aydinli thanked Athens for its help.\n\n"
        "Minister of Agriculture and Forestry Osman Karaca said 1,280 personnel were deployed against the fires. "
        '"The fires in Izmir have been brought under control to a large extent," he said.'
    )
    assert speaker_of(doc, "The fires in Izmir") == "Osman Karaca"


def test_the_minister_is_the_one_named_last_when_the_other_was_named_sentences_before():
    doc = dyad.extract(
        "PRAGUE, 8 June - Minister of Defence of Ukraine Serhiy Tkachenko today held talks in Prague with Minister "
        "of Defence of the Czech Republic Jana Horakova.\n\nSerhiy Tkachenko thanked the Czech Republic for its "
        'military assistance. "Czech tanks are already defending Ukrainian land," the Minister said.'
    )
    assert speaker_of(doc, "Czech tanks are already") == "Serhiy Tkachenko"


def test_a_family_name_the_tagger_took_for_an_adjective_still_speaks():
    doc = dyad.extract(
        "UNHCR Regional spokesman for West Africa, Romain Desclous, says the group had arrived two days earlier."
        '\n\n"We are concerned it has happened this month twice already," said Desclous. "We were concerned and '
        'alarmed that it had happened several times in the past 12 months."'
    )
    assert speaker_of(doc, "We are concerned it has happened") == "Romain Desclous"


@pytest.mark.parametrize(
    ("text", "start", "speaker"),
    [
        (
            'Belarusian Foreign Ministry spokesman Ruslan Varankou said Minsk had acted "out of respect for the '
            'drivers, not under pressure", and again denied any official involvement.',
            "out of respect",
            "Ruslan Varankou",
        ),
        (
            "Russia's ambassador in Prague, Igor Yermolov, warned in an interview that \"every train carrying "
            'weapons to Ukraine is a legitimate target".',
            "every train carrying",
            "Igor Yermolov",
        ),
        (
            "Foreign Ministry spokeswoman Sigrid Nordvik told reporters the envoy had been summoned. She declined "
            'to say whether Oslo would expel any diplomats, saying only that "all options are being assessed".',
            "all options are",
            "Sigrid Nordvik",
        ),
        (
            "The Minister for European and International Affairs of Austria, Georg Lechner, welcomed the talks and "
            'said that Vienna supports "every step that brings Belgrade and Zagreb closer".',
            "every step that",
            "Georg Lechner",
        ),
    ],
)
def test_what_a_state_says_in_a_clause_a_person_reports_is_the_persons(text: str, start: str, speaker: str):
    assert speaker_of(dyad.extract(text), start) == speaker


def test_who_is_told_never_speaks_and_a_name_the_parser_took_for_an_interjection_does():
    doc = dyad.extract(
        'Kyrgyz Foreign Minister Nurlan Osmonov arrived on Monday.\n\n"The guns must fall silent today, not '
        'tomorrow," Osmonov told reporters.'
    )
    assert speaker_of(doc, "The guns must fall") == "Nurlan Osmonov"


def test_he_is_the_person_named_by_family_name_alone_as_the_subject_before():
    doc = dyad.extract(
        "Negotiators from Greece and North Macedonia met in New York, with the UN mediator Harold Benning between "
        "them. Foreign Minister Petros Angelidis spoke first.\n\nBenning held separate sessions with the two "
        'delegations. Afterwards he said both sides had shown "a genuine will to find a solution in 2018".'
    )
    assert speaker_of(doc, "a genuine will to") == "Harold Benning"


@pytest.mark.parametrize(
    ("text", "start", "speaker"),
    [
        (
            '"Iran continues to rely on a web of front companies," said Under Secretary for Terrorism and '
            "Financial Intelligence Daniel Corwin.",
            "Iran continues to",
            "Daniel Corwin",
        ),
        (
            '"Ljubljana sends notes, Zagreb sends boats," said one of the organisers, Boris Sustar.',
            "Ljubljana",
            "Boris Sustar",
        ),
    ],
)
def test_the_person_named_after_said_in_a_long_description_speaks(text: str, start: str, speaker: str):
    assert speaker_of(dyad.extract(text), start) == speaker


def test_a_person_named_after_a_relative_word_does_not_speak():
    doc = dyad.extract('"The border will stay shut," said the report, which cited Kwame Mensah.')
    assert speaker_of(doc, "The border will") != "Kwame Mensah"
