"""dyad: political event data from news about international relations.

>>> import dyad
>>> doc = dyad.extract("Russian President Vladimir Putin arrived in Pyongyang.", published="2024-06-19")
"""

__version__ = "0.1.0"

from dyad.api import extract, extract_many  # noqa: E402
from dyad.model import Document  # noqa: E402

__all__ = ["Document", "__version__", "extract", "extract_many"]
