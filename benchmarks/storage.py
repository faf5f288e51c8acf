"""Database bytes per input byte: on the development sets, and on one long line of short quotes.

    python benchmarks/storage.py [EVAL_DIR] [--line-kb 160]

Ingests each development set of EVAL_DIR (default ``../shared/eval``) into a
fresh database, and a one-paragraph article of many short quotes
(``"Harga naik," kata Budi. `` repeated to --line-kb kilobytes), then prints the
database size per byte of input (after a checkpoint and VACUUM, so free pages do
not count). Storage must grow linearly with the input: a claim must not copy
its whole sentence, nor the full-text index index it again. Appends the figures
to ``benchmarks/results/storage.jsonl`` with the machine and date.
"""
from __future__ import annotations

import datetime as dt
import json
import platform
import sys
import tempfile
import time
from pathlib import Path

from factdb.db import open_db
from factdb.ingest import ingest_paths

HERE = Path(__file__).resolve().parent


def measure(paths: list[Path], db_path: Path) -> tuple[int, int, int, float]:
    """(input bytes, database bytes, claims, seconds)."""
    files = [f for p in paths for f in ([p] if p.is_file() else sorted(p.rglob("*.txt")))]
    size = sum(f.stat().st_size for f in files)
    db = open_db(db_path)
    t0 = time.perf_counter()
    ingest_paths(db, paths)
    secs = time.perf_counter() - t0
    claims = db.execute("select count(*) from claims").fetchone()[0]
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.conn.execute("VACUUM")
    db.conn.close()
    return size, db_path.stat().st_size, claims, secs


def main(eval_dir: Path, line_kb: int) -> None:
    rows = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for name in ("dev", "dev-quotes-id", "dev-en"):
            rows[name] = measure([eval_dir / name / "articles"], tmp / f"{name}.db")
        line = tmp / "line.txt"
        quote = '"Harga naik," kata Budi. '
        line.write_text("---\nlanguage: id\n---\nSatu Baris\n\n" + quote * (line_kb * 1024 // len(quote)) + "\n",
                        encoding="utf-8")
        rows[f"one {line_kb} KB line of quotes"] = measure([line], tmp / "line.db")
    for name, (size, db_size, claims, secs) in rows.items():
        print(f"{name:32s} input {size / 1e6:7.2f} MB  database {db_size / 1e6:8.2f} MB  "
              f"{db_size / size:6.1f} bytes per input byte  {claims:,} claims  {secs:.1f}s")
    out = HERE / "results" / "storage.jsonl"
    out.parent.mkdir(exist_ok=True)
    with out.open("a", encoding="utf-8") as f:
        f.write(json.dumps({"date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                            "machine": f"{platform.node()} {platform.machine()} {platform.python_version()}",
                            **{k: {"input": v[0], "database": v[1], "claims": v[2], "seconds": round(v[3], 1)}
                               for k, v in rows.items()}}) + "\n")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    kb = int(sys.argv[sys.argv.index("--line-kb") + 1]) if "--line-kb" in sys.argv else 160
    if "--line-kb" in sys.argv:
        args = [a for a in args if a != str(kb)]
    main(Path(args[0]) if args else HERE.parent.parent / "shared" / "eval", kb)
