"""`factdb serve` under load: the pages while slow queries run, and a query's memory.

    python benchmarks/serve_load.py [--db PATH] [--slow 8] [--runs 20] [--rounds 2]
                                    [--config NAME [KEY=VALUE ...]] ... [--no-memory] [--no-save]

Builds a small database with the real command line (``factdb ingest`` of
``seeds/`` and ``examples/articles/``) unless ``--db PATH`` names one, and
serves it with Datasette exactly as ``factdb serve`` does
(``factdb.serve.datasette_args``, so factdb's plugin, metadata and SETTINGS),
once per configuration: a configuration is a name and ``--setting``
overrides (``--config threads3 num_sql_threads=3``). The key ``source=DIR``
serves the factdb package found in DIR instead of this checkout (an older
commit: ``git archive HEAD | tar -x -C DIR``), to measure before and after in
one run. Without ``--config`` the configurations are Datasette's defaults
for threads and time limits (``datasette``: three SQL threads, 1,000 ms,
facets 200 ms) and factdb's SETTINGS (``factdb``).

For each configuration it times the home page ``/`` and the claims page
(``/DB/claims_view``), RUNS requests each after one warm-up: first idle, then
while SLOW threads each request, one after another, a CPU-bound SQL query
that only the time limit stops (a recursive CTE counting to 10^10) through
``/DB.json?sql=``; the loaded requests of a page stop after BUDGET seconds
(``--budget``), and one is given up after BUDGET seconds. It prints p50 and p95 (nearest rank) in ms, idle and
loaded, and what became of the slow queries (status, p50 time). The
configurations are measured in turn, ROUNDS times (interleaved, so a busy
machine slows them alike); the figures are of all rounds together.

Then, unless ``--no-memory``, it sends each configuration's server the
queries of ``MEMORY_PROBES`` one at a time (a fresh server for each, while
nothing else runs) and reports the HTTP status, the time, the error message
and the server's peak resident memory (VmHWM, reset before each probe)
above its resident memory before it. The server runs with its data segment
capped (``--cap-gb``, default 6 GB: RLIMIT_DATA), so that a query with no
bound fails there rather than take the machine's memory.

Appends one line to ``benchmarks/results/serve_load.jsonl`` (date, machine,
database, each configuration's settings and figures).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO))
import serve  # noqa: E402  (benchmarks/serve.py: Server, Client, percentile, machine)

from factdb.serve import SETTINGS, datasette_args, write_metadata  # noqa: E402

# CPU-bound, reads nothing, returns one row: only the time limit stops it
SLOW_SQL = ("with recursive c(i) as (select 1 union all select i + 1 from c where i < 10000000000) "
            "select count(*) from c")

# Datasette's own values of the settings factdb sets for load and time
DATASETTE_DEFAULTS = {"num_sql_threads": "3", "sql_time_limit_ms": "1000", "facet_time_limit_ms": "200"}

_ROWS = "with recursive c(i) as (select 1 union all select i + 1 from c where i < {n}) "
MEMORY_PROBES = {  # name: SQL that needs far more memory than a page should
    "zeroblob_3e9": "select length(zeroblob(3000000000))",
    "rows_of_40MB_x1000": _ROWS.format(n=1000) + "select i, zeroblob(40000000) as b from c",
    "row_of_40MB_x60": "select " + ", ".join(f"zeroblob(40000000) as b{i}" for i in range(60)),
    "text_40MB_x1000": _ROWS.format(n=1000) + "select i, printf('%.*c', 40000000, 'x') as t from c",
    "sort_3e6_rows": _ROWS.format(n=3_000_000) + "select i, randomblob(200) as b from c order by b",
    "distinct_cte": ("with recursive c(i) as (select 1 union select i + 1 from c where i < 10000000000) "
                     "select count(*) from c"),
    "group_concat": _ROWS.format(n=10_000_000) + "select length(group_concat(hex(randomblob(50)))) from c",
}


def datasette_command() -> list[str]:
    for candidate in (Path(sys.executable).parent / "datasette", REPO / ".venv" / "bin" / "datasette"):
        if candidate.exists():
            return [str(candidate)]
    return [sys.executable, "-m", "datasette"]


def build_db(work: Path) -> Path:
    db = work / "factdb.db"
    command = serve.factdb_command() + ["ingest", "--db", str(db), str(REPO / "seeds"), str(REPO / "examples" / "articles")]
    print("$ " + " ".join(command), flush=True)
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"factdb ingest failed:\n{done.stdout}{done.stderr}")
    print(done.stdout.strip() or done.stderr.strip())
    return db


class DatasetteServer(serve.Server):
    """``datasette`` with factdb's arguments and ``--setting`` overrides, its data
    segment capped (RLIMIT_DATA) so that an unbounded query fails in it."""

    def __init__(self, db: Path, metadata: Path, port: int, log: Path, overrides: dict, cap_bytes: int):
        self.port, self.log_path = port, log
        self.log = log.open("w")
        overrides = dict(overrides)
        env = dict(os.environ)
        source = overrides.pop("source", None)
        if source:
            env["PYTHONPATH"] = str(source) + os.pathsep + env.get("PYTHONPATH", "")
        command = datasette_command() + datasette_args(str(db), metadata, "127.0.0.1", port)
        for key, value in overrides.items():
            command += ["--setting", key, str(value)]

        def cap():
            resource.setrlimit(resource.RLIMIT_DATA, (cap_bytes, cap_bytes))

        self.proc = subprocess.Popen(command, stdout=self.log, stderr=subprocess.STDOUT, env=env, preexec_fn=cap)

    def memory(self) -> dict:
        """Resident and peak resident memory in MB (VmRSS, VmHWM)."""
        figures = {}
        try:
            for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
                key, _, value = line.partition(":")
                if key in ("VmRSS", "VmHWM"):
                    figures[key] = round(int(value.split()[0]) / 1024, 1)
        except OSError:
            pass
        return figures

    def reset_peak(self) -> None:
        Path(f"/proc/{self.proc.pid}/clear_refs").write_text("5")


def sql_url(db_name: str, sql: str) -> str:
    return f"/{db_name}.json?" + urlencode({"sql": sql, "_shape": "array"})


def summary(times: list[float], statuses: list) -> dict:
    if not times:
        return {"n": 0}
    other = sorted({str(s) for s in statuses if s != 200})
    return {"n": len(times), "p50": round(statistics.median(times), 1), "p95": round(serve.percentile(times, 95), 1),
            "max": round(max(times), 1), "not_200": other}


def load_round(server: DatasetteServer, db_name: str, slow: int, runs: int, pause: float, budget: float) -> dict:
    """Idle and loaded timings of the pages, on one server: RUNS requests a page,
    fewer if they take more than BUDGET seconds (a request is given up after
    BUDGET seconds: TimeoutError)."""
    pages = {"home": "/", "claims": f"/{db_name}/claims_view"}
    client = serve.Client(server.port, timeout=budget)
    out: dict = {"idle": {}, "loaded": {}}
    for name, url in pages.items():
        client.get(url)
        results = []
        for _ in range(runs):
            results.append(client.get(url))
            time.sleep(pause)
        out["idle"][name] = ([ms for _, ms in results], [s for s, _ in results])

    stop = threading.Event()
    started = threading.Barrier(slow + 1)
    slow_results: list[tuple] = []
    url = sql_url(db_name, SLOW_SQL)

    def hammer():
        c = serve.Client(server.port, timeout=120)
        started.wait()
        while not stop.is_set():
            slow_results.append(c.get(url))
        c.close()

    threads = [threading.Thread(target=hammer, daemon=True) for _ in range(slow)]
    for t in threads:
        t.start()
    started.wait()
    time.sleep(0.5)  # every slow query sent and in the server
    for name, page in pages.items():
        results = []
        deadline = time.monotonic() + budget
        for _ in range(runs):
            results.append(client.get(page))
            if time.monotonic() > deadline:
                break
            time.sleep(pause)
        out["loaded"][name] = ([ms for _, ms in results], [s for s, _ in results])
    stop.set()
    for t in threads:
        t.join(180)
    client.close()
    out["slow"] = ([ms for _, ms in slow_results], [s for s, _ in slow_results])
    return out


def memory_probe(server: DatasetteServer, db_name: str, sql: str) -> dict:
    client = serve.Client(server.port, timeout=120)
    client.get("/")  # a connection or two open, the page cache warm
    before = server.memory()
    server.reset_peak()
    status, ms = client.get(sql_url(db_name, sql))
    body = ""
    if status != 200 and isinstance(status, int):  # the error message, once more, short
        import http.client
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=120)
        conn.request("GET", sql_url(db_name, sql))
        body = conn.getresponse().read(2000).decode("utf-8", "replace")
        conn.close()
    after = server.memory()
    alive = server.proc.poll() is None
    home_status, _ = client.get("/") if alive else ("dead", 0)
    client.close()
    error = ""
    try:
        error = json.loads(body).get("error", "")
    except (ValueError, AttributeError):
        error = body[:200]
    return {"status": status, "ms": round(ms), "error": (error or "")[:160],
            "rss_before_mb": before.get("VmRSS"), "peak_mb": after.get("VmHWM"),
            "peak_above_mb": round(after.get("VmHWM", 0) - before.get("VmRSS", 0), 1),
            "alive": alive, "home_after": home_status}


def parse_configs(raw: list[list[str]] | None) -> dict[str, dict]:
    if not raw:
        return {"datasette": dict(DATASETTE_DEFAULTS), "factdb": {}}
    configs = {}
    for name, *pairs in raw:
        configs[name] = dict(pair.split("=", 1) for pair in pairs)
    return configs


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog="\n\n".join(__doc__.split("\n\n")[2:]), formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, help="serve this database (default: a small one, built with factdb ingest)")
    parser.add_argument("--slow", type=int, default=8, metavar="K", help="slow queries at once (default: %(default)s)")
    parser.add_argument("--runs", type=int, default=20, help="timed requests per page and state (default: %(default)s)")
    parser.add_argument("--rounds", type=int, default=2, help="times each configuration is measured, in turn "
                                                              "(default: %(default)s)")
    parser.add_argument("--budget", type=float, default=60, help="seconds for the loaded requests of a page, "
                        "and the longest wait for one (default: %(default)s)")
    parser.add_argument("--pause", type=float, default=0.1, help="seconds between timed requests (default: %(default)s)")
    parser.add_argument("--config", nargs="+", action="append", metavar="NAME [KEY=VALUE]",
                        help="a configuration: a name and --setting overrides (source=DIR: factdb from DIR)")
    parser.add_argument("--no-load", action="store_true", help="skip the timings under load")
    parser.add_argument("--no-memory", action="store_true", help="skip the memory probes")
    parser.add_argument("--probe", action="append", choices=sorted(MEMORY_PROBES),
                        help="run only this memory probe (repeatable)")
    parser.add_argument("--cap-gb", type=float, default=6, help="the servers' RLIMIT_DATA (default: %(default)s)")
    parser.add_argument("--no-save", action="store_true", help="do not append to benchmarks/results/serve_load.jsonl")
    args = parser.parse_args(argv)
    configs = parse_configs(args.config)
    cap = int(args.cap_gb * 1e9)

    work = Path(tempfile.mkdtemp(prefix="factdb-serve-load-"))
    record = {"date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), "machine": serve.machine(),
              "load1": os.getloadavg()[0],
              **({} if args.no_load else {"slow": args.slow, "runs": args.runs, "rounds": args.rounds,
                                          "budget_s": args.budget}),
              "factdb_settings": SETTINGS, "configs": {}}
    try:
        db = args.db.resolve() if args.db else build_db(work)
        db_name = db.stem
        record["db"] = {"path": str(db) if args.db else "seeds/ + examples/articles/",
                        **{k: v for k, v in serve.database_figures(db).items() if k in ("articles", "claims", "db_mb")}}
        metadata = write_metadata(str(db), str(work))

        def start(name: str) -> DatasetteServer:
            server = DatasetteServer(db, metadata, serve.free_port(), work / f"{name}.log", configs[name], cap)
            server.wait(120)
            return server

        gathered = {name: {"idle": {}, "loaded": {}, "slow": ([], [])} for name in configs}
        if not args.no_load:
            for r in range(args.rounds):
                for name in configs:
                    server = start(name)
                    try:
                        print(f"round {r + 1}/{args.rounds}: {name} {configs[name] or '(factdb SETTINGS)'}", flush=True)
                        result = load_round(server, db_name, args.slow, args.runs, args.pause, args.budget)
                    finally:
                        server.stop()
                    for state in ("idle", "loaded"):
                        for page, (times, statuses) in result[state].items():
                            t, s = gathered[name][state].setdefault(page, ([], []))
                            t += times
                            s += statuses
                    gathered[name]["slow"][0].extend(result["slow"][0])
                    gathered[name]["slow"][1].extend(result["slow"][1])
            print(f"\n{args.slow} slow queries at once; p50 / p95 / max ms of n requests, at most "
                  f"{args.runs * args.rounds} ({args.rounds} rounds, configurations interleaved)")
            print(f"{'configuration':<14} {'page':<7} {'idle p50':>9} {'p95':>7}  {'loaded p50':>10} {'p95':>7} "
                  f"{'max':>7} {'n':>3}  slow queries")
        for name in configs:
            entry = record["configs"][name] = {"overrides": configs[name]}
            if args.no_load:
                continue
            slow_times, slow_statuses = gathered[name]["slow"]
            counts = {str(s): slow_statuses.count(s) for s in sorted(set(slow_statuses), key=str)}
            entry["slow_queries"] = {"n": len(slow_times), "statuses": counts,
                                     "p50_ms": round(statistics.median(slow_times)) if slow_times else None}
            for page in ("home", "claims"):
                idle = summary(*gathered[name]["idle"][page])
                loaded = summary(*gathered[name]["loaded"][page])
                entry[page] = {"idle": idle, "loaded": loaded}
                flag = (" !! " + ", ".join(idle["not_200"] + loaded["not_200"])) if idle["not_200"] + loaded["not_200"] else ""
                print(f"{name:<14} {page:<7} {idle['p50']:>9.1f} {idle['p95']:>7.1f}  {loaded['p50']:>10.1f} "
                      f"{loaded['p95']:>7.1f} {loaded['max']:>7.1f} {loaded['n']:>3}  "
                      + (f"{len(slow_times)} done, p50 {entry['slow_queries']['p50_ms']} ms, statuses {counts}"
                         if page == "home" else "") + flag)

        if not args.no_memory:
            probes = args.probe or list(MEMORY_PROBES)
            print(f"\nOne query at a time, each on a fresh server (RLIMIT_DATA {args.cap_gb:g} GB): "
                  "status, time, peak RSS above RSS before")
            for probe in probes:
                for name in configs:
                    server = start(name)
                    try:
                        result = memory_probe(server, db_name, MEMORY_PROBES[probe])
                    finally:
                        server.stop()
                    record["configs"][name].setdefault("memory", {})[probe] = result
                    print(f"{probe:<20} {name:<14} {result['status']!s:>6} {result['ms']:>7} ms  "
                          f"+{result['peak_above_mb']:>7.1f} MB (peak {result['peak_mb']} MB)  "
                          f"{'server alive' if result['alive'] else 'SERVER DIED'}, home {result['home_after']}  "
                          f"{result['error'][:90]}", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    if not args.no_save:
        out = HERE / "results" / "serve_load.jsonl"
        out.parent.mkdir(exist_ok=True)
        with out.open("a", encoding="utf-8") as f:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
        print(f"Appended to {out.relative_to(REPO)}")


if __name__ == "__main__":
    main()
