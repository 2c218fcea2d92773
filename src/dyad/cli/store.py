"""Commands that write the store: ingest, reextract, forget, export; and stats."""

from __future__ import annotations

import re
import time
from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress, ProgressColumn, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.text import Text

from dyad.cli import app
from dyad.cli.common import (
    DbOption,
    JsonOption,
    ModelOption,
    PrivateOption,
    err,
    fail,
    open_store,
    out,
    print_json,
    report,
    say,
    use_model,
)
from dyad.ingest import INGEST_BATCH
from dyad.sources import InputProblem
from dyad.sources.records import InputError, parse_published


class _Rate(ProgressColumn):
    def render(self, task) -> Text:  # noqa: ANN001
        speed = task.speed
        return Text(f"{speed:.1f} articles/s" if speed else "", style="progress.data.speed")


def _interval(text: str) -> float:
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", text)
    if not match or float(match.group(1)) <= 0:
        raise fail(f"--watch {text!r}: give an interval such as 30s, 15m or 1h")
    return float(match.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}[match.group(2)]


@app.command()
def ingest(
    inputs: Annotated[
        list[str] | None,
        typer.Argument(help="Files, folders, - for stdin, article URLs, RSS/Atom feed URLs or files."),
    ] = None,
    db: DbOption = None,
    workers: Annotated[int, typer.Option(min=1, max=64, help="Processes that parse; one writes.")] = 1,
    batch_size: Annotated[
        int, typer.Option(min=1, max=1024, help="Articles per parse batch and transaction.")
    ] = INGEST_BATCH,
    published: Annotated[str | None, typer.Option(help="Date (YYYY-MM-DD) for records that give none.")] = None,
    overrides: Annotated[
        str | None,
        typer.Option(envvar="DYAD_OVERRIDES", help="TSV of actors whose name, country and title you set yourself."),
    ] = None,
    watch: Annotated[
        str | None, typer.Option(help="Poll the feed URLs every interval (30s, 15m, 1h) until stopped.")
    ] = None,
    parquet: Annotated[
        Path | None, typer.Option(help="Load the documents of a `dyad batch` output folder (no parsing).")
    ] = None,
    allow_private: PrivateOption = False,
    model: ModelOption = None,
) -> None:
    """Extract articles and add them to the store; already stored texts are recognised and not parsed again."""
    use_model(model)
    inputs = inputs or []
    if not inputs and parquet is None:
        raise fail("give files, folders, URLs or feeds to ingest (or --parquet DIR)")
    if parquet is not None:
        _ingest_parquet(parquet, db, overrides, batch_size)
        if not inputs:
            return
    try:
        published = parse_published(published)
    except InputError as exc:
        raise fail(f"--published: {exc}") from None
    interval = _interval(watch) if watch else None
    if interval is not None:
        from dyad.sources.web import is_url

        local = [i for i in inputs if not is_url(i)]
        if local:
            raise fail(f"--watch polls feed URLs; {local[0]} is not one")
    store = open_store(db, overrides)
    from dyad.ingest import ingest as run
    from dyad.sources import read_inputs

    with store:
        if interval is not None:
            _watch(store, inputs, interval, published, batch_size, workers, allow_private)
            return
        started = time.perf_counter()
        with _progress() as progress:
            task = progress.add_task("ingesting", total=None) if progress else None

            def advance(counts) -> None:  # noqa: ANN001
                if progress is not None:
                    progress.update(task, completed=counts.seen)

            counts = run(
                read_inputs(inputs, published, skip=store.has_ref, allow_private=allow_private),
                store,
                batch_size=batch_size,
                workers=workers,
                on_batch=advance,
                on_problem=report,
            )
        seconds = time.perf_counter() - started
        rate = counts.seen / seconds if seconds else 0.0
        say(
            f"dyad: {store.name}: {counts.new} new, {counts.known} already stored, {counts.failed} failed, "
            f"{counts.skipped} skipped; {counts.events} events, {counts.quotes} quotes ({rate:.1f} articles/s)"
        )
    if counts.failed:
        raise typer.Exit(1)


def _ingest_parquet(folder: Path, db: str | None, overrides: str | None, batch_size: int) -> None:
    from dyad.scale.batch import read_documents
    from dyad.scale.pool import chunks

    with open_store(db, overrides) as store:
        new = known = 0
        try:
            for chunk in chunks(read_documents(folder), batch_size):
                for result in store.write(chunk):
                    new, known = new + result.new, known + (not result.new)
        except (FileNotFoundError, OSError, ValueError, KeyError) as exc:
            raise fail(f"{folder}: cannot read the batch output ({exc})", 1) from None
        say(f"dyad: {store.name}: {new} new, {known} already stored (from {folder})")


class _NoProgress:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


def _progress():
    if not err.is_terminal:
        return _NoProgress()
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TextColumn("{task.completed} articles"),
        _Rate(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    )


def _watch(
    store, feeds: list[str], interval: float, published, batch_size: int, workers: int, allow_private: bool
) -> None:  # noqa: ANN001
    from dyad.ingest import ingest as run
    from dyad.sources import web

    say(f"dyad: watching {len(feeds)} feed(s) every {interval:g}s; Ctrl-C stops")
    with web.client(allow_private) as http:
        while True:
            for url in feeds:
                etag, modified = store.feed_state(url)
                items, etag, modified, changed = web.poll(http, url, etag, modified, skip=store.has_ref)
                for item in items:
                    if not isinstance(item, InputProblem) and item.published is None:
                        item.published = published
                counts = run(items, store, batch_size=batch_size, workers=workers, on_problem=report)
                if changed or items:
                    store.save_feed_state(url, etag, modified)
                stamp = datetime.now().strftime("%H:%M:%S")
                said = (
                    f"{counts.new} new, {counts.known} already stored, {counts.failed} failed"
                    if changed or items
                    else "not modified"
                )
                say(f"dyad: {stamp} {url}: {said}")
            time.sleep(interval)


