"""factdb's pages at scale: warm response times of `factdb serve` on a large database.

    python benchmarks/serve.py [--claims N] [--keep DIR] [--runs 10]

Writes a synthetic corpus of about N claims (``benchmarks/corpus.py``: real
sentences of the development articles, people renamed), ingests it with the
real command line (``factdb ingest --db DIR/bench.db DIR/articles``, timed),
starts ``factdb serve`` on it, waits until it answers, and requests every
page of the list in ``pages()``, HTML and JSON: one warm-up request, then
RUNS timed ones each, on one kept-alive connection. The pages: ``/``,
``/bench``, ``claims_view`` (as is, ``stance=denies``, ``_search`` for a
common word, ``_facet=outlet``), ``claims``, the canned queries (accusations
and denials, claims by the busiest speaker, who said what about the common
word), the busiest speaker's page, the page of the claim most relations
point to and that of the article with most claims.

Prints p50 and p95 (nearest rank: of 10 runs, the slowest) in milliseconds
and the HTTP status of each page, flags a status other than 200 and a p50
over 200 ms, and appends one line to ``benchmarks/results/serve.jsonl``
(date, machine, claims, ingest time, each page's p50, p95 and status).

With ``--keep DIR`` the corpus and the database stay in DIR, and a later run
with the same DIR reuses ``DIR/bench.db`` (N is then what it holds); an
interrupted ingest is taken up again (factdb skips what it already stored).
Without it everything goes in a temporary directory, removed at the end.

A million claims (the default) is some 81,000 articles, about 0.5 GB of
files and a database of about 2 GB; at the 100 articles a second measured
on 20,000 claims, the ingest takes 15 minutes or more. Keep the database
with --keep to time the pages again later.
"""
from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import math
import re
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlencode

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
import corpus  # noqa: E402  (benchmarks/corpus.py)
from provenance import machine  # noqa: E402

SLOW_MS = 200  # a page whose p50 is over this is flagged


@dataclass(frozen=True)
class Page:
    """A page to time: its path, its query parameters, and whether its JSON
    twin takes ``_shape=objects`` (table, row and query pages do)."""

    path: str
    params: tuple[tuple[str, str], ...] = ()
    shape: bool = True

    def url(self, as_json: bool = False) -> str:
        path, params = self.path, list(self.params)
        if as_json:
            path = "/.json" if path == "/" else path + ".json"
            if self.shape:
                params.append(("_shape", "objects"))
        return path + ("?" + urlencode(params) if params else "")


def pages(db_path: Path) -> list[Page]:
    """Every page the benchmark times, on the database ``db_path`` (Datasette
    calls it by the file's stem: ``/bench``). Ids and names come from the
    database (:func:`lookups`). To time another page, add it to this list."""
    d = "/" + db_path.stem
    x = lookups(db_path)
    return [
        Page("/", shape=False),                                      # home page: counts, charts
        Page(d, shape=False),                                        # database page
        Page(f"{d}/claims_view"),                                    # claims, newest first, facets
        Page(f"{d}/claims_view", (("stance", "denies"),)),
        Page(f"{d}/claims_view", (("_search", x.word),)),             # full-text search
        Page(f"{d}/claims_view", (("_facet", "outlet"),)),
        Page(f"{d}/claims"),
        Page(f"{d}/accusations_and_denials"),                        # canned queries
        Page(f"{d}/claims_by_speaker", (("speaker", x.speaker_name),)),
        Page(f"{d}/who_said_what_about", (("term", x.word),)),
        Page(f"{d}/speakers/{x.speaker_id}"),                        # the busiest speaker's page
        Page(f"{d}/claims/{quote(x.claim_id, safe='')}"),              # a claim with relations
        Page(f"{d}/articles/{x.article_id}"),                        # the article with most claims
        Page(f"{d}/claims_view", (("_speaker", str(x.speaker_id)),)),     # the speaker filter
        Page(f"{d}/claims_view", (("_speaker", str(x.speaker_id)), ("stance", "asserts"))),
        Page(f"{d}/claims_view", (("_search", x.speaker_name),)),     # a search by who said it
        Page(f"{d}/speakers", (("_search", x.speaker_name),)),
    ]


