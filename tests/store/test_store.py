"""The store, on SQLite and PostgreSQL alike: deduplication, idempotence, actor resolution, upkeep."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text

import dyad
from dyad.ingest import ingest
from dyad.model import Document
from dyad.sources import read_paths
from dyad.store import Overrides, Store, StoreError
from dyad.store.queries import EventFilter
from tests.conftest import FIXTURES, fingerprint

VISIT = [
    (
        "Russian President Vladimir Putin arrived in Pyongyang on Wednesday for talks with North Korean leader "
        "Kim Jong Un.",
        "2024-06-19",
    ),
    ("Vladimir Putin met Kim Jong Un in Pyongyang on June 19, 2024, the Kremlin said.", "2024-06-20"),
    (
        "North Korean leader Kim Jong Un hosted Russian President Vladimir Putin in Pyongyang on Wednesday.",
        "2024-06-21",
    ),
]


def doc(text: str, published: str, id: str | None = None, **kw) -> Document:
    return dyad.extract(text, published=published, id=id, **kw)


def test_same_text_under_two_ids_is_one_article_with_both_ids(db_url):
    first = doc(VISIT[0][0], VISIT[0][1], id="feed-a/1", url="https://a.example/1", source="A")
    second = doc(VISIT[0][0], VISIT[0][1], id="feed-b/9", url="https://b.example/9", source="B")
    with Store(db_url) as store:
        results = store.write([first, second])
        assert [r.new for r in results] == [True, False]
        assert store.stats()["articles"] == 1
        assert store.stats()["events"] == 1
        assert fingerprint(store)["refs"] == [("feed-a/1", "https://a.example/1"), ("feed-b/9", "https://b.example/9")]
        assert store.find_article("feed-b/9")["ref"] == "feed-a/1"


def test_three_reports_of_one_visit_are_one_event_with_three_reports(db_url):
    with Store(db_url) as store:
        store.write([doc(t, p, id=f"visit-{n}") for n, (t, p) in enumerate(VISIT)])
        rows = store.events(EventFilter(type="CONSULT"))
        assert len(rows) == 1
        event = rows[0]
        assert (event["source"], event["target"], event["date"]) == ("PRK", "RUS", "2024-06-19")
        assert (event["reports"], event["articles"]) == (3, 3)
        full = store.event(event["id"])
        assert len(full["reports"]) == 3
        for report in full["reports"]:  # each report keeps its own evidence, traceable to its article
            sentence = report["evidence"][0]["sentence"]
            trigger = report["evidence"][0]["trigger"]["text"]
            assert trigger in sentence and "Putin" in sentence


def test_ingesting_twice_changes_nothing(db_url):
    docs = [doc(t, p, id=f"visit-{n}") for n, (t, p) in enumerate(VISIT)]
    with Store(db_url) as store:
        store.write(docs)
        before = fingerprint(store)
        results = store.write(docs)
        assert not any(r.new for r in results)
        assert fingerprint(store) == before


def test_a_coarse_report_joins_the_one_finer_event_that_fits(db_url):
    coarse = doc("Putin visited North Korea in June 2024, his first trip there in 24 years.", "2024-08-01")
    with Store(db_url) as store:
        store.write([doc(*VISIT[0]), coarse])
        events = store.events(EventFilter(type="CONSULT"))
        assert [(e["date"], e["reports"]) for e in events] == [("2024-06-19", 2)]


def test_a_coarse_report_stays_apart_when_two_finer_events_fit(db_url):
    other_day = doc("Vladimir Putin met Kim Jong Un in Pyongyang on June 10, 2024.", "2024-06-11")
    coarse = doc("Putin visited North Korea in June 2024, his first trip there in 24 years.", "2024-08-01")
    with Store(db_url) as store:
        store.write([doc(*VISIT[0]), other_day, coarse])
        events = store.events(EventFilter(type="CONSULT"))
        assert sorted((e["date"], e["reports"]) for e in events) == [
            ("2024-06", 1),
            ("2024-06-10", 1),
            ("2024-06-19", 1),
        ]


def test_a_coarse_event_stored_first_is_absorbed_by_the_one_finer_report(db_url):
    coarse = doc("Putin visited North Korea in June 2024, his first trip there in 24 years.", "2024-08-01")
    with Store(db_url) as store:
        store.write([coarse])
        store.write([doc(*VISIT[0])])
        events = store.events(EventFilter(type="CONSULT"))
        assert [(e["date"], e["reports"]) for e in events] == [("2024-06-19", 2)]
        assert store.integrity() == "ok"


FINN = "Finnish Foreign Minister Aino Virtanen met Estonian Prime Minister Kristen Michal in Tallinn on Monday."
ALONE = '"We will not accept this," Virtanen told reporters. Virtanen accused Hungary of blocking aid on Tuesday.'


@pytest.mark.parametrize("order", ["learned first", "learned later"])
def test_a_person_learned_in_one_article_keeps_their_country_in_another(db_url, order):
    docs = [doc(FINN, "2024-06-19", id="finn"), doc(ALONE, "2024-06-20", id="alone")]
    assert docs[1].actor("A1").name == "Virtanen" and docs[1].actor("A1").country is None
    with Store(db_url) as store:
        for d in docs if order == "learned first" else docs[::-1]:
            store.write([d])
        people = store.actors(name="Virtanen")
        assert [(a["name"], a["country"], a["articles"]) for a in people] == [("Aino Virtanen", "FIN", 2)]
        accusations = store.events(EventFilter(type="ACCUSE"))
        assert [(e["source"], e["target"]) for e in accusations] == [("FIN", "HUN")]
        aliases = {a["alias"] for a in store.actor(people[0]["id"])["aliases"]}
        assert {"Aino Virtanen", "Virtanen"} <= aliases
        assert store.quotes(speaker="Virtanen")[0]["speaker"] == "Aino Virtanen"


def test_the_overrides_file_wins(db_url, tmp_path):
    path = tmp_path / "actors.tsv"
    path.write_text("name\tcountry\ttitle\taliases\nAino Virtanen\tSWE\tEnvoy\tVirtanen\n", encoding="utf-8")
    with Store(db_url, overrides=Overrides.read(path)) as store:
        store.write([doc(FINN, "2024-06-19"), doc(ALONE, "2024-06-20")])
        person = store.actors(name="Virtanen")
        assert [(a["name"], a["country"], a["title"], a["pinned"]) for a in person] == [
            ("Aino Virtanen", "SWE", "Envoy", 1)
        ]
        assert [(e["source"], e["target"]) for e in store.events(EventFilter(type="ACCUSE"))] == [("SWE", "HUN")]


def test_a_bad_overrides_file_is_one_clear_error(tmp_path):
    path = tmp_path / "actors.tsv"
    path.write_text("name\tcountry\nAino Virtanen\tFinland\n", encoding="utf-8")
    with pytest.raises(Exception, match=r"actors.tsv:2: country 'FINLAND' is not an ISO 3166 alpha-3 code"):
        Overrides.read(path)


def test_forget_removes_what_only_that_article_supported(db_url):
    with Store(db_url) as store:
        store.write(
            [doc(t, p, id=f"visit-{n}") for n, (t, p) in enumerate(VISIT)] + [doc(FINN, "2024-06-19", id="finn")]
        )
        assert store.forget("finn")["ref"] == "finn"
        assert store.actors(name="Virtanen") == []
        assert store.events(EventFilter(dyad=("FIN", "EST"))) == []
        assert store.forget("visit-0") is not None
        visit = store.events(EventFilter(type="CONSULT"))
        assert [(e["reports"], e["articles"]) for e in visit] == [(2, 2)]
        assert store.forget("visit-0") is None
        assert store.stats()["articles"] == 2
        assert store.integrity() == "ok"


def test_reextract_replaces_events_and_quotes_and_keeps_everything_else(db_url):
    from dyad.ingest import reextract

    docs = [doc(t, p, id=f"visit-{n}") for n, (t, p) in enumerate(VISIT)] + [doc(ALONE, "2024-06-20", id="alone")]
    with Store(db_url) as store:
        store.write(docs)
        before = fingerprint(store)
        assert reextract(store) == 0  # everything is already at this version
        with store.engine.begin() as conn:
            conn.execute(text("UPDATE articles SET extractor = 'dyad 0.0.1'"))
            conn.execute(text("DELETE FROM event_reports"))  # as if the old version had found nothing
            conn.execute(text("DELETE FROM events"))
        assert store.stats()["events"] == 0
        assert reextract(store) == 4
        assert fingerprint(store) == before
        with store.connect() as conn:
            assert {r[0] for r in conn.execute(text("SELECT extractor FROM articles"))} == {dyad.api.EXTRACTOR}


def test_queries_filter_events_and_search_quotes(db_url):
    with Store(db_url) as store:
        store.write([doc(t, p, id=f"visit-{n}") for n, (t, p) in enumerate(VISIT)] + [doc(ALONE, "2024-06-20")])
        assert store.count_events(EventFilter(dyad=("RUS", "PRK"))) == 1
        assert store.count_events(EventFilter(dyad=("RUS", "PRK"), directed=True)) == 0  # written PRK, RUS
        assert store.count_events(EventFilter(since="2024-06-20")) == 0
        assert store.count_events(EventFilter(until="2024-06-19", sides=None)) == 2
        assert store.count_events(EventFilter(until="2024-06-19")) == 1  # by default, events with both sides
        assert store.count_events(EventFilter(until="2024-06-19", sides="one")) == 1  # Virtanen's: no country
        assert len(store.events(EventFilter(place="Pyongyang"))) == 1
        assert len(store.events(EventFilter(place="PRK"))) == 1
        assert store.events(EventFilter(min_confidence=0.99)) == []
        assert [q["text"] for q in store.quotes(search="accept")] == ["We will not accept this,"]
        assert store.quotes(search="tariffs") == []
        assert [(d["a"], d["b"], d["events"]) for d in store.dyads()] == [("PRK", "RUS", 1)]  # Virtanen: no country


def test_a_day_of_an_unknown_year_is_stored_undated_and_listed_after_dated_events(db_url):
    unknown = doc("Putin met Xi Jinping in Beijing on Oct. 23 to discuss trade.", None, id="no-year")
    assert unknown.events[0]["date"] == "XXXX-10-23"  # the document keeps what the text says
    with Store(db_url) as store:
        store.write([doc(VISIT[0][0], VISIT[0][1], id="dated"), unknown])
        listed = store.events(EventFilter(sides=None))
        assert [e["date"] for e in listed] == ["2024-06-19", None]  # no year: no place on a timeline
        assert {(d["a"], d["b"]): d["latest"] for d in store.dyads()} == {
            ("CHN", "RUS"): None,  # its one event has no known year
            ("PRK", "RUS"): "2024-06-19",
        }


def test_a_version_1_store_is_migrated_in_place_with_its_tallies_filled(db_url):
    with Store(db_url) as store:
        ingest(read_paths([str(FIXTURES / "visits.jsonl")]), store)
        before = [(d["a"], d["b"], d["events"]) for d in store.dyads()]
        with store.engine.begin() as conn:  # back to what version 1 made: no tallies, triggers or new indexes
            if store.dialect == "postgresql":
                conn.execute(text("DROP TRIGGER events_tally ON events"))
                conn.execute(text("DROP FUNCTION dyad_tally()"))
            else:
                for trigger in ("events_tally_insert", "events_tally_delete", "events_tally_update"):
                    conn.execute(text(f"DROP TRIGGER {trigger}"))
            conn.execute(text("DROP TABLE dyad_tallies"))
            for index in ("ix_events_sides", "ix_events_type_date", "ix_events_modality_date"):
                conn.execute(text(f"DROP INDEX {index}"))
            conn.execute(text("UPDATE meta SET value = '1' WHERE key = 'schema_version'"))
    with Store(db_url) as store:
        with store.engine.connect() as conn:
            assert conn.execute(text("SELECT value FROM meta WHERE key = 'schema_version'")).scalar() == "3"
        assert store.integrity() == "ok"  # the tallies equal a count over the stored events
        assert [(d["a"], d["b"], d["events"]) for d in store.dyads()] == before
        store.forget("finn")
        assert store.integrity() == "ok"  # and the triggers keep them from then on


def test_an_unknown_schema_version_is_refused(db_url):
    with Store(db_url) as store, store.engine.begin() as conn:
        conn.execute(text("UPDATE meta SET value = '99' WHERE key = 'schema_version'"))
    with pytest.raises(StoreError, match="schema version 99 is newer"):
        Store(db_url)


def test_a_file_that_is_not_a_database_is_refused_untouched(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("my notes\n")
    with pytest.raises(StoreError, match="not a SQLite database"):
        Store(str(path))
    assert path.read_text() == "my notes\n"
    with pytest.raises(StoreError, match="does not exist"):
        Store(str(tmp_path / "missing" / "dyad.db"))


def test_an_unreachable_server_is_one_clear_error():
    with pytest.raises(StoreError, match=r"postgresql://nobody@127\.0\.0\.1:9/nothing: cannot open"):
        Store("postgresql://nobody:secret@127.0.0.1:9/nothing")


def test_stored_document_is_the_extracted_one_with_its_licence(db_url):
    d = doc(VISIT[0][0], VISIT[0][1], id="v", license="CC BY 4.0", source="Example")
    with Store(db_url) as store:
        store.write([d])
        (stored,) = list(store.documents())
        assert stored["article"]["license"] == "CC BY 4.0"
        assert {k: v for k, v in stored.items() if k != "stored_as"} == json.loads(json.dumps(d.to_dict()))
        assert stored["stored_as"] == [{"ref": "v", "url": None, "source": "Example", "license": "CC BY 4.0"}]


def test_a_family_name_said_alone_finds_a_person_whose_family_name_comes_first(db_url):
    first = doc(
        "Chinese Vice Foreign Minister Zhao Lihua met Russian Foreign Minister Sergei Lavrov in Beijing.", "2024-06-17"
    )
    later = doc('"Cooperation will deepen," Zhao told reporters. Zhao criticised Japan on Tuesday.', "2024-06-19")
    with Store(db_url) as store:
        store.write([first, later])
        assert [(a["name"], a["country"], a["articles"]) for a in store.actors(name="Zhao")] == [
            ("Zhao Lihua", "CHN", 2)
        ]
        assert [(e["source"], e["target"]) for e in store.events(EventFilter(type="ACCUSE"))] == [("CHN", "JPN")]


def _open_and_close(url: str, results) -> None:  # noqa: ANN001
    try:
        Store(url).close()
        results.put("ok")
    except Exception as exc:  # reported to the parent, which asserts on it
        results.put(str(exc))


def test_processes_opening_a_new_store_at_once_all_succeed(db_url):
    """A server and an ingest started together on an empty database: the schema is made once, nobody fails."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    results = context.Queue()
    workers = [context.Process(target=_open_and_close, args=(db_url, results)) for _ in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
    assert sorted(results.get(timeout=5) for _ in workers) == ["ok"] * 4
    with Store(db_url) as store:
        assert store.integrity() == "ok" and store.stats()["articles"] == 0


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_postgresql_plans_each_lookup_with_its_values(db_url):
    """psycopg prepares a statement run five times; a generic plan kept from when the tables were small made the
    events-by-key lookup scan the whole table, and writes slowed as the store grew."""
    with Store(db_url) as store, store.connect() as conn:
        assert conn.execute(text("SHOW plan_cache_mode")).scalar() == "force_custom_plan"


def test_sqlite_writes_with_a_larger_page_cache_and_readers_keep_the_default(tmp_path):
    """Ingest into a million-event store re-reads its scattered index pages: its transactions cache more; a reader
    (dyad serve) must not, or its memory would grow with the store."""
    from dyad.store.store import WRITE_CACHE_KIB, WRITE_CHECKPOINT_PAGES

    with Store(str(tmp_path / "dyad.db")) as store:
        with store.engine.connect() as conn:
            default = conn.exec_driver_sql("PRAGMA cache_size").scalar()
        with store._writing() as conn:
            assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == -WRITE_CACHE_KIB
            assert conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == WRITE_CHECKPOINT_PAGES
        assert default != -WRITE_CACHE_KIB
        store.write([doc(FINN, "2024-06-19")])
        assert store.stats()["events"] == 1


def test_map_points_are_the_newest_placed_events_and_undated_ones_last(db_url):
    texts = [
        (FINN, "2024-06-19", "monday"),  # Monday 17 June
        (FINN.replace("on Monday", "on Friday"), "2024-06-22", "friday"),  # Friday 21 June
        (FINN.replace(" on Monday", ""), None, "undated"),
    ]
    with Store(db_url) as store:
        store.write([doc(t, p, id=i) for t, p, i in texts])
        points = store.map_points(limit=10)
        assert [p["date"] for p in points] == ["2024-06-21", "2024-06-17", None]
        assert {p["place"] for p in points} == {"Tallinn"}
        assert [p["date"] for p in store.map_points(limit=2)] == ["2024-06-21", "2024-06-17"]
        assert [p["date"] for p in store.map_points(EventFilter(until="2024-06-18"), limit=10)] == ["2024-06-17"]
        pair = EventFilter(dyad=("FIN", "EST"))  # a pair's map: its placed reports first, then their events
        assert [p["date"] for p in store.map_points(pair, limit=10)] == ["2024-06-21", "2024-06-17", None]
        pair.until = "2024-06-18"
        assert [p["date"] for p in store.map_points(pair, limit=10)] == ["2024-06-17"]
        assert store.map_points(EventFilter(dyad=("FIN", "RUS")), limit=10) == []
