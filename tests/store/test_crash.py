"""A killed ingest loses at most the batch in flight: the rerun ends where one clean run ends."""

from __future__ import annotations

import os
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


def test_sigkill_mid_ingest_then_rerun_equals_one_clean_run(db_url):
    process = _ingest(db_url)
    deadline = time.monotonic() + 120
    while _articles(db_url) < 8 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert process.poll() is None, "the ingest ended before it could be killed"
    process.send_signal(signal.SIGKILL)
    process.wait()
    stored = _articles(db_url)
    assert 8 <= stored < 45 and stored % 4 == 0  # whole batches of 4 only: no partial article, no partial batch

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
