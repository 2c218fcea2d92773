"""Article text as HTML with extracted spans marked by kind, like displaCy, always escaped.

Spans may nest (a name inside a quote) or cross; the text is cut at every span
boundary and each piece is wrapped in the marks that cover it, innermost last,
so the HTML is always well formed and every character of the text appears once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

# Outer marks first: a quote is drawn around the names inside it.
KINDS = ("quote", "topic", "date", "place", "state", "organization", "group", "person", "trigger")


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str
    label: str = ""
    href: str | None = None


def render(text: str, marks: list[Mark], start: int = 0, end: int | None = None) -> Markup:
    """``text[start:end]`` as escaped HTML, each span in a ``<mark class="kind">`` (or a link)."""
    end = len(text) if end is None else end
    inside = [m for m in marks if m.start < end and m.end > start and m.start < m.end]
    cuts = sorted({start, end} | {max(start, m.start) for m in inside} | {min(end, m.end) for m in inside})
    pieces: list[str] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        html = str(escape(text[a:b]))
        covering = [m for m in inside if m.start <= a and m.end >= b]
        covering.sort(key=lambda m: (KINDS.index(m.kind) if m.kind in KINDS else len(KINDS), m.start - m.end))
        for m in reversed(covering):  # innermost first, so the outermost wraps last
            title = f' title="{escape(m.label)}"' if m.label else ""
            if m.href:
                html = f'<a class="mark {m.kind}" href="{escape(m.href)}"{title}>{html}</a>'
            else:
                html = f'<mark class="{m.kind}"{title}>{html}</mark>'
        pieces.append(html)
    return Markup("".join(pieces))


def document_marks(document: dict[str, Any], actor_links: dict[str, int] | None = None) -> list[Mark]:
    """Every span a stored document has: actors by kind, places, dates, quotes, topics, event triggers."""
    links = actor_links or {}
    actors = {a["id"]: a for a in document["actors"]}
    marks: list[Mark] = []
    for a in document["actors"]:
        label = " · ".join(x for x in (a["name"], a.get("title"), a["kind"], a.get("country")) if x)
        href = f"/actor/{links[a['id']]}" if a["id"] in links else None
        marks += [Mark(m["start"], m["end"], a["kind"], label, href) for m in a["mentions"]]
    for p in document["places"]:
        label = " · ".join(x for x in (p["name"], p.get("country")) if x)
        marks += [Mark(m["start"], m["end"], "place", label) for m in p["mentions"]]
    marks += [Mark(d["start"], d["end"], "date", d["value"] or "no date value") for d in document["dates"]]
    for q in document["quotes"]:
        speaker = actors.get(q["speaker"])
        marks.append(Mark(q["start"], q["end"], "quote", f"quote: {speaker['name'] if speaker else 'unattributed'}"))
    for t in document["topics"]:
        marks += [Mark(m["start"], m["end"], "topic", f"topic: {t['name']}") for m in t["mentions"]]
    for e in document["events"]:
        for ev in e["evidence"]:
            trig = ev["trigger"]
            marks.append(Mark(trig["start"], trig["end"], "trigger", f"{e['type']} ({e['cameo']}), {e['modality']}"))
    return marks
