"""The learned model's say over a document's events: which of the rules' events stand, which it adds.

``EventModel`` is a linear model in two stages stored as data (``.npz``), read with numpy alone and loaded
once per process. The first stage gives each candidate (a sentence and two sides, ``learned.candidates``) a
probability per PLOVER type from its features. The second weighs, for each (type, source, target) of the
document, what all its candidates say together: the best and second best, how many, whether one is in the
lede, whether a rule coded it, whether both sides are named, and the type; one sentence that barely says it
and three that say it in passing are told apart. A calibration turns that score into a probability, and
``decide`` applies the two thresholds:

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
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import chain, repeat
from pathlib import Path
from typing import Any

import numpy as np
from spacy.tokens import Token

from dyad import ontology
from dyad.extract.context import Context
from dyad.extract.events import end_of, render
from dyad.extract.events.dating import dates_for
from dyad.extract.events.learned import FEATURES_VERSION, Candidate, candidates, side_of
from dyad.extract.events.merging import Found
from dyad.extract.events.timing import place_for
from dyad.extract.nationality import NationalityModel
from dyad.model import Actor, DateRef, Place, Quote
from dyad.ontology import SYMMETRIC_TYPES

SHIPPED = "event_model.npz"
FORMAT = "dyad/event-model@2"
FLOOR = 0.05  # a triple whose best candidate the first stage gives less than this gets probability 0
SUMMARY = (
    # what the triple's own candidates say
    "max", "second", "noisy_or", "strong", "lede", "rule", "named", "logit_max",
    # where the pair stands in the story: its two most named sides (weighed by "max": a story's main pair
    # makes its likely events likelier, not its unlikely ones), how often the two are named together
    "main_pair", "has_main", "pair_sentences", "pair_share", "minor_side",
    # how the triple ranks among the story's triples of its type: a sentence that says "X condemned Y" also
    # offers "X condemned" to every other side it names, each a little weaker; and how many sides there are
    "type_rank", "sides",
)  # fmt: skip


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
    # the second stage: one weight per summary feature (SUMMARY, then one per type) and an intercept; none
    # (a model fresh from fit_model) scores a triple by its best candidate alone
    triple_coef: np.ndarray = field(default_factory=lambda: np.zeros(0))
    triple_intercept: float = 0.0
    # the states of people the text leaves without one, learned alongside (``extract.nationality``); none in
    # a model trained before it, or by a dyad whose features for it differ
    nationality: NationalityModel | None = None

    def raw(self, rows: list[list[str]]) -> np.ndarray:
        """The uncalibrated probability of each type for each candidate's features: (rows, types)."""
        size = len(self.features)
        # every row's features looked up in one pass (an unknown one as ``size``); then each known one once per row,
        # in the order given: a set's order changes with the process's string hashing, and with it the sum's last
        # bits, enough to move a retrained model's second stage by a rounding step
        found = np.fromiter(map(self.features.get, chain.from_iterable(rows), repeat(size)), dtype=np.int64)
        lengths = np.fromiter(map(len, rows), dtype=np.int64, count=len(rows))
        which = np.repeat(np.arange(len(rows)), lengths)
        _, first = np.unique(which * (size + 1) + found, return_index=True)
        first.sort()
        first = first[found[first] != size]
        flat, which = found[first], which[first]
        # layer k holds each row's k-th weights (layer 0 the intercept, zeros past a row's last feature); summed
        # over the outer axis, layer after layer, it makes the same additions in the same order as row by row
        counts = np.bincount(which, minlength=len(rows))
        place = np.arange(len(flat)) - np.repeat(np.cumsum(counts) - counts, counts) + 1
        table = np.zeros((int(counts.max(initial=0)) + 1, len(rows), len(self.types)))
        table[0] = self.intercept
        table[place, which] = self._by_feature()[flat]
        return 1.0 / (1.0 + np.exp(-np.add.reduce(table, axis=0)))

    def _by_feature(self) -> np.ndarray:
        """The weights as (features, types), contiguous, made once per model (again if ``coef`` is replaced)."""
        made = self.__dict__.get("_coef_by_feature")
        if made is None or made[0] is not self.coef:
            made = self.__dict__["_coef_by_feature"] = (self.coef, np.ascontiguousarray(self.coef.T))
        return made[1]

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
            triple_coef=self.triple_coef.astype(np.float32),
            triple_intercept=np.array(self.triple_intercept, dtype=np.float32),
            meta=np.array(json.dumps(self.meta, sort_keys=True)),
            **(self.nationality.arrays() if self.nationality is not None else {}),
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
                    triple_coef=data["triple_coef"].astype(np.float64),
                    triple_intercept=float(data["triple_intercept"]),
                    nationality=NationalityModel.from_arrays(data),
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


def summary_names(types: list[str]) -> list[str]:
    """The second stage's features: the summary of a triple's candidates, then its type (one-hot)."""
    return [*SUMMARY, *(f"type:{kind}" for kind in types)]


