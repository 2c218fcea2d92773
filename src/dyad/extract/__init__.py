"""Extraction: a parsed article in, a ``dyad/document@1`` out. Pure: no files, no store.

The extractors run in the order ``PIPELINE`` declares; each reads the context
(the parse and the actors found so far) and returns its part of the document.
Events come after actors, quotes, dates and places, which they use.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date

from spacy.tokens import Doc

from dyad.extract.actors import extract_actors
from dyad.extract.context import Context
from dyad.extract.dates import extract_dates
from dyad.extract.events import extract_events
from dyad.extract.events.decision import decide, load_model
from dyad.extract.places import extract_places
from dyad.extract.quotes import extract_quotes
from dyad.extract.topics import extract_topics
from dyad.model import Article, Document


def _actors(ctx: Context, out: Document) -> None:
    extract_actors(ctx)


def _quotes(ctx: Context, out: Document) -> None:
    out.quotes = extract_quotes(ctx)


def _dates(ctx: Context, out: Document) -> None:
    out.dates = extract_dates(ctx)


def _places(ctx: Context, out: Document) -> None:
    out.places = extract_places(ctx)


def _events(ctx: Context, out: Document) -> None:
    article = out.article
    out.events = extract_events(
        ctx, out.quotes, out.dates, out.places, article.published, article.title, article.source
    )


def _topics(ctx: Context, out: Document) -> None:
    out.topics = extract_topics(ctx)


PIPELINE: tuple[tuple[str, Callable[[Context, Document], None]], ...] = (
    ("actors", _actors),
    ("quotes", _quotes),
    ("dates", _dates),
    ("places", _places),
    ("events", _events),
    ("topics", _topics),
)


_SHIPPED_NATIONALITY = object()  # build_with_context's default: the people's states of the chosen model


def build_document(doc: Doc, article: Article, model: str | None = None) -> Document:
    """Run every extractor over one parsed article."""
    return build_with_context(doc, article, model)[1]


def build_with_context(
    doc: Doc, article: Article, model: str | None = None, nationality: object = _SHIPPED_NATIONALITY
) -> tuple[Context, Document]:
    """The document and the context it was read from (the parse, the actors and their mentions), for what
    learns from both (``dyad.train``).

    ``model`` is the learned model that has the last say over the rules' events and gives people the states
    the rules leave unsaid: a ``.npz`` path, "rules" for none, or None for ``$DYAD_MODEL`` if set (``--model``
    sets it, so that worker processes share it), else the model dyad ships. ``nationality`` replaces its
    model of people's states (None: the rules alone), for training, which reads stories with models that
    did not see them.
    """
    published = date.fromisoformat(article.published) if article.published else None
    chosen = load_model(model if model is not None else os.environ.get("DYAD_MODEL") or None)
    ctx = Context(doc=doc, published=published, publisher=article.source, parsed_from=article.text, title=article.title)
    if nationality is _SHIPPED_NATIONALITY:
        nationality = chosen.nationality if chosen is not None else None
    ctx.nationality = nationality
    out = Document(article=article)
    for _, step in PIPELINE:
        step(ctx, out)
    out.actors = ctx.actors
    if chosen is not None:
        out.events = decide(ctx, out.quotes, out.dates, out.places, article.published, out.events, chosen)
    return ctx, out
