"""Analysis over stored events: dyad timelines and their scores."""

from dyad.analysis.timeline import GRAINS, Period, Timeline, timeline

__all__ = ["GRAINS", "Period", "Timeline", "timeline"]
