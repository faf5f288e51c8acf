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
    with db.atomic():
        if not db.execute("select 1 from claims where id = ?", [v.claim_id]).fetchone():
            raise ValueError(f"no claim with id {v.claim_id!r}")
        vid = db["verdicts"].insert({
            "claim_id": v.claim_id, "rating": v.rating, "score": v.score, "best": v.best, "worst": v.worst,
            "author": v.author, "url": v.url, "date": v.date, "note": v.note, "created_at": now(),
        }).last_pk
        refresh_latest(db, v.claim_id)
    return vid


LATEST = ("select rating from verdicts where claim_id = claims.id "
          "order by coalesce(date, substr(created_at, 1, 10)) desc, id desc limit 1")


def refresh_latest(db: sqlite_utils.Database, claim_id: str) -> None:
    """Put a claim's latest rating in ``claims.verdict``."""
    db.execute(f"update claims set verdict = ({LATEST}) where id = ?", [claim_id])
