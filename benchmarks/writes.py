"""The cost of ingest's database writes against a bare ``executemany`` of the same rows.

    python benchmarks/writes.py [--articles 1000] [--runs 3] [--eval-dir DIR] [--profile N] [--no-save]

Writes a corpus of N articles with benchmarks/corpus.py (real sentences of the
development sets), reads and extracts every article first (not timed), then
times the storage layer as ``factdb ingest`` uses it: ``store_article`` for
each article, one transaction each, into a fresh database. It then reads back
every row that run wrote (articles, speakers, names, claims, speaker links,
relations, groups, sketches), puts each with the first article that needs it,
and times a bare ``executemany`` of exactly those rows, one transaction per
article, into another fresh database with the same schema (``open_db``
creates it, full-text and count triggers included). Each is run ``--runs``
times, interleaved, and the best time of each counts (other work on the
machine only ever adds time). Prints both times and their ratio (the target:
at most 1.5), and with ``--profile N`` the N costliest functions of the storage
run (cProfile, a separate run). Appends the figures to
``benchmarks/results/writes.jsonl`` with the machine and date.
"""
from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import json
import pstats
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import corpus  # noqa: E402
from provenance import code_version, machine  # noqa: E402

from factdb.articles import read_article  # noqa: E402
from factdb.db import open_db  # noqa: E402
from factdb.ingest import article_row, extract_article, iter_files, to_values  # noqa: E402
from factdb.store import store_article  # noqa: E402

# tables in an order that satisfies their references
TABLES = ["articles", "speakers", "speaker_aliases", "claim_groups", "claims", "claim_speakers",
          "claim_relations", "claim_sketches"]




def extracted(articles_dir: Path) -> list[tuple]:
    """(row, content hash, claims, relations) of every article, extracted."""
    out = []
    for path, error in iter_files([articles_dir]):
        if error:
            raise SystemExit(f"{path}: {error}")
        article = read_article(path)
        extraction = extract_article(article)
        claims, relations = to_values(extraction) if extraction else ([], [])
        out.append((article_row(article, str(path.resolve())), article.content_hash, claims, relations))
    return out


def store_all(db_path: Path, work: list[tuple]) -> float:
    db = open_db(db_path)
    t0 = time.perf_counter()
    for row, content_hash, claims, relations in work:
        store_article(db, row, content_hash, claims, relations)
    secs = time.perf_counter() - t0
    db.conn.close()
    return secs


def rows_by_article(db_path: Path) -> tuple[list[int], dict[str, list[str]], dict[int, dict[str, list[tuple]]]]:
    """The article ids in order, each table's columns, and for each article the rows
    of each table that come with it (a speaker and its names with the first article
    that names it, a group with its first member's article)."""
    db = open_db(db_path)
    columns = {t: [r[1] for r in db.execute(f"pragma table_info({t})")] for t in TABLES}
    article_of = {
        "articles": "select id, * from articles",
        "speakers": "select (select min(c.article_id) from claim_speakers cs join claims c on c.id = cs.claim_id "
                    "where cs.speaker_id = s.id), s.* from speakers s",
        "speaker_aliases": "select (select min(c.article_id) from claim_speakers cs join claims c on "
                           "c.id = cs.claim_id where cs.speaker_id = a.speaker_id), a.* from speaker_aliases a",
        "claim_groups": "select (select min(article_id) from claims where group_id = g.id), g.* from claim_groups g",
        "claims": "select article_id, * from claims",
        "claim_speakers": "select c.article_id, cs.* from claim_speakers cs join claims c on c.id = cs.claim_id",
        "claim_relations": "select c.article_id, r.* from claim_relations r join claims c on c.id = r.from_claim_id",
        "claim_sketches": "select c.article_id, k.* from claim_sketches k join claims c on c.id = k.claim_id",
    }
    per: dict[int, dict[str, list[tuple]]] = defaultdict(lambda: defaultdict(list))
    for table, sql in article_of.items():
        for article_id, *row in db.execute(sql):
            if article_id is None:
                raise SystemExit(f"{table}: a row no article's claims lead to")
            per[article_id][table].append(tuple(row))
    ids = [r[0] for r in db.execute("select id from articles order by id")]
    db.conn.close()
    return ids, columns, per


