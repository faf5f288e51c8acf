"""Fact-check verdicts: who rated a claim, how, when, and where it was published.

A claim may carry several verdicts (by different organisations, or by one over
time); ``claims.verdict`` holds the latest rating so pages can facet on it.
Errors are ``ValueError`` with a message for the person who typed the command.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlparse

import sqlite_utils

from .store import now
from .db import transaction


@dataclass(frozen=True)
class Verdict:
    claim_id: str
    rating: str
    author: str
    score: float | None = None
    best: float | None = None
    worst: float | None = None
    url: str | None = None
    date: str | None = None
    note: str | None = None


def check(v: Verdict) -> Verdict:
    """The verdict with its fields cleaned, or a ValueError saying what is wrong."""
    rating, author = " ".join(v.rating.split()), " ".join(v.author.split())
    if not rating:
        raise ValueError("a verdict needs a rating (--rating)")
    if not author:
        raise ValueError("a verdict needs the organisation that gives it (--by)")
    if v.date is not None:
        try:
            dt.date.fromisoformat(v.date)
        except ValueError:
            raise ValueError(f"--date {v.date!r}: expected a date as YYYY-MM-DD") from None
    if v.url is not None:
        parsed = urlparse(v.url)
        if parsed.scheme not in ("http", "https") or not parsed.netloc:
            raise ValueError(f"--url {v.url!r}: expected an http(s) address")
    if v.score is not None and v.best is not None and v.worst is not None \
            and not min(v.best, v.worst) <= v.score <= max(v.best, v.worst):
        raise ValueError(f"--score {v.score:g} is not between --worst {v.worst:g} and --best {v.best:g}")
    return Verdict(v.claim_id, rating, author, v.score, v.best, v.worst, v.url, v.date, v.note)


def add_verdict(db: sqlite_utils.Database, verdict: Verdict) -> int:
    """Record a verdict on a claim (one transaction); returns its id."""
    v = check(verdict)
    with transaction(db):
        if not db.execute("select 1 from claims where id = ?", [v.claim_id]).fetchone():
            raise ValueError(f"no claim with id {v.claim_id!r}")
        vid = _insert(db, v)
    return vid


def add_verdict_in(db: sqlite_utils.Database, verdict: Verdict) -> int:
    """Record a checked verdict inside the caller's transaction, unless the claim
    has it already (same rating, organisation, date and address): 1 if added, else 0."""
    v = verdict
    if db.execute("select 1 from verdicts where claim_id = ? and rating = ? and author = ? and date is ? "
                  "and url is ?", [v.claim_id, v.rating, v.author, v.date, v.url]).fetchone():
        return 0
    _insert(db, v)
    return 1


def _insert(db: sqlite_utils.Database, v: Verdict) -> int:
    vid = db["verdicts"].insert({
        "claim_id": v.claim_id, "rating": v.rating, "score": v.score, "best": v.best, "worst": v.worst,
        "author": v.author, "url": v.url, "date": v.date, "note": v.note, "created_at": now(),
    }).last_pk
    refresh_latest(db, v.claim_id)
    return vid


ORDER = "order by coalesce(v.date, substr(v.created_at, 1, 10)) desc, v.id desc limit 1"
OWN = f"(select v.rating from verdicts v where v.claim_id = claims.id {ORDER})"
GROUP = (f"(select v.rating from verdicts v join claims m on m.id = v.claim_id "
         f"where claims.group_id is not null and m.group_id = claims.group_id {ORDER})")


def refresh_latest(db: sqlite_utils.Database, claim_id: str) -> None:
    """Put a claim's latest rating in ``claims.verdict`` (and its group's members')."""
    gid = db.execute("select group_id from claims where id = ?", [claim_id]).fetchone()[0]
    if gid is None:
        refresh(db, "id = ?", [claim_id])
    else:
        refresh(db, "group_id = ?", [gid])


def refresh(db: sqlite_utils.Database, where: str, params) -> None:
    """``claims.verdict``: the claim's own latest rating, else the latest of its group's
    (then ``verdict_inherited`` is 1)."""
    db.execute(f"update claims set verdict = coalesce({OWN}, {GROUP}), "
               f"verdict_inherited = ({OWN} is null and {GROUP} is not null) where {where}", list(params))
