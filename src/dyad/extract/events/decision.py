"""The learned model's say over a document's events: which of the rules' events stand, which it adds.

``EventModel`` is a linear model stored as data (``.npz``: its feature names, one weight vector per PLOVER
type, the calibration that turns a score into a probability, and the two thresholds), read with numpy alone
and loaded once per process. ``decide`` scores every candidate of a document (``learned.candidates``):

- an actual event of the rules with both sides known stands when the model gives its (source, type,
  target) at least the ``keep`` probability, with that probability as its confidence;
- a (source, type, target) the model gives at least ``add``, that no rule found, is added, dated and
  placed from its sentence, its evidence the sentence and the word where the two sides meet.

The rules' hypothetical, negated and one-sided events pass through unchanged. ``dyad train`` makes a model
(``dyad.train``); the one dyad ships is ``extract/data/event_model.npz`` (``make train``).
"""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
from spacy.tokens import Token

from dyad import ontology
from dyad.extract.context import Context
from dyad.extract.events import end_of, render
from dyad.extract.events.learned import FEATURES_VERSION, Candidate, candidates, side_of
from dyad.extract.events.merging import Found
from dyad.extract.events.timing import dates_for, place_for
from dyad.model import Actor, DateRef, Place, Quote
from dyad.ontology import SYMMETRIC_TYPES

SHIPPED = "event_model.npz"
FORMAT = "dyad/event-model@1"


class ModelError(Exception):
    """A model file that cannot be used; the message is one line naming it."""


@dataclass
class EventModel:
    """One logistic regression per PLOVER type over named features, with a calibration and thresholds."""

    types: list[str]
    features: dict[str, int]
    coef: np.ndarray  # (types, features)
    intercept: np.ndarray  # (types,)
    calibration: tuple[np.ndarray, np.ndarray]  # isotonic steps: raw probability -> observed frequency
    keep: float
    add: float
    meta: dict[str, Any]

    def raw(self, rows: list[list[str]]) -> np.ndarray:
        """The uncalibrated probability of each type for each candidate's features: (rows, types)."""
        index = self.features
        cols = [[index[f] for f in set(feats) if f in index] for feats in rows]
        flat = np.fromiter((c for row in cols for c in row), dtype=np.int64)
        which = np.repeat(np.arange(len(rows)), [len(row) for row in cols])
        scores = np.tile(self.intercept.astype(np.float64), (len(rows), 1))
        np.add.at(scores, which, self.coef[:, flat].T)  # one pass over every (row, feature), not a loop per row
        return 1.0 / (1.0 + np.exp(-scores))

    def calibrated(self, raw: np.ndarray) -> np.ndarray:
        xs, ys = self.calibration
        return np.interp(raw, xs, ys) if len(xs) else raw

    def save(self, path: Path) -> None:
        names = sorted(self.features, key=self.features.get)
        np.savez_compressed(
            path,
            format=np.array(FORMAT),
            types=np.array(json.dumps(self.types)),
            features=np.array(json.dumps(names)),
            coef=self.coef.astype(np.float32),
            intercept=self.intercept.astype(np.float32),
            calibration_x=self.calibration[0].astype(np.float32),
            calibration_y=self.calibration[1].astype(np.float32),
            thresholds=np.array([self.keep, self.add], dtype=np.float32),
            meta=np.array(json.dumps(self.meta, sort_keys=True)),
        )

    @classmethod
    def read(cls, path: Path | str) -> EventModel:
        try:
            with np.load(path, allow_pickle=False) as data:
                if str(data["format"]) != FORMAT:
                    raise ModelError(f"{path}: not a dyad event model (format {str(data['format'])!r})")
                meta = json.loads(str(data["meta"]))
                version = meta.get("features_version")
                if version != FEATURES_VERSION:
                    raise ModelError(
                        f"{path}: trained on features version {version}, this dyad makes version "
                        f"{FEATURES_VERSION} (train it again: dyad train)"
                    )
                names = json.loads(str(data["features"]))
                keep, add = (float(x) for x in data["thresholds"])
                return cls(
                    types=json.loads(str(data["types"])),
                    features={name: n for n, name in enumerate(names)},
                    coef=data["coef"].astype(np.float64),
                    intercept=data["intercept"].astype(np.float64),
                    calibration=(data["calibration_x"].astype(np.float64), data["calibration_y"].astype(np.float64)),
                    keep=keep,
                    add=add,
                    meta=meta,
                )
        except ModelError:
            raise
        except FileNotFoundError:
            raise ModelError(f"{path}: no such model file") from None
        except KeyError as exc:
            raise ModelError(f"{path}: not a dyad event model (no {exc.args[0]!r} in it)") from None
        except (OSError, ValueError, zipfile.BadZipFile):
            raise ModelError(f"{path}: not a dyad event model (not a .npz file dyad wrote)") from None


@lru_cache(maxsize=4)
def load_model(path: str | None = None) -> EventModel | None:
    """The model at ``path``, the shipped one for None, or none at all for "rules"; read once per process."""
    if path == "rules":
        return None
    if path is None:
        shipped = resources.files("dyad.extract").joinpath("data", SHIPPED)
        if not shipped.is_file():
            return None  # a checkout where `make train` has not run: the rules decide alone
        with resources.as_file(shipped) as file:
            return EventModel.read(file)
    return EventModel.read(path)


def triple(source: str, kind: str, target: str) -> tuple[str, str, str]:
    if kind in SYMMETRIC_TYPES:
        a, b = sorted((source, target))
        return kind, a, b
    return kind, source, target


@lru_cache(maxsize=1)
def default_codes() -> dict[str, str]:
    rows = resources.files("dyad.extract").joinpath("data", "plover_cameo.tsv").read_text(encoding="utf-8")
    return dict(line.split("\t")[:2] for line in rows.splitlines() if line and not line.startswith("#"))


