"""kill -9 in the middle of an ingest, an import or a merge: the database stays
whole, and running the command again gives what an uninterrupted run gives."""
import json
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from .test_concurrency import articles


def run(*args, **kw):
    return subprocess.run([sys.executable, "-m", "factdb", *args], capture_output=True, text=True, timeout=240, **kw)


def export(db):
    data = json.loads(run("export", "--db", db).stdout)
    for c in data["claims"]:
        c.pop("speaker_ids")  # ids of speakers may differ with the order of creation
    return data


def killed(args, after: float):
    proc = subprocess.Popen([sys.executable, "-m", "factdb", *args], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    time.sleep(after)
    proc.send_signal(signal.SIGKILL)
    proc.wait()


@pytest.mark.parametrize("after", [0.8, 1.5])
def test_kill_during_ingest_then_rerun_equals_an_uninterrupted_run(tmp_path, after):
    root = tmp_path / "articles"
    root.mkdir()
    articles(root, 40)
    whole, crashed = str(tmp_path / "whole.db"), str(tmp_path / "crashed.db")
    assert run("ingest", "--db", whole, str(root)).returncode == 0
    killed(["ingest", "--db", crashed, str(root)], after)
    conn = sqlite3.connect(crashed)
    assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
    conn.close()
    assert run("ingest", "--db", crashed, str(root)).returncode == 0
    assert export(crashed) == export(whole)


def test_kill_during_import_and_merge_leaves_the_database_whole(tmp_path):
    root = tmp_path / "articles"
    root.mkdir()
    articles(root, 10)
    db = str(tmp_path / "f.db")
    assert run("ingest", "--db", db, str(root)).returncode == 0
    rows = "\n".join(f"Warga {i},asserts,Pernyataan nomor {i}" for i in range(3000))
    (tmp_path / "many.csv").write_text("speakers,stance,text\n" + rows + "\n", encoding="utf-8")
    killed(["import", "--db", db, str(tmp_path / "many.csv")], 1.5)
    killed(["speakers", "merge", "--db", db, "Rudi Hartono", "Sri Wahyuni"], 0.6)
    conn = sqlite3.connect(db)
    assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
    manual = conn.execute("select count(*) from claims where origin = 'manual'").fetchone()[0]
    assert manual in (0, 3000)  # a file lands whole or not at all
    conn.close()
    assert run("import", "--db", db, str(tmp_path / "many.csv")).returncode == 0
    assert run("speakers", "merge", "--db", db, "Rudi Hartono", "Sri Wahyuni").returncode in (0, 1)
    conn = sqlite3.connect(db)
    assert conn.execute("select count(*) from claims where origin = 'manual'").fetchone()[0] == 3000
    assert conn.execute("select count(*) from speakers where name = 'Sri Wahyuni'").fetchone()[0] == 0
