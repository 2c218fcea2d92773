"""`dyad batch` on a local Dask cluster of 2 workers writes what one process writes; the store loads it back."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad.ingest import ingest
from dyad.scale.batch import read_table, run
from dyad.sources import read_paths
from dyad.store import Store
from tests.conftest import FIXTURES, fingerprint

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "public-domain.jsonl"


def _rows(folder: Path, table: str) -> list[tuple]:
    return sorted(tuple(sorted(r.items(), key=lambda kv: kv[0])) for r in read_table(folder, table))


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    single = tmp_path_factory.mktemp("single")
    cluster = tmp_path_factory.mktemp("cluster")
    run(read_paths([str(CORPUS)]), str(single), partition_size=7)
    parts = run(read_paths([str(CORPUS)]), str(cluster), local=2, partition_size=7)
    return single, cluster, parts


def test_a_local_cluster_of_two_workers_writes_what_one_process_writes(outputs):
    single, cluster, parts = outputs
    assert len(parts) == 7 and sum(p.documents for p in parts) == 45
    for table in ("documents", "events", "quotes"):
        rows = _rows(cluster, table)
        assert rows and rows == _rows(single, table), table
    files = {p.relative_to(cluster) for p in cluster.rglob("*.parquet")}
    assert files == {p.relative_to(single) for p in single.rglob("*.parquet")}
    assert Path("documents/month=2019-04/part-00000.parquet") in files


def test_the_tables_are_partitioned_by_month_and_readable_by_duckdb(outputs):
    import duckdb

    _, cluster, _ = outputs
    con = duckdb.connect()
    months = con.execute(
        f"SELECT month, count(*) FROM read_parquet('{cluster}/documents/*/*.parquet', hive_partitioning = true) "
        "GROUP BY month ORDER BY month"
    ).fetchall()
    assert sum(n for _, n in months) == 45 and ("unknown", 11) in months  # 11 texts give no date
    events = con.execute(
        f"SELECT count(*) FROM read_parquet('{cluster}/events/*/*.parquet', hive_partitioning = true) "
        "WHERE type = 'CONSULT'"
    ).fetchone()[0]
    assert events >= 1


def test_ingest_parquet_stores_what_a_direct_ingest_stores(outputs, tmp_path):
    from typer.testing import CliRunner

    from dyad.cli import app

    _, cluster, _ = outputs
    loaded = str(tmp_path / "loaded.db")
    result = CliRunner().invoke(app, ["ingest", "--parquet", str(cluster), "--db", loaded])
    assert result.exit_code == 0, result.output
    assert "45 new, 0 already stored" in result.stderr
    with Store(str(tmp_path / "direct.db")) as direct:
        ingest(read_paths([str(CORPUS)]), direct)
        expected = fingerprint(direct)
    with Store(loaded) as store:
        assert fingerprint(store) == expected


def test_a_bad_batch_folder_is_one_clear_error(tmp_path):
    from typer.testing import CliRunner

    from dyad.cli import app

    result = CliRunner().invoke(app, ["ingest", "--parquet", str(tmp_path), "--db", str(tmp_path / "d.db")])
    assert result.exit_code == 1 and "no documents/month=*/part-*.parquet" in result.stderr
    result = CliRunner().invoke(app, ["batch", str(FIXTURES / "visits.jsonl"), "-o", str(tmp_path / "o"), "--local",
                                      "2", "--scheduler", "tcp://127.0.0.1:1"])  # fmt: skip
    assert result.exit_code == 2 and "not both" in result.stderr
