"""A dyad's timeline: events per period, by PLOVER type and quad class, with a Goldstein-weighted score.

Pure: rows of stored events in, periods out. An event counts in a period only
when its date is at least as fine as the period: an event known only as "2019"
is in a yearly timeline but not in a monthly one (``Timeline.too_coarse`` says
how many were left out, so nothing disappears silently).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from dyad.store.queries import QUADS
from dyad.store.resolve import precision

GRAINS = ("day", "week", "month", "year")
_FINENESS = {"year": 0, "month": 1, "week": 2, "day": 3}


@dataclass
class Period:
    period: str
    events: int = 0
    goldstein: float = 0.0
    types: Counter = field(default_factory=Counter)
    quads: Counter = field(default_factory=Counter)

    def to_dict(self) -> dict:
        return {
            "period": self.period,
            "events": self.events,
            "goldstein": round(self.goldstein, 2),
            "types": dict(sorted(self.types.items(), key=lambda kv: (-kv[1], kv[0]))),
            "quads": {q: self.quads.get(q, 0) for q in QUADS},
        }


@dataclass
class Timeline:
    a: str
    b: str
    by: str
    directed: bool
    periods: list[Period]
    too_coarse: int = 0
    undated: int = 0

    def to_dict(self) -> dict:
        return {
            "a": self.a,
            "b": self.b,
            "by": self.by,
            "directed": self.directed,
            "periods": [p.to_dict() for p in self.periods],
            "too_coarse": self.too_coarse,
            "undated": self.undated,
        }


def period_of(value: str, by: str) -> str | None:
    """The period a normalised date falls in, or None when the date is coarser than the period."""
    grain = precision(value)
    if grain is None:
        return None
    if grain == "week":
        if by == "week":
            return value
        return value[:4] if by == "year" else None
    if _FINENESS[grain] < _FINENESS[by] or (grain == "month" and by == "week"):
        return None
    if by == "year":
        return value[:4]
    if by == "month":
        return value[:7]
    if by == "week":
        year, week, _ = date.fromisoformat(value).isocalendar()
        return f"{year}-W{week:02d}"
    return value


def period_start(period: str) -> str:
    """The first day of a period ("2024-W25" -> "2024-06-17", "2024-06" -> "2024-06-01"): where a chart on a
    true time axis places it, so that years without events show as gaps."""
    if "-W" in period:
        year, week = period.split("-W")
        return date.fromisocalendar(int(year), int(week), 1).isoformat()
    return (period + "-01-01")[:10] if len(period) == 4 else (period + "-01")[:10]


def timeline(rows: Iterable[tuple], a: str, b: str, by: str = "month", directed: bool = False) -> Timeline:
    """Aggregate (date, type, quad, goldstein, source, target) rows into periods, oldest first. A row may
    carry a seventh value, the number of events it stands for (its Goldstein score then being their sum): the
    store counts a pair's events by period in the database (``Store.dyad_periods``)."""
    if by not in GRAINS:
        raise ValueError(f"--by must be one of {', '.join(GRAINS)}, not {by!r}")
    periods: dict[str, Period] = {}
    coarse = undated = 0
    for value, kind, quad, goldstein, _source, _target, *counted in rows:
        n = counted[0] if counted else 1
        if not value:
            undated += n
            continue
        key = period_of(value, by)
        if key is None:
            coarse += n
            continue
        period = periods.setdefault(key, Period(key))
        period.events += n
        period.goldstein += goldstein or 0.0
        period.types[kind] += n
        if quad:
            period.quads[quad] += n
    return Timeline(a, b, by, directed, [periods[k] for k in sorted(periods)], coarse, undated)
