"""The labelled training corpus (`training/`): check it, build it, split it, measure agreement.

Standard library only, so an annotator can run the checks with any Python 3.11.

    python scripts/training_corpus.py check-gold training/gold/voa --texts ../shared/training/articles.jsonl
    python scripts/training_corpus.py check-written PART.jsonl [...]  # a writer's stories, plans and gold, one file
    python scripts/training_corpus.py build-written PART.jsonl [...]  # -> training/written/, training/gold/written/
    python scripts/training_corpus.py agreement FIRST SECOND --texts T -o training/agreement-X.json
    python scripts/training_corpus.py folds                           # -> training/folds.json
    python scripts/training_corpus.py stats                           # the counts training/README.md gives

Why one script: the gold is only worth learning from if every evidence phrase,
quote opening and date text is verbatim in its story, every code is a real one
and no written story repeats a passage of the texts under ``../shared``; the
same checks run for the annotators while they write and for the tests after.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
TRAINING = ROOT / "training"
COUNTRIES = ROOT / "src" / "dyad" / "kb" / "data" / "countries.tsv"
CAMEO_PLOVER = ROOT / "src" / "dyad" / "ontology" / "data" / "cameo_plover.tsv"

STYLES = frozenset({"wire", "broadsheet", "state-media", "regional-daily", "press-release", "live-blog"})
REGIONS = frozenset({"Africa", "Middle East", "East Asia and Pacific", "Europe and Eurasia", "Americas", "South Asia"})
NEGATIVE_KINDS = frozenset(
    {"plan", "threat-of", "denial", "refusal", "negated", "hypothetical", "lookalike", "future", "conditional"}
)
GOLD_KEYS = ("people", "organisations", "places", "quotes", "dates", "events")
DATE_VALUE = re.compile(r"^(\d{4}|XXXX)(-\d{2}(-\d{2})?)?$|^\d{4}-W\d{2}$")
# A passage shared with a text under ../shared: this many words in a row.
PASSAGE_WORDS = 12
WORDS = re.compile(r"\w+")


def codes() -> frozenset[str]:
    """ISO 3166-1 alpha-3 codes of the knowledge file, plus IGO for any international organisation."""
    found = {"IGO"}
    for line in COUNTRIES.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            found.add(line.split("\t", 1)[0])
    return frozenset(found)


def _plover_types() -> frozenset[str]:
    """PLOVER's sixteen types, from the ontology's CAMEO-to-PLOVER table (the script imports nothing of dyad)."""
    rows = (line.split("\t") for line in CAMEO_PLOVER.read_text(encoding="utf-8").splitlines())
    return frozenset(row[1] for row in rows if len(row) > 1 and not row[0].startswith("#") and row[1])


PLOVER_TYPES = _plover_types()


def read_jsonl(path: Path) -> Iterator[tuple[int, dict]]:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            yield number, json.loads(line)


def texts_by_id(paths: Iterable[Path]) -> dict[str, dict]:
    found: dict[str, dict] = {}
    for path in paths:
        for _, record in read_jsonl(path):
            found[record["id"]] = record
    return found


def gold_problems(gold: dict, text: str, valid: frozenset[str]) -> list[str]:
    """What is wrong with one gold record against its story's text (empty when nothing is)."""
    problems: list[str] = []
    for key in GOLD_KEYS:
        if not isinstance(gold.get(key), list):
            problems.append(f"{key}: missing or not a list")
    if problems:
        return problems

    def code(value: object, where: str, nullable: bool = True) -> None:
        if value is None and nullable:
            return
        if value not in valid:
            problems.append(f"{where}: {value!r} is not an ISO3 code (or IGO)")

    for n, person in enumerate(gold["people"]):
        if not isinstance(person.get("name"), str) or not person["name"].strip():
            problems.append(f"people[{n}]: no name")
        if person.get("title") is not None and not isinstance(person["title"], str):
            problems.append(f"people[{n}]: title is not text or null")
        code(person.get("country"), f"people[{n}] {person.get('name')}")
    for key in ("organisations", "places"):
        for n, item in enumerate(gold[key]):
            if not isinstance(item.get("name"), str) or not item["name"].strip():
                problems.append(f"{key}[{n}]: no name")
            code(item.get("country"), f"{key}[{n}] {item.get('name')}")
    for n, quote in enumerate(gold["quotes"]):
        speaker = quote.get("speaker")
        if not (isinstance(speaker, str) or (isinstance(speaker, list) and speaker)):
            problems.append(f"quotes[{n}]: no speaker")
        start = quote.get("text_start")
        if not isinstance(start, str) or not start or start not in text:
            problems.append(f"quotes[{n}]: text_start not verbatim in the text: {start!r}")
    for n, date in enumerate(gold["dates"]):
        if not isinstance(date.get("text"), str) or date["text"] not in text:
            problems.append(f"dates[{n}]: text not verbatim in the text: {date.get('text')!r}")
        if not isinstance(date.get("value"), str) or not DATE_VALUE.match(date["value"]):
            problems.append(f"dates[{n}]: value {date.get('value')!r} is not YYYY, YYYY-MM, YYYY-MM-DD or YYYY-Www")
    for n, event in enumerate(gold["events"]):
        where = f"events[{n}]"
        code(event.get("source"), f"{where} source", nullable=False)
        code(event.get("target"), f"{where} target", nullable=False)
        if event.get("source") == event.get("target"):
            problems.append(f"{where}: source and target are both {event.get('source')}")
        if event.get("type") not in PLOVER_TYPES:
            problems.append(f"{where}: type {event.get('type')!r} is not a PLOVER type")
        if event.get("date") is not None and not (isinstance(event["date"], str) and DATE_VALUE.match(event["date"])):
            problems.append(f"{where}: date {event.get('date')!r} is not null or a date value")
        if not isinstance(event.get("evidence"), str) or not event["evidence"] or event["evidence"] not in text:
            problems.append(f"{where}: evidence not verbatim in the text: {event.get('evidence')!r}")
        if not isinstance(event.get("optional", False), bool):
            problems.append(f"{where}: optional is not true or false")
    return problems


