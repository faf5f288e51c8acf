"""Several writers at once: ingests, manual claims, aliases and verdicts all succeed,
and every article is stored exactly once."""
import sqlite3
import subprocess
import sys

import pytest

PEOPLE = ["Rudi Hartono", "Sri Wahyuni", "Agus Salim", "Dewi Lestari", "Bayu Pratama"]


def articles(root, n=24):
    for i in range(n):
        who = PEOPLE[i % len(PEOPLE)]
        (root / f"{i:03d}.txt").write_text(
            f"---\nlanguage: id\npublished: 2026-03-{i % 28 + 1:02d}\n---\nBerita nomor {i}\n\n"
            f"Menteri Pangan {who} mengatakan, stok beras nomor {i} aman sampai akhir tahun.\n\n"
            f"Partai Rakyat menuduh pemerintah menimbun beras nomor {i}. {who.split()[0]} membantah tuduhan tersebut.\n",
            encoding="utf-8")


def factdb(*args):
    return subprocess.Popen([sys.executable, "-m", "factdb", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)


@pytest.mark.parametrize("ingests", [2, 4])
def test_concurrent_writers_all_succeed_with_no_duplicates(tmp_path, ingests):
    root = tmp_path / "articles"
    root.mkdir()
    articles(root)
    db = str(tmp_path / "busy.db")
    procs = [factdb("ingest", "--db", db, str(root)) for _ in range(ingests)]
    # manual claims while the ingests run (the database may not exist yet: wait for it)
    writers = []
    for k in range(3):
        writers.append(subprocess.Popen(
            [sys.executable, "-c", f"""
import time, sys
from factdb.db import open_db, DatabaseError
from factdb.store import ClaimValue, SpeakerValue, add_manual_claim
for _ in range(200):
    try:
        db = open_db({db!r}, create=False)
        break
    except DatabaseError:
        time.sleep(0.05)
for i in range(5):
    add_manual_claim(db, ClaimValue(speakers=(SpeakerValue("Warga {k}", "Warga {k}"),), stance="asserts",
                                    text=f"pernyataan {k}-{{i}}"))
"""], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True))
    outputs = [p.communicate(timeout=240)[0] for p in procs + writers]
    assert all(p.returncode == 0 for p in procs + writers), outputs
    conn = sqlite3.connect(db)
    assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
    assert conn.execute("select count(*) from articles").fetchone()[0] == 24
    assert conn.execute("select count(distinct content_hash) from articles").fetchone()[0] == 24
    assert conn.execute("select count(*) from claims where origin = 'manual'").fetchone()[0] == 15
    assert conn.execute("select count(*) from (select text, article_id, stance from claims "
                        "group by 1, 2, 3 having count(*) > 1)").fetchone()[0] == 0
    # one speaker per name, and the counts the pages read agree with the rows
    assert conn.execute("select count(*) from (select name from speakers group by name having count(*) > 1)"
                        ).fetchone()[0] == 0
    assert conn.execute("select coalesce(sum(claims), 0) from claim_counts where facet = 'stance'").fetchone()[0] == \
        conn.execute("select count(*) from claims").fetchone()[0]
    stored = sum(int(o.split("Ingested ")[1].split(" article")[0]) for o in outputs[:ingests])
    assert stored == 24  # each article stored by exactly one of the ingests