def summarise(
    types: list[str], cands: list[Candidate], raw: np.ndarray, sentences: int | None = None
) -> dict[tuple[str, str, str], tuple[np.ndarray | None, Candidate]]:
    """Each (type, source, target) the candidates support: what all its candidates' first-stage probabilities
    say together, where its pair stands in the story (``sentences``: how many the story has) and how it
    compares with the story's other triples of its type (None below FLOOR), and its best candidate (the first
    of the highest).

    Worked out per pair of sides over all types at once: a story has many candidates but few pairs."""
    if not cands:
        return {}  # a story with no pair of sides in any sentence
    standing = _standing(cands, sentences)
    column = {kind: j for j, kind in enumerate(types)}
    ruled = np.zeros((len(cands), len(types)), dtype=bool)
    for n, cand in enumerate(cands):
        for kind in cand.ruled:
            if kind in column:
                ruled[n, column[kind]] = True
    named = np.array([cand.named for cand in cands], dtype=bool)
    lede = np.array([cand.sentence == 0 for cand in cands], dtype=bool)
    symmetric = np.array([kind in SYMMETRIC_TYPES for kind in types], dtype=bool)
    pairs: dict[tuple[str, str], list[int]] = {}
    for n, cand in enumerate(cands):
        pairs.setdefault((cand.source, cand.target), []).append(n)
    offset = len(SUMMARY)
    # the groups of candidates a triple is summarised over: a pair's own rows for the directed types, and
    # both directions' rows for the symmetric ones
    directed, undirected = np.flatnonzero(~symmetric).tolist(), np.flatnonzero(symmetric).tolist()
    groups: list[tuple[str, str, list[int], list[int]]] = []
    for (source, target), rows in pairs.items():
        groups.append((source, target, rows, directed))
        if (target, source) not in pairs or (source, target) < (target, source):  # each unordered pair once
            groups.append((source, target, sorted(rows + pairs.get((target, source), [])), undirected))
    all_tops, all_firsts = _tops(raw, [group for _, _, group, _ in groups])
    of_group = np.array([columns is directed for *_, columns in groups], dtype=bool)[:, None]
    kinds = np.where(of_group, ~symmetric, symmetric)
    live = (kinds & (all_tops >= FLOOR)).any(axis=1).tolist()
    out: dict[tuple[str, str, str], tuple[np.ndarray | None, Candidate]] = {}
    scored: list[tuple[tuple[str, str, str], np.ndarray]] = []
    for (source, target, group, columns), tops, firsts, any_live in zip(
        groups, all_tops, all_firsts.tolist(), live, strict=True
    ):
        if not any_live:  # most groups: no type reaches FLOOR, nothing to summarise
            # triple()'s keys, made once per group: its types are all directed or all symmetric
            a, b = (source, target) if columns is directed else sorted((source, target))
            for j in columns:
                out[(types[j], a, b)] = (None, cands[group[firsts[j]]])
            continue
        table = raw[group]
        # every type's column at once: each column's probabilities, highest first, and what they add up to
        ordered = np.sort(table, axis=0)[::-1]
        seconds = ordered[1] if len(group) > 1 else np.zeros(len(types))
        noisy_or = 1.0 - np.prod(1.0 - ordered[:5], axis=0)
        strong = (ordered > 0.2).sum(axis=0)
        ruled_any = ruled[group].any(axis=0)
        in_lede, both_named = bool(lede[group].any()), bool(named[group].any())
        for j in columns:
            key = triple(source, types[j], target)
            best = cands[group[firsts[j]]]
            top = float(tops[j])
            if top < FLOOR:
                out[key] = (None, best)
                continue
            vector = np.zeros(offset + len(types))
            vector[:offset] = (
                top,
                float(seconds[j]),
                float(noisy_or[j]),
                int(strong[j]),
                in_lede,
                bool(ruled_any[j]),
                both_named,
                float(np.log(max(top, 1e-6) / max(1.0 - top, 1e-6))),
                *standing(source, target, top),
                0.0, 0.0,  # the type's columns, filled in below once every triple is known
            )  # fmt: skip
            vector[offset + j] = 1.0
            out[key] = (vector, best)
            scored.append((key, vector))
    if scored:
        # the sides of the triples: every pair's two (each pair gives triples of its directed types, or its
        # unordered pair those of the symmetric ones, and there are types, or nothing would be scored)
        _rank_by_type(scored, len({side for pair in pairs for side in pair}), offset)
    return out


def _standing(cands: list[Candidate], sentences: int | None) -> Callable[[str, str, float], tuple[float, ...]]:
    """Where each pair stands in the story, from the sentences that name its sides: whether both are among
    the two sides named most (the story's main pair) and whether one is the most named (each as the triple's
    ``top`` probability or 0), in how many sentences (and what share of the story's) the two are named
    together, and whether either is named less than the three most named."""
    named_in: dict[str, set[int]] = {}
    together: dict[frozenset[str], set[int]] = {}
    for cand in cands:
        for side in cand.sides_named:
            named_in.setdefault(side, set()).add(cand.sentence)
        if cand.named:
            together.setdefault(frozenset((cand.source, cand.target)), set()).add(cand.sentence)
    ranked = sorted(named_in, key=lambda side: (-len(named_in[side]), side))
    rank = {side: n for n, side in enumerate(ranked)}
    length = max(sentences or 0, 1 + max(cand.sentence for cand in cands))

    def standing(source: str, target: str, top: float) -> tuple[float, ...]:
        first, last = sorted((rank.get(source, len(rank)), rank.get(target, len(rank))))
        both = len(together.get(frozenset((source, target)), ()))
        return top * (last <= 1), top * (first == 0), float(np.log1p(both)), both / length, float(last >= 4)

    return standing


