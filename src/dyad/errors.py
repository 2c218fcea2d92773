"""Errors dyad raises at its public edges. Each message is one line naming the input."""

from dyad.sources.records import InputError


class DyadError(Exception):
    """Base class of dyad's own errors."""


class NotEnglishError(DyadError):
    """The article is not in English: dyad's models would extract nonsense from it."""

    def __init__(self, language: str) -> None:
        super().__init__(f"not English (detected '{language}'), skipped")
        self.language = language


__all__ = ["DyadError", "InputError", "NotEnglishError"]
