"""Whose state a person acts for, where the text never says it beside their name: a learned decision.

The rules of ``actors`` and ``officials`` give a person a state where the text ties them to one
('Kenya's foreign minister, X', 'the Russian delegation includes X'), or the knowledge files know them.
Most people the news names get nothing that explicit: 'In Dodoma, government spokesman X said ...' in
a story about Kenya and Tanzania; "Bangladesh's foreign ministry rejected that account. Adviser X told
reporters ..."; a Japanese minister in a story on Russia. A reader settles these from many weak cues at
once: where the text names each state (in the person's sentence, before or after them, as the subject of
the sentence before, in the dateline, as the story's main state), the person's title and standing, and
the person's name (office holders named Tanabe are Japanese).

Each state the text names is a candidate for each person left without one; a logistic regression
(trained by ``dyad train`` on the labelled corpus, stored with the event model) gives each candidate a
probability, and the best one is taken when it reaches the model's threshold. The threshold is chosen on
held-out stories for precision: a wrong state is worse than none, since it puts the person's words and
deeds on the wrong side of a dyad.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from spacy.tokens import Doc, Span

from dyad import kb
from dyad.extract.actors import _Person, hyphenated
from dyad.extract.context import Context
from dyad.extract.officials import (
    _described,
    _envoy,
    _stateless_official,
    _subject,
    _subject_state,
    dateline_state,
)

# The features' version: a model records the one it was trained with; a different one is not applied.
FEATURES_VERSION = 1
DISTANCES = (1, 2, 3, 5, 8, 15)  # token-distance bands
SHARES = ((0.1, "<.1"), (0.3, "<.3"), (0.6, "<.6"))  # bands of a name part's share of a state: (below, label)


@dataclass
class Stateless:
    """A person the rules left without a state, and each candidate state's features."""

    person: _Person
    candidates: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class NationalityModel:
    """A logistic regression over (person, state) features; ``threshold`` the least probability taken."""

    features: dict[str, int]
    coef: np.ndarray
    intercept: float
    threshold: float
    meta: dict[str, Any] = field(default_factory=dict)

    def probability(self, features: list[str]) -> float:
        found = {self.features[f] for f in features if f in self.features}
        score = self.intercept + float(self.coef[sorted(found)].sum()) if found else self.intercept
        return 1.0 / (1.0 + np.exp(-score))

    def best(self, candidates: dict[str, list[str]]) -> tuple[str | None, float]:
        """The likeliest state and its probability; states in name order, so that ties fall the same way."""
        best, top = None, 0.0
        for state in sorted(candidates):
            p = self.probability(candidates[state])
            if p > top:
                best, top = state, p
        return best, top

    def arrays(self) -> dict[str, np.ndarray]:
        """The model as arrays, stored in the event model's file (``nationality_*``)."""
        import json

        names = sorted(self.features, key=self.features.get)
        return {
            "nationality_features": np.array(json.dumps(names)),
            "nationality_coef": self.coef.astype(np.float32),
            "nationality_scalars": np.array([self.intercept, self.threshold], dtype=np.float32),
            "nationality_meta": np.array(json.dumps(self.meta, sort_keys=True)),
        }

    @classmethod
    def from_arrays(cls, data: Any) -> NationalityModel | None:
        """The model stored in a ``.npz`` file's arrays, or None for a file without one or of another version."""
        import json

        if "nationality_features" not in data:
            return None
        meta = json.loads(str(data["nationality_meta"]))
        if meta.get("features_version") != FEATURES_VERSION:
            return None
        names = json.loads(str(data["nationality_features"]))
        intercept, threshold = (float(x) for x in data["nationality_scalars"])
        return cls(
            {name: n for n, name in enumerate(names)},
            data["nationality_coef"].astype(np.float64),
            intercept,
            threshold,
            meta,
        )


