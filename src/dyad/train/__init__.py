"""Training: the labelled corpus in, an event model out, with a cross-validated report.

``run`` is what ``dyad train`` and ``make train`` call: it reads the project's corpus (``training/`` with
the real stories' texts in ``../shared/training`` and the dev set in ``../shared/eval/dev``) and any
labelled articles a user adds (JSON Lines of ``{id, text, published}`` and a folder of gold files in the
format of ``../shared/eval/README.md``), fits the model (``fit.train``), writes it and its report.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from dyad.train.corpus import Story, corpus, load_stories
from dyad.train.fit import C, Report, read_stories, train

__all__ = ["TrainError", "run"]


class TrainError(Exception):
    """Something training needs is missing or wrong; the message is one line naming it."""


def gather(
    root: Path | None, shared: Path | None, extra: list[tuple[Path, Path]], no_written: bool = False
) -> list[Story]:
    """The stories to learn from: the project's corpus (when ``root`` is given) and each (texts, gold) pair."""
    stories: list[Story] = []
    if root is not None:
        folds = root / "training" / "folds.json"
        if not folds.exists():
            raise TrainError(f"{folds}: missing (the project's corpus; --no-corpus trains on --add alone)")
        if shared is None or not (shared / "training" / "articles.jsonl").exists():
            raise TrainError(f"{shared}: no training/articles.jsonl here (the real stories' texts; see --shared)")
        stories = corpus(root, shared)
        if no_written:
            stories = [s for s in stories if s.set != "written"]
    for texts, gold in extra:
        for needed in (texts, gold):
            if not needed.exists():
                raise TrainError(f"{needed}: no such file or folder")
        added = load_stories(texts, gold, "user", {})
        if not added:
            raise TrainError(f"{gold}: no gold file names a story of {texts}")
        stories += added
    if not stories:
        raise TrainError("nothing to learn from (give the corpus or --add TEXTS GOLD)")
    return stories


def run(
    stories: list[Story],
    out: Path,
    report_path: Path | None = None,
    c: float = C,
    say: Callable[[str], None] = lambda _: None,
    progress: Callable[[int], None] | None = None,
) -> Report:
    reads, states, held_out = read_stories(stories, progress, say)
    model, report = train(reads, c, say)
    model.nationality, report.nationality = states, held_out
    out.parent.mkdir(parents=True, exist_ok=True)
    model.save(out)
    if report_path is not None:
        report_path.parent.mkdir(parents=True, exist_ok=True)
        report_path.write_text(json.dumps(report.as_dict(), indent=1) + "\n", encoding="utf-8")
    return report
