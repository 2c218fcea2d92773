"""Server-rendered pages: home, dyad, event, article, quotes, actors, actor. Jinja2 escapes every text."""

from __future__ import annotations

from collections import Counter
from importlib import resources
from typing import Annotated, Any
from urllib.parse import urlencode, urlsplit

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from dyad.analysis import timeline as build_timeline
from dyad.analysis.timeline import period_start
from dyad.ontology import PLOVER_TYPES, SYMMETRIC_TYPES
from dyad.store import Store
from dyad.store.queries import QUADS, SIDES, EventFilter, day_bounds
from dyad.store.resolve import side_code
from dyad.web.highlight import Mark, document_marks, render

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=str(resources.files("dyad.web") / "templates"))


def _web_address(url: object) -> str | None:
    """A link only to http(s) addresses: an article's stored URL may be 'javascript:...'."""
    text = str(url or "").strip()
    return text if urlsplit(text).scheme.lower() in ("http", "https") else None


templates.env.filters["web_address"] = _web_address
templates.env.globals["symmetric"] = SYMMETRIC_TYPES  # meetings have no direction: drawn A–B, not A→B
PAGE = 50
# chart grains, with the width plotly.js gives a bar of each on a date axis (milliseconds, or months as "M1")
GRAINS = {"day": 86_400_000, "week": 7 * 86_400_000, "month": "M1", "year": "M12"}
COOPERATION = ("verbal_cooperation", "material_cooperation")
CONFLICT = ("verbal_conflict", "material_conflict")


def _store(request: Request) -> Store:
    return request.app.state.store


def _page(request: Request, template: str, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, template, context)


