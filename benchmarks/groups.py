"""Claim groups on the development sets: what the threshold joins, and what it leaves apart.

    python benchmarks/groups.py [EVAL_DIR]

Ingests the sets ``dev``, ``dev-quotes-id`` and ``dev-en`` of EVAL_DIR (default
``../shared/eval``) into one database and prints every pair of claims by the
same speakers in different articles whose word sets have a Jaccard index of at
least 0.3, with the index, and whether factdb's threshold (``groups.NEAR``)
joins them; a person reads the list to judge which pairs are the same claim.
Appends the counts to ``benchmarks/results/groups.jsonl`` with the machine and date.
"""
from __future__ import annotations

import datetime as dt
import itertools
import json
import platform
import sys
import tempfile
from pathlib import Path

from factdb.db import open_db
from factdb.groups import NEAR, jaccard, words
from factdb.ingest import ingest_paths

HERE = Path(__file__).resolve().parent


def main(eval_dir: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = open_db(Path(tmp) / "dev.db")
        ingest_paths(db, [eval_dir / s / "articles" for s in ("dev", "dev-quotes-id", "dev-en")])
        by_speakers: dict[str, list] = {}
        for cid, article, text, group, speakers in db.execute(
                "select c.id, c.article_id, c.text, c.group_id, group_concat(cs.speaker_id) from claims c "
                "join claim_speakers cs on cs.claim_id = c.id group by c.id"):
            by_speakers.setdefault(speakers, []).append((cid, article, text, group, words(text)))
        pairs = []
        for claims in by_speakers.values():
            for a, b in itertools.combinations(claims, 2):
                if a[1] != b[1]:
                    j = jaccard(a[4], b[4])
                    if j >= 0.3:
                        pairs.append((j, a, b))
        groups = db.execute("select count(*), coalesce(sum(claims), 0) from claim_groups").fetchone()
    pairs.sort(key=lambda p: -p[0])
    joined = [p for p in pairs if p[1][3] is not None and p[1][3] == p[2][3]]
    print(f"{groups[0]} groups holding {groups[1]} claims; {len(pairs)} pairs at Jaccard >= 0.3, "
          f"{len(joined)} joined (threshold {NEAR})")
    for j, a, b in pairs:
        mark = "joined" if (a[3] is not None and a[3] == b[3]) else "apart "
        print(f"  {j:.2f} {mark}  {a[2][:70]!r}\n               {b[2][:70]!r}")
    out = HERE / "results" / "groups.jsonl"
    out.parent.mkdir(exist_ok=True)
    with out.open("a", encoding="utf-8") as f:
        f.write(json.dumps({"date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                            "machine": f"{platform.node()} {platform.machine()} {platform.python_version()}",
                            "threshold": NEAR, "groups": groups[0], "claims_in_groups": groups[1],
                            "pairs_over_0.3": len(pairs), "pairs_joined": len(joined)}) + "\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parent.parent / "shared" / "eval")
