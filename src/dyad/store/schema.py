"""The store's tables (SQLAlchemy Core) and the migrations that build and upgrade them.

One set of tables serves SQLite and PostgreSQL. The schema version lives in
``meta``; ``migrate`` runs every step above the stored version, in order, each
in the caller's transaction, so a database is never left half-upgraded.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import (
    Column,
    Connection,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    select,
    text,
)

SCHEMA_VERSION = 3
MIGRATION_LOCK = 0x6479616401  # PostgreSQL advisory lock key held while migrating ("dyad" 1)

metadata = MetaData()

meta = Table("meta", metadata, Column("key", String(64), primary_key=True), Column("value", Text, nullable=False))

articles = Table(
    "articles",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("hash", String(64), nullable=False, unique=True),
    Column("ref", Text, nullable=False),  # the first record id it came under: what users name it by
    Column("title", Text),
    Column("url", Text),
    Column("source", Text),
    Column("license", Text),
    Column("published", String(10), index=True),
    Column("language", String(8), nullable=False),
    Column("extractor", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("document", Text, nullable=False),  # the dyad/document@1 JSON, as extracted
    Column("ingested_at", String(32), nullable=False),
)

# Every id and address an article arrived under: the same story from two feeds is one article.
article_refs = Table(
    "article_refs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("ref", Text, nullable=False),
    Column("url", Text, nullable=False, default=""),
    Column("source", Text),
    Column("license", Text),
    UniqueConstraint("article_id", "ref", "url"),
)
Index("ix_article_refs_ref", article_refs.c.ref)

actors = Table(
    "actors",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("key", Text, nullable=False, unique=True),  # kind + normalised name (+ country for bodies)
    Column("kind", String(16), nullable=False),
    Column("name", Text, nullable=False),
    Column("surname", Text, index=True),  # persons: the last word of the name, for "Putin" -> "Vladimir Putin"
    Column("title", Text),
    Column("country", String(8), index=True),
    Column("code", String(16)),
    Column("pinned", Integer, nullable=False, default=0),  # 1: set by the user's overrides file, never relearned
)

# The names an actor was seen under, each with one piece of evidence (article and offsets).
actor_aliases = Table(
    "actor_aliases",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("actor_id", Integer, ForeignKey("actors.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("alias", Text, nullable=False),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("start_char", Integer),
    Column("end_char", Integer),
    UniqueConstraint("actor_id", "alias", "article_id"),
)

# A document's local actor ids ("A6") and the store's actor they resolved to.
article_actors = Table(
    "article_actors",
    metadata,
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("local_id", String(16), primary_key=True),
    Column("actor_id", Integer, ForeignKey("actors.id"), nullable=False, index=True),
)

# One row per happening: type, directed country pair, date, modality.
events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("key", Text, nullable=False, unique=True),
    Column("type", String(16), nullable=False),
    Column("mode", String(32)),
    Column("cameo", String(8)),
    Column("quad", String(32)),
    Column("goldstein", Float),
    Column("source", String(16)),  # country code (or IGO code) of the source side
    Column("target", String(16)),
    Column("date", String(10)),  # at the granularity the text gives: 2024, 2024-06, 2024-06-19, 2024-W25
    Column("modality", String(16), nullable=False),
)
Index("ix_events_pair", events.c.type, events.c.source, events.c.target, events.c.modality)
Index("ix_events_date", events.c.date)
# version 2: a dyad's events and its latest by date; events of a type in a period; the newest events
EVENT_INDEXES = [
    Index("ix_events_sides", events.c.source, events.c.target, events.c.modality, events.c.date),
    Index("ix_events_type_date", events.c.type, events.c.modality, events.c.date),
    Index("ix_events_modality_date", events.c.modality, events.c.date),
]

# Version 2: events counted per unordered pair of sides and modality, kept by triggers on every insert and
# delete of an event, so that the dyads overview and the home page's counts never scan the events table. An
# unknown side is '' (and sorts first: a row with a = '' counts events with one side unknown).
dyad_tallies = Table(
    "dyad_tallies",
    metadata,
    Column("a", String(16), primary_key=True),
    Column("b", String(16), primary_key=True),
    Column("modality", String(16), primary_key=True),
    Column("events", Integer, nullable=False),
    Column("verbal_cooperation", Integer, nullable=False),
    Column("material_cooperation", Integer, nullable=False),
    Column("verbal_conflict", Integer, nullable=False),
    Column("material_conflict", Integer, nullable=False),
    Column("goldstein", Float, nullable=False),
)
Index("ix_dyad_tallies_events", dyad_tallies.c.modality, dyad_tallies.c.events)

# What one article said about one event: its own coding, actors, place and evidence spans.
event_reports = Table(
    "event_reports",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("event_id", Integer, ForeignKey("events.id"), nullable=False, index=True),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("local_id", String(16), nullable=False),
    Column("type", String(16), nullable=False),
    Column("source", String(16)),
    Column("target", String(16)),
    Column("date", String(10)),
    Column("modality", String(16), nullable=False),
    Column("confidence", Float),
    Column("sources", Text, nullable=False),  # JSON list of store actor ids
    Column("targets", Text, nullable=False),
    Column("place", Text),
    Column("place_country", String(8)),
    Column("lat", Float),
    Column("lon", Float),
    Column("evidence", Text, nullable=False),  # JSON list of {start, end, trigger}
    UniqueConstraint("article_id", "local_id", "source", "target"),
)

# version 3: the reports with a place, by pair: a dyad's map finds them without reading the pair's every event
PLACED_REPORTS = Index(
    "ix_event_reports_placed",
    event_reports.c.source,
    event_reports.c.target,
    sqlite_where=event_reports.c.lat.is_not(None),
    postgresql_where=event_reports.c.lat.is_not(None),
)

quotes = Table(
    "quotes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("local_id", String(16), nullable=False),
    Column("text", Text, nullable=False),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    Column("speaker_id", Integer, ForeignKey("actors.id"), index=True),
    Column("cue", Text),
)

article_topics = Table(
    "article_topics",
    metadata,
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("name", String(64), primary_key=True),
)

# Conditional-request state of watched feeds.
feeds = Table(
    "feeds",
    metadata,
    Column("url", Text, primary_key=True),
    Column("etag", Text),
    Column("modified", Text),
    Column("polled_at", String(32)),
)


def _v1(conn: Connection) -> None:
    """Every table, and full-text search over quotes in each dialect's own way."""
    metadata.create_all(conn)
    if conn.dialect.name == "sqlite":
        conn.execute(text("CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content='quotes', content_rowid='id')"))
        conn.execute(
            text(
                "CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN "
                "INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text); END"
            )
        )
        conn.execute(
            text(
                "CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN "
                "INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text); END"
            )
        )
    elif conn.dialect.name == "postgresql":
        conn.execute(
            text("ALTER TABLE quotes ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED")
        )
        conn.execute(text("CREATE INDEX ix_quotes_tsv ON quotes USING gin (tsv)"))