@dataclass(frozen=True)
class Lookups:
    speaker_id: int     # the speaker with most claims
    speaker_name: str
    claim_id: str       # the claim most relations point to (else the busiest speaker's first)
    article_id: int     # the article with most claims
    word: str           # the commonest word of six letters or more in claims, not a stopword


def lookups(db_path: Path) -> Lookups:
    """Ids and names for :func:`pages`, read from the database with sqlite3."""
    db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        speaker_id, speaker_name = db.execute(
            "select cs.speaker_id, s.name from claim_speakers cs join speakers s on s.id = cs.speaker_id "
            "group by cs.speaker_id order by count(*) desc, cs.speaker_id limit 1").fetchone()
        row = db.execute("select to_claim_id from claim_relations group by to_claim_id "
                         "order by count(*) desc, to_claim_id limit 1").fetchone()
        claim_id = row[0] if row else db.execute(
            "select claim_id from claim_speakers where speaker_id = ? order by claim_id limit 1",
            [speaker_id]).fetchone()[0]
        article_id = db.execute("select article_id from claims where article_id is not null group by article_id "
                                "order by count(*) desc, article_id limit 1").fetchone()[0]
        word = common_word(db)
    finally:
        db.close()
    return Lookups(speaker_id, speaker_name, claim_id, article_id, word)


def common_word(db: sqlite3.Connection, sample: int = 50000) -> str:
    """The word of six letters or more most claims (of the first ``sample``)
    hold, leaving out the lexicons' stopwords: what a visitor might search."""
    import yaml  # here, so that --help needs only the standard library

    stop = set()
    for path in sorted((REPO / "factdb" / "extract" / "lexicons").glob("*.yml")):
        stop.update(str(w).casefold() for w in yaml.safe_load(path.read_text(encoding="utf-8")).get("stopwords", []))
    counts: dict[str, int] = {}
    for (text,) in db.execute("select text from claims order by rowid limit ?", [sample]):
        for w in set(re.findall(r"[^\W\d_]{6,}", (text or "").casefold())) - stop:
            counts[w] = counts.get(w, 0) + 1
    return min(counts, key=lambda w: (-counts[w], w)) if counts else "pemerintah"


# ---------------------------------------------------------------- building

def factdb_command() -> list[str]:
    """The factdb command line next to this Python (the venv's), else the repo's venv."""
    for candidate in (Path(sys.executable).parent / "factdb", REPO / ".venv" / "bin" / "factdb"):
        if candidate.exists():
            return [str(candidate)]
    return [sys.executable, "-m", "factdb"]


def build(work: Path, claims: int, eval_dir: Path, seed: int, factdb: list[str]) -> tuple[float | None, bool]:
    """The corpus and DIR/bench.db for about ``claims`` claims; returns the
    ingest time in seconds (None when an ingested database is reused) and
    whether the ingest took up an interrupted one."""
    db, articles = work / "bench.db", work / "articles"
    corpus_record, ingest_record = work / "corpus.json", work / "ingest.json"
    if db.exists() and (ingest_record.exists() or not articles.exists()):
        print(f"Reusing {db} (--claims does not apply)")
        return None, False
    wanted = {"articles": corpus.articles_for(claims), "seed": seed, "eval_dir": str(eval_dir.resolve())}
    written = json.loads(corpus_record.read_text()) if corpus_record.exists() else None
    if written is None and articles.exists():
        sys.exit(f"{articles} exists and was not written by this benchmark; use another --keep directory")
    if written != {**wanted, "complete": True}:
        for path in (articles, db, Path(f"{db}-wal"), Path(f"{db}-shm")):  # a corpus of another size
            if path.is_dir():
                shutil.rmtree(path)
            elif path.exists():
                path.unlink()
        corpus_record.write_text(json.dumps({**wanted, "complete": False}))
        t0 = time.perf_counter()
        counts = corpus.write_corpus(articles, wanted["articles"], eval_dir, seed,
                                     progress=lambda i: print(f"  {i:,} articles written", file=sys.stderr))
        corpus_record.write_text(json.dumps({**wanted, "complete": True}))
        print(f"Corpus: {wanted['articles']:,} articles ({counts['id']:,} Indonesian, {counts['en']:,} English) "
              f"for about {claims:,} claims, written in {time.perf_counter() - t0:.1f}s")
    resumed = db.exists()
    if resumed:
        print(f"Taking up the interrupted ingest into {db}")
    command = factdb + ["ingest", "--db", str(db), str(articles)]
    print("$ " + " ".join(command), flush=True)
    t0 = time.perf_counter()
    done = subprocess.run(command)
    seconds = time.perf_counter() - t0
    if done.returncode != 0:
        sys.exit(f"factdb ingest failed (exit status {done.returncode})")
    print(f"Ingest time: {seconds:.1f}s" + (" (the rest of an interrupted ingest)" if resumed else
                                            f" ({wanted['articles'] / seconds:,.0f} articles/s)"))
    ingest_record.write_text(json.dumps({"seconds": round(seconds, 1), "resumed": resumed}))
    return seconds, resumed


