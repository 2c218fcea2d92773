"""Commands that read the store: dyads, timeline, events, quotes, actors."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from dyad.cli import app
from dyad.cli.common import DbOption, JsonOption, LimitOption, fail, open_store, out, print_json, side
from dyad.kb import side_label
from dyad.store.queries import QUADS, SIDES, EventFilter, day_bounds
from dyad.store.resolve import with_side_names

_QUAD_SHORT = {
    "verbal_cooperation": "verb. coop",
    "material_cooperation": "mat. coop",
    "verbal_conflict": "verb. confl",
    "material_conflict": "mat. confl",
}


def _days(since: str | None, until: str | None, options: str) -> tuple[str | None, str | None]:
    try:
        return day_bounds(since, until)
    except ValueError as exc:
        raise fail(f"{options}: {exc}") from None


@app.command()
def dyads(db: DbOption = None, limit: LimitOption = 10, as_json: JsonOption = False) -> None:
    """The busiest pairs of states: actual events between them, by quad class, with the Goldstein total."""
    with open_store(db) as store:
        rows = with_side_names(store.dyads(limit), "a", "b")
    if as_json:
        print_json(rows)
        return
    table = Table(title="Busiest dyads", title_justify="left")
    for col in ("dyad", "events", *(_QUAD_SHORT[q] for q in QUADS), "goldstein", "latest"):
        table.add_column(col, justify="left" if col in ("dyad", "latest") else "right")
    for r in rows:
        table.add_row(
            f"{side_label(r['a'])}–{side_label(r['b'])}",
            str(r["events"]),
            *(str(r[q]) for q in QUADS),
            f"{r['goldstein']:.1f}",
            r["latest"],
        )
    out.print(table)


@app.command()
def timeline(
    a: Annotated[str, typer.Argument(help="One side (ISO code such as RUS, or a country name).")],
    b: Annotated[str, typer.Argument(help="The other side.")],
    by: Annotated[str, typer.Option(help="day, week, month or year.")] = "month",
    since: Annotated[str | None, typer.Option("--from", help="First day (YYYY-MM-DD or YYYY).")] = None,
    until: Annotated[str | None, typer.Option("--to", help="Last day (YYYY-MM-DD or YYYY).")] = None,
    directed: Annotated[bool, typer.Option(help="Only events from A to B.")] = False,
    plot: Annotated[Path | None, typer.Option(help="Also draw the timeline to this PNG file.")] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """A dyad's events per period: counts by PLOVER type and quad class, and a Goldstein-weighted score."""
    from dyad.analysis import GRAINS
    from dyad.analysis import timeline as build

    if by not in GRAINS:
        raise fail(f"--by must be one of {', '.join(GRAINS)}, not {by!r}")
    first, second = side(a), side(b)
    start, end = _days(since, until, "--from/--to")
    with open_store(db) as store:
        result = build(store.dyad_periods(first, second, by, directed, start, end), first, second, by, directed)
    if as_json:
        print_json(with_side_names([result.to_dict()], "a", "b")[0])
    else:
        arrow = "→" if directed else "–"
        table = Table(title=f"{side_label(first)}{arrow}{side_label(second)} by {by}", title_justify="left")
        for col in ("period", "events", *(_QUAD_SHORT[q] for q in QUADS), "goldstein", "types"):
            table.add_column(col, justify="left" if col in ("period", "types") else "right")
        for p in result.periods:
            d = p.to_dict()
            types = ", ".join(f"{k} {v}" for k, v in d["types"].items())
            table.add_row(p.period, str(p.events), *(str(d["quads"][q]) for q in QUADS), f"{p.goldstein:.1f}", types)
        out.print(table)
        if not result.periods:
            out.print(f"no actual events between {side_label(first)} and {side_label(second)} in the store")
        if result.too_coarse:
            out.print(f"({result.too_coarse} events dated only more coarsely than a {by} are not shown)")
    if plot is not None:
        from dyad.analysis.plot import draw

        try:
            draw(result, plot)
        except OSError as exc:
            raise fail(f"{plot}: cannot write ({exc.strerror or exc})", 1) from None
        if not as_json:
            out.print(f"chart written to {plot}")


