"""A readable summary of a document for the terminal (``--summary``, ``--format pretty``)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from dyad.model import Document


def render(doc: Document, console: Console) -> None:
    art = doc.article
    console.rule(f"[bold]{art.title or art.id}[/]")
    console.print(
        f"id {art.id}   published {art.published or 'unknown'}   source {art.source or 'unknown'}", markup=False
    )
    people = [a for a in doc.actors if a.kind == "person"]
    if people:
        table = Table("person", "title", "country", "mentions", title="People", title_justify="left")
        for a in people:
            table.add_row(a.name, a.title or "", a.country or "", str(len(a.mentions)))
        console.print(table)
    others = [a for a in doc.actors if a.kind != "person"]
    if others:
        table = Table("actor", "kind", "code", "mentions", title="States and organisations", title_justify="left")
        for a in others:
            table.add_row(a.name, a.kind, a.code or "", str(len(a.mentions)))
        console.print(table)
    if doc.quotes:
        table = Table("speaker", "quote", title="Quotes", title_justify="left")
        for q in doc.quotes:
            speaker = doc.actor(q.speaker)
            text = q.text if len(q.text) <= 160 else q.text[:157] + "..."
            table.add_row(speaker.name if speaker else "(unknown)", text)
        console.print(table)
    if doc.dates:
        console.print("[bold]Dates[/] " + ", ".join(f"{d.text} = {d.value or '?'}" for d in doc.dates), highlight=False)
    if doc.places:
        console.print(
            "[bold]Places[/] "
            + ", ".join(
                f"{p.name} ({p.country or '?'}" + (f", {p.lat:.2f} {p.lon:.2f})" if p.lat is not None else ")")
                for p in doc.places
            ),
            highlight=False,
        )
    if doc.topics:
        console.print(
            "[bold]Topics[/] " + ", ".join(f"{t.name} ({len(t.mentions)})" for t in doc.topics), highlight=False
        )
    console.print()