def scores(model: EventModel, cands: list[Candidate]) -> dict[tuple[str, str, str], tuple[float, Candidate]]:
    """Each (type, source, target) the candidates support, with its best calibrated probability and candidate."""
    if not cands:
        return {}
    probs = model.calibrated(model.raw([c.features for c in cands]))
    best: dict[tuple[str, str, str], tuple[float, Candidate]] = {}
    for cand, row in zip(cands, probs, strict=True):
        for kind, p in zip(model.types, row, strict=True):
            key = triple(cand.source, kind, cand.target)
            if key not in best or p > best[key][0]:
                best[key] = (float(p), cand)
    return best


def _pairs(ctx: Context, event: dict[str, Any]) -> set[tuple[str, str, str]]:
    sources = {side_of(ctx.actor(a)) for a in event["sources"]} - {None}
    targets = {side_of(ctx.actor(a)) for a in event["targets"]} - {None}
    return {triple(s, event["type"], t) for s in sources for t in targets if s != t}


def _restricted(ctx: Context, event: dict[str, Any], standing: set[tuple[str, str, str]]) -> dict[str, Any]:
    """The event with only the sources and targets that take part in a pair that stands."""

    def takes_part(actor_id: str, as_source: bool) -> bool:
        side = side_of(ctx.actor(actor_id))
        return side is None or any(
            side in ((k[1], k[2]) if k[0] in SYMMETRIC_TYPES else ((k[1],) if as_source else (k[2],))) for k in standing
        )

    return {
        **event,
        "sources": [a for a in event["sources"] if takes_part(a, True)],
        "targets": [a for a in event["targets"] if takes_part(a, False)],
    }


def _actor_for(ctx: Context, side: str, start: int, end: int) -> Actor | None:
    """An actor of that side, named in the sentence if one is, else the story's first of it."""
    here = [a for a in ctx.actors_in(start, end) if side_of(a) == side]
    if here:
        return next((a for a in here if a.kind == "state"), here[0])
    return next((a for a in ctx.actors if side_of(a) == side and a.kind == "state"), None) or next(
        (a for a in ctx.actors if side_of(a) == side), None
    )


def choose(
    ctx: Context,
    events: list[dict[str, Any]],
    best: dict[tuple[str, str, str], tuple[float, Candidate]],
    keep: float,
    add: float,
) -> tuple[list[tuple[dict[str, Any], float | None]], list[tuple[tuple[str, str, str], float, Candidate]]]:
    """Which of the rules' events stand (with the model's probability, None where it had no say) and which
    (type, source, target) the model adds, best first."""
    kept: list[tuple[dict[str, Any], float | None]] = []
    covered: set[tuple[str, str, str]] = set()
    for event in events:
        keys = _pairs(ctx, event)
        scored = [best[k][0] for k in keys if k in best]
        if event["modality"] != "actual" or not scored:
            kept.append((event, None))
            covered |= keys
            continue
        standing = {k for k in keys if best.get(k, (1.0,))[0] >= keep}
        if not standing:
            continue
        if standing != keys:  # of "A and B accused C and D", only the pairs the model upholds
            event = _restricted(ctx, event, standing)
        kept.append((event, max(best[k][0] for k in standing if k in best) if standing & best.keys() else None))
        covered |= standing
    added = [
        (key, p, cand)
        for key, (p, cand) in sorted(best.items(), key=lambda kv: (-kv[1][0], kv[0]))
        if p >= add and key not in covered
    ]
    return kept, added


def decide(
    ctx: Context,
    quotes: list[Quote],
    dates: list[DateRef],
    places: list[Place],
    published: str | None,
    events: list[dict[str, Any]],
    model: EventModel,
) -> list[dict[str, Any]]:
    """The document's events with the model's say: the rules' that it keeps, and the ones it adds."""
    best = scores(model, candidates(ctx, quotes, events))
    kept, new = choose(ctx, events, best, model.keep, model.add)
    out = [event if p is None else {**event, "confidence": round(p, 3)} for event, p in kept]
    added: dict[tuple[str, str, str, str | None], Found] = {}
    for key, p, cand in new:
        kind, a, b = key
        source, target = (cand.source, cand.target) if kind in SYMMETRIC_TYPES else (a, b)
        sent = ctx.sentences[cand.sentence]
        anchor: Token = sent.doc[cand.anchor] if cand.anchor is not None else sent.root
        who = _actor_for(ctx, source, sent.start_char, sent.end_char)
        whom = _actor_for(ctx, target, sent.start_char, sent.end_char)
        if who is None or whom is None:
            continue
        rule_codes = [e["cameo"] for e in events if e["type"] == kind and _in(ctx, e, cand.sentence)]
        code = ontology.code(rule_codes[0] if rule_codes else default_codes()[kind])
        date = (dates_for(anchor, ctx.text, dates, published) or [None])[0]
        evidence = {
            "start": sent.start_char,
            "end": end_of(sent),
            "trigger": {"start": anchor.idx, "end": anchor.idx + len(anchor.text), "text": anchor.text},
        }
        if (*key, date) not in added:
            added[(*key, date)] = Found(code, [who], [whom], "actual", date, place_for(anchor, places), round(p, 3))
        added[(*key, date)].evidence.append(evidence)
    out += [render(0, ev) for ev in added.values()]
    out.sort(key=lambda e: min(x["trigger"]["start"] for x in e["evidence"]))
    return [{"id": f"E{n}", **{k: v for k, v in e.items() if k != "id"}} for n, e in enumerate(out, 1)]


def _in(ctx: Context, event: dict[str, Any], sentence: int) -> bool:
    return any(ctx.sentence_index(x["trigger"]["start"]) == sentence for x in event["evidence"])
