"""Ingest throughput and memory: N synthetic articles built from the seed.

    python benchmarks/ingest.py [N]

Prints articles per second, claims per second and peak memory (RSS), for a
first ingest and for a second one of the same files (which must change
nothing). Compare figures measured in one run, on one machine.
"""
from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path

from factdb.db import open_db
from factdb.ingest import ingest_paths

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_466ab87c043aefd1.txt"


def main(n: int) -> None:
    seed = SEED.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        articles = Path(tmp) / "articles"
        articles.mkdir()
        for i in range(n):  # each article distinct, so each is stored
            (articles / f"{i:06d}.txt").write_text(f"{seed}\n\nArsip nomor {i}.\n", encoding="utf-8")
        db = open_db(Path(tmp) / "bench.db")
        for label in ("first ingest", "second ingest (no change)"):
            t0 = time.perf_counter()
            summary = ingest_paths(db, [articles])
            secs = time.perf_counter() - t0
            print(f"{label}: {n} files in {secs:.2f}s = {n / secs:,.0f} articles/s, "
                  f"{summary.claims / secs:,.0f} claims/s stored")
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak RSS: {rss:.0f} MB; database: {(Path(tmp) / 'bench.db').stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
