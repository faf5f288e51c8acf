"""What people do to fix identity: aliases, merges, splits, renames.

Each function runs in one transaction and records its links as ``manual``, so
no later ingest undoes it (see :mod:`factdb.identity`). A speaker is named by
its name or by any name that maps to it. Errors are ``ValueError`` with a
message for the person who typed the command.
"""
from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from .identity import MANUAL, Resolver, name_key, preferred_name
from .db import transaction


@dataclass(frozen=True)
class SpeakerRow:
    id: int
    name: str
    kind: str | None
    claims: int
    names: tuple[str, ...]
    ambiguous: bool = False
    candidates: tuple[str, ...] = ()


def _clean(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise ValueError("a speaker's name cannot be empty")
    return name


def find_speaker(resolver: Resolver, name: str) -> int:
    sid = resolver.speaker_of(name) or _by_name(resolver, name)
    if sid is None:
        raise ValueError(f"no speaker named {name!r}")
    return sid


def _by_name(resolver: Resolver, name: str) -> int | None:
    row = resolver.one("select id from speakers where name = ?", [name])
    return row[0] if row else None


def _name_of(resolver: Resolver, sid: int) -> str:
    return resolver.one("select name from speakers where id = ?", [sid])[0]


def add_alias(db: sqlite_utils.Database, speaker: str, alias: str, move: bool = False) -> int:
    """Record that ``alias`` names ``speaker``; later ingests give claims under
    that name to this speaker. A name another speaker already has is refused
    unless ``move``: then it, and its claims, go to ``speaker``."""
    alias = _clean(alias)
    with transaction(db):
        r = Resolver(db)
        sid = find_speaker(r, speaker)
        other = r.would_resolve(alias)
        if other is not None and other != sid and not move:
            raise ValueError(f"{alias!r} already names {_name_of(r, other)!r}; add --move to give it to "
                             f"{_name_of(r, sid)!r}, or merge the two with 'factdb speakers merge'")
        r.relink(alias, sid, MANUAL)
        r.refresh(sid)
        r.settle()
    return sid


def merge(db: sqlite_utils.Database, keep: str, others: list[str]) -> int:
    """Make ``others`` one speaker with ``keep``: their names, claims and so their
    relations go to ``keep``; each name remembers where it came from, for ``unmerge``."""
    with transaction(db):
        r = Resolver(db)
        sid = find_speaker(r, keep)
        for other in others:
            oid = find_speaker(r, other)
            if oid == sid:
                raise ValueError(f"{other!r} is already {_name_of(r, sid)!r}")
            oname = _name_of(r, oid)
            names = [row[0] for row in db.execute("select alias from speaker_aliases where speaker_id = ?", [oid])]
            names += [row[0] for row in db.execute(
                "select distinct name from claim_speakers where speaker_id = ?", [oid]) if row[0] not in names]
            db.execute("update speakers set description = coalesce(description, "
                       "(select description from speakers where id = ?)) where id = ?", [oid, sid])
            for name in names or [oname]:
                r.relink(name, sid, MANUAL, merged_from=oname)
            r.drop_if_empty(oid)
        r.refresh(sid)
        r.settle()
    return sid


def unmerge(db: sqlite_utils.Database, name: str) -> int:
    """Undo a merge: the names that came with the speaker once called ``name``
    are a speaker of their own again."""
    name = _clean(name)
    with transaction(db):
        r = Resolver(db)
        names = [row[0] for row in db.execute(
            "select alias from speaker_aliases where merged_from = ? order by alias", [name])]
        if not names:
            raise ValueError(f"no speaker named {name!r} was merged into another")
        kind = r.one("select kind from speakers where id = ?", [r.speaker_of(names[0])])[0]
        sid = _split_off(r, name, kind, names)
        r.settle()
    return sid


def split(db: sqlite_utils.Database, speaker: str, names: list[str]) -> int:
    """Take ``names`` off ``speaker`` into a new speaker called by the first of them."""
    names = [_clean(n) for n in names]
    with transaction(db):
        r = Resolver(db)
        sid = find_speaker(r, speaker)
        for n in names:
            if r.speaker_of(n) != sid:
                raise ValueError(f"{n!r} is not a name of {_name_of(r, sid)!r}")
        if set(names) >= {row[0] for row in db.execute("select alias from speaker_aliases where speaker_id = ?", [sid])}:
            raise ValueError(f"those are all the names of {_name_of(r, sid)!r}; rename it instead")
        if _name_of(r, sid) in names:  # the speaker goes on under a name it keeps
            rest = [row[0] for row in db.execute("select alias from speaker_aliases where speaker_id = ?", [sid])
                    if row[0] not in names]
            db.execute("update speakers set name = ? where id = ?", [preferred_name(rest), sid])
            r.refresh(sid)
        kind = r.one("select kind from speakers where id = ?", [sid])[0]
        new = _split_off(r, names[0], kind, names)
        r.settle()
    return new


def _split_off(r: Resolver, name: str, kind: str | None, names: list[str]) -> int:
    if _by_name(r, name) is not None:
        raise ValueError(f"another speaker is already called {name!r}; rename it first")
    new = r.db["speakers"].insert({"name": name, "kind": kind, "key": name_key(name),
                                   "ambiguous": 0, "name_origin": MANUAL}).last_pk
    for n in names:
        r.relink(n, new, MANUAL)
    return new


def rename(db: sqlite_utils.Database, speaker: str, new_name: str) -> int:
    """Show ``speaker`` under ``new_name`` from now on; its old name stays one of its names."""
    new_name = _clean(new_name)
    with transaction(db):
        r = Resolver(db)
        sid = find_speaker(r, speaker)
        other = r.speaker_of(new_name) or _by_name(r, new_name)
        if other is not None and other != sid:
            raise ValueError(f"{new_name!r} already names {_name_of(r, other)!r}; "
                             "merge the two with 'factdb speakers merge'")
        db.execute("update speakers set name = ?, name_origin = 'manual' where id = ?", [new_name, sid])
        r.relink(new_name, sid, MANUAL)
        r.refresh(sid)
    return sid


def list_speakers(db: sqlite_utils.Database, ambiguous: bool = False, limit: int | None = None) -> list[SpeakerRow]:
    """Speakers with their claim counts and names, busiest first; ``ambiguous``:
    only one-word names that several people could be, with those people."""
    r = Resolver(db)
    where = "where s.ambiguous = 1" if ambiguous else ""
    rows = db.execute(
        f"select s.id, s.name, s.kind, s.ambiguous, (select count(*) from claim_speakers where speaker_id = s.id) n "
        f"from speakers s {where} order by n desc, s.name limit ?", [limit or -1]).fetchall()
    out = []
    for sid, name, kind, amb, n in rows:
        names = tuple(a[0] for a in db.execute(
            "select alias from speaker_aliases where speaker_id = ? order by alias", [sid]))
        cands = tuple(_name_of(r, c) for c in r.candidates(name_key(name))) if amb else ()
        out.append(SpeakerRow(sid, name, kind, n, names, bool(amb), cands))
    return out
