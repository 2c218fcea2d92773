"""Exports of the store: documents as JSON Lines; events as CSV, Parquet or a GDELT 2.0-style table.

Every format carries each record's source and licence. Files are written under
a temporary name and renamed, so a failed export never leaves half a file.
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import IO, Any

from dyad.store.resolve import precision, with_side_names

FORMATS = ("jsonl", "csv", "parquet", "gdelt")

EVENT_COLUMNS = (
    "id",
    "date",
    "type",
    "mode",
    "cameo",
    "quad",
    "goldstein",
    "modality",
    "source",
    "target",
    "source_name",
    "target_name",
    "source_actors",
    "target_actors",
    "reports",
    "articles",
    "confidence",
    "place",
    "place_country",
    "lat",
    "lon",
    "article_ref",
    "article_url",
    "article_source",
    "article_license",
)

# GDELT 2.0 event table, in its column order (GDELT Event Codebook 2.0).
_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
          "Type1Code", "Type2Code", "Type3Code")  # fmt: skip
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
GDELT_COLUMNS = (
    ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
    + tuple(f"Actor1{c}" for c in _ACTOR)
    + tuple(f"Actor2{c}" for c in _ACTOR)
    + ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale")
    + ("NumMentions", "NumSources", "NumArticles", "AvgTone")
    + tuple(f"Actor1Geo_{c}" for c in _GEO)
    + tuple(f"Actor2Geo_{c}" for c in _GEO)
    + tuple(f"ActionGeo_{c}" for c in _GEO)
    + ("DATEADDED", "SOURCEURL")
)
# dyad's own columns after GDELT's 61, so positional GDELT readers still work.
GDELT_EXTRA = ("dyad_plover_type", "dyad_modality", "dyad_source_name", "dyad_license")
_QUAD_CLASS = {"verbal_cooperation": 1, "material_cooperation": 2, "verbal_conflict": 3, "material_conflict": 4}


@contextlib.contextmanager
def atomic_output(path: Path, binary: bool = False) -> Iterator[tuple[IO, str]]:
    """A handle (and its temporary path) that becomes ``path`` only when the block ends without error."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb" if binary else "w", encoding=None if binary else "utf-8", newline=None) as handle:
            yield handle, tmp
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def export(store, fmt: str, path: Path) -> int:
    """Write the store in ``fmt`` to ``path``; return the number of records written."""
    if fmt == "jsonl":
        with atomic_output(path) as (handle, _):
            n = 0
            for doc in store.documents():
                handle.write(json.dumps(doc, ensure_ascii=False) + "\n")
                n += 1
            return n
    if fmt == "csv":
        with atomic_output(path) as (handle, _):
            writer = csv.DictWriter(handle, EVENT_COLUMNS, extrasaction="ignore", lineterminator="\n")
            writer.writeheader()
            return _rows(writer.writerow, _named(store.event_rows()))
    if fmt == "parquet":
        return _parquet(store, path)
    if fmt == "gdelt":
        with atomic_output(path) as (handle, _):
            writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
            writer.writerow(GDELT_COLUMNS + GDELT_EXTRA)
            return _rows(lambda row: writer.writerow(gdelt_row(row)), store.event_rows())
    raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")


def _named(rows: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Each event with its sides' names beside their codes ("United Nations" beside IGOUNO): a reader sees the
    body, and the code stays to join on."""
    for row in rows:
        yield with_side_names([row], "source", "target")[0]


def _rows(write, rows) -> int:
    n = 0
    for row in rows:
        write(row)
        n += 1
    return n


def _parquet(store, path: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"id": pa.int64(), "reports": pa.int64(), "articles": pa.int64()}
    for name in ("goldstein", "confidence", "lat", "lon"):
        types[name] = pa.float64()
    schema = pa.schema([(c, types.get(c, pa.string())) for c in EVENT_COLUMNS])
    n = 0
    with atomic_output(path, binary=True) as (handle, _), pq.ParquetWriter(handle, schema) as writer:
        chunk: list[dict[str, Any]] = []
        for row in _named(store.event_rows()):
            chunk.append({c: row.get(c) for c in EVENT_COLUMNS})
            if len(chunk) == 10_000:
                writer.write_table(pa.Table.from_pylist(chunk, schema))
                n += len(chunk)
                chunk = []
        writer.write_table(pa.Table.from_pylist(chunk, schema))
        n += len(chunk)
    return n


def gdelt_row(row: dict[str, Any]) -> list[Any]:
    """One event as GDELT 2.0 columns; what dyad does not know stays empty (tone, FIPS geo codes, religion)."""
    out: dict[str, Any] = dict.fromkeys(GDELT_COLUMNS, "")
    value = row.get("date") or ""
    grain = precision(value)
    if grain == "day":
        out["SQLDATE"] = value.replace("-", "")
        day_of_year = date.fromisoformat(value).timetuple().tm_yday
        out["FractionDate"] = f"{int(value[:4]) + day_of_year / 365:.4f}"
    if grain in ("day", "month"):
        out["MonthYear"] = value[:7].replace("-", "")
    if value:
        out["Year"] = value[:4]
    out["GLOBALEVENTID"] = row["id"]
    for n, side in ((1, "source"), (2, "target")):
        code = row.get(side) or ""
        out[f"Actor{n}Code"] = code
        out[f"Actor{n}Name"] = row.get(f"{side}_actors") or ""
        out[f"Actor{n}CountryCode"] = code if len(code) == 3 else ""
        sectors = [c[3:6] for c in (row.get(f"{side}_codes") or "").split("; ") if len(c) >= 6]
        out[f"Actor{n}Type1Code"] = sectors[0] if sectors else ""
    cameo = row.get("cameo") or ""
    out["EventCode"], out["EventBaseCode"], out["EventRootCode"] = cameo, cameo[:3], cameo[:2]
    out["QuadClass"] = _QUAD_CLASS.get(row.get("quad") or "", "")
    out["GoldsteinScale"] = "" if row.get("goldstein") is None else row["goldstein"]
    out["NumMentions"], out["NumArticles"] = row.get("reports"), row.get("articles")
    out["ActionGeo_FullName"] = row.get("place") or ""
    if row.get("lat") is not None:
        out["ActionGeo_Lat"], out["ActionGeo_Long"] = row["lat"], row["lon"]
    added = (row.get("ingested_at") or "")[:19]
    out["DATEADDED"] = added.replace("-", "").replace("T", "").replace(":", "")
    out["SOURCEURL"] = row.get("article_url") or ""
    extra = [row.get("type"), row.get("modality"), row.get("article_source") or "", row.get("article_license") or ""]
    return [out[c] for c in GDELT_COLUMNS] + extra