def _listing(
    request: Request,
    template: str,
    total: int,
    page: int,
    params: dict[str, str | None],
    size: int | None = None,
    **context: Any,
) -> HTMLResponse:
    """A page of a list (``size`` items a page, ``PAGE`` unless given), with what ``pager.html`` needs to link to
    the pages around it."""
    query = urlencode({k: v for k, v in params.items() if v})
    pages = max(1, -(-total // (size or PAGE)))
    return _page(request, template, total=total, page=page, pages=pages, query=query, **params, **context)


async def http_error(request: Request, exc: HTTPException):  # noqa: ANN201
    """JSON for the API, a page for people."""
    if request.url.path.startswith("/api") or request.url.path.startswith("/openapi"):
        return await http_exception_handler(request, exc)
    return templates.TemplateResponse(
        request, "error.html", {"status": exc.status_code, "message": exc.detail}, status_code=exc.status_code
    )


def _side(value: str) -> str:
    found = side_code(value)
    if found is None:
        raise HTTPException(404, f"{value!r} is not a country code or name")
    return found


MAP_POINTS = 1000  # the newest events a map shows


def _period(type: str | None, since: str | None, until: str | None) -> tuple[str | None, str | None, str | None]:  # noqa: A002
    """A page's type and period filters, checked: (TYPE, first day, last day)."""
    kind = (type or "").strip().upper() or None
    if kind is not None and kind not in PLOVER_TYPES:
        raise HTTPException(404, f"{type!r} is not a PLOVER type")
    try:
        first, last = day_bounds((since or "").strip() or None, (until or "").strip() or None)
    except ValueError as exc:
        raise HTTPException(404, str(exc)) from None
    return kind, first, last


@router.get("/", response_class=HTMLResponse)
def home(
    request: Request,
    type: Annotated[str | None, Query(max_length=20)] = None,  # noqa: A002
    since: Annotated[str | None, Query(max_length=10)] = None,
    until: Annotated[str | None, Query(max_length=10)] = None,
) -> HTMLResponse:
    db = _store(request)
    kind, first, last = _period(type, since, until)
    points = db.map_points(EventFilter(type=kind, since=first, until=last), MAP_POINTS)
    dyads = db.dyads(15)
    for d in dyads:
        coop = sum(d[q] for q in COOPERATION)
        conflict = sum(d[q] for q in CONFLICT)
        total = max(coop + conflict, 1)
        d["coop"], d["conflict"] = coop, conflict
        d["coop_pct"], d["conflict_pct"] = round(100 * coop / total), round(100 * conflict / total)
    sides = db.side_counts()
    return _page(
        request,
        "home.html",
        stats=db.stats(),
        dyads=dyads,
        sides=sides,
        points=points,
        plover_types=PLOVER_TYPES,
        type=kind,
        since=(since or "").strip(),
        until=(until or "").strip(),
    )


@router.get("/events", response_class=HTMLResponse)
def events_page(
    request: Request,
    type: Annotated[str | None, Query(max_length=20)] = None,  # noqa: A002
    since: Annotated[str | None, Query(max_length=10)] = None,
    until: Annotated[str | None, Query(max_length=10)] = None,
    sides: Annotated[str, Query(max_length=4)] = "both",
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> HTMLResponse:
    """Actual events, newest first: between two sides by default, those with one side unknown apart."""
    db = _store(request)
    kind, first, last = _period(type, since, until)
    if sides not in SIDES:
        raise HTTPException(404, f"sides {sides!r}: give both, one or any")
    since, until = (since or "").strip() or None, (until or "").strip() or None
    f = EventFilter(type=kind, since=first, until=last, sides=None if sides == "any" else sides)
    total = db.count_events(f)
    rows = db.events(f, limit=PAGE, offset=(page - 1) * PAGE)
    params = {"type": kind, "since": since, "until": until, "sides": sides if sides != "both" else None}
    return _listing(
        request, "events.html", total, page, params, events=rows, plover_types=PLOVER_TYPES, sides_shown=sides
    )


@router.get("/dyad/{a}/{b}", response_class=HTMLResponse)
def dyad(
    request: Request,
    a: str,
    b: str,
    type: Annotated[str | None, Query()] = None,  # noqa: A002
    by: Annotated[str, Query(max_length=10)] = "month",
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> HTMLResponse:
    db = _store(request)
    first, second = _side(a), _side(b)
    if type is not None and type.upper() not in PLOVER_TYPES:
        raise HTTPException(404, f"{type!r} is not a PLOVER type")
    if by not in GRAINS:
        raise HTTPException(404, f"by {by!r}: give day, week, month or year")
    rows = db.dyad_periods(first, second, by)  # counted by period in the database
    periods = build_timeline(rows, first, second, by)
    chart = {
        "by": by,
        "periods": [p.period for p in periods.periods],
        # each period at its first day on a true time axis: months without events show as gaps
        "x": [period_start(p.period) for p in periods.periods],
        "xperiod": GRAINS[by],
        "cooperation": [sum(p.quads.get(q, 0) for q in COOPERATION) for p in periods.periods],
        "conflict": [sum(p.quads.get(q, 0) for q in CONFLICT) for p in periods.periods],
        "goldstein": [round(p.goldstein, 2) for p in periods.periods],
        "title": f"{first}–{second}, actual events per {by}",
    }
    types: Counter[str] = Counter()
    for row in rows:
        types[row[1]] += row[6]
    f = EventFilter(dyad=(first, second), type=type.upper() if type else None)
    points = db.map_points(f, MAP_POINTS)
    total = db.count_events(f)
    events = db.events(f, limit=PAGE, offset=(page - 1) * PAGE)
    return _listing(
        request,
        "dyad.html",
        total,
        page,
        {"type": type.upper() if type else None, "by": by},
        a=first,
        b=second,
        grains=list(GRAINS),
        chart=chart,
        points=points,
        too_coarse=periods.too_coarse,
        types=sorted(types.items(), key=lambda kv: (-kv[1], kv[0])),
        events=events,
        quads=QUADS,
    )


REPORTS_PAGE = 20  # reports of one event shown on a page, each with its article's highlighted sentences


@router.get("/event/{event_id}", response_class=HTMLResponse)
def event(request: Request, event_id: int, page: Annotated[int, Query(ge=1, le=100_000)] = 1) -> HTMLResponse:
    db = _store(request)
    found = db.event(event_id)
    if found is None:
        raise HTTPException(404, f"no event {event_id}")
    total = len(found["reports"])
    shown = found["reports"][(page - 1) * REPORTS_PAGE : page * REPORTS_PAGE]  # a widely reported event: in pages
    documents: dict[int, dict] = {}
    for report in shown:
        art = documents.get(report["article_id"])
        if art is None:
            art = documents[report["article_id"]] = db.article(int(report["article_id"])) or {}
        document = art.get("document") or {}
        text = document.get("article", {}).get("text", "")
        local = next((e for e in document.get("events", []) if e["id"] == report["local_id"]), None)
        actors = {x["id"]: x for x in document.get("actors", [])}
        sides = {"source": local["sources"] if local else [], "target": local["targets"] if local else []}
        report["sentences"] = []
        for ev in report["evidence"]:
            marks = [Mark(ev["trigger"]["start"], ev["trigger"]["end"], "trigger", found["type"])]
            for role, ids in sides.items():
                for actor_id in ids:
                    a = actors.get(actor_id)
                    for m in a["mentions"] if a else []:
                        if ev["start"] <= m["start"] and m["end"] <= ev["end"]:
                            marks.append(Mark(m["start"], m["end"], role, f"{role}: {a['name']}"))
            report["sentences"].append(render(text, marks, ev["start"], ev["end"]))
    return _listing(request, "event.html", total, page, {}, REPORTS_PAGE, event=found, shown=shown)


@router.get("/article/{ref:path}", response_class=HTMLResponse)
def article(request: Request, ref: str) -> HTMLResponse:
    db = _store(request)
    found = db.article(ref)
    if found is None:
        raise HTTPException(404, f"no article {ref!r}")
    document = found["document"]
    body = render(found["text"], document_marks(document, found["actor_ids"]))
    actors = {a["id"]: a for a in document["actors"]}
    return _page(request, "article.html", article=found, body=body, document=document, actors=actors)


@router.get("/quotes", response_class=HTMLResponse)
def quotes(
    request: Request,
    q: Annotated[str | None, Query(max_length=500)] = None,
    speaker: Annotated[str | None, Query(max_length=200)] = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> HTMLResponse:
    db = _store(request)
    q, speaker = (q or "").strip() or None, (speaker or "").strip() or None
    total = db.count_quotes(speaker, q)
    rows = db.quotes(speaker, q, PAGE, (page - 1) * PAGE)
    return _listing(request, "quotes.html", total, page, {"q": q, "speaker": speaker}, rows=rows)


@router.get("/actors", response_class=HTMLResponse)
def actors(
    request: Request,
    name: Annotated[str | None, Query(max_length=200)] = None,
    country: Annotated[str | None, Query(max_length=64)] = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> HTMLResponse:
    db = _store(request)
    iso = _side(country) if country else None
    total = db.count_actors(iso, None, name)
    rows = db.actors(iso, None, name, PAGE, (page - 1) * PAGE)
    return _listing(request, "actors.html", total, page, {"name": name, "country": iso}, rows=rows)


@router.get("/actor/{actor_id}", response_class=HTMLResponse)
def actor(request: Request, actor_id: int) -> HTMLResponse:
    db = _store(request)
    found = db.actor(actor_id)
    if found is None:
        raise HTTPException(404, f"no actor {actor_id}")
    aliases = sorted({a["alias"] for a in found["aliases"]})
    said = db.quotes(speaker_id=actor_id, limit=PAGE)
    events = db.events(EventFilter(actor=actor_id, modality=None), limit=PAGE)
    return _page(request, "actor.html", actor=found, aliases=aliases, quotes=said, events=events)
