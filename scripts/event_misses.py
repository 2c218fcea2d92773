"""List the events dyad missed and the ones it made up, article by article, against a gold folder.

For looking at errors, not for scoring (``make eval`` scores). Uses the shared
scorer's own matching (``../shared/eval/score.py``), so what is listed is what
the score counts.

    .venv/bin/python scripts/event_misses.py build/eval/dev.jsonl ../shared/eval/dev/gold [--only missed|extra]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def scorer(eval_dir: Path):
    spec = importlib.util.spec_from_file_location("score", eval_dir / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("system", type=Path)
    parser.add_argument("gold", type=Path)
    parser.add_argument("--only", choices=("missed", "extra"))
    parser.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    args = parser.parse_args(argv)
    score = scorer(args.eval)
    system = score.load_system(args.system)
    totals = {"missed": 0, "extra": 0, "found": 0}
    for gold_path in sorted(args.gold.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        doc = system.get(gold_path.stem, {})
        required = [e for e in gold.get("events", []) if not e.get("optional")]
        optional = [e for e in gold.get("events", []) if e.get("optional")]

        def key(e: dict) -> tuple:
            s, t = e["source"], e["target"]
            return (e["type"], *sorted((s, t))) if e["type"] in score.SYMMETRIC else (e["type"], s, t)

        want = {key(e): e for e in required}
        allowed = {key(e) for e in optional}
        text = doc.get("article", {}).get("text", "")
        got: dict[tuple, list[str]] = {}
        for ev in doc.get("events", []):
            if ev.get("modality") in ("hypothetical", "negated"):
                continue
            src = score.actor_codes(doc, ev.get("sources", []))
            tgt = score.actor_codes(doc, ev.get("targets", []))
            for triple in score.triples([(frozenset(src), ev["type"], frozenset(tgt), ev.get("date"))]):
                ev0 = ev["evidence"][0]
                trig = ev0["trigger"]
                got.setdefault(triple, []).append(
                    f"[{trig['text']}] {text[ev0['start'] : ev0['end']][:160]!r} cameo={ev['cameo']}"
                )
        missed = [want[k] for k in want if k not in got]
        extra = [(k, v) for k, v in got.items() if k not in want and k not in allowed]
        totals["missed"] += len(missed)
        totals["extra"] += len(extra)
        totals["found"] += len([k for k in want if k in got])
        if not missed and not extra:
            continue
        print(f"== {gold_path.stem}")
        if args.only != "extra":
            for e in missed:
                print(f"  MISSED {e['source']} {e['type']} {e['target']} {e.get('date')}: {e.get('evidence')!r}")
        if args.only != "missed":
            for k, why in extra:
                print(f"  EXTRA  {' '.join(k)}: {why[0]}")
    print(json.dumps(totals), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