@app.command()
def events(
    dyad: Annotated[
        tuple[str, str] | None, typer.Option(help="Two sides, e.g. --dyad RUS PRK (both directions).")
    ] = None,
    kind: Annotated[str | None, typer.Option("--type", help="PLOVER type, e.g. CONSULT.")] = None,
    since: Annotated[str | None, typer.Option(help="Events on or after this day (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Events on or before this day.")] = None,
    topic: Annotated[str | None, typer.Option(help="Only events reported in articles on this topic.")] = None,
    place: Annotated[str | None, typer.Option(help="Place name or ISO country code of the place.")] = None,
    min_confidence: Annotated[float | None, typer.Option(min=0.0, max=1.0, help="Best report at least this.")] = None,
    modality: Annotated[str, typer.Option(help="actual, hypothetical, negated or any.")] = "actual",
    sides: Annotated[
        str, typer.Option(help="both (events between two known sides), one (one side unknown) or any.")
    ] = "both",
    limit: LimitOption = 50,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Stored events, newest first, each with how many reports and articles support it. Events with one side
    unknown are listed apart (--sides one), never among a dyad's."""
    from dyad.ontology import PLOVER_TYPES

    if kind is not None and kind.upper() not in PLOVER_TYPES:
        raise fail(f"--type {kind!r} is not a PLOVER type ({', '.join(PLOVER_TYPES)})")
    if modality not in ("actual", "hypothetical", "negated", "any"):
        raise fail(f"--modality must be actual, hypothetical, negated or any, not {modality!r}")
    if sides not in SIDES:
        raise fail(f"--sides must be both, one or any, not {sides!r}")
    first, last = _days(since, until, "--since/--until")
    f = EventFilter(
        dyad=(side(dyad[0]), side(dyad[1])) if dyad else None,
        type=kind,
        since=first,
        until=last,
        topic=topic,
        place=place,
        min_confidence=min_confidence,
        modality=None if modality == "any" else modality,
        sides=None if sides == "any" else sides,
    )
    with open_store(db) as store:
        rows = with_side_names(store.events(f, limit=limit), "source", "target")
    if as_json:
        for row in rows:
            print_json(row)
        return
    table = Table(title=f"{len(rows)} events", title_justify="left")
    for col in ("id", "date", "type", "dyad", "cameo", "goldstein", "reports", "articles", "conf.", "place"):
        table.add_column(col, justify="right" if col in ("id", "goldstein", "reports", "articles", "conf.") else "left")
    for r in rows:
        kind_text = r["type"] + (f" ({r['mode']})" if r["mode"] else "")
        if r["modality"] != "actual":
            kind_text += f" [{r['modality']}]"
        pair = f"{side_label(r['source'])}→{side_label(r['target'])}"
        table.add_row(
            str(r["id"]),
            r["date"] or "",
            kind_text,
            pair,
            r["cameo"] or "",
            "" if r["goldstein"] is None else f"{r['goldstein']:.1f}",
            str(r["reports"]),
            str(r["articles"]),
            "" if r["confidence"] is None else f"{r['confidence']:.2f}",
            r["place"] or "",
        )
    out.print(table)


@app.command()
def quotes(
    speaker: Annotated[str | None, typer.Option(help="Part of the speaker's name, or a name they were called.")] = None,
    search: Annotated[str | None, typer.Option(help="Words the quote contains (full-text search).")] = None,
    limit: LimitOption = 20,
    full: Annotated[bool, typer.Option("--full", help="Print long quotes whole (else cut at 400 characters).")] = False,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Direct quotations with their speakers, newest first."""
    with open_store(db) as store:
        rows = store.quotes(speaker=speaker, search=search, limit=limit)
    if as_json:
        for row in rows:
            print_json(row)
        return
    if not rows:
        out.print("no quotes match")
    for r in rows:
        who = r["speaker"] or "unattributed"
        if r["speaker_country"]:
            who += f" ({r['speaker_country']})"
        out.print(f"[bold]{who}[/bold], {r['published'] or 'undated'}, {r['article_ref']}")
        said = r["text"] if full or len(r["text"]) <= 400 else r["text"][:400].rsplit(" ", 1)[0] + " …"
        out.print(f"  “{said}”", markup=False)


@app.command()
def actors(
    country: Annotated[str | None, typer.Option(help="ISO code or name of the country.")] = None,
    kind: Annotated[str | None, typer.Option(help="person, state, organization or group.")] = None,
    name: Annotated[str | None, typer.Option(help="Part of the name.")] = None,
    limit: LimitOption = 50,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Actors across all stored articles, most mentioned first."""
    if kind is not None and kind not in ("person", "state", "organization", "group"):
        raise fail(f"--kind must be person, state, organization or group, not {kind!r}")
    with open_store(db) as store:
        rows = store.actors(country=side(country) if country else None, kind=kind, name=name, limit=limit)
    if as_json:
        for row in rows:
            print_json(row)
        return
    table = Table(title=f"{len(rows)} actors", title_justify="left")
    for col in ("id", "name", "kind", "title", "country", "code", "articles", "quotes"):
        table.add_column(col, justify="right" if col in ("id", "articles", "quotes") else "left")
    for r in rows:
        table.add_row(
            str(r["id"]),
            r["name"],
            r["kind"],
            r["title"] or "",
            r["country"] or "",
            r["code"] or "",
            str(r["articles"]),
            str(r["quotes"]),
        )
    out.print(table)


@app.command()
def overview(
    db: DbOption = None,
    limit: Annotated[int, typer.Option(min=1, max=100, help="Rows in each table.")] = 8,
) -> None:
    """What the store holds: counts, the busiest dyads, the busiest one's timeline, the latest events and quotes."""
    with open_store(db) as store:
        counts = store.stats()
        busiest = store.dyads(1)
        one_sided = store.side_counts()["one"]
    out.print(", ".join(f"{v} {k}" for k, v in counts.items()), markup=False)
    out.print(f"events with one side unknown: {one_sided} (listed apart: dyad events --sides one)", markup=False)
    dyads(db=db, limit=limit, as_json=False)
    if busiest:
        top = busiest[0]
        timeline(
            top["a"], top["b"], by="month", since=None, until=None, directed=False, plot=None, db=db, as_json=False
        )
    events(
        dyad=None,
        kind=None,
        since=None,
        until=None,
        topic=None,
        place=None,
        min_confidence=None,
        modality="actual",
        sides="both",
        limit=limit,
        db=db,
        as_json=False,
    )
    out.print("[bold]Latest quotes[/bold]")
    quotes(speaker=None, search=None, limit=max(1, limit // 2), full=False, db=db, as_json=False)
