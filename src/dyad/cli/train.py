"""``dyad train``: fit the event model on the labelled corpus and a user's own labelled articles."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from dyad.cli import app
from dyad.cli.common import err, fail, say

CHECKOUT = Path(__file__).resolve().parents[3]  # the source checkout, when dyad runs from one


def _default_root() -> Path | None:
    for root in (Path.cwd(), CHECKOUT):
        if (root / "training" / "folds.json").exists():
            return root
    return None


@app.command()
def train(
    out: Annotated[Path, typer.Option("-o", "--out", help="Where to write the model (.npz).")] = Path(
        "event_model.npz"
    ),
    report: Annotated[Path | None, typer.Option(help="Also write the cross-validated report (JSON) here.")] = None,
    add: Annotated[
        list[Path] | None,
        typer.Option(help="A folder of your own labelled articles: articles.jsonl and gold/<id>.json (repeatable)."),
    ] = None,
    corpus: Annotated[
        Path | None,
        typer.Option(help="The dyad checkout whose training/ corpus to learn from (default: the one found here)."),
    ] = None,
    shared: Annotated[
        Path | None,
        typer.Option(help="The shared folder with training/ and eval/dev (default: ../shared beside the corpus)."),
    ] = None,
    no_corpus: Annotated[bool, typer.Option("--no-corpus", help="Learn from --add folders alone.")] = False,
    no_written: Annotated[
        bool, typer.Option("--no-written", help="Leave the written stories out (to measure what they add).")
    ] = False,
    c: Annotated[float, typer.Option("--c", min=0.001, max=100.0, help="Inverse regularisation.")] = 0.3,
) -> None:
    """Train the event model: 5-fold cross-validation, calibration, thresholds, then the model on everything."""
    from dyad.train import TrainError, gather, run
    from dyad.train.fit import fold_of

    if out.suffix != ".npz":
        raise fail(f"--out {out}: a model file ends in .npz")
    root = None if no_corpus else (corpus or _default_root())
    if not no_corpus and root is None:
        raise fail("no training/ corpus found here (give --corpus CHECKOUT, or --no-corpus with --add)")
    extra = [(folder / "articles.jsonl", folder / "gold") for folder in add or []]
    try:
        stories = gather(root, shared or (root.parent / "shared" if root else None), extra, no_written)
    except TrainError as exc:
        raise fail(str(exc)) from None
    say(f"dyad: training on {len(stories)} stories in {len({fold_of(s) for s in stories})} folds")
    with err.status("reading the stories...") as status:

        def progress(n: int) -> None:
            status.update(f"read {n} of {len(stories)} stories")

        result = run(stories, out, report, c, say=lambda line: say(f"dyad: {line}"), progress=progress)
    for name, figures in result.overall.items():
        rules = result.rules.get(name, {})
        say(
            f"dyad: {name}, cross-validated: events P {figures['p']} R {figures['r']} F1 {figures['f1']}"
            f" (the rules alone: P {rules.get('p')} R {rules.get('r')} F1 {rules.get('f1')})"
        )
    say(f"dyad: wrote {out}" + (f" and {report}" if report else ""))
