"""Speaker resolution as the database grows: ingest throughput, batch by batch.

    python benchmarks/identity_scale.py [ARTICLES] [PEOPLE]

Builds ARTICLES synthetic Indonesian articles (default 20,000) about PEOPLE
invented people (default 5,000): each article introduces one person with a
title and full name, quotes another by first name only, and a third by last
name only, so every store resolves full names, short names and ambiguous
ones across the database. Prints articles per second for each tenth of the
run (flat means resolution does not slow down as the database grows) and
the final number of speakers and ambiguous names; appends the figures to
``benchmarks/results/identity_scale.jsonl`` with the machine and the date.
"""
from __future__ import annotations

import datetime as dt
import json
import platform
import random
import sys
import tempfile
import time
from pathlib import Path

from factdb.db import open_db
from factdb.ingest import ingest_paths

HERE = Path(__file__).resolve().parent
FIRST = ["Rudi", "Sari", "Bayu", "Dewi", "Agus", "Wulan", "Teguh", "Rina", "Hendra", "Maya", "Yusuf", "Intan"]
SYLLABLES = ["ta", "ra", "wi", "no", "san", "to", "ha", "di", "ma", "ku", "ri", "yo", "lan", "so", "ga"]


def names(n: int, rng: random.Random) -> list[str]:
    out = set()
    while len(out) < n:
        last = "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()
        out.add(f"{rng.choice(FIRST)} {last}")
    return sorted(out)


def article(i: int, people: list[str], rng: random.Random) -> str:
    a, b, c = rng.sample(people, 3)
    return (f"Berita nomor {i}\n\n"
            f"Kepala Dinas Pangan Kota Sukamaju {a} mengatakan, stok beras nomor {i} aman.\n\n"
            f"Menurut {b.split()[0]}, harga cabai nomor {i} akan turun.\n\n"
            f"”Pasokan gas nomor {i} cukup,” kata {c.split()[-1]}.\n")


def main(n: int, p: int) -> None:
    rng = random.Random(7)
    people = names(p, rng)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        db = open_db(root / "scale.db")
        step = max(1, n // 10)
        rates = []
        for start in range(0, n, step):
            batch = root / f"batch{start}"
            batch.mkdir()
            for i in range(start, min(n, start + step)):
                (batch / f"{i:07d}.txt").write_text(article(i, people, rng), encoding="utf-8")
            t0 = time.perf_counter()
            ingest_paths(db, [batch])
            rate = (min(n, start + step) - start) / (time.perf_counter() - t0)
            rates.append(round(rate))
            print(f"articles {start + 1:>7,}-{min(n, start + step):>7,}: {rate:,.0f} articles/s")
        speakers = db.execute("select count(*) from speakers").fetchone()[0]
        ambiguous = db.execute("select count(*) from speakers where ambiguous = 1").fetchone()[0]
    print(f"{speakers:,} speakers for {p:,} people; {ambiguous:,} ambiguous short names; "
          f"last tenth / first tenth = {rates[-1] / rates[0]:.2f}")
    out = HERE / "results" / "identity_scale.jsonl"
    out.parent.mkdir(exist_ok=True)
    with out.open("a", encoding="utf-8") as f:
        f.write(json.dumps({"date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                            "machine": f"{platform.node()} {platform.machine()} {platform.python_version()}",
                            "articles": n, "people": p, "rates": rates, "speakers": speakers,
                            "ambiguous": ambiguous}) + "\n")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20000, int(sys.argv[2]) if len(sys.argv) > 2 else 5000)
