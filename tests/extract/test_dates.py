"""Dates: calendar expressions normalised at the granularity written; durations are not dates."""

from __future__ import annotations

from datetime import date

import pytest

import dyad
from dyad.extract.dates import normalise

WED = date(2024, 6, 19)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("June 19, 2024", "2024-06-19"),
        ("19 June 2024", "2024-06-19"),
        ("Wednesday", "2024-06-19"),
        ("Wednesday morning", "2024-06-19"),
        ("Monday", "2024-06-17"),
        ("last year", "2023"),
        ("2019", "2019"),
        ("November 2023", "2023-11"),
        ("March 2024", "2024-03"),
        ("last week", "2024-W24"),
        ("this week", "2024-W25"),
        ("yesterday", "2024-06-18"),
        ("in June", "2024-06"),
    ],
)
def test_normalised_values(text, value):
    assert normalise(text, WED) == (True, value)


def test_future_context_moves_weekdays_forward():
    assert normalise("Friday", WED, future=True) == (True, "2024-06-21")
    assert normalise("Friday", WED) == (True, "2024-06-14")


@pytest.mark.parametrize(
    "text",
    [
        "for decades",
        "1.5 hours",
        "decades",
        "two years",
        "years to come",
        "the long term",
        "the last century",
        "32 years later",
        "the 1990s",
    ],
)
def test_durations_and_vague_periods_are_not_dates(text):
    assert normalise(text, WED)[0] is False


def test_relative_dates_without_a_published_date_have_no_value():
    assert normalise("last year", None) == (True, None)
    assert normalise("Wednesday", None) == (True, None)
    assert normalise("November 2023", None) == (True, "2023-11")


def test_dates_in_an_article_with_offsets():
    doc = dyad.extract(
        "The leaders met on Wednesday. Their first visits were in 2019 and 2023, and a commission "
        "met in November 2023. The talks lasted for over 1.5 hours.",
        published="2024-06-19",
    )
    values = [d.value for d in doc.dates]
    assert values == ["2024-06-19", "2019", "2023", "2023-11"]
    for d in doc.dates:
        assert doc.article.text[d.start : d.end] == d.text


def test_image_width_in_a_caption_is_no_year():
    doc = dyad.extract(
        "Leaders in Geneva. - Newsagency Europe, 1920, 19.06.2024\nThe summit opened on Monday.", published="2024-06-19"
    )
    assert "1920" not in {d.value for d in doc.dates}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("last November", "2023-11"),
        ("last March", "2023-03"),
        ("next March", "2025-03"),
        ("earlier this month", "2024-03"),
    ],
)
def test_months_named_relative_to_the_article(text, value):
    assert normalise(text, date(2024, 3, 7)) == (True, value)


def test_reported_speech_is_not_future():
    doc = dyad.extract(
        "Prime Minister Fumio Kishida told parliament on Friday that Tokyo would seek a summit.", published="2024-03-07"
    )
    assert [d.value for d in doc.dates] == ["2024-03-01"]


def test_a_weekday_told_in_the_past_stays_past_whatever_future_the_sentence_holds():
    def values(text: str) -> list[str | None]:
        return [d.value for d in dyad.extract(text, published="2010-06-24").dates]  # a Thursday

    assert values("Egypt affirmed on Wednesday that it will not accept any arrangement.") == ["2010-06-23"]
    assert values("Talks will be held on Wednesday in Cairo.") == ["2010-06-30"]


def test_a_weekday_the_ner_leaves_out_is_a_date():
    doc = dyad.extract("Israel said late Saturday that it conducted an airstrike.", published="2024-06-17")
    assert [d.value for d in doc.dates] == ["2024-06-15"]
    assert dyad.extract("Markets close on Saturdays.", published="2024-06-17").dates == []


class _Values(dict):
    """Date values by the words of the text they were found in (a found span may be a little wider)."""

    def __getitem__(self, words: str) -> str | None:
        found = [v for k, v in self.items() if words.lower() in k.lower()]
        assert found, f"no date found in {words!r}: {dict(self)}"
        return found[0]


def _values(text: str, published: str | None) -> _Values:
    return _Values({d.text: d.value for d in dyad.extract(text, published=published).dates})


def test_what_people_say_of_time_relative_to_now():
    found = _values(
        "The vote ended a few days ago. Almost a month ago the envoy left. The current year marks an anniversary, "
        "and this year alone saw four launches. Just last weekend drones struck the port; early this morning and "
        "again tonight sirens sounded.",
        "2023-07-06",
    )
    assert found["a few days ago"] == "2023-07"
    assert found["Almost a month ago"] == "2023-06"
    assert found["current year"] == "2023" and found["this year"] == "2023"
    assert found["last weekend"] == "2023-W26"
    assert found["this morning"] == "2023-07-06" and found["tonight"] == "2023-07-06"


def test_dates_told_through_the_one_before():
    found = _values(
        "The exercises began in 2022 and resumed in August of that year. On October 3, 2022, a missile flew over "
        "Japan. The very next day another followed, and that same week a third. On this day in 1991 the country "
        "declared independence.",
        "2023-08-24",
    )
    assert found["August of that year"] == "2022-08"
    assert found["very next day"] == "2022-10-04"
    assert found["that same week"] == "2022-W40"
    assert found["this day in 1991"] == "1991-08-24"


def test_a_dateline_is_no_date_and_a_range_is_two_years():
    found = _values("June 20, 2024, Hanoi\n\nThe treaty (1994–2024) was renewed. Since 2013 they met 42 times.", None)
    assert not [k for k in found if "June" in k]
    assert found["1994"] == "1994" and found["2024"] == "2024" and found["2013"] == "2013"


def test_a_month_and_day_in_an_undated_text_keep_an_unknown_year():
    assert _values("The ministers spoke on Oct. 23 about the strait.", None)["Oct. 23"] == "XXXX-10-23"