def assign(ctx: Context, cspans: dict[int, tuple[Span, str, str]], people: list[_Person]) -> list[Stateless]:
    """Give each official the rules left without a state (a state's title, of government, armed forces,
    legislature or courts) the model's state, where it is sure enough; return every such person with their
    candidates (what ``dyad train`` learns from). Without a model, nobody is given one.

    People the text gives no such office (an analyst, a villager, a detainee) are left as the text leaves
    them: their nationality is what the gold guide wants said only where the text says it, and on held-out
    news the model's guesses for them were right half the time."""
    model: NationalityModel | None = ctx.nationality
    found = []
    for p in people:
        if not _stateless_official(p):
            continue  # only a state's officials act for one: whom the text gives no office keeps what it says
        item = Stateless(p, candidate_features(ctx, cspans, people, p))
        found.append(item)
        if model is not None and item.candidates:
            state, probability = model.best(item.candidates)
            if state is not None and probability >= model.threshold:
                p.country = state
    return found


def _band(n: int) -> str:
    return next((f"<={c}" for c in DISTANCES if n <= c), f">{DISTANCES[-1]}")


def _share_band(share: float) -> str:
    if share == 0:
        return "0"
    return next((label for below, label in SHARES if share < below), ">=.6")


def name_features(name: str, state: str) -> list[str]:
    """What the person's name says of the state: the share of the table's people of each name part that are
    of this state (banded), and whether it is that part's commonest state."""
    out = []
    for part, counts in kb.name_evidence(name):
        if not counts:
            out.append(f"{part}_unknown")
            continue
        total = sum(counts.values())
        band = _share_band(counts.get(state, 0) / total)
        out.append(f"{part}_share={band}")
        if total >= 5:
            out.append(f"{part}_share={band}&n5")
        if counts.get(state, 0) == max(counts.values()):
            out.append(f"{part}_top")
    return out


def _posted_to(doc: Doc, span: Span, named: list[tuple[Span, str, str]]) -> set[str]:
    """The states an envoy is posted to by the words before their name ('the ambassador in Ljubljana, X',
    'Ambassador to Kenya X'): the host, never the envoy's own."""
    return {
        iso3
        for s, _, iso3 in named
        if span.start - 8 <= s.start < span.start and s.start > 0 and doc[s.start - 1].lower_ in ("in", "to")
    }