def database_figures(db_path: Path) -> dict:
    db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        figures = {name: db.execute(f"select count(*) from {name}").fetchone()[0]
                   for name in ("articles", "claims", "speakers", "claim_relations")}
    finally:
        db.close()
    figures["claims_per_article"] = round(figures["claims"] / max(1, figures["articles"]), 2)
    figures["db_mb"] = round(db_path.stat().st_size / 1e6, 1)
    return figures


# ----------------------------------------------------------------- serving

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """``factdb serve --db DB --port PORT`` as a subprocess, its output in a log file."""

    def __init__(self, factdb: list[str], db: Path, port: int, log: Path):
        self.port, self.log_path = port, log
        self.log = log.open("w")
        self.proc = subprocess.Popen(factdb + ["serve", "--db", str(db), "--port", str(port)],
                                     stdout=self.log, stderr=subprocess.STDOUT)

    def wait(self, timeout: float = 600) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                sys.exit(f"factdb serve exited with status {self.proc.returncode}:\n{self.tail()}")
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
                conn.request("GET", "/-/versions.json")
                if conn.getresponse().status == 200:
                    conn.close()
                    return
                conn.close()
            except OSError:
                pass
            time.sleep(0.2)
        sys.exit(f"factdb serve did not answer within {timeout:.0f}s:\n{self.tail()}")

    def tail(self, lines: int = 20) -> str:
        self.log.flush()
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()


class Client:
    """One kept-alive HTTP connection; ``get`` returns (status, milliseconds)
    for the whole response, body read."""

    def __init__(self, port: int, timeout: float = 120):
        self.port, self.timeout, self.conn = port, timeout, None

    def get(self, url: str) -> tuple[int | str, float]:
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
            t0 = time.perf_counter()
            try:
                self.conn.request("GET", url)
                response = self.conn.getresponse()
                response.read()
                ms = (time.perf_counter() - t0) * 1000
                if response.getheader("connection", "").lower() == "close":
                    self.close()
                return response.status, ms
            except (http.client.HTTPException, OSError) as e:
                ms = (time.perf_counter() - t0) * 1000
                self.close()
                if attempt == 2 or isinstance(e, TimeoutError):
                    return type(e).__name__, ms
        raise AssertionError("unreachable")

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile (p95 of 10 runs is the slowest)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def time_page(client: Client, url: str, runs: int) -> dict:
    client.get(url)  # warm-up
    results = [client.get(url) for _ in range(runs)]
    times = [ms for _, ms in results]
    statuses = [status for status, _ in results]
    status = next((s for s in statuses if s != 200), 200)
    return {"p50": round(statistics.median(times), 1), "p95": round(percentile(times, 95), 1), "status": status}


def flags(result: dict) -> list[str]:
    out = []
    if result["status"] != 200:
        out.append(f"status {result['status']}")
    if result["p50"] > SLOW_MS:
        out.append(f"p50 > {SLOW_MS} ms")
    return out


