"""The store: documents in, one deduplicated record of articles, actors, events and quotes out.

SQLite (one file, WAL) by default, PostgreSQL by URL, both through SQLAlchemy
Core. Every write is one transaction per batch: a killed ingest leaves whole
articles or none, and the next run resumes where it stopped.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    and_,
    bindparam,
    case,
    create_engine,
    delete,
    event,
    func,
    insert,
    literal,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from dyad.errors import DyadError
from dyad.model import Article, Document
from dyad.store import schema as s
from dyad.store.queries import Queries, slices
from dyad.store.resolve import (
    Overrides,
    actor_key,
    coarser,
    norm,
    pairs,
    party,
    precision,
    surname,
)

DEFAULT_DB = "dyad.db"


# Statements the write path runs for every event report, built once.
INSERT_REPORT = insert(s.event_reports)
INSERT_EVENT = insert(s.events)
EVENTS_BY_KEYS = select(s.events.c.key, s.events.c.id).where(s.events.c.key.in_(bindparam("keys", expanding=True)))
ACTORS_BY_KEYS = select(s.actors).where(s.actors.c.key.in_(bindparam("keys", expanding=True)))


def _event_key(ev: dict[str, Any], source: str | None, target: str | None, digest: str) -> tuple[str, str | None, str]:
    """An event report's stem (type, pair, modality), its date as events are dated, and the key of its event."""
    date = ev.get("date")
    if date and not date[:4].isdigit():
        date = None  # "XXXX-10-23", a day of an unknown year: no place on a timeline, nothing to merge by
    stem = f"{ev['type']}|{source or ''}|{target or ''}|{ev['modality']}"
    return stem, date, (f"{stem}|{date}" if date else f"{stem}|undated:{digest}:{ev['id']}")


def _flush_reports(conn: Connection, pending: list[dict[str, Any]]) -> None:
    """Write the reports waiting in ``pending`` in one statement (the driver batches them), and empty it."""
    if pending:
        conn.execute(INSERT_REPORT, pending)  # built once: building it per report cost more than running it
        pending.clear()


class StoreError(DyadError):
    """The store cannot be opened or used; the message names the database."""


def default_url() -> str:
    return os.environ.get("DYAD_DB") or DEFAULT_DB


def engine_url(target: str) -> str:
    """A path means a SQLite file; ``postgresql://`` URLs use the psycopg 3 driver."""
    if "://" not in target:
        return f"sqlite:///{target}"
    for prefix in ("postgresql://", "postgres://"):
        if target.startswith(prefix):
            return "postgresql+psycopg://" + target[len(prefix) :]
    return target


def _display(target: str) -> str:
    """The database named without its password."""
    if "@" in target and "://" in target:
        scheme, rest = target.split("://", 1)
        credentials, host = rest.rsplit("@", 1)
        return f"{scheme}://{credentials.split(':', 1)[0]}@{host}"
    return target


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass
class WriteResult:
    """What one document did to the store."""

    article_id: int
    new: bool
    events: int = 0
    quotes: int = 0


def _eq(column, value):
    return column.is_(None) if value is None else column == value