def _rank_by_type(scored: list[tuple[tuple[str, str, str], np.ndarray]], sides: int, offset: int) -> None:
    """Fill each scored triple's last summary columns: its best candidate's rank (log) among the story's
    triples of its type, and how many sides the story has (log). Only the scored triples are walked, not the
    thousands below FLOOR."""
    tops: dict[str, list[float]] = {}
    for key, vector in scored:
        tops.setdefault(key[0], []).append(float(vector[0]))
    place: dict[str, dict[float, int]] = {}  # per type, each probability's first place, highest first
    for kind, values in tops.items():
        place[kind] = {}
        for n, value in enumerate(sorted(values, reverse=True)):
            place[kind].setdefault(value, n)
    for key, vector in scored:
        vector[offset - 2 : offset] = (np.log1p(place[key[0]][float(vector[0])]), np.log(sides))


def _tops(raw: np.ndarray, groups: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
    """Each group's highest probability per type and the (first) row within the group that has it, for all
    groups in a few numpy calls: a story has hundreds of small groups, and numpy's cost is per call."""
    sizes = np.array([len(group) for group in groups], dtype=np.intp)
    starts = np.concatenate(([0], np.cumsum(sizes)[:-1])).astype(np.intp)
    table = raw[np.fromiter(chain.from_iterable(groups), dtype=np.intp)]
    tops = np.maximum.reduceat(table, starts, axis=0)
    at_top = table == np.repeat(tops, sizes, axis=0)
    position = np.where(at_top, np.arange(len(table))[:, None], len(table))
    return tops, np.minimum.reduceat(position, starts, axis=0) - starts[:, None]


def staged(
    summary: dict[tuple[str, str, str], tuple[np.ndarray | None, Candidate]], weights: np.ndarray, bias: float
) -> dict[tuple[str, str, str], tuple[float, Candidate]]:
    """Each summarised triple's second-stage probability (uncalibrated; 0 below FLOOR; the best candidate's alone
    when there are no weights) and its best candidate."""
    scored = [key for key, (vector, _) in summary.items() if vector is not None]
    out = {key: (0.0, cand) for key, (vector, cand) in summary.items() if vector is None}
    if scored:
        probs = _second_stage(summary, scored, weights, bias)
        out.update({key: (float(p), summary[key][1]) for key, p in zip(scored, probs, strict=True)})
    return out


def _second_stage(
    summary: dict[tuple[str, str, str], tuple[np.ndarray | None, Candidate]],
    scored: list[tuple[str, str, str]],
    weights: np.ndarray,
    bias: float,
) -> np.ndarray:
    """The second stage's probability of each ``scored`` triple (one with a summary vector)."""
    vectors = np.stack([summary[key][0] for key in scored])  # type: ignore[misc]
    return 1.0 / (1.0 + np.exp(-(vectors @ weights + bias))) if weights.size else vectors[:, 0]


def scores(
    model: EventModel, cands: list[Candidate], sentences: int | None = None
) -> dict[tuple[str, str, str], tuple[float, Candidate]]:
    """Each (type, source, target) the candidates support, with its calibrated probability and best candidate
    (``sentences``: how many the story has)."""
    if not cands:
        return {}
    summary = summarise(model.types, cands, model.raw([c.features for c in cands]), sentences)
    # what ``staged`` then ``calibrated`` give, without three passes over the thousands of triples below FLOOR:
    # each of those has the calibration of 0 (staged's order kept: those first, then the scored ones)
    floor = float(model.calibrated(np.zeros(1))[0])
    out = {key: (floor, cand) for key, (vector, cand) in summary.items() if vector is None}
    scored = [key for key, (vector, _) in summary.items() if vector is not None]
    if scored:
        probs = model.calibrated(_second_stage(summary, scored, model.triple_coef, model.triple_intercept))
        out.update({key: (float(p), summary[key][1]) for key, p in zip(scored, probs, strict=True)})
    return out


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
    # the few that clear the bar, sorted; not the thousands of triples a story's candidates support
    added = sorted(
        ((key, p, cand) for key, (p, cand) in best.items() if p >= add and key not in covered),
        key=lambda found: (-found[1], found[0]),
    )
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
    """The document's events with the model's say: the rules' that it keeps, and the ones it adds.

    A text shorter than every story the model learned from (a lone sentence) keeps the rules' events: the model
    weighs what all of a story's sentences say of a triple, and has never seen a story of one sentence."""
    if len(ctx.sentences) < int(model.meta.get("min_sentences", 0)):
        return events
    best = scores(model, candidates(ctx, quotes, events), len(ctx.sentences))
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
