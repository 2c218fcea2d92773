"""Cleaning: drop captions, credits and site furniture, strip datelines.

The cleaned text is what every extractor sees and what ``article.text`` holds,
so every offset in a document indexes it. Line breaks are kept: they mark
sentence breaks for the parser.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

# Small words that stay lower case inside a title-case headline.
_HEADLINE_SMALL = {
    "a",
    "an",
    "and",
    "as",
    "at",
    "but",
    "by",
    "for",
    "from",
    "in",
    "into",
    "of",
    "on",
    "or",
    "over",
    "the",
    "to",
    "up",
    "vs",
    "with",
    "after",
    "amid",
    "says",
    "is",
    "are",
    "be",
    "its",
    "his",
    "her",
}
_TERMINAL = tuple(".!?:;,\"”’)'…-–—")


@dataclass(frozen=True)
class Rule:
    action: str
    pattern: re.Pattern[str]


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    text = resources.files("dyad.nlp").joinpath("data/boilerplate.tsv").read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        action, pattern, *_ = line.split("\t")
        out.append(Rule(action, re.compile(pattern)))
    return tuple(out)


def is_headline(line: str) -> bool:
    """A title-case line without final punctuation: a related-article teaser, not prose."""
    stripped = line.strip()
    if not stripped or stripped.endswith(_TERMINAL):
        return False
    words = re.findall(r"[A-Za-z][\w'’-]*", stripped)
    if len(words) < 4:
        return False
    content = [w for w in words if w.lower() not in _HEADLINE_SMALL]
    if len(content) < 3:
        return False
    capitals = sum(1 for w in content if w[0].isupper())
    return capitals / len(content) >= 0.8


def clean(text: str) -> str:
    """Return the cleaned article text."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\u200b", "")
    text = text.replace("\t", " ")
    kept: list[str] = []
    for line in text.split("\n"):
        if any(r.action == "drop_line" and r.pattern.search(line) for r in rules()):
            continue
        for rule in rules():
            if rule.action == "strip_prefix":
                line = rule.pattern.sub("", line, count=1)
        if is_headline(line):
            continue
        kept.append(line.rstrip())
    cleaned = "\n".join(kept).strip()
    return re.sub(r"\n{3,}", "\n\n", cleaned)


def content_hash(text: str) -> str:
    """sha256 of the text with Unicode NFC and white space folded: equal stories hash equal."""
    folded = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()
