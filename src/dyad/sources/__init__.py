"""Sources: turn paths, folders and stdin into article records (text plus metadata)."""

from dyad.sources.files import read_paths
from dyad.sources.records import InputProblem, Record

__all__ = ["InputProblem", "Record", "read_paths"]