def check_gold(folder: Path, texts: dict[str, dict]) -> list[str]:
    valid = codes()
    problems = []
    for path in sorted(folder.glob("*.json")):
        try:
            gold = json.loads(path.read_text(encoding="utf-8"))
        except ValueError as exc:
            problems.append(f"{path.name}: not JSON ({exc})")
            continue
        story = texts.get(path.stem)
        if story is None:
            problems.append(f"{path.name}: no story with id {path.stem}")
            continue
        problems += [f"{path.name}: {p}" for p in gold_problems(gold, story["text"], valid)]
    return problems


def shingles(text: str, size: int = PASSAGE_WORDS) -> set[int]:
    words = WORDS.findall(text.lower())
    return {hash(" ".join(words[i : i + size])) for i in range(len(words) - size + 1)}


def shared_shingles(shared: Path = SHARED) -> set[int]:
    """Every run of PASSAGE_WORDS words of the texts under ../shared (eval, training, corpus)."""
    found: set[int] = set()
    for top in ("eval", "training", "corpus"):
        for path in sorted((shared / top).rglob("*")):
            if path.is_file() and path.suffix in {".jsonl", ".json", ".txt", ".csv", ".tsv"}:
                found |= shingles(path.read_text(encoding="utf-8", errors="ignore"))
    return found


def written_problems(record: dict, valid: frozenset[str]) -> list[str]:
    """A writer's record: story, plan and gold in one object (see training/README.md)."""
    problems: list[str] = []
    for key in ("id", "family", "style", "region", "published", "title", "text", "plan", "gold"):
        if key not in record:
            problems.append(f"no {key}")
    if problems:
        return problems
    text = record["text"]
    words = len(text.split())
    if not 150 <= words <= 400:
        problems.append(f"text has {words} words (150-400)")
    if record["style"] not in STYLES:
        problems.append(f"style {record['style']!r} is not one of {sorted(STYLES)}")
    if record["region"] not in REGIONS:
        problems.append(f"region {record['region']!r} is not one of {sorted(REGIONS)}")
    if not re.match(r"^20(1\d|2[0-6])-\d{2}-\d{2}$", str(record["published"])):
        problems.append(f"published {record['published']!r} is not a day of 2010-2026")
    plan = record["plan"]
    events = plan.get("events")
    if not isinstance(events, list) or not events:
        problems.append("plan has no events")
        events = []
    for n, event in enumerate(events):
        if not event.get("construction"):
            problems.append(f"plan.events[{n}]: no construction named")
    for n, negative in enumerate(plan.get("negatives", [])):
        if negative.get("kind") not in NEGATIVE_KINDS:
            problems.append(f"plan.negatives[{n}]: kind {negative.get('kind')!r} not in {sorted(NEGATIVE_KINDS)}")
        if not isinstance(negative.get("evidence"), str) or negative["evidence"] not in text:
            problems.append(f"plan.negatives[{n}]: evidence not verbatim in the text: {negative.get('evidence')!r}")
    problems += gold_problems(written_gold(record), text, valid)
    return problems


