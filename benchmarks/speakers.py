"""Speaker identity on the development sets, ingested together into one database.

    python benchmarks/speakers.py [EVAL_DIR] [--list]

EVAL_DIR (default ``../shared/eval``) holds the sets ``dev``, ``dev-en`` and
``dev-quotes-id``. Prints, and appends to ``benchmarks/results/speakers.jsonl``
with the machine and the date:

- split people: person speakers named by one word that exactly one person
  speaker of several words explains (both written as proper names) ("Widodo" beside "Joko Widodo"), as a
  share of person claims; and pairs of person speakers whose names differ only
  by initials ("Jane Q. Roe" / "Jane Roe");
- clean names: over claims that match a gold claim (``score.py``'s matching),
  the share of speakers whose name equals one of the gold aliases exactly,
  not just contains one (on ``dev`` and ``dev-en``).

``--list`` prints each split person and each unclean name.
"""
from __future__ import annotations

import datetime as dt
import importlib.util
import json
import platform
import sys
import tempfile
from collections import Counter
from pathlib import Path

from factdb.db import open_db
from factdb.export import export_data
from factdb.identity import is_proper
from factdb.ingest import ingest_paths

HERE = Path(__file__).resolve().parent
SETS = ["dev", "dev-en", "dev-quotes-id"]


def load_scorer(eval_dir: Path):
    spec = importlib.util.spec_from_file_location("score", eval_dir / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def words(name: str) -> list[str]:
    return [w.strip(".").casefold() for w in name.split() if w.strip(".")]


def split_people(db) -> dict:
    """One-word person speakers that exactly one longer person name explains, and
    person names that differ only by initials."""
    people = {r[0]: r[1] for r in db.execute(
        "select s.name, count(*) from speakers s join claim_speakers cs on cs.speaker_id = s.id "
        "where s.kind = 'person' group by s.id")}
    total = sum(people.values())
    people = {n: c for n, c in people.items() if is_proper(n)}  # names, not roles ("candidate")
    long_names = [n for n in people if len(words(n)) >= 2]
    short = {}
    for name, n in people.items():
        w = words(name)
        if len(w) != 1:
            continue
        explains = [f for f in long_names if w[0] in (words(f)[0], words(f)[-1])]
        if len(explains) == 1:
            short[name] = (explains[0], n)
    keys: dict[tuple, list[str]] = {}
    for name in long_names:
        keys.setdefault(tuple(x for x in words(name) if len(x) > 1), []).append(name)
    pairs = [sorted(v) for v in keys.values() if len(v) > 1]
    return {"person_claims": total, "short_form_claims": sum(n for _, n in short.values()),
            "short_form_share": round(sum(n for _, n in short.values()) / total, 4) if total else 0.0,
            "initial_pairs": len(pairs), "short_forms": short, "pairs": pairs}


def clean_names(data: dict, gold_dir: Path, score) -> dict:
    """Share of matched claims' speakers whose name is exactly a gold alias."""
    by_file = {}
    names = {a["id"]: Path(a["source_file"]).name for a in data["articles"]}
    for c in data["claims"]:
        by_file.setdefault(names.get(c["article_id"]), []).append(c)
    exact = total = 0
    unclean = Counter()
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        preds = [c for c in by_file.get(gold["file"], []) if score.scored(c)]
        for i, j in score.match_article(preds, gold["claims"], False).items():
            for name in preds[i]["speakers"]:
                aliases = next((al for al in gold["claims"][j]["speakers"] if score.speaker_matches(name, al)), [])
                total += 1
                if "*" in aliases or score.norm(name) in {score.norm(a) for a in aliases}:
                    exact += 1
                else:
                    unclean[(name, aliases[0] if aliases else "")] += 1
    return {"matched_speakers": total, "exact": exact,
            "exact_share": round(exact / total, 4) if total else 0.0, "unclean": unclean}


def main(eval_dir: Path, show: bool) -> None:
    score = load_scorer(eval_dir)
    with tempfile.TemporaryDirectory() as tmp:
        db = open_db(Path(tmp) / "all.db")
        ingest_paths(db, [eval_dir / s / "articles" for s in SETS])
        split = split_people(db)
        data = export_data(db)
        clean = {s: clean_names(data, eval_dir / s / "gold", score) for s in ("dev", "dev-en")}
    print(f"person claims: {split['person_claims']}; under a one-word name that one full name explains: "
          f"{split['short_form_claims']} ({split['short_form_share']:.1%}), "
          f"{len(split['short_forms'])} speakers")
    print(f"person names split only by initials: {split['initial_pairs']} pairs")
    for s, c in clean.items():
        print(f"{s}: speaker names equal to a gold alias: {c['exact']}/{c['matched_speakers']} = {c['exact_share']:.3f}")
    if show:
        for name, (full, n) in sorted(split["short_forms"].items(), key=lambda kv: -kv[1][1]):
            print(f"  short form  {name!r} ({n} claims) ~ {full!r}")
        for pair in split["pairs"]:
            print(f"  initials    {pair}")
        for s, c in clean.items():
            for (name, alias), n in c["unclean"].most_common():
                print(f"  {s} unclean  {name!r} (gold {alias!r}) x{n}")
    record = {"date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
              "machine": f"{platform.node()} {platform.machine()} {platform.python_version()}",
              "short_form_share": split["short_form_share"], "short_form_claims": split["short_form_claims"],
              "initial_pairs": split["initial_pairs"],
              **{f"{s}_exact_share": c["exact_share"] for s, c in clean.items()}}
    out = HERE / "results" / "speakers.jsonl"
    out.parent.mkdir(exist_ok=True)
    with out.open("a", encoding="utf-8") as f:
        f.write(json.dumps(record) + "\n")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    main(Path(args[0]) if args else HERE.parent.parent / "shared" / "eval", "--list" in sys.argv)