class Store(Queries):
    """One database. Use as a context manager, or call ``close``."""

    def __init__(self, target: str | None = None, overrides: Overrides | None = None) -> None:
        self.target = target or default_url()
        self.name = _display(self.target)
        self.overrides = overrides or Overrides()
        url = engine_url(self.target)
        if url.startswith("sqlite:///"):
            path = Path(url[len("sqlite:///") :])
            if path.parent and not path.parent.exists():
                raise StoreError(f"{self.name}: folder {path.parent} does not exist")
            if path.exists() and path.is_file() and path.stat().st_size:
                with path.open("rb") as handle:
                    if handle.read(16) != b"SQLite format 3\x00":
                        raise StoreError(f"{self.name}: not a SQLite database")
        try:
            if url.startswith("sqlite"):
                self.engine: Engine = create_engine(url)
            else:
                # psycopg prepares a statement run five times, and PostgreSQL may then keep one generic plan
                # for it, made while the tables were small: the events-by-key lookup then scanned the table,
                # writes slowing as the store grew. A plan per call, made with the call's values, stays right.
                self.engine = create_engine(
                    url, pool_pre_ping=True, connect_args={"options": "-c plan_cache_mode=force_custom_plan"}
                )
        except (SQLAlchemyError, ImportError, ValueError) as exc:
            raise StoreError(f"{self.name}: cannot open ({_reason(exc)})") from None
        self.dialect = self.engine.dialect.name
        if self.dialect == "sqlite":
            _sqlite_setup(self.engine)
        try:
            with self.engine.connect() as conn:
                current = s.stored_version(conn)
            if current != s.SCHEMA_VERSION:
                # Made or upgraded under a write lock taken before the version is read again: processes
                # opening one new store together (a server and an ingest) make the schema once.
                with self.engine.connect().execution_options(exclusive=True) as conn, conn.begin():
                    s.migrate(conn)
        except s.SchemaError as exc:
            raise StoreError(f"{self.name}: {exc}") from None
        except SQLAlchemyError as exc:
            raise StoreError(f"{self.name}: cannot open ({_reason(exc)})") from None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    # ---- writing -------------------------------------------------------------------------------

    @contextmanager
    def _writing(self) -> Iterator[Connection]:
        """A transaction that writes articles: on SQLite its connection keeps a larger page cache (see
        ``_sqlite_setup``); a reader such as ``dyad serve`` never asks for one."""
        with self.engine.connect().execution_options(writing=True) as conn, conn.begin():
            yield conn

    def known(self, hashes: Iterable[str]) -> dict[str, int]:
        """Stored article ids by hash, for the hashes given."""
        with self.engine.connect() as conn:
            return self._stored_ids(conn, hashes)

    def write(self, documents: list[Document], refs: Iterable[Article] = ()) -> list[WriteResult]:
        """Store a batch in one transaction.

        A document whose text is already stored adds only the id and URL it came
        under; so do ``refs``, articles known to be stored (the same story from another feed).
        """
        refs = list(refs)
        if not documents and not refs:
            return []
        with self._writing() as conn:
            stored = self._stored_ids(conn, [doc.article.hash for doc in documents])
            results = [self._write_one(conn, doc, stored) for doc in documents]
            for article in refs:
                found = conn.execute(select(s.articles.c.id).where(s.articles.c.hash == article.hash)).scalar()
                if found is not None:
                    self._add_ref(conn, found, article)
            return results

    @staticmethod
    def _stored_ids(conn: Connection, hashes: Iterable[str]) -> dict[str, int]:
        """Article ids by hash, in one query per 500 hashes: a statement per document costs a round trip."""
        a = s.articles.c
        found: dict[str, int] = {}
        for part in slices(sorted(set(hashes))):
            found.update({h: n for h, n in conn.execute(select(a.hash, a.id).where(a.hash.in_(part)))})
        return found

    def _add_ref(self, conn: Connection, article_id: int, article: Article, new: bool = False) -> None:
        url = article.url or ""
        if new:  # a new article has no refs yet
            conn.execute(
                insert(s.article_refs).values(
                    article_id=article_id, ref=article.id, url=url, source=article.source, license=article.license
                )
            )
            return
        exists = conn.execute(
            select(s.article_refs.c.id).where(
                s.article_refs.c.article_id == article_id,
                s.article_refs.c.ref == article.id,
                s.article_refs.c.url == url,
            )
        ).first()
        if exists is None:
            conn.execute(
                insert(s.article_refs).values(
                    article_id=article_id, ref=article.id, url=url, source=article.source, license=article.license
                )
            )

    def _write_one(self, conn: Connection, doc: Document, stored: dict[str, int]) -> WriteResult:
        """One document; ``stored`` maps the batch's known hashes to article ids and learns the new ones."""
        art = doc.article
        found = stored.get(art.hash)
        if found is not None:
            self._add_ref(conn, found, art)
            return WriteResult(found, new=False)
        body = doc.to_dict()
        article_id = conn.execute(
            insert(s.articles).values(
                hash=art.hash,
                ref=art.id,
                title=art.title,
                url=art.url,
                source=art.source,
                license=art.license,
                published=art.published,
                language=art.language,
                extractor=art.extractor,
                text=art.text,
                document=json.dumps(body, ensure_ascii=False),
                ingested_at=_now(),
            )
        ).inserted_primary_key[0]
        stored[art.hash] = article_id
        self._add_ref(conn, article_id, art, new=True)
        events, quotes = self._write_derived(conn, article_id, body)
        return WriteResult(article_id, new=True, events=events, quotes=quotes)

    def _write_derived(self, conn: Connection, article_id: int, body: dict[str, Any]) -> tuple[int, int]:
        """Actors, aliases, quotes, topics and event reports of one stored document."""
        local: dict[str, int] = {}
        learned: set[int] = set()
        aliases: dict[tuple[int, str], tuple[int, int]] = {}
        # The document's stored actors in one query; _resolve_actor keeps this copy in step with its writes.
        keys = sorted({actor_key(*self._identity(actor)[:3]) for actor in body["actors"]})
        rows = {r["key"]: dict(r) for r in conn.execute(ACTORS_BY_KEYS, {"keys": keys}).mappings()} if keys else {}
        for actor in body["actors"]:
            actor_id, gained = self._resolve_actor(conn, actor, rows)
            local[actor["id"]] = actor_id
            if gained:
                learned.add(actor_id)
            for mention in actor["mentions"]:
                aliases.setdefault((actor_id, mention["text"]), (mention["start"], mention["end"]))
        if local:
            conn.execute(
                insert(s.article_actors),
                [{"article_id": article_id, "local_id": k, "actor_id": v} for k, v in local.items()],
            )
        if aliases:
            conn.execute(
                insert(s.actor_aliases),
                [
                    {"actor_id": a, "alias": alias, "article_id": article_id, "start_char": st, "end_char": en}
                    for (a, alias), (st, en) in aliases.items()
                ],
            )
        if body["quotes"]:
            conn.execute(
                insert(s.quotes),
                [
                    {
                        "article_id": article_id,
                        "local_id": q["id"],
                        "text": q["text"],
                        "start_char": q["start"],
                        "end_char": q["end"],
                        "speaker_id": local.get(q["speaker"]),
                        "cue": q["cue"],
                    }
                    for q in body["quotes"]
                ],
            )
        topics = sorted({t["name"] for t in body["topics"]})
        if topics:
            conn.execute(insert(s.article_topics), [{"article_id": article_id, "name": t} for t in topics])
        mine = set(local.values())
        sides = {r["id"]: party(r["country"], r["code"]) for r in rows.values() if r["id"] in mine}
        events = self._write_events(conn, article_id, body, local, sides=sides)
        for actor_id in learned:  # earlier articles' events with this actor now know its country
            self._relink(conn, actor_id, article_id)
        return events, len(body["quotes"])

    def _identity(self, actor: dict[str, Any]) -> tuple[str, str, str | None, str | None, str | None, Any]:
        """kind, name, country, title, code and the user's override (whose values win) of a document's actor."""
        kind, name = actor["kind"], actor["name"]
        country, title, code = actor.get("country"), actor.get("title"), actor.get("code")
        override = self.overrides.find(name)
        if override is not None:
            kind, name = override.kind, override.name
            country, title, code = override.country or country, override.title or title, override.code or code
        return kind, name, country, title, code, override

    def _resolve_actor(
        self, conn: Connection, actor: dict[str, Any], rows: dict[str, dict[str, Any]]
    ) -> tuple[int, bool]:
        """The store's actor for a document's actor; True when this taught it a country it lacked.

        ``rows`` holds the stored actors by key (those the document names, read once); it learns what this writes.
        """
        a = s.actors.c
        kind, name, country, title, code, override = self._identity(actor)
        key = actor_key(kind, name, country)
        row = rows.get(key)
        if row is None and kind == "person" and override is None:
            found = self._person_by_surname(conn, name, country)
            row = dict(found) if found is not None else None
        if row is None:
            values = {
                "key": key,
                "kind": kind,
                "name": name,
                "surname": surname(kind, name, country),
                "title": title,
                "country": country,
                "code": code,
                "pinned": int(override is not None),
            }
            new_id = conn.execute(insert(s.actors).values(**values)).inserted_primary_key[0]
            rows[key] = {"id": new_id, **values}
            return new_id, False
        changes: dict[str, Any] = {}
        if override is not None:
            wanted = {"name": name, "kind": kind, "title": title, "country": country, "code": code, "pinned": 1}
            changes = {k: v for k, v in wanted.items() if row[k] != v and v is not None}
        elif not row["pinned"]:
            if row["country"] is None and country:
                changes["country"] = country
            if row["title"] is None and title:
                changes["title"] = title
            if code and (row["code"] is None or row["code"].startswith("---")) and not code.startswith("---"):
                changes["code"] = code
            if kind == "person" and len(norm(name).split()) > len(norm(row["name"]).split()):
                taken = conn.execute(select(a.id).where(a.key == actor_key(kind, name, country))).first()
                if taken is None:  # "Putin" seen first, "Vladimir Putin" now: keep the fuller name
                    changes.update(name=name, key=actor_key(kind, name, country))
        if changes and row["kind"] == "person" and ("name" in changes or "country" in changes):
            changes["surname"] = surname(
                "person", changes.get("name", row["name"]), changes.get("country", row["country"])
            )
        if changes:
            conn.execute(update(s.actors).where(a.id == row["id"]).values(**changes))
            rows.pop(row["key"], None)
        gained = "country" in changes and row["country"] != changes["country"]
        rows[changes.get("key", row["key"])] = {**row, **changes}
        return row["id"], gained

    def _person_by_surname(self, conn: Connection, name: str, country: str | None):
        """'Putin' alone is the one stored person called '... Putin' (of a compatible country), if only one."""
        a = s.actors.c
        words = norm(name).split()
        if not words:
            return None
        if len(words) == 1:
            query = select(s.actors).where(a.kind == "person", a.surname == words[0])
        else:  # a fuller name for someone stored under the family name alone
            query = select(s.actors).where(a.kind == "person", a.key == f"person:{surname('person', name, country)}")
        rows = [r for r in conn.execute(query).mappings() if country is None or r["country"] in (None, country)]
        return rows[0] if len(rows) == 1 else None

    def _write_events(
        self,
        conn: Connection,
        article_id: int,
        body: dict[str, Any],
        local: dict[str, int],
        only: set[str] | None = None,
        sides: dict[int, str | None] | None = None,
    ) -> int:
        """The document's event reports, each joined to its stored event (``sides``: each actor's party, when
        the caller has them)."""
        if sides is None:
            sides = {}
            ids = set(local.values())
            if ids:
                for actor_id, country, code in conn.execute(
                    select(s.actors.c.id, s.actors.c.country, s.actors.c.code).where(s.actors.c.id.in_(ids))
                ):
                    sides[actor_id] = party(country, code)
        places = {p["id"]: p for p in body["places"]}
        digest = body["article"]["hash"]
        planned = []
        for ev in body["events"]:
            if only is not None and ev["id"] not in only:
                continue
            src = [local[x] for x in ev["sources"] if x in local]
            tgt = [local[x] for x in ev["targets"] if x in local]
            for source, target in pairs(ev["type"], [sides.get(x) for x in src], [sides.get(x) for x in tgt]):
                planned.append((ev, source, target, src, tgt))
        if not planned:
            return 0
        # The stored events these reports may join (and the coarse ones they may absorb), read in one query;
        # _event_for keeps this copy in step with what it inserts and deletes.
        wanted: set[str] = set()
        for ev, source, target, _, _ in planned:
            stem, date, key = _event_key(ev, source, target, digest)
            wanted.add(key)
            if precision(date) in ("day", "month"):
                wanted.update(f"{stem}|{prefix}" for prefix in (date[:7], date[:4]) if coarser(prefix, date))
        known: dict[str, int] = {k: i for k, i in conn.execute(EVENTS_BY_KEYS, {"keys": sorted(wanted)})}
        pending: list[dict[str, Any]] = []
        for ev, source, target, src, tgt in planned:
            place = places.get(ev.get("place")) or {}
            pending.append(
                {
                    "event_id": self._event_for(conn, ev, source, target, digest, known, pending),
                    "article_id": article_id,
                    "local_id": ev["id"],
                    "type": ev["type"],
                    "source": source,
                    "target": target,
                    "date": ev.get("date"),
                    "modality": ev["modality"],
                    "confidence": ev.get("confidence"),
                    "sources": json.dumps(src),
                    "targets": json.dumps(tgt),
                    "place": place.get("name"),
                    "place_country": place.get("country"),
                    "lat": place.get("lat"),
                    "lon": place.get("lon"),
                    "evidence": json.dumps(ev["evidence"], ensure_ascii=False),
                }
            )
        _flush_reports(conn, pending)
        return len({ev["id"] for ev, *_ in planned})

    def _event_for(
        self,
        conn: Connection,
        ev: dict[str, Any],
        source: str | None,
        target: str | None,
        digest: str,
        known: dict[str, int],
        pending: list[dict[str, Any]],
    ) -> int:
        """The stored event this report is about: same type, directed pair, modality and date; made if new.

        A report dated only coarsely ("in June") joins a finer-dated event when exactly
        one fits; a finer report absorbs a coarse event when it is the only one that fits.
        ``known`` maps event keys to stored ids; ``pending`` holds the document's reports not yet written.
        """
        e = s.events.c
        kind, modality = ev["type"], ev["modality"]
        stem, date, key = _event_key(ev, source, target, digest)
        found = known.get(key)
        if found is not None:
            return found
        group = and_(e.type == kind, _eq(e.source, source), _eq(e.target, target), e.modality == modality)
        grain = precision(date)
        if grain in ("year", "month"):
            finer = self._finer(conn, group, date)
            if len(finer) == 1:
                return finer[0]
        new_id = conn.execute(
            INSERT_EVENT,
            {
                "key": key,
                "type": kind,
                "mode": ev.get("mode"),
                "cameo": ev.get("cameo"),
                "quad": ev.get("quad"),
                "goldstein": ev.get("goldstein"),
                "source": source,
                "target": target,
                "date": date,
                "modality": modality,
            },
        ).inserted_primary_key[0]
        known[key] = new_id
        if grain in ("day", "month"):
            for prefix in (date[:7], date[:4]):
                if not coarser(prefix, date):
                    continue
                coarse = known.get(f"{stem}|{prefix}")
                if coarse is not None and self._finer(conn, group, prefix) == [new_id]:
                    # The UPDATE that moves the coarse event's reports must see them all, those of this very
                    # article included, or they would point at a deleted event: write the pending ones first.
                    _flush_reports(conn, pending)
                    conn.execute(
                        update(s.event_reports).where(s.event_reports.c.event_id == coarse).values(event_id=new_id)
                    )
                    conn.execute(delete(s.events).where(e.id == coarse))
                    known.pop(f"{stem}|{prefix}")
        return new_id

    def _finer(self, conn: Connection, group, date: str) -> list[int]:
        """The group's events dated within ``date`` more finely ("2024-06" within "2024"). Dates hold digits, '-'
        and 'W': a range from "<date>-" to "<date>-~" is that prefix, and an index on the date can find it."""
        e = s.events.c
        rows = conn.execute(select(e.id, e.date).where(group, e.date >= f"{date}-", e.date < f"{date}-~"))
        return [i for i, d in rows if coarser(date, d)]

    def _relink(self, conn: Connection, actor_id: int, skip_article: int) -> None:
        """Re-place the reports of earlier articles that involve an actor whose country was just learned."""
        aa, r = s.article_actors.c, s.event_reports.c
        moved: set[int] = set()
        for article_id in conn.execute(
            select(aa.article_id).where(aa.actor_id == actor_id, aa.article_id != skip_article).distinct()
        ).scalars():
            local_ids = {
                k: v for k, v in conn.execute(select(aa.local_id, aa.actor_id).where(aa.article_id == article_id))
            }
            mine = {k for k, v in local_ids.items() if v == actor_id}
            body = json.loads(
                conn.execute(select(s.articles.c.document).where(s.articles.c.id == article_id)).scalar_one()
            )
            touched = {ev["id"] for ev in body["events"] if mine & set(ev["sources"] + ev["targets"])}
            if not touched:
                continue
            mine_reports = and_(r.article_id == article_id, r.local_id.in_(touched))
            moved.update(conn.execute(select(r.event_id).where(mine_reports)).scalars())
            conn.execute(delete(s.event_reports).where(mine_reports))
            self._write_events(conn, article_id, body, local_ids, only=touched)
        self._drop_orphans(conn, events=moved, actors=set())

    def _drop_orphans(self, conn: Connection, events: set[int] | None = None, actors: set[int] | None = None) -> None:
        """Events no report supports, and actors no article or quote mentions (unless the user pinned them).

        ``events`` and ``actors``, when given, are the only candidates (those whose reports or mentions were
        just removed): a whole-table search would cost a scan of a million events for each article forgotten.
        """
        r, e, a = s.event_reports.c, s.events.c, s.actors.c
        unsupported = ~select(r.id).where(r.event_id == e.id).exists()
        if events is None:
            conn.execute(delete(s.events).where(unsupported))
        else:
            for part in slices(sorted(events)):
                conn.execute(delete(s.events).where(e.id.in_(part), unsupported))
        unused = and_(
            a.pinned == 0,
            ~select(s.article_actors.c.actor_id).where(s.article_actors.c.actor_id == a.id).exists(),
            ~select(s.quotes.c.id).where(s.quotes.c.speaker_id == a.id).exists(),
        )
        if actors is None:
            gone = list(conn.execute(select(a.id).where(unused)).scalars())
        else:
            gone = []
            for part in slices(sorted(actors)):
                gone += conn.execute(select(a.id).where(a.id.in_(part), unused)).scalars()
        if gone:
            conn.execute(delete(s.actor_aliases).where(s.actor_aliases.c.actor_id.in_(gone)))
            conn.execute(delete(s.actors).where(a.id.in_(gone)))

    @staticmethod
    def _supported(conn: Connection, article_id: int) -> tuple[set[int], set[int]]:
        """The events an article reports and the actors it names or quotes: what may be orphaned without it."""
        r, aa, q = s.event_reports.c, s.article_actors.c, s.quotes.c
        events = set(conn.execute(select(r.event_id).where(r.article_id == article_id)).scalars())
        actors = set(conn.execute(select(aa.actor_id).where(aa.article_id == article_id)).scalars())
        actors.update(
            conn.execute(select(q.speaker_id).where(q.article_id == article_id, q.speaker_id.is_not(None))).scalars()
        )
        return events, actors

    def _clear_derived(self, conn: Connection, article_id: int) -> None:
        for table in (s.event_reports, s.quotes, s.actor_aliases, s.article_actors, s.article_topics):
            conn.execute(delete(table).where(table.c.article_id == article_id))

    # ---- upkeep --------------------------------------------------------------------------------

    def find_article(self, ref: str) -> dict[str, Any] | None:
        """An article by any id it arrived under, its hash or its store number."""
        c = s.articles.c
        with self.engine.connect() as conn:
            row = conn.execute(select(s.articles).where(or_(c.ref == ref, c.hash == ref))).mappings().first()
            if row is None:
                found = conn.execute(select(s.article_refs.c.article_id).where(s.article_refs.c.ref == ref)).first()
                if found is None and ref.isdigit():
                    found = (int(ref),)
                if found is not None:
                    row = conn.execute(select(s.articles).where(c.id == found[0])).mappings().first()
            return dict(row) if row is not None else None

    def forget(self, ref: str) -> dict[str, Any] | None:
        """Remove an article and whatever only it supported (its events' reports, quotes, lone actors)."""
        row = self.find_article(ref)
        if row is None:
            return None
        with self._writing() as conn:
            events, actors = self._supported(conn, row["id"])
            self._clear_derived(conn, row["id"])
            conn.execute(delete(s.article_refs).where(s.article_refs.c.article_id == row["id"]))
            conn.execute(delete(s.articles).where(s.articles.c.id == row["id"]))
            self._drop_orphans(conn, events, actors)
        return row

    def stale(self, extractor: str, everything: bool = False) -> Iterator[dict[str, Any]]:
        """Stored articles written by another extractor version (or all of them)."""
        c = s.articles.c
        columns = (c.id, c.ref, c.hash, c.title, c.url, c.source, c.license, c.published, c.language, c.text)
        which = literal(True) if everything else c.extractor != extractor
        with self.engine.connect() as conn:
            ids = list(conn.execute(select(c.id).where(which).order_by(c.id)).scalars())
        for i in range(0, len(ids), 100):
            with self.engine.connect() as conn:
                rows = [
                    dict(r)
                    for r in conn.execute(select(*columns).where(c.id.in_(ids[i : i + 100])).order_by(c.id)).mappings()
                ]
            yield from rows

    def replace(self, documents: list[tuple[int, Document]]) -> None:
        """Swap in re-extracted documents: events, quotes, actors' links and topics are replaced; refs kept."""
        with self._writing() as conn:
            events: set[int] = set()
            actors: set[int] = set()
            for article_id, doc in documents:
                body = doc.to_dict()
                ev, ac = self._supported(conn, article_id)
                events |= ev
                actors |= ac
                self._clear_derived(conn, article_id)
                conn.execute(
                    update(s.articles)
                    .where(s.articles.c.id == article_id)
                    .values(extractor=doc.article.extractor, document=json.dumps(body, ensure_ascii=False))
                )
                self._write_derived(conn, article_id, body)
            self._drop_orphans(conn, events, actors)

    def integrity(self) -> str:
        """'ok', or what the database's own check found."""
        with self.engine.connect() as conn:
            if self.dialect == "sqlite":
                rows = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check")]
                fk = list(conn.exec_driver_sql("PRAGMA foreign_key_check"))
                problems = [r for r in rows if r != "ok"] + [f"foreign key: {tuple(r)}" for r in fk]
            else:
                problems = []
            orphans = conn.execute(
                select(func.count())
                .select_from(s.events)
                .where(~select(s.event_reports.c.id).where(s.event_reports.c.event_id == s.events.c.id).exists())
            ).scalar_one()
            if orphans:
                problems.append(f"{orphans} events without reports")
            dangling = conn.execute(
                select(func.count())
                .select_from(s.event_reports)
                .where(~select(s.events.c.id).where(s.events.c.id == s.event_reports.c.event_id).exists())
            ).scalar_one()
            if dangling:
                problems.append(f"{dangling} event reports pointing at no event")
            if self._tallies(conn) != self._tallies(conn, recount=True):
                problems.append("the per-dyad tallies do not match the events")
        return "ok" if not problems else "; ".join(problems)

    @staticmethod
    def _tallies(conn: Connection, recount: bool = False) -> dict[tuple, tuple]:
        """The per-pair tallies the triggers keep, or (``recount``) the same counted from the events."""
        t, e = s.dyad_tallies.c, s.events.c
        if not recount:
            rows = conn.execute(
                select(t.a, t.b, t.modality, t.events, *[t[q] for q in s.QUAD_NAMES], t.goldstein).where(t.events > 0)
            )
        else:
            src, tgt = func.coalesce(e.source, ""), func.coalesce(e.target, "")
            low = case((src < tgt, src), else_=tgt)
            high = case((src < tgt, tgt), else_=src)
            quads = [func.sum(case((e.quad == q, 1), else_=0)) for q in s.QUAD_NAMES]
            rows = conn.execute(
                select(low, high, e.modality, func.count(), *quads, func.sum(func.coalesce(e.goldstein, 0.0))).group_by(
                    low, high, e.modality
                )
            )
        return {tuple(r[:3]): (*r[3:8], round(r[8] or 0.0, 6)) for r in rows}

    def has_ref(self, ref: str | None) -> bool:
        """Whether an article arrived under this id or address before (feed entries are not fetched again)."""
        if not ref:
            return False
        r = s.article_refs.c
        with self.engine.connect() as conn:
            return conn.execute(select(r.id).where(or_(r.ref == ref, r.url == ref)).limit(1)).first() is not None

    # ---- feeds ---------------------------------------------------------------------------------

    def feed_state(self, url: str) -> tuple[str | None, str | None]:
        with self.engine.connect() as conn:
            row = conn.execute(select(s.feeds.c.etag, s.feeds.c.modified).where(s.feeds.c.url == url)).first()
        return (row[0], row[1]) if row else (None, None)

    def save_feed_state(self, url: str, etag: str | None, modified: str | None) -> None:
        with self.engine.begin() as conn:
            conn.execute(delete(s.feeds).where(s.feeds.c.url == url))
            conn.execute(insert(s.feeds).values(url=url, etag=etag, modified=modified, polled_at=_now()))

    # ---- reading -------------------------------------------------------------------------------

    def connect(self):
        return self.engine.connect()

    def stats(self) -> dict[str, int]:
        """How many of each record the store holds; events from the tallies, which the triggers keep exact (counting
        a million events costs 60 ms on PostgreSQL, every time the home page is shown)."""
        tables = {"articles": s.articles, "actors": s.actors, "reports": s.event_reports, "quotes": s.quotes}
        with self.engine.connect() as conn:
            out = {k: conn.execute(select(func.count()).select_from(t)).scalar_one() for k, t in tables.items()}
            tallied = select(func.coalesce(func.sum(s.dyad_tallies.c.events), 0))
            out["events"] = int(conn.execute(tallied).scalar_one())
        return {k: out[k] for k in ("articles", "actors", "events", "reports", "quotes")}

    def fts_condition(self, words: str):
        """A WHERE clause matching quotes that contain all the words (FTS5 or tsvector)."""
        q = s.quotes.c
        if self.dialect == "sqlite":
            tokens = [w.replace('"', '""') for w in words.split() if w.strip('"')]
            if not tokens:
                return literal(False)
            match = " ".join(f'"{t}"' for t in tokens)
            return q.id.in_(text("SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH :m").bindparams(m=match))
        if self.dialect == "postgresql":
            return text("quotes.tsv @@ plainto_tsquery('english', :m)").bindparams(m=words)
        return and_(*[q.text.ilike(f"%{w}%") for w in words.split()])


