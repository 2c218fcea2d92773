"""A killed ingest loses at most the batch in flight: after ten kills, the rerun ends where one clean run ends."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import text

from dyad.store import Store
from tests.conftest import POSTGRES_URL, _reset_postgres, fingerprint

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "public-domain.jsonl"
DYAD = [sys.executable, "-m", "dyad.cli"]


def _ingest(db: str) -> subprocess.Popen:
    return subprocess.Popen(
        [*DYAD, "ingest", str(CORPUS), "--db", db, "--batch-size", "4"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )


def _articles(db: str) -> int:
    try:
        with Store(db) as store, store.connect() as conn:
            return conn.execute(text("SELECT COUNT(*) FROM articles")).scalar_one()
    except Exception:  # the schema may not exist yet at the very start
        return 0


def test_ten_sigkills_at_random_points_then_a_rerun_equal_one_clean_run(db_url):
    rng = random.Random(20261128)  # the same ten points on every run
    killed_mid_batch = 0
    for _ in range(10):
        before = _articles(db_url)
        process = _ingest(db_url)
        # a random point: after 0 or 1 more batch is stored, plus up to 0.15 s into the next
        target = before + 4 * rng.choice([0, 1])
        deadline = time.monotonic() + 120
        while process.poll() is None and _articles(db_url) < target and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(rng.uniform(0.0, 0.15))
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
        process.wait()
        stored = _articles(db_url)
        assert (stored - before) % 4 == 0 or stored == 45  # whole batches of 4 only, never part of one
        killed_mid_batch += 0 < stored < 45
        with Store(db_url) as store:
            assert store.integrity() == "ok"
    assert killed_mid_batch >= 8  # the kills did land inside ingests

    rerun = _ingest(db_url)
    assert rerun.wait(timeout=300) == 0, rerun.stderr.read().decode()
    with Store(db_url) as store:
        assert store.integrity() == "ok"
        resumed = fingerprint(store)

    if db_url.startswith("postgresql"):
        _reset_postgres(POSTGRES_URL)
        clean_db = db_url
    else:
        clean_db = str(Path(db_url).with_name("clean.db"))
    clean = _ingest(clean_db)
    assert clean.wait(timeout=300) == 0, clean.stderr.read().decode()
    with Store(clean_db) as store:
        assert resumed == fingerprint(store)
        assert resumed["stats"]["articles"] == 45
