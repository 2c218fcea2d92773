"""Knowledge tests read small tables written for them in place of the generated ones."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from dyad import kb


def _forget() -> None:
    kb._office_holders.cache_clear()
    kb._office_surnames.cache_clear()
    kb._name_counts.cache_clear()


@pytest.fixture
def office_table(monkeypatch) -> Iterator[Callable[[list[list[str]]], None]]:
    """``office_table(rows)``: the knowledge reads these rows as ``office_holders.tsv`` for this test."""
    real = kb._iter_rows

    def use(table: list[list[str]]) -> None:
        def rows(name: str) -> Iterator[list[str]]:
            return iter([list(r) for r in table]) if name == "office_holders.tsv" else real(name)

        monkeypatch.setattr(kb, "_iter_rows", rows)
        _forget()

    yield use
    _forget()