QUAD_NAMES = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")


def _tally_sql(row: str, sign: str, dialect: str) -> tuple[str, str, str, list[str]]:
    """(a, b, modality, per-quad increments) of an event row ('new' or 'old') for the tally triggers."""
    low, high = ("min", "max") if dialect == "sqlite" else ("LEAST", "GREATEST")
    src, tgt = f"coalesce({row}.source, '')", f"coalesce({row}.target, '')"
    no = "0" if dialect == "sqlite" else "false"
    cast = "" if dialect == "sqlite" else "::int"
    quads = [f"{sign}coalesce({row}.quad = '{q}', {no}){cast}" for q in QUAD_NAMES]
    return f"{low}({src}, {tgt})", f"{high}({src}, {tgt})", f"{row}.modality", quads


def _v2(conn: Connection) -> None:
    """Indexes for dyads, periods and types; per-pair tallies kept by triggers, filled from stored events."""
    dialect = conn.dialect.name
    for index in EVENT_INDEXES:
        index.create(conn, checkfirst=True)
    dyad_tallies.create(conn, checkfirst=True)
    for index in dyad_tallies.indexes:
        index.create(conn, checkfirst=True)
    a, b, modality, adds = _tally_sql("new", "+", dialect)
    _, _, _, subs = _tally_sql("old", "-", dialect)
    oa, ob, omod, _ = _tally_sql("old", "-", dialect)
    quad_cols = ", ".join(QUAD_NAMES)
    insert = (
        f"INSERT INTO dyad_tallies (a, b, modality, events, {quad_cols}, goldstein) "
        f"VALUES ({a}, {b}, {modality}, 1, {', '.join(q.lstrip('+') for q in adds)}, coalesce(new.goldstein, 0)) "
        f"ON CONFLICT (a, b, modality) DO UPDATE SET events = dyad_tallies.events + 1, "
        + ", ".join(f"{q} = dyad_tallies.{q} + excluded.{q}" for q in QUAD_NAMES)
        + ", goldstein = dyad_tallies.goldstein + excluded.goldstein"
    )
    remove = (
        "UPDATE dyad_tallies SET events = events - 1, "
        + ", ".join(f"{q} = {q} {d}" for q, d in zip(QUAD_NAMES, subs, strict=True))
        + f", goldstein = goldstein - coalesce(old.goldstein, 0) WHERE a = {oa} AND b = {ob} AND modality = {omod}"
    )
    if dialect == "sqlite":
        conn.execute(text(f"CREATE TRIGGER events_tally_insert AFTER INSERT ON events BEGIN {insert}; END"))
        conn.execute(text(f"CREATE TRIGGER events_tally_delete AFTER DELETE ON events BEGIN {remove}; END"))
        conn.execute(text(f"CREATE TRIGGER events_tally_update AFTER UPDATE ON events BEGIN {remove}; {insert}; END"))
    elif dialect == "postgresql":
        conn.execute(
            text(
                "CREATE FUNCTION dyad_tally() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                f"IF TG_OP IN ('DELETE', 'UPDATE') THEN {remove}; END IF; "
                f"IF TG_OP IN ('INSERT', 'UPDATE') THEN {insert}; END IF; "
                "RETURN NULL; END $$"
            )
        )
        conn.execute(
            text(
                "CREATE TRIGGER events_tally AFTER INSERT OR DELETE OR UPDATE ON events "
                "FOR EACH ROW EXECUTE FUNCTION dyad_tally()"
            )
        )
    # the events already stored (an existing store migrated in place)
    na, nb, nmod, nquads = _tally_sql("e", "+", dialect)
    conn.execute(
        text(
            f"INSERT INTO dyad_tallies (a, b, modality, events, {quad_cols}, goldstein) "
            f"SELECT {na}, {nb}, {nmod}, count(*), "
            + ", ".join(f"sum({q.lstrip('+')})" for q in nquads)
            + f", sum(coalesce(e.goldstein, 0)) FROM events e GROUP BY {na}, {nb}, {nmod}"
        )
    )