@app.command()
def reextract(
    db: DbOption = None,
    everything: Annotated[bool, typer.Option("--all", help="Also articles written by this version.")] = False,
    batch_size: Annotated[int, typer.Option(min=1, max=1024)] = 32,
) -> None:
    """Re-run extraction over stored texts after an upgrade: events, quotes and links replaced, texts and ids kept."""
    from dyad.ingest import reextract as run

    with open_store(db) as store, _progress() as progress:
        task = progress.add_task("re-extracting", total=None) if progress else None
        done = run(
            store,
            everything=everything,
            batch_size=batch_size,
            on_batch=(lambda n: progress.update(task, completed=n)) if progress else None,
            on_problem=report,
        )
    say(f"dyad: re-extracted {done} articles")


@app.command()
def forget(
    articles: Annotated[
        list[str], typer.Argument(help="Articles by any id they came under, hash or store number.", show_default=False)
    ],
    db: DbOption = None,
) -> None:
    """Remove articles and whatever only they supported (events reported only there, lone actors)."""
    missing = 0
    with open_store(db) as store:
        for article in articles:
            row = store.forget(article)
            if row is None:
                say(f"dyad: error: {article}: no such article in the store")
                missing += 1
            else:
                say(f"dyad: forgot {row['ref']} ({row['title'] or 'untitled'})")
    if missing:
        raise typer.Exit(1)


@app.command()
def stats(db: DbOption = None, as_json: JsonOption = False) -> None:
    """Counts of articles, actors, events, event reports and quotes."""
    with open_store(db) as store:
        counts = store.stats()
    if as_json:
        print_json(counts)
        return
    for key, value in counts.items():
        out.print(f"{key:>9}  {value}")


@app.command("export")
def export_(
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl (documents), csv, parquet or gdelt (events).")],
    output: Annotated[Path, typer.Option("-o", "--output", help="File to write.")],
    db: DbOption = None,
) -> None:
    """Export the store: documents as JSON Lines, or events as CSV, Parquet or a GDELT 2.0-style table."""
    from dyad.export import FORMATS, export

    if fmt not in FORMATS:
        raise fail(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    with open_store(db) as store:
        try:
            n = export(store, fmt, output)
        except OSError as exc:
            raise fail(f"{output}: cannot write ({exc.strerror or exc})", 1) from None
    say(f"dyad: wrote {n} {'documents' if fmt == 'jsonl' else 'events'} to {output}")


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
) -> None:
    """Serve the store: web pages at /, the JSON API at /api, its documentation at /docs.

    Writes (POST /api/articles) need DYAD_API_TOKEN set in the server's environment.
    """
    import os

    import uvicorn

    from dyad.web import create_app

    store = open_store(db)
    application = create_app(store)
    writes = "on (Bearer token)" if os.environ.get("DYAD_API_TOKEN") else "off (no DYAD_API_TOKEN)"
    shown = f"[{host}]" if ":" in host else host
    say(f"dyad: serving {store.name} at http://{shown}:{port}/ (API docs at /docs; writes {writes}); Ctrl-C stops")
    try:
        uvicorn.run(application, host=host, port=port, log_level="warning")
    except OSError as exc:
        raise fail(f"cannot listen on {host}:{port} ({exc.strerror or exc})", 1) from None
    finally:
        store.close()


@app.command()
def batch(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders, URLs or feeds, as for ingest.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Folder for the Parquet tables.")],
    scheduler: Annotated[str | None, typer.Option(help="A Dask scheduler, tcp://HOST:PORT.")] = None,
    local: Annotated[int | None, typer.Option(min=1, max=256, help="Start a local Dask cluster of N workers.")] = None,
    partition_size: Annotated[int, typer.Option(min=1, max=100_000, help="Articles per Dask task.")] = 64,
    batch_size: Annotated[int, typer.Option(min=1, max=1024, help="Articles per nlp.pipe batch.")] = 32,
    published: Annotated[str | None, typer.Option(help="Date (YYYY-MM-DD) for records that give none.")] = None,
    allow_private: PrivateOption = False,
) -> None:
    """Extract with Dask across machines into Parquet tables (documents, events, quotes) partitioned by month."""
    from dyad.scale.batch import run
    from dyad.sources import read_inputs

    if scheduler and local:
        raise fail("give --scheduler or --local, not both")
    try:
        published = parse_published(published)
    except InputError as exc:
        raise fail(f"--published: {exc}") from None
    if output.exists() and not output.is_dir():
        raise fail(f"{output}: exists and is not a folder")
    totals = {"documents": 0, "events": 0, "quotes": 0, "failed": 0}

    def count(part) -> None:  # noqa: ANN001
        totals["documents"] += part.documents
        totals["events"] += part.events
        totals["quotes"] += part.quotes
        for problem in part.problems:
            report(problem)
            totals["failed"] += not problem.skipped

    started = time.perf_counter()
    try:
        parts = run(
            read_inputs(inputs, published, allow_private=allow_private),
            str(output),
            scheduler=scheduler,
            local=local,
            partition_size=partition_size,
            batch_size=batch_size,
            on_part=count,
        )
    except OSError as exc:
        raise fail(f"{scheduler or output}: {exc.strerror or exc}", 1) from None
    seconds = time.perf_counter() - started
    say(
        f"dyad: {output}: {totals['documents']} documents, {totals['events']} events, {totals['quotes']} quotes "
        f"in {len(parts)} partitions, {totals['failed']} failed ({totals['documents'] / seconds:.1f} articles/s)"
    )
    if totals["failed"]:
        raise typer.Exit(1)
