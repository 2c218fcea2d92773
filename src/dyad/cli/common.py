"""What the store and query commands share: the --db option, opening the store, naming sides."""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any

import typer
from rich.console import Console

from dyad.sources.records import InputProblem
from dyad.store import Overrides, Store, StoreError

err = Console(stderr=True, highlight=False)
out = Console(highlight=False, width=None if sys.stdout.isatty() else 130)

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        envvar="DYAD_DB",
        help="SQLite file or postgresql:// URL [default: dyad.db, or $DYAD_DB].",
        show_default=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
ModelOption = Annotated[
    str | None,
    typer.Option(
        "--model",
        envvar="DYAD_MODEL",
        help="Event model (.npz from 'dyad train'), or 'rules' for the rules alone [default: the shipped model].",
        show_default=False,
    ),
]


def use_model(model: str | None) -> None:
    """Check the model loads (one line naming it if not) and make it the one this process and its workers use."""
    import os

    if model is None:
        return
    from dyad.extract.events.decision import ModelError, load_model

    try:
        load_model(model)
    except ModelError as exc:
        raise fail(f"--model {exc}") from None
    os.environ["DYAD_MODEL"] = model


PrivateOption = Annotated[
    bool, typer.Option("--allow-private", help="Also fetch URLs on private, loopback or link-local addresses.")
]
LimitOption = Annotated[int, typer.Option(min=1, max=100_000, help="At most this many rows.")]


def say(message: str) -> None:
    """One status or error line on stderr, never wrapped, whatever the terminal's width or the path's length.

    Scripts and grep read these lines: a message is always exactly one line.
    """
    err.print(" ".join(message.splitlines()), markup=False, highlight=False, emoji=False, soft_wrap=True)


def fail(message: str, code: int = 2) -> typer.Exit:
    say(f"dyad: error: {message}")
    return typer.Exit(code)


def open_store(db: str | None, overrides: str | None = None) -> Store:
    try:
        table = Overrides.read(overrides) if overrides else None
        return Store(db, overrides=table)
    except StoreError as exc:
        raise fail(str(exc)) from None
    except Exception as exc:  # an overrides file or driver problem: one line, never a traceback
        raise fail(str(exc).splitlines()[0] if str(exc) else type(exc).__name__) from None


def report(problem: InputProblem) -> None:
    """One line on stderr naming the input: 'skipped' for another language, 'error' for the rest."""
    say(f"dyad: {'skipped' if problem.skipped else 'error'}: {problem}")


def side(text: str) -> str:
    """A dyad side as the store writes it: an ISO alpha-3 code (names and aliases accepted) or an IGO code."""
    from dyad.store.resolve import side_code

    code = side_code(text)
    if code is None:
        raise fail(f"{text!r} is not a country code or name (use ISO codes such as RUS, PRK)")
    return code


def print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, default=str) + "\n")