def _v3(conn: Connection) -> None:
    """An index of the reports that have a place, by pair (a partial index, in both dialects)."""
    PLACED_REPORTS.create(conn, checkfirst=True)


# Step n brings a database from version n-1 to n. New versions append a step; none is ever edited.
MIGRATIONS: dict[int, Callable[[Connection], None]] = {1: _v1, 2: _v2, 3: _v3}


class SchemaError(RuntimeError):
    """The database cannot be used by this version of dyad."""


def stored_version(conn: Connection) -> int:
    if not conn.dialect.has_table(conn, "meta"):
        if conn.dialect.has_table(conn, "articles"):
            raise SchemaError("has dyad-like tables but no schema version; it was not made by dyad")
        return 0
    value = conn.execute(select(meta.c.value).where(meta.c.key == "schema_version")).scalar()
    return int(value) if value is not None else 0


def migrate(conn: Connection) -> int:
    """Bring the schema up to ``SCHEMA_VERSION``; return the version found before.

    On PostgreSQL a transaction-scoped advisory lock makes concurrent callers wait, then find the work done;
    on SQLite the caller's ``BEGIN IMMEDIATE`` does the same.
    """
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
    found = stored_version(conn)
    if found > SCHEMA_VERSION:
        raise SchemaError(
            f"schema version {found} is newer than this dyad understands ({SCHEMA_VERSION}); upgrade dyad"
        )
    for version in range(found + 1, SCHEMA_VERSION + 1):
        MIGRATIONS[version](conn)
        if version == 1:
            conn.execute(meta.insert().values(key="schema_version", value="1"))
        else:
            conn.execute(meta.update().where(meta.c.key == "schema_version").values(value=str(version)))
    return found
