"""Reading the store: dyads, events with filters, one event's reports, quotes, actors.

Every interface (CLI, HTTP API, exports) asks through these, so they all see the same numbers.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, case, func, literal, or_, select

from dyad.store import schema as s

QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")


@dataclass
class EventFilter:
    """The filters every event listing takes (CLI options, API query parameters)."""

    dyad: tuple[str, str] | None = None
    directed: bool = False
    type: str | None = None
    since: str | None = None
    until: str | None = None
    topic: str | None = None
    place: str | None = None
    min_confidence: float | None = None
    modality: str | None = "actual"
    actor: int | None = None
    sides: str | None = "both"  # "both": source and target known; "one": one side unknown; None: every event


SIDES = ("both", "one", "any")


def day_bounds(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    """A from/to pair as users give it (YYYY, YYYY-MM or YYYY-MM-DD) as the first and last day it covers:
    "2024" from its 1 January to its 31 December, "2024-06" to its last day. ValueError names a bad one."""
    from datetime import date

    def first(value: str) -> str:
        parts = value.split("-")
        if not (len(parts) <= 3 and len(parts[0]) == 4 and all(p.isdigit() and len(p) in (2, 4) for p in parts)):
            raise ValueError(f"{value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        try:
            return date.fromisoformat((value + "-01-01")[:10]).isoformat()
        except ValueError:
            raise ValueError(f"{value!r} is not a date") from None

    def last(value: str) -> str:
        start = date.fromisoformat(first(value))
        if len(value) == 4:
            return f"{value}-12-31"
        if len(value) == 7:
            following = date(start.year + start.month // 12, start.month % 12 + 1, 1)
            return date.fromordinal(following.toordinal() - 1).isoformat()
        return value

    return (first(since) if since else None), (last(until) if until else None)


def _on_or_after(column, day: str):
    """A date at any granularity that reaches ``day`` or later ('2024' reaches 2024-06-19). The plain bound
    first (every such date sorts at or after the day's year) lets an index on the date find them."""
    return and_(column >= day[:4], column >= func.substr(literal(day), 1, func.length(column)))


def _on_or_before(column, day: str):
    """A date at any granularity that reaches back to ``day`` or earlier; such dates sort at or before it."""
    return and_(column <= day, column <= func.substr(literal(day), 1, func.length(column)))


def slices(values: list, size: int = 500) -> Iterator[list]:
    """``values`` in consecutive parts of ``size``: an IN list of each part stays within what a database binds."""
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _pair(columns, dyad: tuple[str, str], directed: bool):
    """Rows of events or reports (``columns``: their ``.c``) between two sides. Either direction is said as two
    by two points, so that an index on (source, target) serves it, not an OR a planner turns into a scan."""
    a, b = dyad
    if directed or a == b:
        return and_(columns.source == a, columns.target == b)
    return and_(columns.source.in_((a, b)), columns.target.in_((a, b)), columns.source != columns.target)


def _newest(e) -> tuple:
    """Newest first, undated last, in the order the date indexes hold."""
    return (e.date.desc().nulls_last(), e.id.desc())


class Queries:
    """Mixed into ``Store``: needs ``self.engine`` and ``self.fts_condition``."""

    engine: Any

    def _event_conditions(self, f: EventFilter) -> list:
        e, r = s.events.c, s.event_reports.alias("filter_reports").c  # an alias: the listing joins reports too
        conds: list = []
        if f.modality:
            conds.append(e.modality == f.modality)
        if f.sides == "both":
            conds.append(and_(e.source.is_not(None), e.target.is_not(None)))  # a dyad: never "RUS→?"
        elif f.sides == "one":
            conds.append(or_(e.source.is_(None), e.target.is_(None)))
        if f.dyad:
            conds.append(_pair(e, f.dyad, f.directed))
        if f.type:
            conds.append(e.type == f.type.upper())
        if f.since:
            conds.append(_on_or_after(e.date, f.since))
        if f.until:
            conds.append(_on_or_before(e.date, f.until))
        if f.min_confidence is not None:
            conds.append(select(r.id).where(r.event_id == e.id, r.confidence >= f.min_confidence).exists())
        if f.topic:
            t = s.article_topics.c
            conds.append(
                select(r.id)
                .join(s.article_topics, t.article_id == r.article_id)
                .where(r.event_id == e.id, t.name == f.topic.lower())
                .exists()
            )
        if f.place:
            conds.append(
                select(r.id)
                .where(
                    r.event_id == e.id,
                    or_(func.lower(r.place) == f.place.lower(), r.place_country == f.place.upper()),
                )
                .exists()
            )
        if f.actor is not None:
            conds.append(
                select(r.id)
                .where(r.event_id == e.id, or_(_lists(r.sources, f.actor), _lists(r.targets, f.actor)))
                .exists()
            )
        return conds

    def events(self, f: EventFilter | None = None, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        """Events, newest first, each with its counts of reports and articles and its best confidence."""
        f = f or EventFilter()
        e, r = s.events.c, s.event_reports.c
        with self.engine.connect() as conn:
            # the page's events first, in date order along an index, then what their reports say
            ids = list(
                conn.execute(
                    select(e.id).where(*self._event_conditions(f)).order_by(*_newest(e)).limit(limit).offset(offset)
                ).scalars()
            )
            if not ids:
                return []
            query = (
                select(
                    s.events,
                    func.count(r.id).label("reports"),
                    func.count(func.distinct(r.article_id)).label("articles"),
                    func.max(r.confidence).label("confidence"),
                    func.min(r.place).label("place"),
                )
                .join(s.event_reports, r.event_id == e.id)
                .where(e.id.in_(ids))
                .group_by(*s.events.c)
                .order_by(*_newest(e))
            )
            return [dict(row) for row in conn.execute(query).mappings()]

    def map_points(self, f: EventFilter | None = None, limit: int = 2000) -> list[dict[str, Any]]:
        """Events with a geocoded place, newest first, one point each (the mean of its reports' coordinates)."""
        f = f or EventFilter()
        e, r = s.events.c, s.event_reports.c
        # lat alone: a report has both coordinates or neither, and PostgreSQL, taking the two tests as independent,
        # guessed a hundredth of the placed reports and hash-joined every event of the store instead of walking
        # the newest ones by date
        placed = select(r.id).where(r.event_id == e.id, r.lat.is_not(None)).exists()
        with self.engine.connect() as conn:
            if f.dyad:
                # A pair's placed reports come from their own (partial) index, then their events by id, sorted here.
                # Joined in one query, SQLite (without statistics) chose between that index and walking every
                # actual event by date in the order the store's indexes happened to be created: 40 ms or 700 ms
                # for the busiest pair of a million events, depending on the store. The filter is wrapped in a
                # CASE so that no index on it competes with the ids.
                pair = _pair(r, f.dyad, f.directed)
                candidates = sorted(set(conn.execute(select(r.event_id).where(r.lat.is_not(None), pair)).scalars()))
                wanted = case((and_(*self._event_conditions(f)), 1), else_=0) == 1
                found = []
                for part in slices(candidates):
                    found += conn.execute(select(e.id, e.date).where(e.id.in_(part), wanted)).all()
                found.sort(key=lambda row: (row[1] is not None, row[1] or "", row[0]), reverse=True)
                ids = [row[0] for row in found[:limit]]
            else:
                # dated events newest first, then undated ones: two queries that an index on the date can answer
                # in order on both databases (PostgreSQL's index order cannot give "undated last" by itself)
                conditions = [placed, *self._event_conditions(f)]
                dated = select(e.id).where(*conditions, e.date.is_not(None)).order_by(e.date.desc(), e.id.desc())
                ids = list(conn.execute(dated.limit(limit)).scalars())
                if len(ids) < limit:
                    undated = select(e.id).where(*conditions, e.date.is_(None)).order_by(e.id.desc())
                    ids += conn.execute(undated.limit(limit - len(ids))).scalars()
            if not ids:
                return []
            query = (
                select(
                    e.id,
                    e.date,
                    e.type,
                    e.source,
                    e.target,
                    func.min(r.place).label("place"),
                    func.avg(r.lat).label("lat"),
                    func.avg(r.lon).label("lon"),
                )
                .join(s.event_reports, r.event_id == e.id)
                .where(e.id.in_(ids), r.lat.is_not(None))
                .group_by(e.id, e.date, e.type, e.source, e.target)
                .order_by(*_newest(e))
            )
            return [
                {**row, "lat": round(row["lat"], 4), "lon": round(row["lon"], 4)}
                for row in (dict(m) for m in conn.execute(query).mappings())
            ]

    def count_events(self, f: EventFilter | None = None) -> int:
        f = f or EventFilter()
        query = select(func.count()).select_from(s.events).where(*self._event_conditions(f))
        with self.engine.connect() as conn:
            return conn.execute(query).scalar_one()

    def event(self, event_id: int) -> dict[str, Any] | None:
        """One event with every report: the article, its coding, actors and evidence sentences."""
        e, r, a = s.events.c, s.event_reports.c, s.articles.c
        with self.engine.connect() as conn:
            row = conn.execute(select(s.events).where(e.id == event_id)).mappings().first()
            if row is None:
                return None
            out = dict(row)
            reports = conn.execute(
                select(
                    s.event_reports,
                    a.ref.label("article_ref"),
                    a.title,
                    a.url,
                    a.source.label("article_source"),
                    a.license,
                    a.published,
                    a.text,
                )
                .join(s.articles, a.id == r.article_id)
                .where(r.event_id == event_id)
                .order_by(a.published, r.id)
            ).mappings()
            out["reports"] = []
            actor_ids: set[int] = set()
            for rep in reports:
                rep = dict(rep)
                text = rep.pop("text")
                rep["sources"], rep["targets"] = json.loads(rep["sources"]), json.loads(rep["targets"])
                actor_ids.update(rep["sources"] + rep["targets"])
                rep["evidence"] = [
                    {**ev, "sentence": text[ev["start"] : ev["end"]]} for ev in json.loads(rep["evidence"])
                ]
                out["reports"].append(rep)
            names = {}
            if actor_ids:
                names = {
                    i: {"id": i, "name": n, "country": c, "kind": k}
                    for i, n, c, k in conn.execute(
                        select(s.actors.c.id, s.actors.c.name, s.actors.c.country, s.actors.c.kind).where(
                            s.actors.c.id.in_(actor_ids)
                        )
                    )
                }
            for rep in out["reports"]:
                rep["sources"] = [names.get(i, {"id": i}) for i in rep["sources"]]
                rep["targets"] = [names.get(i, {"id": i}) for i in rep["targets"]]
        out["articles"] = len({rep["article_id"] for rep in out["reports"]})
        return out

    def dyads(self, limit: int = 10) -> list[dict[str, Any]]:
        """The most active pairs of states (or bodies), unordered, over actual events with two sides."""
        t, e = s.dyad_tallies.c, s.events.c
        query = (
            select(t.a, t.b, t.events, *[t[q] for q in QUADS], t.goldstein)
            .where(t.modality == "actual", t.a != "", t.a != t.b, t.events > 0)
            .order_by(t.events.desc(), t.a, t.b)
            .limit(limit)
        )
        with self.engine.connect() as conn:
            rows = [dict(row) for row in conn.execute(query).mappings()]
            for row in rows:  # the latest dated event of each pair, along the pair's index
                row["goldstein"] = round(row["goldstein"], 6)
                row["latest"] = max(
                    (
                        conn.execute(
                            select(func.max(e.date)).where(
                                e.source == x,
                                e.target == y,
                                e.modality == "actual",
                                ~e.date.like("%W%"),
                                ~e.date.like("X%"),  # "XXXX-10-23": a day of an unknown year
                            )
                        ).scalar()
                        for x, y in ((row["a"], row["b"]), (row["b"], row["a"]))
                    ),
                    key=lambda d: d or "",
                )
        return rows

    def side_counts(self) -> dict[str, int]:
        """Stored events (any modality) with both sides known, and with one side unknown: from the tallies."""
        t = s.dyad_tallies.c
        with self.engine.connect() as conn:
            both = conn.execute(select(func.coalesce(func.sum(t.events), 0)).where(t.a != "")).scalar_one()
            one = conn.execute(select(func.coalesce(func.sum(t.events), 0)).where(t.a == "")).scalar_one()
        return {"both": int(both), "one": int(one)}

    def dyad_events(self, a: str, b: str, directed: bool = False, since: str | None = None, until: str | None = None):
        """(date, type, quad, goldstein, source, target) of the actual events between two sides."""
        f = EventFilter(dyad=(a, b), directed=directed, since=since, until=until)
        e = s.events.c
        query = select(e.date, e.type, e.quad, e.goldstein, e.source, e.target).where(*self._event_conditions(f))
        with self.engine.connect() as conn:
            return [tuple(row) for row in conn.execute(query)]

    def dyad_periods(
        self, a: str, b: str, by: str, directed: bool = False, since: str | None = None, until: str | None = None
    ) -> list[tuple]:
        """What ``dyad_events`` gives, counted in the database: (date or period, type, quad, Goldstein sum,
        None, None, events) rows, one per month (or day, or year) and type and quad. Dates too coarse for the
        period stay as they are, so that ``analysis.timeline`` still counts them apart; weeks are days here,
        and ``timeline`` finds their ISO week."""
        f = EventFilter(dyad=(a, b), directed=directed, since=since, until=until)
        e = s.events.c
        if by == "year":
            key = func.substr(e.date, 1, 4)
        elif by == "month":
            fine = and_(func.length(e.date) >= 7, ~e.date.like("%W%"))
            key = case((fine, func.substr(e.date, 1, 7)), else_=e.date)
        else:
            key = e.date
        query = (
            select(key, e.type, e.quad, func.sum(func.coalesce(e.goldstein, 0.0)), func.count())
            .where(*self._event_conditions(f))
            .group_by(key, e.type, e.quad)
        )
        with self.engine.connect() as conn:
            return [(d, t, q, g, None, None, n) for d, t, q, g, n in conn.execute(query)]

    def _quotes_query(self, speaker: str | None, search: str | None, speaker_id: int | None):
        q, a, act = s.quotes.c, s.articles.c, s.actors.c
        query = (
            select(
                q.id,
                q.text,
                q.start_char,
                q.end_char,
                q.cue,
                q.speaker_id,
                act.name.label("speaker"),
                act.title.label("speaker_title"),
                act.country.label("speaker_country"),
                a.id.label("article_id"),
                a.ref.label("article_ref"),
                a.title.label("article_title"),
                a.url,
                a.published,
                a.source,
                a.license,
            )
            .join(s.articles, a.id == q.article_id)
            .outerjoin(s.actors, act.id == q.speaker_id)
        )
        if speaker:
            query = query.where(
                or_(
                    func.lower(act.name).contains(speaker.lower(), autoescape=True),
                    act.id.in_(
                        select(s.actor_aliases.c.actor_id).where(func.lower(s.actor_aliases.c.alias) == speaker.lower())
                    ),
                )
            )
        if speaker_id is not None:
            query = query.where(q.speaker_id == speaker_id)
        if search:
            query = query.where(self.fts_condition(search))
        return query

    def quotes(
        self,
        speaker: str | None = None,
        search: str | None = None,
        limit: int = 50,
        offset: int = 0,
        speaker_id: int | None = None,
    ) -> list[dict[str, Any]]:
        """Quotes with their speakers and articles, newest first; ``search`` is full-text (all words)."""
        a, q = s.articles.c, s.quotes.c
        query = self._quotes_query(speaker, search, speaker_id)
        query = query.order_by(a.published.desc().nulls_last(), q.id).limit(limit).offset(offset)
        with self.engine.connect() as conn:
            return [dict(row) for row in conn.execute(query).mappings()]

    def count_quotes(self, speaker: str | None = None, search: str | None = None, speaker_id: int | None = None) -> int:
        return self._count(self._quotes_query(speaker, search, speaker_id))

    def _count(self, query) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(query.subquery())).scalar_one()

    def _actors_query(self, country: str | None, kind: str | None, name: str | None):
        act, aa, q = s.actors.c, s.article_actors.c, s.quotes.c
        articles = select(func.count(func.distinct(aa.article_id))).where(aa.actor_id == act.id).scalar_subquery()
        quotes = select(func.count(q.id)).where(q.speaker_id == act.id).scalar_subquery()
        query = select(s.actors, articles.label("articles"), quotes.label("quotes"))
        if country:
            query = query.where(act.country == country.upper())
        if kind:
            query = query.where(act.kind == kind)
        if name:
            query = query.where(func.lower(act.name).contains(name.lower(), autoescape=True))
        return query, articles

    def actors(
        self,
        country: str | None = None,
        kind: str | None = None,
        name: str | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Actors with how many articles mention them and how many quotes they have, most mentioned first."""
        query, articles = self._actors_query(country, kind, name)
        query = query.order_by(articles.desc(), s.actors.c.name).limit(limit).offset(offset)
        with self.engine.connect() as conn:
            return [dict(row) for row in conn.execute(query).mappings()]

    def count_actors(self, country: str | None = None, kind: str | None = None, name: str | None = None) -> int:
        return self._count(self._actors_query(country, kind, name)[0])

    def article(self, ref: str | int) -> dict[str, Any] | None:
        """One stored article (by any id it came under, its hash, or its store number as an int) with its document,
        every id it came under, and the store actor of each document actor."""
        if isinstance(ref, int):
            with self.engine.connect() as conn:
                found = conn.execute(select(s.articles).where(s.articles.c.id == ref)).mappings().first()
            row = dict(found) if found is not None else None
        else:
            row = self.find_article(ref)  # type: ignore[attr-defined]
        if row is None:
            return None
        refs, aa = s.article_refs.c, s.article_actors.c
        with self.engine.connect() as conn:
            row["stored_as"] = [
                dict(r)
                for r in conn.execute(
                    select(refs.ref, refs.url, refs.source, refs.license)
                    .where(refs.article_id == row["id"])
                    .order_by(refs.id)
                ).mappings()
            ]
            row["actor_ids"] = dict(
                conn.execute(select(aa.local_id, aa.actor_id).where(aa.article_id == row["id"])).all()
            )
            r = s.event_reports.c
            row["event_ids"] = {
                local: event
                for local, event in conn.execute(
                    select(r.local_id, r.event_id).where(r.article_id == row["id"]).order_by(r.id)
                ).all()
            }
        row["document"] = json.loads(row["document"])
        return row

    def actor(self, actor_id: int) -> dict[str, Any] | None:
        al = s.actor_aliases.c
        with self.engine.connect() as conn:
            row = conn.execute(select(s.actors).where(s.actors.c.id == actor_id)).mappings().first()
            if row is None:
                return None
            out = dict(row)
            out["aliases"] = [
                dict(r)
                for r in conn.execute(
                    select(al.alias, al.article_id, al.start_char, al.end_char)
                    .where(al.actor_id == actor_id)
                    .order_by(al.alias, al.article_id)
                ).mappings()
            ]
        return out

    def documents(self) -> Iterator[dict[str, Any]]:
        """Stored documents in store order, each with every id and URL it arrived under."""
        a, refs = s.articles.c, s.article_refs.c
        with self.engine.connect() as conn:
            ids = list(conn.execute(select(a.id).order_by(a.id)).scalars())
        for i in range(0, len(ids), 200):
            with self.engine.connect() as conn:
                part = ids[i : i + 200]
                found: dict[int, list[dict]] = {}
                for row in conn.execute(
                    select(refs.article_id, refs.ref, refs.url, refs.source, refs.license)
                    .where(refs.article_id.in_(part))
                    .order_by(refs.id)
                ).mappings():
                    found.setdefault(row["article_id"], []).append(
                        {k: row[k] or None for k in ("ref", "url", "source", "license")}
                    )
                rows = list(conn.execute(select(a.id, a.document).where(a.id.in_(part)).order_by(a.id)))
            for article_id, document in rows:
                body = json.loads(document)
                body["stored_as"] = found.get(article_id, [])
                yield body

    def event_rows(self) -> Iterator[dict[str, Any]]:
        """Every event with its counts and its first report's article (for CSV, Parquet and GDELT exports)."""
        e, r, a = s.events.c, s.event_reports.c, s.articles.c
        other = s.event_reports.alias("other")
        first = select(func.min(other.c.id)).where(other.c.event_id == e.id).correlate(s.events).scalar_subquery()
        reports = select(func.count(other.c.id)).where(other.c.event_id == e.id).correlate(s.events)
        articles = select(func.count(func.distinct(other.c.article_id))).where(other.c.event_id == e.id)
        query = (
            select(
                s.events,
                reports.scalar_subquery().label("reports"),
                articles.correlate(s.events).scalar_subquery().label("articles"),
                r.confidence,
                r.place,
                r.place_country,
                r.lat,
                r.lon,
                r.sources.label("source_actors"),
                r.targets.label("target_actors"),
                a.ref.label("article_ref"),
                a.url.label("article_url"),
                a.source.label("article_source"),
                a.license.label("article_license"),
                a.ingested_at,
            )
            .select_from(s.events)
            .join(s.event_reports, r.id == first)
            .join(s.articles, a.id == r.article_id)
            .order_by(e.id)
        )
        with self.engine.connect() as conn:
            names = dict(conn.execute(select(s.actors.c.id, s.actors.c.name)).all())
            codes = dict(conn.execute(select(s.actors.c.id, s.actors.c.code)).all())
            for row in conn.execute(query).mappings():
                out = dict(row)
                for side in ("source_actors", "target_actors"):
                    ids = json.loads(out[side])
                    out[side] = "; ".join(names.get(i, "") for i in ids)
                    out[side.replace("actors", "codes")] = "; ".join(codes.get(i) or "" for i in ids)
                yield out

    def topics(self) -> list[tuple[str, int]]:
        t = s.article_topics.c
        with self.engine.connect() as conn:
            return [tuple(r) for r in conn.execute(select(t.name, func.count()).group_by(t.name).order_by(t.name))]


def _lists(column, actor_id: int):
    """The JSON list in ``column`` ('[5, 15]', as json.dumps writes it) holds ``actor_id``."""
    n = str(int(actor_id))
    return or_(column == f"[{n}]", column.like(f"[{n},%"), column.like(f"% {n},%"), column.like(f"% {n}]"))
