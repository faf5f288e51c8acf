"""Score an export against gold claims (the matching rules of docs/claims.md).

A predicted claim matches a gold claim when its speaker set equals the gold
speaker set (each speaker by alias, or a multi-word alias standing whole inside
the prediction) and its text overlaps a gold text with token F1 >= 0.5; a
"full" match also needs a stance the gold accepts. Predictions without a
speaker or with stance ``reports`` are not scored; optional gold claims neither
add to recall nor count against precision; a ``recall_only`` gold file counts
no prediction as wrong. Relations are judged on the attribution matching.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

CONTENT_F1 = 0.5


def _norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).casefold()
    s = re.sub(r"[^\w\s-]", " ", s)
    return " ".join(s.replace("-", " ").split())


def token_f1(a: str, b: str) -> float:
    ta, tb = _norm(a).split(), _norm(b).split()
    common = sum((Counter(ta) & Counter(tb)).values())
    if not common:
        return 0.0
    p, r = common / len(ta), common / len(tb)
    return 2 * p * r / (p + r)


def _speaker_ok(pred: str, aliases: list[str]) -> bool:
    p = _norm(pred)
    return any(p == _norm(a) or (len(a.split()) >= 2 and f" {_norm(a)} " in f" {p} ") for a in aliases)


def _speakers_ok(pred: list[str], gold: list[list[str]]) -> bool:
    if len(pred) != len(gold):
        return False
    used: set[int] = set()
    for p in pred:
        hit = next((i for i, al in enumerate(gold) if i not in used and _speaker_ok(p, al)), None)
        if hit is None:
            return False
        used.add(hit)
    return True


def _as_list(x) -> list:
    return [] if x is None else x if isinstance(x, list) else [x]


def _stance_ok(stance, gold) -> bool:
    accepted = _as_list(gold["stance"])
    return "*" in accepted or stance in accepted


def _match(preds, golds, need_stance: bool) -> dict[int, int]:
    pairs = []
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            if not _speakers_ok(_as_list(p.get("speakers")), g["speakers"]):
                continue
            if need_stance and not _stance_ok(p.get("stance"), g):
                continue
            f1 = max((token_f1(p.get("text") or "", t) for t in _as_list(g["text"])), default=0.0)
            if f1 >= CONTENT_F1:
                pairs.append((f1, i, j))
    out: dict[int, int] = {}
    for _, i, j in sorted(pairs, reverse=True):
        if i not in out and j not in out.values():
            out[i] = j
    return out


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp, self.fp, self.fn = self.tp + tp, self.fp + fp, self.fn + fn

    def prf(self) -> dict:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


def score(export: dict, gold_dir: Path) -> dict:
    """Attribution, full and relation scores of an export (a dict) against a gold directory."""
    files = {a["id"]: Path(a.get("source_file") or "").name for a in export.get("articles", [])}
    claims_by_file: dict[str, list] = {}
    for c in export.get("claims", []):
        if c.get("article_id") in files:
            claims_by_file.setdefault(files[c["article_id"]], []).append(c)
    relations = {(r["from"], r["to"], r["type"]) for r in export.get("relations", [])}
    tallies = {"attribution": Tally(), "full": Tally(), "relations": Tally()}
    missing = []
    for gold_path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if gold["file"] not in claims_by_file and gold["file"] not in files.values():
            missing.append(gold["file"])
        preds = [c for c in claims_by_file.get(gold["file"], [])
                 if c.get("speakers") and c.get("stance") != "reports"]
        golds = gold["claims"]
        required = {j for j, g in enumerate(golds) if not g.get("optional")}
        for name, need_stance in (("attribution", False), ("full", True)):
            m = _match(preds, golds, need_stance)
            fp = 0 if gold.get("recall_only") else sum(1 for i in range(len(preds)) if i not in m)
            tallies[name].add(sum(1 for j in m.values() if j in required), fp, len(required - set(m.values())))
            if name == "attribution":
                g2p = {j: preds[i]["id"] for i, j in m.items()}
        ids = {c["id"] for c in preds}
        mine = {r for r in relations if r[0] in ids and r[1] in ids}
        gid = {g["gid"]: j for j, g in enumerate(golds)}
        hits = {(g2p.get(gid[r["from"]]), g2p.get(gid[r["to"]]), r["type"]) for r in gold.get("relations", [])}
        found = len(hits & mine)
        tallies["relations"].add(found, len(mine) - found, len(gold.get("relations", [])) - found)
    result = {k: t.prf() for k, t in tallies.items()}
    result["articles_missing"] = missing
    return result
