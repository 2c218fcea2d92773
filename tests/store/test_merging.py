"""Event merging keeps every report pointing at a stored event, whatever the order and granularity of dates."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from dyad.store import Store
from tests.conftest import fingerprint
from tests.store.docs import Ev, Person, make_document


def _events(store: Store) -> list[tuple]:
    """(type, source, target, date, reports) of every stored event."""
    with store.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT e.type, e.source, e.target, e.date, COUNT(r.id) FROM events e"
                " LEFT JOIN event_reports r ON r.event_id = e.id GROUP BY e.id, e.type, e.source, e.target, e.date"
            )
        )
        return sorted((tuple(r) for r in rows), key=lambda r: tuple("" if v is None else str(v) for v in r))


def _dangling(store: Store) -> int:
    with store.connect() as conn:
        return conn.execute(
            text(
                "SELECT COUNT(*) FROM event_reports r WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.id = r.event_id)"
            )
        ).scalar_one()


@pytest.mark.parametrize(
    "dates",
    [
        ["2023", "2023-11"],  # a visit "in 2023", then the meeting "in November 2023": the seed article's shape
        ["2023-11", "2023"],
        ["2023", "2023-11", "2023-11-05"],
        ["2023", "2023-11-05", "2023-11"],
        ["2023-11", "2023", "2023-11-05"],
    ],
)
def test_one_article_reporting_one_happening_at_several_granularities_is_stored(db_url, dates):
    document = make_document(
        "Kim Jong Un visited Russia in 2023; the commission met in November 2023.",
        [Ev("CONSULT", "PRK", "RUS", d) if n % 2 else Ev("CONSULT", "RUS", "PRK", d) for n, d in enumerate(dates)],
    )
    with Store(db_url) as store:
        [result] = store.write([document])
        assert result.new and result.events == len(dates)
        assert store.integrity() == "ok" and _dangling(store) == 0
        finest = max(dates, key=len)
        assert _events(store) == [("CONSULT", "PRK", "RUS", finest, len(dates))]


def test_a_coarse_report_inside_one_article_stays_apart_when_two_finer_events_fit(db_url):
    document = make_document(
        "The commission met in March 2024 and in November 2023; in 2023 they met too.",
        [
            Ev("CONSULT", "RUS", "PRK", "2024-03"),
            Ev("CONSULT", "RUS", "PRK", "2023-11"),
            Ev("CONSULT", "RUS", "PRK", "2023-03"),
            Ev("CONSULT", "RUS", "PRK", "2023"),
        ],
    )
    with Store(db_url) as store:
        store.write([document])
        assert store.integrity() == "ok" and _dangling(store) == 0
        assert _events(store) == [
            ("CONSULT", "PRK", "RUS", "2023", 1),
            ("CONSULT", "PRK", "RUS", "2023-03", 1),
            ("CONSULT", "PRK", "RUS", "2023-11", 1),
            ("CONSULT", "PRK", "RUS", "2024-03", 1),
        ]


def test_the_same_text_twice_under_two_ids_in_one_batch_is_stored_once(db_url):
    body = "Kim Jong Un visited Russia in 2023; the commission met in November 2023."
    events = [Ev("CONSULT", "PRK", "RUS", "2023"), Ev("CONSULT", "RUS", "PRK", "2023-11")]
    first = make_document(body, events, id="wire/1", url="https://wire.example/1")
    second = make_document(body, events, id="outlet/9", url="https://outlet.example/9")
    with Store(db_url) as store:
        results = store.write([first, second])
        assert [r.new for r in results] == [True, False]
        assert store.integrity() == "ok" and _dangling(store) == 0
        assert store.stats()["articles"] == 1
        assert fingerprint(store)["refs"] == [
            ("outlet/9", "https://outlet.example/9"),
            ("wire/1", "https://wire.example/1"),
        ]


def test_learning_a_country_later_re_places_reports_that_merge_across_granularities(db_url):
    """Relinking an earlier article rewrites its reports through the same merging, so it must keep them whole."""
    kim = Person("Kim Jong Un")
    earlier = make_document(
        "Kim Jong Un met Russian officials in November 2023; North Korea and Russia met often in 2023.",
        [Ev("CONSULT", kim, "RUS", "2023-11"), Ev("CONSULT", "PRK", "RUS", "2023")],
    )
    later = make_document(
        "North Korean leader Kim Jong Un spoke.", [Ev("CONSULT", Person("Kim Jong Un", "PRK"), None, None)]
    )
    with Store(db_url) as store:
        store.write([earlier])
        assert [e[1:] for e in _events(store)] == [("PRK", "RUS", "2023", 1), ("RUS", None, "2023-11", 1)]
        store.write([later])
        assert store.integrity() == "ok" and _dangling(store) == 0
        assert ("CONSULT", "PRK", "RUS", "2023-11", 2) in _events(store)
