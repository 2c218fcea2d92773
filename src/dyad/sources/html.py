"""HTML pages: trafilatura finds the article body, its title and its date."""

from __future__ import annotations

import trafilatura

from dyad.sources.records import InputError


def html_to_record_fields(html: str) -> dict[str, str | None]:
    try:
        doc = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        raise InputError(f"HTML could not be parsed ({type(exc).__name__})") from None
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not any(c.isalpha() for c in text):
        raise InputError("no article text found in the HTML")
    return {
        "text": text,
        "title": getattr(doc, "title", None),
        "published": getattr(doc, "date", None),
        "url": getattr(doc, "url", None),
        "source": getattr(doc, "sitename", None),
    }