def written_gold(record: dict) -> dict:
    """The gold of a written story: its plan's events, with the entities the writer listed."""
    gold = {key: record["gold"].get(key, []) for key in GOLD_KEYS if key != "events"}
    gold["events"] = [
        {
            "source": e.get("source"),
            "type": e.get("type"),
            "target": e.get("target"),
            "date": e.get("date"),
            "evidence": e.get("evidence"),
            "optional": bool(e.get("optional", False)),
        }
        for e in record["plan"].get("events", [])
    ]
    return {key: gold[key] for key in GOLD_KEYS}


def check_written(paths: list[Path], shared: Path = SHARED) -> list[str]:
    valid = codes()
    seen: Counter[str] = Counter()
    passages = shared_shingles(shared) if shared.exists() else set()
    problems = []
    for path in paths:
        for number, record in read_jsonl(path):
            where = f"{path.name}:{number} {record.get('id')}"
            seen[record.get("id")] += 1
            problems += [f"{where}: {p}" for p in written_problems(record, valid)]
            if passages and shingles(record.get("text", "")) & passages:
                problems.append(f"{where}: repeats a passage of {PASSAGE_WORDS}+ words of a text under ../shared")
    problems += [f"id {i} appears {n} times" for i, n in seen.items() if n > 1]
    return problems