def bare_executemany(db_path: Path, ids, columns, per) -> tuple[float, int]:
    db = open_db(db_path)
    conn = db.conn
    sql = {t: f'insert into "{t}" ({", ".join(f"[{c}]" for c in cols)}) values ({", ".join("?" * len(cols))})'
           for t, cols in columns.items()}
    rows = 0
    t0 = time.perf_counter()
    for aid in ids:
        conn.execute("BEGIN IMMEDIATE")
        for table in TABLES:
            if per[aid][table]:
                conn.executemany(sql[table], per[aid][table])
                rows += len(per[aid][table])
        conn.execute("COMMIT")
    secs = time.perf_counter() - t0
    conn.close()
    return secs, rows


def profile(db_path: Path, work: list[tuple], top: int) -> str:
    profiler = cProfile.Profile()
    profiler.enable()
    store_all(db_path, work)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(top)
    return out.getvalue()


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="\n\n".join(__doc__.split("\n\n")[2:]))
    parser.add_argument("--articles", type=int, default=1000, metavar="N", help="corpus size (default: %(default)s)")
    parser.add_argument("--eval-dir", type=Path, default=corpus.DEFAULT_EVAL_DIR,
                        help="the development sets the corpus is made from (default: %(default)s)")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (default: %(default)s)")
    parser.add_argument("--runs", type=int, default=3,
                        help="runs of each, interleaved; the best of each is compared (default: %(default)s)")
    parser.add_argument("--profile", type=int, default=0, metavar="N",
                        help="also profile the storage run and print its N costliest functions")
    parser.add_argument("--note", help="a word on what was measured, saved with the figures")
    parser.add_argument("--no-save", action="store_true", help="do not append to benchmarks/results/writes.jsonl")
    args = parser.parse_args(argv)

    work_dir = Path(tempfile.mkdtemp(prefix="factdb-writes-"))
    try:
        corpus.write_corpus(work_dir / "articles", args.articles, args.eval_dir, args.seed)
        t0 = time.perf_counter()
        work = extracted(work_dir / "articles")
        print(f"{len(work):,} articles read and extracted in {time.perf_counter() - t0:.1f}s (not timed below)")
        store_runs, bare_runs = [], []
        for run in range(args.runs):  # interleaved, each into a fresh database; the best of each counts
            db = work_dir / f"store-{run}.db"
            store_runs.append(store_all(db, work))
            if run == 0:
                ids, columns, per = rows_by_article(db)
            bare_runs.append(bare_executemany(work_dir / f"bare-{run}.db", ids, columns, per)[0])
            print(f"run {run + 1}: store_article {store_runs[-1]:6.2f}s, bare executemany {bare_runs[-1]:6.2f}s",
                  flush=True)
        store_secs, bare_secs = min(store_runs), min(bare_runs)
        rows = sum(len(table) for a in ids for table in per[a].values())
        claims = sum(len(per[a]["claims"]) for a in ids)
        ratio = store_secs / bare_secs
        print(f"store_article, one transaction an article: {store_secs:6.2f}s "
              f"({len(work) / store_secs:,.0f} articles/s, {claims / store_secs:,.0f} claims/s)")
        print(f"bare executemany of the same {rows:,} rows: {bare_secs:6.2f}s")
        print(f"ratio: {ratio:.2f}x (target: at most 1.5x)")
        if args.profile:
            print(profile(work_dir / "profile.db", work, args.profile))
    finally:
        shutil.rmtree(work_dir, ignore_errors=True)
    if not args.no_save:
        out = HERE / "results" / "writes.jsonl"
        record = {"date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), "machine": machine(),
                  "factdb": code_version(), "note": args.note,
                  "articles": len(work), "claims": claims, "rows": rows, "seed": args.seed,
                  "runs": args.runs, "store_seconds": round(store_secs, 2),
                  "bare_executemany_seconds": round(bare_secs, 2),
                  "store_runs": [round(x, 2) for x in store_runs], "bare_runs": [round(x, 2) for x in bare_runs],
                  "ratio": round(ratio, 2)}
        with out.open("a", encoding="utf-8") as f:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
        print(f"Appended to {out.relative_to(HERE.parent)}")


if __name__ == "__main__":
    main()
