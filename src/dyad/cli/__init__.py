"""The ``dyad`` command line."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from typer.core import TyperGroup

from dyad import __version__
from dyad.cli.common import ModelOption, err, fail, report, say, use_model
from dyad.model import Document
from dyad.sources import InputProblem, read_inputs
from dyad.sources.records import InputError, parse_published


class _Group(TyperGroup):
    """Usage errors as one ``dyad: error:`` line, like every other error, not a boxed panel wrapped to the terminal."""

    def main(self, *args: Any, standalone_mode: bool = True, **kwargs: Any) -> Any:
        if not standalone_mode:
            return super().main(*args, standalone_mode=False, **kwargs)
        try:
            code = super().main(*args, standalone_mode=False, **kwargs)
        except typer.Abort:
            say("dyad: error: aborted")
            sys.exit(1)
        except typer.TyperException as exc:  # click's usage errors (typer vendors click; this is their public base)
            if type(exc).__name__ == "NoArgsIsHelpError":  # `dyad` alone: the help is already printed
                sys.exit(exc.exit_code)
            ctx = getattr(exc, "ctx", None)
            hint = f" (see '{ctx.command_path} --help')" if ctx is not None else ""
            say(f"dyad: error: {exc.format_message()}{hint}")
            sys.exit(exc.exit_code)
        sys.exit(code if isinstance(code, int) else 0)


app = typer.Typer(
    cls=_Group,
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="dyad: political event data from news about international relations.",
)


class Format(StrEnum):
    jsonl = "jsonl"
    json = "json"
    pretty = "pretty"


@app.command()
def extract(
    paths: Annotated[
        list[str], typer.Argument(help="Files (.txt, .html, .json, .jsonl, feeds), folders, URLs, or - for stdin.")
    ],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write here instead of stdout.")] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="jsonl, json or pretty.")] = Format.jsonl,
    published: Annotated[str | None, typer.Option(help="Date (YYYY-MM-DD) for records that give none.")] = None,
    summary: Annotated[bool, typer.Option(help="Also print a readable summary to the terminal.")] = False,
    batch_size: Annotated[int, typer.Option(min=1, max=1024, help="Articles parsed per nlp.pipe batch.")] = 32,
    workers: Annotated[int, typer.Option(min=1, max=64, help="Processes that parse (order is kept).")] = 1,
    allow_private: Annotated[
        bool, typer.Option("--allow-private", help="Also fetch URLs on private, loopback or link-local addresses.")
    ] = False,
    model: ModelOption = None,
) -> None:
    """Extract actors, quotes, dates, places and topics from articles, as dyad/document@1 JSON."""
    use_model(model)
    try:
        published = parse_published(published)
    except InputError as exc:
        raise fail(f"--published: {exc}") from None
    from dyad.api import extract_many  # the spaCy model loads only when there is work

    counts = {"documents": 0, "errors": 0, "skipped": 0}

    def documents() -> Iterator[Document]:
        for item in _progress(
            extract_many(
                read_inputs(paths, published, allow_private=allow_private), batch_size=batch_size, workers=workers
            )
        ):
            if isinstance(item, InputProblem):
                counts["skipped" if item.skipped else "errors"] += 1
                report(item)
                continue
            counts["documents"] += 1
            if summary:
                from dyad.summary import render

                render(item, err)
            yield item

    try:
        _write(documents(), fmt, output)
    except OSError as exc:
        raise fail(f"{output}: cannot write ({exc.strerror or exc})", 1) from None
    if counts["errors"]:
        say(f"dyad: {counts['documents']} documents, {counts['errors']} inputs failed, {counts['skipped']} skipped")
        raise typer.Exit(1)


def _progress(items: Iterator) -> Iterator:
    """A live count on the terminal for long runs; silent when stderr is not a terminal."""
    if not err.is_terminal:
        yield from items
        return
    with err.status("extracting...") as status:
        for n, item in enumerate(items, 1):
            status.update(f"extracted {n} articles")
            yield item


def _write(docs: Iterator[Document], fmt: Format, output: Path | None) -> None:
    """Write documents; a file is written to a temporary name and renamed, so it is never half-written."""
    if output is None:
        _emit(docs, fmt, sys.stdout)
        return
    from dyad.export import atomic_output

    with atomic_output(output) as (handle, _):
        _emit(docs, fmt, handle)


def _emit(docs: Iterator[Document], fmt: Format, handle) -> None:
    if fmt is Format.jsonl:
        for doc in docs:
            handle.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
            handle.flush()
    elif fmt is Format.json:
        json.dump([d.to_dict() for d in docs], handle, ensure_ascii=False, indent=2)
        handle.write("\n")
    else:
        from dyad.summary import render

        console = Console(file=handle, highlight=False, width=110)
        for doc in docs:
            render(doc, console)


@app.command()
def version() -> None:
    """Print dyad's version."""
    print(f"dyad {__version__}")


from dyad.cli import query, store, train  # noqa: E402, F401  (registers the store, query and train commands)


def main() -> None:
    try:
        app(prog_name="dyad")  # "dyad", also when run as `python -m dyad.cli`
    except KeyboardInterrupt:
        fail("interrupted")
        sys.exit(130)
    except Exception as exc:  # a database that went away mid-command: one line, not a traceback
        from sqlalchemy.exc import SQLAlchemyError

        if not isinstance(exc, SQLAlchemyError):
            raise
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        fail(f"database: {reason}")
        sys.exit(1)