def build_written(paths: list[Path], out: Path = TRAINING) -> int:
    """Split writers' records into articles.jsonl, plan.jsonl and one gold file per story."""
    records = [record for path in paths for _, record in read_jsonl(path)]
    records.sort(key=lambda r: r["id"])
    (out / "written").mkdir(parents=True, exist_ok=True)
    gold_dir = out / "gold" / "written"
    gold_dir.mkdir(parents=True, exist_ok=True)
    with (
        (out / "written" / "articles.jsonl").open("w", encoding="utf-8") as articles,
        (out / "written" / "plan.jsonl").open("w", encoding="utf-8") as plans,
    ):
        for r in records:
            article = {
                "id": r["id"],
                "title": r["title"],
                "published": r["published"],
                "source": "dyad written corpus",
                "style": r["style"],
                "region": r["region"],
                "family": r["family"],
                "license": "Apache-2.0 (written for dyad, as the project; the people are invented)",
                "text": r["text"],
            }
            articles.write(json.dumps(article, ensure_ascii=False) + "\n")
            plans.write(json.dumps({"id": r["id"], "family": r["family"], **r["plan"]}, ensure_ascii=False) + "\n")
            (gold_dir / f"{r['id']}.json").write_text(
                json.dumps(written_gold(r), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
            )
    return len(records)


# ---------------------------------------------------------------- the corpus as a whole
FOLDS = 5
VOA_REGIONS = {
    "a": "Africa",
    "b": "Middle East",
    "c": "East Asia and Pacific",
    "d": "Europe and Eurasia",
    "e": "Americas and South Asia",
}


def corpus_stories(shared: Path = SHARED, training: Path = TRAINING) -> list[dict]:
    """Every story of the corpus: {id, set, region, year, group}; a group (a written family) stays in one fold."""
    stories = []
    for _, r in read_jsonl(shared / "training" / "articles.jsonl"):
        stories.append(
            {
                "id": r["id"],
                "set": "voa",
                "region": VOA_REGIONS[r["id"].split("-")[1]],
                "year": r["published"][:4],
                "group": r["id"],
            }
        )
    for _, r in read_jsonl(shared / "eval" / "dev" / "articles.jsonl"):
        stories.append(
            {"id": r["id"], "set": "dev", "region": "dev", "year": str(r.get("published"))[:4], "group": r["id"]}
        )
    written = training / "written" / "articles.jsonl"
    if written.exists():
        for _, r in read_jsonl(written):
            stories.append(
                {
                    "id": r["id"],
                    "set": "written",
                    "region": r["region"],
                    "year": r["published"][:4],
                    "group": r["family"],
                }
            )
    return stories


def assign_folds(stories: list[dict], k: int = FOLDS) -> dict[str, int]:
    """Folds 1..k, balanced by set and region, spread by year; a group never straddles two folds.

    Within each (set, region) stratum the groups are taken in order of year (then id) and each goes to
    the fold that holds the fewest stories of that stratum so far (on a tie, the fewest stories in all,
    then the lowest-numbered):
    every fold gets a share of each region and of each period. Deterministic: no randomness.
    """
    members_of: dict[str, list[dict]] = {}
    for story in stories:
        members_of.setdefault(story["group"], []).append(story)
    # A group's stratum is its first story's (a family may tell of two regions; it still stays whole).
    groups: dict[tuple[str, str], dict[str, list[dict]]] = {}
    for group, members in members_of.items():
        first = min(members, key=lambda s: s["id"])
        groups.setdefault((first["set"], first["region"]), {})[group] = members
    folds: dict[str, int] = {}
    totals = [0] * k
    for stratum in sorted(groups):
        sizes = [0] * k
        members = groups[stratum]
        for group in sorted(members, key=lambda g: (min(s["year"] for s in members[g]), g)):
            fold = min(range(k), key=lambda i: (sizes[i], totals[i], i))
            sizes[fold] += len(members[group])
            totals[fold] += len(members[group])
            for story in members[group]:
                folds[story["id"]] = fold + 1
    return dict(sorted(folds.items()))


def write_folds(path: Path = TRAINING / "folds.json") -> dict:
    stories = corpus_stories()
    folds = assign_folds(stories)
    doc = {
        "k": FOLDS,
        "about": "Every story of the corpus (real VOA stories, written stories, dev texts) in one of 5 folds, "
        "balanced by set and region and spread by year; a written family stays in one fold. "
        "Made by scripts/training_corpus.py folds.",
        "folds": folds,
    }
    path.write_text(json.dumps(doc, indent=1) + "\n", encoding="utf-8")
    return doc


# ---------------------------------------------------------------- agreement
CLOSING_QUOTES = '\u201d"\u00bb'


def as_document(story: dict, gold: dict) -> dict:
    """A gold annotation written as a dyad document, so that score.py can score one annotation against another.

    Only required events are claimed (an annotator's optional rows are doubts, not claims); a quote is the
    span from its opening words to the closing mark, so that annotators who copied openings of different
    lengths still match.
    """
    text = story["text"]
    actors = [
        {"id": f"p{n}", "kind": "person", "name": p["name"], "title": p.get("title"), "country": p.get("country")}
        for n, p in enumerate(gold["people"])
    ]
    actors += [
        {"id": f"o{n}", "kind": "organization", "name": o["name"], "country": o.get("country")}
        for n, o in enumerate(gold["organisations"])
    ]
    quotes = []
    for q in gold["quotes"]:
        start = text.find(q["text_start"])
        end = min(
            [i for i in (text.find(c, start + len(q["text_start"])) for c in CLOSING_QUOTES) if i >= 0]
            + [text.find("\n", start) if "\n" in text[start:] else len(text)]
        )
        speaker = q["speaker"][0] if isinstance(q["speaker"], list) else q["speaker"]
        quotes.append({"text": text[start:end], "speaker": {"kind": "person", "name": speaker}})
    return {
        "article": {"id": story["id"]},
        "actors": actors,
        "places": [{"name": p["name"], "country": p.get("country")} for p in gold["places"]],
        "quotes": quotes,
        "dates": [{"value": d["value"]} for d in gold["dates"]],
        "events": [
            {
                "type": e["type"],
                "source_country": e["source"],
                "target_country": e["target"],
                "date": e.get("date"),
                "modality": "actual",
            }
            for e in gold["events"]
            if not e.get("optional")
        ],
    }


def agreement(first: Path, second: Path, texts: dict[str, dict], out: Path, shared: Path = SHARED) -> dict:
    """score.py articles with the first annotation as gold and the second as system, on the stories both have."""
    import shutil
    import subprocess
    import tempfile

    both = sorted(p.stem for p in second.glob("*.json") if (first / p.name).exists())
    if not both:
        raise SystemExit(f"agreement: no story annotated in both {first} and {second}")
    with tempfile.TemporaryDirectory() as work:
        gold_dir = Path(work) / "gold"
        gold_dir.mkdir()
        with (Path(work) / "system.jsonl").open("w", encoding="utf-8") as system:
            for story_id in both:
                shutil.copy(first / f"{story_id}.json", gold_dir)
                gold = json.loads((second / f"{story_id}.json").read_text(encoding="utf-8"))
                system.write(json.dumps(as_document(texts[story_id], gold), ensure_ascii=False) + "\n")
        done = subprocess.run(
            [
                sys.executable,
                str(shared / "eval" / "score.py"),
                "articles",
                "--gold",
                str(gold_dir),
                "--system",
                str(Path(work) / "system.jsonl"),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
    report = json.loads(done.stdout)
    report["stories"] = both
    out.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    return report


# ---------------------------------------------------------------- counts
def stats(training: Path = TRAINING, shared: Path = SHARED) -> dict:
    """The counts training/README.md gives: events by type, states as sides, stories by region, year, style."""
    out: dict = {}
    sets = {
        "voa": (training / "gold" / "voa", texts_by_id([shared / "training" / "articles.jsonl"])),
        "written": (
            training / "gold" / "written",
            texts_by_id([training / "written" / "articles.jsonl"])
            if (training / "written" / "articles.jsonl").exists()
            else {},
        ),
    }
    for name, (folder, texts) in sets.items():
        required: Counter[str] = Counter()
        optional: Counter[str] = Counter()
        states: Counter[str] = Counter()
        entities: Counter[str] = Counter()
        files = sorted(folder.glob("*.json"))
        for path in files:
            gold = json.loads(path.read_text(encoding="utf-8"))
            for key in GOLD_KEYS:
                entities[key] += len(gold[key])
            for e in gold["events"]:
                (optional if e.get("optional") else required)[e["type"]] += 1
                states.update(c for c in (e["source"], e["target"]) if c != "IGO")
        stories = [texts[p.stem] for p in files if p.stem in texts]
        region = (lambda r: r.get("region")) if name == "written" else (lambda r: VOA_REGIONS[r["id"].split("-")[1]])
        out[name] = {
            "stories": len(files),
            "words": sum(len(r["text"].split()) for r in stories),
            "entities": dict(entities),
            "required_events_by_type": dict(sorted(required.items())),
            "optional_events_by_type": dict(sorted(optional.items())),
            "states_as_sides": len(states),
            "stories_by_region": dict(sorted(Counter(region(r) for r in stories).items())),
            "stories_by_year": dict(sorted(Counter(r["published"][:4] for r in stories).items())),
        }
        if name == "written":
            out[name]["stories_by_style"] = dict(sorted(Counter(r["style"] for r in stories).items()))
            out[name]["families"] = len({r["family"] for r in stories})
            plans = training / "written" / "plan.jsonl"
            if plans.exists():
                kinds: Counter[str] = Counter()
                constructions: Counter[str] = Counter()
                for _, plan in read_jsonl(plans):
                    kinds.update(n["kind"] for n in plan.get("negatives", []))
                    for e in plan["events"]:
                        constructions.update(e.get("construction", []))
                out[name]["negatives_by_kind"] = dict(sorted(kinds.items()))
                out[name]["constructions"] = dict(constructions.most_common())
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    gold = sub.add_parser("check-gold", help="check a folder of gold files against their stories")
    gold.add_argument("folder", type=Path)
    gold.add_argument("--texts", type=Path, action="append", required=True, help="JSON Lines of the stories")
    written = sub.add_parser("check-written", help="check writers' records (story, plan and gold)")
    written.add_argument("parts", type=Path, nargs="+")
    build = sub.add_parser("build-written", help="write training/written and training/gold/written")
    build.add_argument("parts", type=Path, nargs="+")
    sub.add_parser("folds", help="write training/folds.json")
    agree = sub.add_parser("agreement", help="score a second annotation against the first (score.py articles)")
    agree.add_argument("first", type=Path)
    agree.add_argument("second", type=Path)
    agree.add_argument("--texts", type=Path, action="append", required=True)
    agree.add_argument("-o", "--output", type=Path, required=True)
    sub.add_parser("stats", help="print the counts of the corpus as JSON")
    args = parser.parse_args(argv)
    if args.command == "folds":
        doc = write_folds()
        print(
            f"{len(doc['folds'])} stories in {doc['k']} folds: {dict(sorted(Counter(doc['folds'].values()).items()))}",
            file=sys.stderr,
        )
        return 0
    if args.command == "agreement":
        report = agreement(args.first, args.second, texts_by_id(args.texts), args.output)
        print(json.dumps({k: v for k, v in report.items() if isinstance(v, dict) or k.endswith("accuracy")}))
        return 0
    if args.command == "stats":
        print(json.dumps(stats(), indent=1))
        return 0
    if args.command == "check-gold":
        problems = check_gold(args.folder, texts_by_id(args.texts))
    elif args.command == "check-written":
        problems = check_written(args.parts)
    else:
        problems = check_written(args.parts)
        if not problems:
            print(f"wrote {build_written(args.parts)} written stories", file=sys.stderr)
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problems", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
