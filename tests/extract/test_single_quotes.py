"""Quotations in single marks, as British, Indian and Australian outlets print them: ‘...’ or '...'."""

from __future__ import annotations

import pytest

import dyad
from dyad.extract.quotes import find_quoted_spans


def spans(text: str) -> list[str]:
    return [text[r.start : r.end] for r in find_quoted_spans(text)]


@pytest.mark.parametrize("open_, close", [("‘", "’"), ("'", "'")])
def test_a_quotation_in_single_marks_is_found(open_: str, close: str) -> None:
    text = f"{open_}We will not accept a result written in the dark,{close} Ana Zelaya told a crowd on Friday."
    assert spans(text) == ["We will not accept a result written in the dark,"]


def test_apostrophes_inside_a_single_quoted_quotation_do_not_close_it() -> None:
    text = "‘China’s ships and the fishermen’s boats can’t stay there,’ the minister’s aide said."
    assert spans(text) == ["China’s ships and the fishermen’s boats can’t stay there,"]


def test_a_plural_possessive_does_not_close_a_straight_single_quote() -> None:
    text = "'The member states' ministers will meet again in June to finish the work,' she said."
    assert spans(text) == ["The member states' ministers will meet again in June to finish the work,"]


def test_apostrophes_alone_make_no_quotation() -> None:
    text = "Kenya's foreign ministry said the states' leaders met in the '90s and it's time to talk again."
    assert spans(text) == []


def test_double_quotes_inside_single_quotes_stay_in_the_outer_quotation() -> None:
    text = '‘He called the raid "a disgrace" and left the room at once,’ the envoy said.'
    assert spans(text) == ['He called the raid "a disgrace" and left the room at once,']


def test_single_quotes_inside_double_quotes_stay_in_the_outer_quotation() -> None:
    text = "\"He told us 'we will not retreat' and left the room at once,\" the envoy said."
    assert spans(text) == ["He told us 'we will not retreat' and left the room at once,"]


def test_a_single_quoted_quotation_gets_its_speaker() -> None:
    text = (
        "Nicaragua's foreign minister, Marcela Ortega Bravo, rejected the protest on Saturday. "
        "‘Our government has merely recognised the obvious result of the vote,’ Ortega Bravo said."
    )
    doc = dyad.extract(text, published="2021-12-04")
    quote = next(q for q in doc.quotes if q.text.startswith("Our government"))
    assert doc.actor(quote.speaker).name == "Marcela Ortega Bravo"


def test_single_marks_in_a_headline_set_off_a_phrase_not_a_quotation() -> None:
    text = "Mayor Says Chelsea Explosion an 'Intentional Act of Violence'\n\nThe mayor spoke to reporters on Sunday."
    assert spans(text) == []


def test_single_marks_paired_across_a_double_quotation_are_none() -> None:
    text = "‘Some people are poor,” he said of the “rich who have only money,’ and the crowd laughed loudly."
    assert all("he said" not in s for s in spans(text))


def test_the_title_line_at_the_top_of_the_text_has_no_single_quoted_quotation() -> None:
    title = "A lesson from the minister: 'Be the voice that people hear'"
    text = f"{title}.\n\nThe minister told graduates on Sunday: 'Be the voice that people hear and trust.'"
    found = [text[r.start : r.end] for r in find_quoted_spans(text, title)]
    assert found == ["Be the voice that people hear and trust."]


@pytest.mark.parametrize("mark", ["'", "’"])
def test_a_mark_after_s_closes_the_quotation_where_a_clause_goes_on_after_it(mark: str) -> None:
    open_ = "‘" if mark == "’" else "'"
    text = f"He called the arrests {open_}an attack on the living of our fishermen{mark} and demanded their release."
    assert spans(text) == ["an attack on the living of our fishermen"]
    text = (
        f"She called it {open_}a question for the two foreign ministers{mark} alone, adding: "
        f"{open_}We remain hopeful that the talks will go on.{mark}"
    )
    assert spans(text) == ["a question for the two foreign ministers", "We remain hopeful that the talks will go on."]