def candidate_features(
    ctx: Context, cspans: dict[int, tuple[Span, str, str]], people: list[_Person], person: _Person
) -> dict[str, list[str]]:
    """Each state the text names (or its dateline's), with what ties it to the person: where it is named
    against their first mention, how the story names it overall, and what their name and title say."""
    doc = ctx.doc
    first = min(person.mentions, key=lambda m: m.start)
    span = doc.char_span(first.start, first.end, alignment_mode="expand")
    if span is None or not len(span):
        return {}
    envoy = _envoy(doc, person)
    named: list[tuple[Span, str, str]] = []  # every state mention once, in text order
    seen: set[int] = set()
    for i in sorted(cspans):
        state_span, kind, iso3 = cspans[i]
        if state_span.start in seen:
            continue
        seen.add(state_span.start)
        if hyphenated(state_span):
            continue  # 'pro-Russian', 'Iranian-American': a stance or half a nationality, no state's office
        named.append((state_span, kind, iso3))
    posted = _posted_to(doc, span, named) if envoy else set()
    counts = Counter(iso3 for _, _, iso3 in named)
    dateline = dateline_state(ctx.text)
    states = (set(counts) | ({dateline} if dateline else set())) - posted
    if not states:
        return {}
    by_count = [s for s, _ in counts.most_common()]
    by_first = list(dict.fromkeys(iso3 for _, _, iso3 in named))
    sentences = ctx.sentences
    at = ctx.sentence_index(first.start)
    own = sentences[at]
    before = sentences[at - 1] if at > 0 else None
    after = sentences[at + 1] if at + 1 < len(sentences) else None
    text = ctx.text
    paragraph = (text.rfind("\n", 0, first.start), (text.find("\n", first.end) + 1 or len(text) + 1) - 1)
    own_subject = _subject_state(own, cspans)
    before_subject = _subject_state(before, cspans) if before is not None else None
    their_sentences = {ctx.sentence_index(m.start) for m in person.mentions}
    kind = "envoy" if envoy else ("titled" if person.title else "untitled")
    others = {q.country for q in people if q is not person and q.country}
    beside = {
        q.country
        for q in people
        if q is not person and q.country and any(own.start_char <= m.start < own.end_char for m in q.mentions)
    }
    earlier = [iso3 for s, _, iso3 in named if s.start < span.start]
    total = sum(counts.values()) or 1
    subject, described = _subject(span), _described(doc, person)  # the same whichever state is asked about
    out: dict[str, list[str]] = {}
    for state in sorted(states):
        f = [f"states={min(len(counts), 4)}", f"kind={kind}", f"sector={person.sector or 'none'}"]
        f.append(f"rank={min(by_count.index(state), 3) if state in by_count else 9}")
        f.append(f"first_named={min(by_first.index(state), 3) if state in by_first else 9}")
        f.append(f"count={_band(counts.get(state, 0))}")
        f.append(f"share={int(counts.get(state, 0) / total * 4)}")
        if state == dateline:
            f.append("dateline")
        mine = [(s, k) for s, k, iso3 in named if iso3 == state and own.start <= s.start < own.end]
        if mine:
            f.append("own")
            f += [f"own_kind={k}" for _, k in mine]
            near, near_kind = min(mine, key=lambda m: abs(m[0].start - span.start))
            distance = abs(near.start - span.start)
            f.append(f"own_dist={_band(distance)}")
            if any(s.start < span.start for s, _ in mine):
                f.append("own_before")
            if any(s.start >= span.end for s, _ in mine):
                f.append("own_after")
            last = doc[near.end - 1]
            f.append(f"own_dep={last.dep_}")
            f.append(f"own_head={last.head.lemma_.lower()}")
            if last.dep_ == "pobj":
                f.append(f"own_prep={last.head.lower_}|{last.head.head.lemma_.lower()}")
            if near.end < len(doc) and doc[near.end].text in ("'s", "’s"):
                f.append("own_poss")
            if near_kind == "CAPITAL" and near.start > 0 and doc[near.start - 1].lower_ == "in":
                f.append("own_in_capital")
            f.append(f"own_{'b' if near.start < span.start else 'a'}_{_band(distance)}_{near_kind}")
            if state == own_subject:
                f.append("own_subj")
        else:
            f.append("not_own")
        if before is not None and any(iso3 == state and before.start <= s.start < before.end for s, _, iso3 in named):
            f.append("prev")
        if state == before_subject:
            f.append("prev_subj")
        if before_subject and before_subject != state:
            f.append("prev_subj_other")
        if after is not None and any(iso3 == state and after.start <= s.start < after.end for s, _, iso3 in named):
            f.append("next")
        if any(iso3 == state and paragraph[0] <= s.start_char < paragraph[1] for s, _, iso3 in named):
            f.append("para")
        together = sum(
            1 for s, _, iso3 in named if iso3 == state and ctx.sentence_index(s.start_char) in their_sentences
        )
        f.append(f"their_sentences={_band(together)}")
        if state in others:
            f.append("other_person_state")
        if state in beside:
            f.append("own_other_person")
        if earlier and earlier[-1] == state:
            f.append("last_before")
        if named and named[0][2] == state:
            f.append("lead_state")
        base = list(f)
        f += [f"{kind}&{x}" for x in base if not x.startswith(("kind", "sector"))]
        f += [f"subj={subject}&{x}" for x in base if x.startswith(("own", "prev", "last"))]
        if described:
            f.append("described")
        f += name_features(person.name, state)
        out[state] = f
    return out
