"""The JSON API under /api: the same queries as the CLI, with filters and paging; one write endpoint."""

from __future__ import annotations

import secrets
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Depends, Header, HTTPException, Query, Request, Response
from pydantic import BaseModel, Field, model_validator

from dyad.ontology import PLOVER_TYPES
from dyad.store import Store
from dyad.store.queries import EventFilter, day_bounds
from dyad.store.resolve import side_code
from dyad.store.resolve import with_side_names as named

router = APIRouter(prefix="/api", tags=["api"])

Limit = Annotated[int, Query(ge=1, le=500, description="Page size.")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Rows to skip.")]
Day = Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", description="YYYY, YYYY-MM or YYYY-MM-DD.")]


def store(request: Request) -> Store:
    return request.app.state.store


StoreDep = Annotated[Store, Depends(store)]


def code(value: str, name: str) -> str:
    found = side_code(value)
    if found is None:
        raise HTTPException(422, f"{name}: {value!r} is not a country code or name (use ISO codes such as RUS)")
    return found


def page(items: list[dict[str, Any]], total: int, limit: int, offset: int) -> dict[str, Any]:
    return {"total": total, "limit": limit, "offset": offset, "items": items}


@router.get("/stats", summary="Counts of articles, actors, events, reports and quotes")
def stats(db: StoreDep) -> dict[str, int]:
    return db.stats()


@router.get("/dyads", summary="The most active pairs of states, with counts per quad class")
def dyads(db: StoreDep, limit: Limit = 20) -> list[dict[str, Any]]:
    return named(db.dyads(limit), "a", "b")


@router.get("/dyads/{a}/{b}/timeline", summary="A dyad's actual events per period (the numbers of `dyad timeline`)")
def timeline(
    db: StoreDep,
    a: str,
    b: str,
    by: Literal["day", "week", "month", "year"] = "month",
    since: Annotated[Day, Query(alias="from")] = None,
    until: Annotated[Day, Query(alias="to")] = None,
    directed: bool = False,
) -> dict[str, Any]:
    from dyad.analysis import timeline as build

    first, second = code(a, "a"), code(b, "b")
    rows = db.dyad_periods(first, second, by, directed, *_days(since, until))
    return named([build(rows, first, second, by, directed).to_dict()], "a", "b")[0]


def _days(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    try:
        return day_bounds(since, until)
    except ValueError as exc:
        raise HTTPException(422, f"from/to: {exc}") from None


def event_filter(
    dyad: Annotated[str | None, Query(description="Two sides, comma-separated: RUS,PRK")] = None,
    directed: bool = False,
    type: Annotated[str | None, Query(description="PLOVER type")] = None,  # noqa: A002
    since: Day = None,
    until: Day = None,
    topic: Annotated[str | None, Query(max_length=64)] = None,
    place: Annotated[str | None, Query(max_length=200)] = None,
    min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
    modality: Literal["actual", "hypothetical", "negated", "any"] = "actual",
    actor: Annotated[int | None, Query(ge=1)] = None,
    sides: Annotated[
        Literal["both", "one", "any"],
        Query(description="both: events between two known sides; one: one side unknown; any: every event"),
    ] = "both",
) -> EventFilter:
    pair = None
    if dyad is not None:
        parts = [p for p in dyad.split(",") if p.strip()]
        if len(parts) != 2:
            raise HTTPException(422, "dyad: give two sides separated by a comma, such as RUS,PRK")
        pair = (code(parts[0], "dyad"), code(parts[1], "dyad"))
    if type is not None and type.upper() not in PLOVER_TYPES:
        raise HTTPException(422, f"type: {type!r} is not a PLOVER type ({', '.join(PLOVER_TYPES)})")
    first, last = _days(since, until)
    return EventFilter(
        dyad=pair,
        directed=directed,
        type=type.upper() if type else None,
        since=first,
        until=last,
        topic=topic,
        place=place,
        min_confidence=min_confidence,
        modality=None if modality == "any" else modality,
        actor=actor,
        sides=None if sides == "any" else sides,
    )


FilterDep = Annotated[EventFilter, Depends(event_filter)]


@router.get("/events", summary="Events, newest first, with counts of reports and articles")
def events(db: StoreDep, f: FilterDep, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    return page(named(db.events(f, limit, offset), "source", "target"), db.count_events(f), limit, offset)


@router.get("/map", summary="Events with a geocoded place, newest first: one point each, with the event filters")
def map_points(db: StoreDep, f: FilterDep, limit: Annotated[int, Query(ge=1, le=10_000)] = 2000) -> dict[str, Any]:
    return {"points": named(db.map_points(f, limit), "source", "target")}


@router.get("/events/{event_id}", summary="One event with every report, its article and evidence sentences")
def event(db: StoreDep, event_id: int) -> dict[str, Any]:
    found = db.event(event_id)
    if found is None:
        raise HTTPException(404, f"no event {event_id}")
    return named([found], "source", "target")[0]


@router.get("/articles/{ref:path}", summary="One article: text, source, licence and every extracted span")
def article(db: StoreDep, ref: str) -> dict[str, Any]:
    found = db.article(ref)
    if found is None:
        raise HTTPException(404, f"no article {ref!r}")
    found.pop("text", None)  # the document carries the text
    return found


@router.get("/quotes", summary="Direct quotations with their speakers; `search` is full-text")
def quotes(
    db: StoreDep,
    speaker: Annotated[str | None, Query(max_length=200)] = None,
    search: Annotated[str | None, Query(max_length=500)] = None,
    speaker_id: Annotated[int | None, Query(ge=1)] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    items = db.quotes(speaker, search, limit, offset, speaker_id=speaker_id)
    return page(items, db.count_quotes(speaker, search, speaker_id), limit, offset)


@router.get("/actors", summary="Actors across all articles, most mentioned first")
def actors(
    db: StoreDep,
    country: Annotated[str | None, Query(max_length=64)] = None,
    kind: Literal["person", "state", "organization", "group"] | None = None,
    name: Annotated[str | None, Query(max_length=200)] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    iso = code(country, "country") if country else None
    return page(db.actors(iso, kind, name, limit, offset), db.count_actors(iso, kind, name), limit, offset)


@router.get("/actors/{actor_id}", summary="One actor with its aliases (each with evidence)")
def actor(db: StoreDep, actor_id: int) -> dict[str, Any]:
    found = db.actor(actor_id)
    if found is None:
        raise HTTPException(404, f"no actor {actor_id}")
    return found


class NewArticle(BaseModel):
    """An article to ingest: its text (with what is known of it), or a URL to fetch."""

    text: str | None = Field(None, max_length=2 * 1024 * 1024)
    url: str | None = Field(None, max_length=2048)
    title: str | None = Field(None, max_length=1000)
    published: str | None = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}")
    source: str | None = Field(None, max_length=500)
    license: str | None = Field(None, max_length=500)
    id: str | None = Field(None, max_length=500)

    @model_validator(mode="after")
    def _text_or_url(self) -> NewArticle:
        if not self.text and not self.url:
            raise ValueError("give the article's text, or a url to fetch")
        return self


def writer(request: Request, authorization: Annotated[str | None, Header()] = None) -> None:
    """Writes need ``Authorization: Bearer <DYAD_API_TOKEN>``; with no token configured they are off."""
    token = request.app.state.token
    if not token:
        raise HTTPException(403, "writes are disabled: the server was started without DYAD_API_TOKEN")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not secrets.compare_digest(given.strip().encode(), token.encode()):
        raise HTTPException(
            401, "a valid 'Authorization: Bearer <token>' header is needed", {"WWW-Authenticate": "Bearer"}
        )


@router.post(
    "/articles",
    status_code=201,
    dependencies=[Depends(writer)],
    summary="Ingest one article (text, or a URL to fetch); needs the API token",
    responses={200: {"description": "The text was already stored"}, 401: {}, 403: {}, 422: {}},
)
def add_article(db: StoreDep, response: Response, body: Annotated[NewArticle, Body()]) -> dict[str, Any]:
    from dyad.ingest import ingest_one
    from dyad.sources import Record
    from dyad.sources.web import client, read_url

    if body.text:
        item = Record(
            text=body.text,
            origin="request",
            id=body.id,
            title=body.title,
            url=body.url,
            published=body.published,
            source=body.source,
            license=body.license,
        )
    else:
        with client() as http:
            items = list(read_url(http, body.url or ""))
        if len(items) != 1:
            raise HTTPException(422, "url: the address serves a feed, not one article; ingest feeds with the CLI")
        item = items[0]
    result = ingest_one(item, db)
    if result.problem is not None:
        raise HTTPException(422, result.problem.message)
    if not result.new:
        response.status_code = 200
    return {
        "article": result.ref,
        "hash": result.hash,
        "new": result.new,
        "events": result.events,
        "quotes": result.quotes,
    }
