"""Every document dyad writes validates against the published JSON Schema, with offsets that hold."""

from __future__ import annotations

import json

import jsonschema
import pytest

import dyad
from dyad.sources import read_paths
from tests.conftest import FIXTURES

EXAMPLES = FIXTURES.parent.parent / "examples" / "public-domain.jsonl"


def _documents():
    inputs = [
        FIXTURES / n for n in ("briefing.txt", "transcript.txt", "caption.txt", "article.html", "records.jsonl")
    ] + [EXAMPLES]
    return [
        d for d in dyad.extract_many(read_paths([str(p) for p in inputs], "2024-06-19")) if isinstance(d, dyad.Document)
    ]


@pytest.fixture(scope="module")
def documents():
    return _documents()


def test_documents_validate(documents, schema):
    validator = jsonschema.Draft202012Validator(schema)
    assert len(documents) > 45
    for doc in documents:
        data = json.loads(json.dumps(doc.to_dict()))
        errors = sorted(validator.iter_errors(data), key=str)
        assert not errors, f"{doc.article.id}: {errors[0].message}"


def test_every_offset_points_at_its_text(documents):
    for doc in documents:
        text = doc.article.text
        spans = [m for a in doc.actors for m in a.mentions] + [m for p in doc.places for m in p.mentions]
        spans += [m for t in doc.topics for m in t.mentions]
        for m in spans:
            assert text[m.start : m.end] == m.text, doc.article.id
        for d in doc.dates:
            assert text[d.start : d.end] == d.text
        for q in doc.quotes:
            assert text[q.start : q.end] == q.text
        ids = {a.id for a in doc.actors}
        assert len(ids) == len(doc.actors)
        assert all(q.speaker in ids for q in doc.quotes if q.speaker)


def test_schema_rejects_a_broken_document(schema):
    doc = dyad.extract("Putin met Kim.").to_dict()
    doc["actors"].append({"id": "X", "kind": "robot"})
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, schema)


def test_event_references_point_at_actors_places_and_text(documents):
    coded = 0
    for doc in documents:
        actor_ids = {a.id for a in doc.actors}
        place_ids = {p.id for p in doc.places}
        for event in doc.events:
            coded += 1
            assert set(event["sources"]) | set(event["targets"]) <= actor_ids
            assert event["place"] is None or event["place"] in place_ids
            for ev in event["evidence"]:
                trigger = ev["trigger"]
                assert doc.article.text[trigger["start"] : trigger["end"]] == trigger["text"]
                assert ev["start"] <= trigger["start"] < trigger["end"] <= ev["end"]
    assert coded > 50
