"""Ingest at archive scale: throughput and peak memory of ``factdb ingest`` by corpus size.

    python benchmarks/ingest.py [--articles 1000 10000] [--eval-dir DIR] [--keep DIR] [--no-save]

For each size, writes a corpus of that many articles with benchmarks/corpus.py
(real sentences of the development sets, people renamed; a smaller corpus is
the start of a larger one), runs ``factdb ingest`` on it into a fresh
database as a separate process, and prints the wall time, articles and claims
per second, and the peak resident memory (RSS) of that process; then ingests
the same files again (which must change nothing). Memory must stay flat as
the corpus grows: nothing ingest keeps may grow with the number of articles.
Appends the figures to ``benchmarks/results/ingest.jsonl`` with the machine
and date.

The cost of the database writes alone, against a bare ``executemany`` of the
same rows, is measured by benchmarks/writes.py.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import corpus  # noqa: E402
from provenance import code_version, machine  # noqa: E402




def run_ingest(db: Path, articles: Path) -> tuple[float, float, str]:
    """(seconds, peak RSS in MB, summary line) of one ``factdb ingest`` process."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "factdb", "ingest", "--db", str(db), str(articles)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)  # this child's own peak, not the largest of all children
    proc.returncode = os.waitstatus_to_exitcode(status)
    secs = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"factdb ingest failed ({proc.returncode}):\n{out[-2000:]}")
    return secs, usage.ru_maxrss / 1024, out.strip().splitlines()[-1]


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="\n\n".join(__doc__.split("\n\n")[2:]))
    parser.add_argument("--articles", type=int, nargs="+", default=[1000, 10000], metavar="N",
                        help="corpus sizes (default: %(default)s)")
    parser.add_argument("--eval-dir", type=Path, default=corpus.DEFAULT_EVAL_DIR,
                        help="the development sets the corpus is made from (default: %(default)s)")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (default: %(default)s)")
    parser.add_argument("--keep", type=Path, metavar="DIR",
                        help="write the corpora in DIR and keep them (and reuse them on the next run)")
    parser.add_argument("--note", help="a word on what was measured, saved with the figures")
    parser.add_argument("--no-save", action="store_true", help="do not append to benchmarks/results/ingest.jsonl")
    args = parser.parse_args(argv)

    work = args.keep or Path(tempfile.mkdtemp(prefix="factdb-ingest-"))
    work.mkdir(parents=True, exist_ok=True)
    rows = []
    try:
        for n in sorted(args.articles):
            articles = work / f"corpus-{n}"
            if not (articles / "done").exists():
                shutil.rmtree(articles, ignore_errors=True)
                corpus.write_corpus(articles, n, args.eval_dir, args.seed)
                (articles / "done").write_text("")  # (not a .txt: not an article)
            db = work / f"ingest-{n}.db"
            for suffix in ("", "-wal", "-shm"):
                Path(f"{db}{suffix}").unlink(missing_ok=True)
            secs, rss, line = run_ingest(db, articles)
            claims = int(re.search(r"(\d+) claims?", line).group(1))
            again_secs, again_rss, again_line = run_ingest(db, articles)
            if "0 articles" not in again_line:
                raise SystemExit(f"the second ingest changed something: {again_line}")
            row = {"articles": n, "claims": claims, "seconds": round(secs, 1),
                   "articles_per_s": round(n / secs, 1), "claims_per_s": round(claims / secs, 1),
                   "peak_rss_mb": round(rss, 1), "again_seconds": round(again_secs, 1),
                   "again_peak_rss_mb": round(again_rss, 1), "db_mb": round(db.stat().st_size / 1e6, 1)}
            rows.append(row)
            print(f"{n:>7,} articles: {secs:7.1f}s = {row['articles_per_s']:6.1f} articles/s, "
                  f"{row['claims_per_s']:7.1f} claims/s, peak RSS {rss:5.1f} MB; "
                  f"again (no change): {again_secs:5.1f}s, peak RSS {again_rss:5.1f} MB", flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    if len(rows) > 1:
        print(f"peak RSS from {rows[0]['articles']:,} to {rows[-1]['articles']:,} articles: "
              f"{rows[-1]['peak_rss_mb'] / rows[0]['peak_rss_mb']:.2f}x")
    if not args.no_save:
        out = HERE / "results" / "ingest.jsonl"
        record = {"date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), "machine": machine(),
                  "factdb": code_version(), "note": args.note,
                  "seed": args.seed, "runs": rows}
        with out.open("a", encoding="utf-8") as f:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
        print(f"Appended to {out.relative_to(HERE.parent)}")


if __name__ == "__main__":
    main()
