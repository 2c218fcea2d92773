"""Score dyad on every evaluation set at once: one table, one JSON file (`make eval`).

Extracts the seed article, the dev set, dev-news, the PLOVER and PETR2
gold-standard sentences and PolNeAR dev and test (all from ``../shared/eval``),
and the training corpus's real stories (``../shared/training`` with the gold in
``training/gold/voa``) and written stories (``training/written``), with one
loaded pipeline, scores each with ``../shared/eval/score.py``, prints one table
of the scorer's figures and writes every figure to ``build/eval.json``. With
``--baseline FILE`` (an earlier ``eval.json``) each figure is shown beside the
baseline's, so a change is judged on all sets at once.

    .venv/bin/python scripts/evaluate.py [--sets seed,dev] [--baseline build/eval-before.json] [-o build/eval.json]

PETR2 GSR and PolNeAR test are test sets: report them, don't tune on them.
dev-news is for evaluation only: never train on it. The real stories are also
scored fold by fold (``training/folds.json``), so that a model trained on four
folds is judged on the fifth.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_EVAL = ROOT.parent / "shared" / "eval"
TRAINING = ROOT / "training"
SETS = ("seed", "dev", "dev-news", "voa", "written", "plover-gsr", "petr2-gsr", "polnear-dev", "polnear-test")
TEST_SETS = {"petr2-gsr", "polnear-test", "dev-news"}
# Sets of whole articles scored with ``score.py articles``: (input records, gold folder), from the eval folder.
ARTICLE_SETS = {
    "seed": lambda ev: (ev / "seed" / "seed.jsonl", ev / "seed" / "gold"),
    "dev": lambda ev: (ev / "dev" / "articles.jsonl", ev / "dev" / "gold"),
    "dev-news": lambda ev: (ev / "dev-news" / "articles.jsonl", ev / "dev-news" / "gold"),
    "voa": lambda ev: (ev.parent / "training" / "articles.jsonl", TRAINING / "gold" / "voa"),
    "written": lambda ev: (TRAINING / "written" / "articles.jsonl", TRAINING / "gold" / "written"),
}
FOLDED = {"voa"}  # sets also scored fold by fold
FOLD_FIGURES = ("events", "dated_events", "people", "organisations", "places", "quotes")
# (figure, label) in the order the table shows them, per kind of set
ARTICLE_FIGURES = (
    "events",
    "dated_events",
    "people",
    "organisations",
    "places",
    "quotes",
    "speakers",
    "dates",
    "people_country_accuracy",
    "people_title_accuracy",
    "place_country_accuracy",
)
SENTENCE_FIGURES = ("event_type", "event_with_actors")
POLNEAR_FIGURES = ("direct_quotes", "speaker_accuracy_on_found")


class EvalError(Exception):
    """Something the evaluation needs is missing; the message is one line naming it."""


def inputs(eval_dir: Path, name: str, work: Path) -> Path:
    """The input records of a set: the set's own file, or what ``score.py make-input`` writes."""
    if name in ARTICLE_SETS:
        path, gold = ARTICLE_SETS[name](eval_dir)
        for needed in (path, gold):
            if not needed.exists():
                raise EvalError(f"{name}: {needed} is missing")
        return path
    made = subprocess.run(
        [sys.executable, str(eval_dir / "score.py"), "make-input", name], capture_output=True, text=True
    )
    if made.returncode != 0:
        raise EvalError(f"score.py make-input {name} failed: {made.stderr.strip().splitlines()[-1:]}")
    path = work / f"{name}-input.jsonl"
    path.write_text(made.stdout, encoding="utf-8")
    return path


def extract(source: Path, out: Path, workers: int) -> tuple[int, int]:
    """Write the documents of every record; (documents, problems)."""
    import dyad
    from dyad.sources import InputProblem, read_paths

    documents = problems = 0
    with out.open("w", encoding="utf-8") as handle:
        for item in dyad.extract_many(read_paths([str(source)]), workers=workers):
            if isinstance(item, InputProblem):
                problems += 1
                if problems <= 5:  # a broken extractor fails every record: the first few say why
                    print(f"evaluate: {item}", file=sys.stderr)
                continue
            handle.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")
            documents += 1
    return documents, problems


def score(eval_dir: Path, name: str, system: Path, gold: Path | None = None) -> dict:
    if name in ARTICLE_SETS:
        args = ["articles", "--gold", str(gold or ARTICLE_SETS[name](eval_dir)[1]), "--system", str(system)]
    else:
        args = [name, "--system", str(system)]
    done = subprocess.run([sys.executable, str(eval_dir / "score.py"), *args], capture_output=True, text=True)
    if done.returncode != 0:
        raise EvalError(f"score.py {args[0]} failed: {done.stderr.strip().splitlines()[-1:]}")
    return json.loads(done.stdout)


