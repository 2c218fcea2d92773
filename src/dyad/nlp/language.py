"""Language check: dyad's models read English; other languages are skipped with a message."""

from __future__ import annotations

import re

import py3langid
from spacy.lang.en.stop_words import STOP_WORDS

_WORD = re.compile(r"[^\W\d_]+")

# The languages told apart: the world's main news languages. English-based creoles are left out
# on purpose, so that English with many names in it is never mistaken for one.
NEWS_LANGUAGES = [
    "en",
    "fr",
    "de",
    "es",
    "pt",
    "it",
    "nl",
    "ru",
    "uk",
    "pl",
    "cs",
    "sk",
    "hu",
    "ro",
    "bg",
    "sr",
    "hr",
    "sl",
    "el",
    "tr",
    "ar",
    "fa",
    "he",
    "ur",
    "hi",
    "bn",
    "zh",
    "ja",
    "ko",
    "vi",
    "th",
    "id",
    "ms",
    "sw",
    "da",
    "sv",
    "no",
    "fi",
    "et",
    "lv",
    "lt",
    "ka",
    "hy",
    "az",
    "kk",
]
_configured = False


def detect(text: str) -> str:
    """ISO 639-1 code of the text's language ('en' when the text is English enough)."""
    words = _WORD.findall(text[:5000].lower())
    if not words:
        return "und"
    stop_ratio = sum(1 for w in words if w in STOP_WORDS) / len(words)
    if stop_ratio >= 0.25:
        return "en"
    if len(words) < 12 and (stop_ratio > 0 or text.isascii()):
        return "en"  # a headline or a short sentence: too little to tell, and names are no language
    global _configured
    if not _configured:
        py3langid.set_languages(NEWS_LANGUAGES)
        _configured = True
    lang, _ = py3langid.classify(text[:5000])
    if lang == "en":
        return "en"
    return lang
