"""The extraction context: what it works out once per document for every extractor that asks."""

from __future__ import annotations

from dyad.extract.context import Context
from dyad.nlp.pipeline import load

TEXT = "Kenya expelled two Somali diplomats on Monday.\n\nSomalia condemned the decision."


def test_actors_added_after_a_lookup_are_found_by_id():
    ctx = Context(doc=load()(TEXT), published=None)
    kenya = ctx.new_actor("state", "Kenya", "KEN", "KEN")
    assert ctx.actor("A1") is kenya and ctx.actor("A2") is None
    somalia = ctx.new_actor("state", "Somalia", "SOM", "SOM")
    assert ctx.actor("A2") is somalia and ctx.actor("A1") is kenya and ctx.actor(None) is None


def test_once_works_a_value_out_once_per_document():
    calls: list[int] = []
    ctx = Context(doc=load()(TEXT), published=None)
    for _ in range(3):
        assert ctx.once("thing", lambda: calls.append(1) or len(calls)) == 1
    assert calls == [1]
    assert Context(doc=ctx.doc, published=None).once("thing", lambda: 7) == 7  # another context, another value


def test_the_text_given_is_used_only_when_it_is_the_one_parsed():
    doc = load()(TEXT)
    assert Context(doc=doc, published=None, parsed_from=TEXT).text == TEXT
    other = TEXT.replace("Monday", "Sunday!")  # not the text of this doc: the doc's own is read
    assert Context(doc=doc, published=None, parsed_from=other).text == TEXT
    assert Context(doc=load()(""), published=None, parsed_from="").text == ""


def test_where_finds_the_tokens_of_a_word_list_in_each_document_it_is_asked_of():
    """where() keeps the last document's positions: another document (or a word list longer than the
    document's words, looked up the other way round) must get its own tokens, in order."""
    from spacy.attrs import LEMMA, LOWER

    from dyad.extract.context import where

    nlp = load()
    first, second = nlp(TEXT), nlp("The decision stands. Kenya said the decision was final.")
    strings = first.vocab.strings
    the, decision = strings.add("the"), strings.add("decision")
    assert where(first, LOWER, {the, decision}) == [11, 12]
    assert where(second, LOWER, [decision, the, the]) == [0, 1, 6, 7]
    assert where(first, LOWER, [decision]) == [12]
    many = frozenset(strings.add(w) for w in ("the", "say", "stand", *(f"w{n}" for n in range(100))))
    assert where(second, LEMMA, many) == [0, 2, 5, 6]
    assert where(second, LOWER, set()) == []
