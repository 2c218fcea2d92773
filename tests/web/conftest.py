"""A store with the visits fixture and a hostile article, and the app over it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from fastapi.testclient import TestClient

from dyad.ingest import ingest
from dyad.sources import Record, read_paths
from dyad.store import Store
from dyad.web import create_app
from tests.conftest import FIXTURES

TOKEN = "test-token-123"
HOSTILE = Record(
    text=(
        "<script>alert(1)</script> Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing "
        'on Tuesday. "<img src=x onerror=alert(2)> We are partners," Putin said.'
    ),
    origin="hostile",
    id="<b>hostile</b>",
    title="<script>alert('title')</script>",
    url="javascript:alert(3)",
    published="2024-05-16",
    source="<i>Evil</i>",
    license="<script>alert(4)</script>",
)


def fill(store: Store, *batches: list[Record]) -> None:
    """The visits fixture and the hostile article, or the batches given, with the rules' events alone: a
    fixture's events must not change with each training of the model."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DYAD_MODEL", "rules")
        for batch in batches or (list(read_paths([str(FIXTURES / "visits.jsonl")])), [HOSTILE]):
            ingest(batch, store)


def store_file(tmp_path_factory, name: str, *batches: list[Record]) -> str:
    """A store in a new folder, filled as ``fill`` does and closed: its path."""
    path = str(tmp_path_factory.mktemp(name) / "dyad.db")
    store = Store(path)
    fill(store, *batches)
    store.close()
    return path


@contextmanager
def app_over(path: str) -> Iterator[TestClient]:
    store = Store(path)
    with TestClient(create_app(store)) as c:
        yield c
    store.close()


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    store = Store(str(tmp_path_factory.mktemp("web") / "dyad.db"))
    fill(store)
    with TestClient(create_app(store, token=TOKEN)) as c:
        yield c
    store.close()
