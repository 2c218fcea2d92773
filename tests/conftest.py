"""Shared fixtures. The spaCy model loads once per test session (dyad caches it per process)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import dyad
from dyad.model import Document

FIXTURES = Path(__file__).parent / "fixtures"
SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="session")
def schema() -> dict:
    from importlib import resources

    return json.loads(resources.files("dyad").joinpath("schema/document.schema.json").read_text())


@pytest.fixture(scope="session")
def briefing() -> Document:
    """A small article written for the tests: split, nested and unattributed quotes, roles, officials."""
    return dyad.extract((FIXTURES / "briefing.txt").read_text(encoding="utf-8"), published="2024-07-04", id="briefing")


def speaker_of(doc: Document, quote_start: str) -> str | None:
    quote = next(q for q in doc.quotes if q.text.startswith(quote_start))
    actor = doc.actor(quote.speaker)
    return actor.name if actor else None


def actor_named(doc: Document, name: str):
    return next(a for a in doc.actors if a.name == name)