def by_fold(eval_dir: Path, name: str, system: Path, work: Path) -> dict[str, dict]:
    """The set scored on each fold of ``training/folds.json`` alone: {"1": report with its "stories", ...}."""
    import shutil

    folds_file = TRAINING / "folds.json"
    if not folds_file.exists():
        raise EvalError(f"{folds_file} is missing (scripts/training_corpus.py folds writes it)")
    folds = json.loads(folds_file.read_text(encoding="utf-8"))["folds"]
    gold = ARTICLE_SETS[name](eval_dir)[1]
    reports = {}
    for fold in sorted({folds[p.stem] for p in gold.glob("*.json") if p.stem in folds}):
        part = work / f"{name}-fold{fold}"
        shutil.rmtree(part, ignore_errors=True)
        part.mkdir(parents=True)
        members = [path for path in gold.glob("*.json") if folds.get(path.stem) == fold]
        for path in members:
            shutil.copy(path, part)
        reports[str(fold)] = {**score(eval_dir, name, system, part), "stories": len(members)}
    return reports


def figures(name: str, report: dict) -> list[tuple[str, dict | float | None]]:
    wanted = ARTICLE_FIGURES if name in ARTICLE_SETS else POLNEAR_FIGURES if "polnear" in name else SENTENCE_FIGURES
    return [(key, report.get(key)) for key in wanted if key in report]


def render(results: dict, baseline: dict | None) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="dyad on every evaluation set" + (" (baseline → now)" if baseline else ""))
    for column in ("set", "figure", "P", "R", "F1"):
        table.add_column(column, justify="left" if column in ("set", "figure") else "right")

    def cell(now: float | None, before: float | None) -> str:
        if now is None:
            return ""
        if before is None or baseline is None:
            return f"{now:.3f}"
        change = now - before
        mark = "" if abs(change) < 0.0005 else f" ({change:+.3f})"
        return f"{before:.3f} → {now:.3f}{mark}"

    for name, report in results["sets"].items():
        old = (baseline or {}).get("sets", {}).get(name, {})
        label = f"{name} (test)" if name in TEST_SETS else name
        for n, (key, value) in enumerate(figures(name, report)):
            prior = old.get(key)
            if isinstance(value, dict):
                cells = [
                    cell(value.get(k), prior.get(k) if isinstance(prior, dict) else None) for k in ("p", "r", "f1")
                ]
            else:
                cells = ["", "", cell(value, prior if isinstance(prior, int | float) else None)]
            table.add_row(label if n == 0 else "", key, *cells, end_section=n == len(figures(name, report)) - 1)
    console = Console(width=140)
    console.print(table)
    for name, folds in results.get("folds", {}).items():
        fold_table = Table(title=f"{name}, fold by fold (F1; P/R of events)")
        for column in ("fold", "stories", "events P", "events R", *FOLD_FIGURES):
            fold_table.add_column(column, justify="right")
        for fold, report in folds.items():
            events = report.get("events", {})
            fold_table.add_row(
                fold,
                str(report.get("stories", "")),
                f"{events.get('p', 0):.3f}",
                f"{events.get('r', 0):.3f}",
                *(f"{report[key]['f1']:.3f}" if isinstance(report.get(key), dict) else "" for key in FOLD_FIGURES),
            )
        console.print(fold_table)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--eval", type=Path, default=DEFAULT_EVAL, help="the shared eval folder (score.py, sets)")
    parser.add_argument("--sets", default=",".join(SETS), help=f"comma-separated, of {', '.join(SETS)}")
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "build" / "eval.json")
    parser.add_argument("--baseline", type=Path, help="an earlier eval.json to compare with")
    parser.add_argument("--workers", type=int, default=1, help="processes that parse")
    args = parser.parse_args(argv)
    try:
        chosen = [s.strip() for s in args.sets.split(",") if s.strip()]
        unknown = [s for s in chosen if s not in SETS]
        if unknown:
            raise EvalError(f"--sets: unknown set {unknown[0]!r} (sets: {', '.join(SETS)})")
        if not (args.eval / "score.py").exists():
            raise EvalError(f"{args.eval}: no score.py here (the shared eval folder; --eval names another)")
        baseline = None
        if args.baseline is not None:
            try:
                baseline = json.loads(args.baseline.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise EvalError(f"{args.baseline}: cannot read the baseline ({exc})") from None
        work = args.output.parent / "eval"
        work.mkdir(parents=True, exist_ok=True)
        from dyad import __version__

        results: dict = {
            "extractor": f"dyad {__version__}",
            "commit": _commit(),
            "when": datetime.now(UTC).isoformat(timespec="seconds"),
            "seconds": {},
            "sets": {},
        }
        for name in chosen:
            started = time.perf_counter()
            source = inputs(args.eval, name, work)
            out = work / f"{name}.jsonl"
            documents, problems = extract(source, out, args.workers)
            results["sets"][name] = score(args.eval, name, out)
            if name in FOLDED:
                results.setdefault("folds", {})[name] = by_fold(args.eval, name, out, work)
            results["seconds"][name] = round(time.perf_counter() - started, 1)
            print(
                f"evaluate: {name}: {documents} documents, {problems} problems, {results['seconds'][name]} s",
                file=sys.stderr,
            )
    except EvalError as exc:
        print(f"evaluate: error: {exc}", file=sys.stderr)
        return 2
    render(results, baseline)
    args.output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"evaluate: wrote {args.output}", file=sys.stderr)
    return 0


def _commit() -> str | None:
    done = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "src"], capture_output=True, text=True)
    if done.returncode != 0:
        return None
    return done.stdout.strip() + ("+changes" if dirty.stdout.strip() else "")


if __name__ == "__main__":
    sys.exit(main())
