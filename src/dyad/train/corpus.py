"""The labelled corpus as training data: stories with their gold and fold, and candidates labelled from it.

Reads ``training/`` (gold, written stories, folds) and the real stories' texts from ``../shared/training``
and the dev set from ``../shared/eval/dev`` (or any folders of the same shape: ``dyad train`` takes a user's
own). A candidate is positive for a type when a required gold event of that type joins its two sides and
the gold's evidence lies in the candidate's sentence; it is left out of that type's training when an
optional gold event says so, or when the gold has that event from another sentence (a repeat of it is
neither right nor wrong to learn).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dyad.extract.events.decision import triple
from dyad.ontology import PLOVER_TYPES


@dataclass
class Story:
    id: str
    text: str
    published: str | None
    title: str | None
    gold: dict[str, Any]
    set: str
    fold: int | None = None


def digest(stories: list[Story]) -> str:
    """A fingerprint of what a model learned from (ids, sets, folds, texts, gold): the shipped model records
    it, and a test recomputes it, so that a model left behind by a change to the corpus is caught."""
    h = hashlib.sha256()
    for story in sorted(stories, key=lambda s: (s.set, s.id)):
        record = [story.id, story.set, story.fold, story.published, story.title, story.text, story.gold]
        h.update(json.dumps(record, sort_keys=True, ensure_ascii=False).encode("utf-8"))
    return h.hexdigest()


@dataclass
class Labelled:
    """A candidate's features and, per type, 1 (an event of it), 0 (none) or None (not learned from)."""

    story: str
    sentence: int
    source: str
    target: str
    features: list[str]
    labels: dict[str, int | None] = field(default_factory=dict)


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def load_stories(texts: Path, gold_dir: Path, set_name: str, folds: dict[str, int]) -> list[Story]:
    """The stories of one JSON Lines file that have a gold file in gold_dir."""
    out = []
    for record in read_jsonl(texts):
        path = gold_dir / f"{record['id']}.json"
        if not path.exists():
            continue
        out.append(
            Story(
                record["id"],
                record["text"],
                record.get("published"),
                record.get("title"),
                json.loads(path.read_text(encoding="utf-8")),
                set_name,
                folds.get(record["id"]),
            )
        )
    return out


def corpus(root: Path, shared: Path) -> list[Story]:
    """The project's corpus: real stories, written stories and the dev set, each with its fold."""
    folds = json.loads((root / "training" / "folds.json").read_text(encoding="utf-8"))["folds"]
    return (
        load_stories(shared / "training" / "articles.jsonl", root / "training" / "gold" / "voa", "voa", folds)
        + load_stories(
            root / "training" / "written" / "articles.jsonl", root / "training" / "gold" / "written", "written", folds
        )
        + load_stories(shared / "eval" / "dev" / "articles.jsonl", shared / "eval" / "dev" / "gold", "dev", folds)
    )


def gold_sentences(
    story: Story, text: str, sentence_spans: list[tuple[int, int]]
) -> list[tuple[tuple, set[int], bool]]:
    """Each gold event's (source, type, target) key, the sentences its evidence lies in (in ``text``, the
    article as dyad read it), and whether it is optional."""
    out = []
    for event in story.gold.get("events", []):
        evidence = event.get("evidence") or ""
        start = text.find(evidence) if evidence else -1
        sentences: set[int] = set()
        if start >= 0:
            end = start + len(evidence)
            sentences = {n for n, (s, e) in enumerate(sentence_spans) if s < end and start < e}
        key = triple(event["source"], event["type"], event["target"])
        out.append((key, sentences, bool(event.get("optional"))))
    return out


def label(story: Story, text: str, sentence_spans: list[tuple[int, int]], candidates: list[Any]) -> list[Labelled]:
    """The candidates of one story, labelled from its gold for every PLOVER type."""
    events = gold_sentences(story, text, sentence_spans)
    required = {key for key, _, optional in events if not optional}
    out = []
    for cand in candidates:
        labels: dict[str, int | None] = {}
        for kind in PLOVER_TYPES:
            key = triple(cand.source, kind, cand.target)
            here = [(s, optional) for k, s, optional in events if k == key and cand.sentence in s]
            if any(not optional for _, optional in here):
                labels[kind] = 1
            elif here or key in required:
                labels[kind] = None  # optional here, or the event told from another sentence
            else:
                labels[kind] = 0
        out.append(Labelled(story.id, cand.sentence, cand.source, cand.target, cand.features, labels))
    return out
