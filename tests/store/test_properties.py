"""Property-based tests of the store: whatever documents arrive, in whatever batches, the store stays whole.

Random small documents (events of random types between random countries and
people, dated by year, month or day or not at all; repeated texts under
repeated or new ids; people whose country one article gives and another does
not) are written in random batch sizes. After each run the integrity check
passes, every report points at an event, the store equals one written a
document at a time, a second ingest changes nothing, and forgetting every
article leaves nothing behind. Runs on SQLite and on the PostgreSQL server
(``DYAD_TEST_POSTGRES``). `make test` runs a bounded, repeatable number of
examples; a long exploring run:

    DYAD_STORE_EXAMPLES=2000 .venv/bin/pytest -q tests/store/test_properties.py -p no:cacheprovider
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from dyad.model import Document
from dyad.store import Store
from tests.conftest import _reset_postgres, fingerprint
from tests.store.docs import Ev, Person, make_document

EXAMPLES = int(os.environ.get("DYAD_STORE_EXAMPLES", "40"))

# Small pools on purpose: collisions (one type and pair reported at several granularities, in one
# article or across articles) are what merging must get right, and they must be common.
COUNTRIES = ["RUS", "PRK", "USA"]
PEOPLE = [
    Person("Kim Jong Un"),
    Person("Kim Jong Un", "PRK"),
    Person("Vladimir Putin", "RUS"),
    Person("Putin"),  # the family name alone: the store's one "... Putin"
    Person("Antony Blinken"),
]
DAYS = ["2023-11-05", "2023-11-20", "2023-03-02", "2024-06-19"]
TYPES = ["CONSULT", "ACCUSE", "AGREE", "SUPPORT"]
GRAINS = {"year": 4, "month": 7, "day": 10}

sides = st.one_of(st.sampled_from(COUNTRIES), st.sampled_from(COUNTRIES), st.sampled_from(PEOPLE), st.none())


@st.composite
def reports(draw) -> list[Ev]:
    """One happening as an article may report it: once or several times, by year, month or day, or undated."""
    kind, source, target = draw(st.sampled_from(TYPES)), draw(sides), draw(sides)
    modality = draw(st.sampled_from(["actual", "actual", "hypothetical"]))
    day = draw(st.sampled_from(DAYS))
    grains = draw(st.lists(st.sampled_from([*GRAINS, None]), min_size=1, max_size=3))
    flip = draw(st.booleans())  # "Putin met Kim" and "Kim met Putin" in one text
    return [
        Ev(
            kind,
            target if flip and n % 2 else source,
            source if flip and n % 2 else target,
            day[: GRAINS[g]] if g else None,
            modality,
        )
        for n, g in enumerate(grains)
    ]


@st.composite
def article_events(draw) -> list[Ev]:
    """The events of one text: a few happenings, their reports in any order."""
    happenings = draw(st.lists(reports(), max_size=4))
    return draw(st.permutations([ev for h in happenings for ev in h]))


# A pool of distinct texts, each always extracted the same way, and the records that bring them:
# (text number, id number), so texts repeat under new ids and ids repeat over different texts.
texts = st.lists(article_events(), min_size=1, max_size=4)
arrivals = st.lists(st.tuples(st.integers(0, 3), st.integers(0, 5)), min_size=1, max_size=10)
batch_sizes = st.lists(st.integers(1, 4), min_size=1, max_size=4)


def _documents(pool: list[list[Ev]], arrived: list[tuple[int, int]]) -> list[Document]:
    made = []
    for text_no, id_no in arrived:
        n = text_no % len(pool)
        made.append(
            make_document(
                f"Report number {n} of the talks.",
                pool[n],
                id=f"feed/{id_no}",
                url=f"https://outlet{id_no % 3}.example/{id_no}",
            )
        )
    return made


def _batches(documents: list[Document], sizes: list[int]) -> Iterator[list[Document]]:
    i = turn = 0
    while i < len(documents):
        size = sizes[turn % len(sizes)]
        yield documents[i : i + size]
        i, turn = i + size, turn + 1


@contextmanager
def _fresh(db_url: str) -> Iterator[Store]:
    """An empty store on the backend under test, for one example."""
    if db_url.startswith("postgresql"):
        _reset_postgres(db_url)
        with Store(db_url) as store:
            yield store
        return
    with tempfile.TemporaryDirectory() as folder, Store(str(Path(folder) / "dyad.db")) as store:
        yield store


def _check_whole(store: Store) -> None:
    assert store.integrity() == "ok"
    with store.connect() as conn:
        dangling = conn.execute(
            text("SELECT COUNT(*) FROM event_reports r LEFT JOIN events e ON e.id = r.event_id WHERE e.id IS NULL")
        ).scalar_one()
    assert dangling == 0


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    derandomize=EXAMPLES <= 100,  # the bounded run is the same every time; long runs explore
    database=None,
)
@given(pool=texts, arrived=arrivals, sizes=batch_sizes)
def test_any_documents_in_any_batches_leave_a_whole_store_equal_to_one_at_a_time(db_url, pool, arrived, sizes):
    documents = _documents(pool, arrived)
    with _fresh(db_url) as store:
        for batch in _batches(documents, sizes):
            store.write(batch)
        _check_whole(store)
        batched = fingerprint(store)
        assert batched["stats"]["articles"] == len({d.article.hash for d in documents})
        assert batched["stats"]["reports"] >= batched["stats"]["events"]

        for batch in _batches(documents, sizes):  # a second ingest of the same input changes nothing
            assert not any(r.new for r in store.write(batch))
        _check_whole(store)
        assert fingerprint(store) == batched

        for ref in {f"feed/{id_no}" for _, id_no in arrived}:  # every article forgotten: nothing is left
            while store.forget(ref) is not None:
                _check_whole(store)
        assert store.stats() == {"articles": 0, "actors": 0, "events": 0, "reports": 0, "quotes": 0}

    with _fresh(db_url) as store:
        for document in documents:
            store.write([document])
        _check_whole(store)
        assert fingerprint(store) == batched
