"""What a source yields: one record per article, or a problem naming the input."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dyad.model import Document

MAX_TEXT_BYTES = 2 * 1024 * 1024


class InputError(ValueError):
    """Bad input: the message is one line and names what was wrong."""


@dataclass
class Record:
    text: str
    origin: str  # where it came from, for messages: "path", "path:line" or "-"
    id: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    source: str | None = None
    license: str | None = None
    document: Document | None = None  # a dyad/document@1 read back: already extracted, the store takes it as is


@dataclass
class InputProblem:
    origin: str
    message: str
    skipped: bool = False  # deliberately left out (another language), not a failure

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"


def parse_published(value: object) -> str | None:
    """ISO date (YYYY-MM-DD) from a date or datetime string; None stays None."""
    if value is None or value == "":
        return None
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        raise InputError(f"published date {text!r} is not YYYY-MM-DD") from None


def check_text(text: object) -> str:
    if not isinstance(text, str):
        raise InputError("record has no 'text' string")
    if not text.strip():
        raise InputError("empty text")
    if len(text.encode("utf-8", "surrogatepass")) > MAX_TEXT_BYTES:
        size = len(text.encode("utf-8", "surrogatepass")) / 1024 / 1024
        raise InputError(f"text is {size:.1f} MB, over the 2 MB limit")
    return text