def print_table(rows: list[dict]) -> None:
    width = max(len(r["url"]) for r in rows)
    width = min(max(width, 20), 90)
    print(f"\n{'page':<{width}}  {'HTML p50':>9} {'p95':>8} {'status':>6}  {'JSON p50':>9} {'p95':>8} {'status':>6}  flags")
    for r in rows:
        url = r["url"] if len(r["url"]) <= width else r["url"][:width - 1] + "…"
        cells = [f"{r[f]['p50']:>9.1f} {r[f]['p95']:>8.1f} {r[f]['status']!s:>6}" for f in ("html", "json")]
        marks = [f"{f.upper()} {m}" for f in ("html", "json") for m in flags(r[f])]
        print(f"{url:<{width}}  {cells[0]}  {cells[1]}  {'!! ' + '; '.join(marks) if marks else ''}")



def main(argv=None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog="\n\n".join(__doc__.split("\n\n")[2:]), formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--claims", type=int, default=1_000_000, metavar="N",
                        help="about how many claims the corpus makes (default: %(default)s; "
                             f"{corpus.CLAIMS_PER_ARTICLE} claims an article)")
    parser.add_argument("--keep", type=Path, metavar="DIR",
                        help="build the corpus and DIR/bench.db in DIR and keep them; "
                             "reuse DIR/bench.db if an earlier run ingested it")
    parser.add_argument("--runs", type=int, default=10, help="timed requests per page and format, after one "
                                                             "warm-up (default: %(default)s)")
    parser.add_argument("--eval-dir", type=Path, default=corpus.DEFAULT_EVAL_DIR,
                        help="the development sets the corpus is made from (default: %(default)s)")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (default: %(default)s)")
    parser.add_argument("--port", type=int, help="port for factdb serve (default: a free one)")
    parser.add_argument("--no-save", action="store_true", help="do not append to benchmarks/results/serve.jsonl")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")

    factdb = factdb_command()
    work = args.keep or Path(tempfile.mkdtemp(prefix="factdb-serve-"))
    work.mkdir(parents=True, exist_ok=True)
    server = None
    try:
        ingest_seconds, resumed = build(work, args.claims, args.eval_dir, args.seed, factdb)
        db = work / "bench.db"
        figures = database_figures(db)
        print(f"Database: {figures['articles']:,} articles, {figures['claims']:,} claims "
              f"({figures['claims_per_article']} an article), {figures['speakers']:,} speakers, "
              f"{figures['claim_relations']:,} relations, {figures['db_mb']:,} MB")
        to_time = pages(db)
        port = args.port or free_port()
        server = Server(factdb, db, port, work / "serve.log")
        t0 = time.perf_counter()
        server.wait()
        print(f"factdb serve answers on port {port} after {time.perf_counter() - t0:.1f}s; "
              f"timing {len(to_time)} pages x 2 formats x {args.runs} runs")
        client = Client(port)
        rows = []
        for page in to_time:
            rows.append({"url": page.url(), "html": time_page(client, page.url(), args.runs),
                         "json": time_page(client, page.url(as_json=True), args.runs)})
        client.close()
    finally:
        if server:
            server.stop()
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    print_table(rows)
    flagged = [(r["url"], f, m) for r in rows for f in ("html", "json") for m in flags(r[f])]
    print(f"\n{len(flagged)} flagged" + "".join(f"\n  {url} ({f.upper()}): {m}" for url, f, m in flagged)
          if flagged else f"\nEvery page 200, every p50 under {SLOW_MS} ms")
    if not args.no_save:
        out = HERE / "results" / "serve.jsonl"
        out.parent.mkdir(exist_ok=True)
        record = {"date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), "machine": machine(),
                  "claims_requested": args.claims if ingest_seconds is not None else None, **figures,
                  "ingest_seconds": round(ingest_seconds, 1) if ingest_seconds is not None else None,
                  "ingest_resumed": resumed,
                  "runs": args.runs, "pages": rows}
        with out.open("a", encoding="utf-8") as f:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
        print(f"Appended to {out.relative_to(REPO)}")


if __name__ == "__main__":
    main()