# A connection that writes (ingest) keeps up to 256 MiB of pages and lets the write-ahead log grow to 20,000 pages
# (80 MiB) before copying it into the database. A million-event store's indexes are far larger than SQLite's default
# 2 MiB cache, and each batch then dirties thousands of scattered index pages: with these, the batch re-reads fewer
# of them and the log copies each one once for several batches. Measured on a 1M-event store: 2,000 documents
# written at 115-123 documents/s with the defaults, 133-137 with these. Pages are cached only as read: a small
# store costs no more memory.
WRITE_CACHE_KIB = 262_144
WRITE_CHECKPOINT_PAGES = 20_000


def _sqlite_setup(engine: Engine) -> None:
    """WAL, foreign keys, a busy timeout, and real transactions (pysqlite's own begin is lazy)."""

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record) -> None:  # noqa: ANN001
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA busy_timeout=30000")  # first: switching a new file to WAL may wait for another
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn) -> None:  # noqa: ANN001
        # IMMEDIATE takes the write lock at once (waiting out the busy timeout), for a read-then-write
        # that must not race another process: migrations.
        options = conn.get_execution_options()
        if options.get("writing"):
            conn.exec_driver_sql(f"PRAGMA cache_size=-{WRITE_CACHE_KIB}")
            conn.exec_driver_sql(f"PRAGMA wal_autocheckpoint={WRITE_CHECKPOINT_PAGES}")
        conn.exec_driver_sql("BEGIN IMMEDIATE" if options.get("exclusive") else "BEGIN")


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OperationalError) and exc.orig is not None:
        return str(exc.orig).strip().splitlines()[0]
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
