"""Ontology: CAMEO codes, their PLOVER types, quad classes and Goldstein scores, from data files.

Loaders only: they read ``ontology/data`` once and call nothing else in dyad.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

PLOVER_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
# Types whose joint form has no direction ("Russia and China held talks / agreed / cooperate"):
# the extractor lists all parties, the store writes their pairs in code order.
SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
# CAMEO's quad classes by root code: 01-05 verbal cooperation, 06-08 material cooperation,
# 09-13 verbal conflict, 14-20 material conflict.
QUADS = ((5, "verbal_cooperation"), (8, "material_cooperation"), (13, "verbal_conflict"), (20, "material_conflict"))


@dataclass(frozen=True)
class Code:
    cameo: str
    plover: str
    mode: str | None
    context: tuple[str, ...]
    name: str
    goldstein: float
    quad: str


def _rows(name: str) -> list[list[str]]:
    text = resources.files("dyad.ontology").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, list[str]], dict[str, float]]:
    plover = {}
    for row in _rows("cameo_plover.tsv"):
        plover.setdefault(row[0], row + [""] * (5 - len(row)))
    goldstein = {row[0]: float(row[1]) for row in _rows("goldstein.tsv")}
    return plover, goldstein


def _inherited(code: str, table: dict):
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            return table[code[:n]]
    return None


@lru_cache(maxsize=512)
def code(cameo: str) -> Code:
    """Everything dyad knows of a CAMEO code; a code missing from the tables inherits its parent's values."""
    plover, goldstein = _tables()
    row = plover.get(cameo) or _inherited(cameo, plover)
    if row is None:
        raise KeyError(f"CAMEO code {cameo!r} has no PLOVER type")
    score = goldstein.get(cameo, _inherited(cameo, goldstein))
    root = int(cameo[:2])
    quad = next(name for last, name in QUADS if root <= last)
    context = tuple(c for c in row[3].replace(";", " ").split() if c)
    return Code(cameo, row[1], row[2] or None, context, row[4], float(score if score is not None else 0.0), quad)
