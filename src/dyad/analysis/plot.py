"""A timeline chart (matplotlib, drawn off-screen): cooperation up, conflict down, Goldstein score as a line."""

from __future__ import annotations

from pathlib import Path

from dyad.analysis.timeline import Timeline


def draw(result: Timeline, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    labels = [p.period for p in result.periods]
    x = range(len(labels))
    coop = [p.quads.get("verbal_cooperation", 0) + p.quads.get("material_cooperation", 0) for p in result.periods]
    conflict = [-(p.quads.get("verbal_conflict", 0) + p.quads.get("material_conflict", 0)) for p in result.periods]
    score = [p.goldstein for p in result.periods]
    fig, events_axis = plt.subplots(figsize=(max(6, 0.45 * len(labels) + 2), 4), dpi=110)
    try:
        events_axis.bar(x, coop, color="#2b8cbe", label="cooperation")
        events_axis.bar(x, conflict, color="#e34a33", label="conflict")
        events_axis.axhline(0, color="#555", linewidth=0.6)
        events_axis.set_ylabel("events (conflict below zero)")
        score_axis = events_axis.twinx()
        score_axis.plot(list(x), score, color="#333", marker="o", linewidth=1.2, label="Goldstein score")
        score_axis.set_ylabel("Goldstein-weighted score")
        events_axis.set_xticks(list(x), labels, rotation=60, ha="right", fontsize=8)
        arrow = "→" if result.directed else "–"
        events_axis.set_title(f"{result.a}{arrow}{result.b}, actual events by {result.by}")
        handles = events_axis.get_legend_handles_labels()[0] + score_axis.get_legend_handles_labels()[0]
        events_axis.legend(handles=handles, loc="upper left", fontsize=8)
        fig.tight_layout()
        path.parent.mkdir(parents=True, exist_ok=True)
        fig.savefig(path)
    finally:
        plt.close(fig)
