"""The same claim across articles: claim groups.

Two claims are the same claim when the same speakers make them and their
words are the same or nearly so: the Jaccard index of their sets of words
(case, accents and punctuation aside) is at least :data:`NEAR`. Groups are
the connected components of that relation, so the order claims arrive in
does not change them.

To find candidates without comparing a claim with every other claim of its
speaker, each claim is filed under two words of its own, the two whose stable
hash is smallest (a bottom-2 MinHash sketch over its longer words): two claims
with Jaccard J share at least one of them with probability about
1 - (1 - J)^2 (0.75 at J = 0.5, 1 for the same words). ``claim_sketches``
holds (speaker, word hash, claim) rows for the first speaker of each claim.

This layer knows text as Unicode words, not as a language.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

import sqlite_utils

# Jaccard of word sets from which two claims of the same speakers are one claim
# (measured on the development sets: see benchmarks/groups.py and the README)
NEAR = 0.5
SKETCH_MIN_LENGTH = 4  # words shorter than this are not filed (too common)
# a claim is compared with at most this many of the claims filed with it (under each of
# its two words, in the order of their ids): a claim repeated a thousand times joins its
# group through any of its appearances, and stays cheap
CANDIDATES = 50


def words(text: str) -> frozenset[str]:
    """The claim's words, without case, accents or punctuation."""
    text = unicodedata.normalize("NFKD", text.casefold())
    if not text.isascii():  # (no character before U+0300 combines)
        text = "".join(c for c in text if c < "\u0300" or not unicodedata.combining(c))
    return frozenset(re.findall(r"\w+", text))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def word_hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=7).digest(), "big")


def sketch(ws: frozenset[str], hashes: dict[str, int] | None = None) -> list[int]:
    """The two smallest hashes of the claim's longer words (of all its words if it has few);
    ``hashes`` keeps the words' hashes for the next claims (of one article, say)."""
    pool = [w for w in ws if len(w) >= SKETCH_MIN_LENGTH] or list(ws)
    if hashes is None:
        return sorted({word_hash(w) for w in pool})[:2]
    return sorted({hashes[w] if w in hashes else hashes.setdefault(w, word_hash(w)) for w in pool})[:2]


class Grouper:
    """Files claims and puts them in groups, inside the caller's transaction."""

    def __init__(self, db: sqlite_utils.Database):
        self.db = db
        self.changed: set[int] = set()  # groups to count again: new, merged, or with claims gone
        self.joined: dict[int, set[str]] = {}  # claims that joined a group, which is counted on from them

    def _speakers_of(self, claim_ids: list[str]) -> dict[str, tuple[int, ...]]:
        """The speaker ids of each claim, sorted (read in a few queries)."""
        speakers: dict[str, list[int]] = {}
        for i in range(0, len(claim_ids), 500):
            chunk = claim_ids[i:i + 500]
            for cid, sid in self.db.conn.execute(f"select claim_id, speaker_id from claim_speakers where claim_id in "
                                                 f"({', '.join('?' * len(chunk))})", chunk):
                speakers.setdefault(cid, []).append(sid)
        return {cid: tuple(sorted(sids)) for cid, sids in speakers.items()}

    def _facts_of(self, claim_ids: list[str]) -> dict:
        """(text, article, sorted speaker ids) of each claim."""
        facts, speakers = {}, self._speakers_of(claim_ids)
        for i in range(0, len(claim_ids), 500):
            chunk = claim_ids[i:i + 500]
            for cid, text, article in self.db.conn.execute(
                    f"select id, text, article_id from claims where id in ({', '.join('?' * len(chunk))})", chunk):
                facts[cid] = (text, article, speakers.get(cid, ()))
        return facts

    def add(self, claim_ids) -> None:
        """File new claims and join each to the group of the same claim, if any."""
        claim_ids = list(claim_ids)
        facts = self._facts_of(claim_ids)
        # a claim's words are filed once the claims after it have looked for theirs; those
        # of one article at once (a claim is never compared with claims of its own article)
        pending, pending_article = [], None
        known: dict[str, frozenset[str]] = {}  # the words of texts met (a claim repeated is one text)
        hashed: dict[str, int] = {}  # and the hashes of words met
        for cid in claim_ids:
            text, article, speakers = facts.get(cid, (None, None, ()))
            if not text or not speakers:
                continue
            if pending and (article is None or article != pending_article):
                self._file(pending)
                pending = []
            ws = words(text)
            hashes = sketch(ws, hashed)
            first = speakers[0]
            found = {}
            for h in hashes:
                for other, o_text, o_group in self.db.conn.execute(
                        "select s.claim_id, c.text, c.group_id from claim_sketches s join claims c "
                        "on c.id = s.claim_id where s.speaker_id = ? and s.hash = ? and s.claim_id != ? "
                        "and c.article_id is not ? "
                        f"limit {CANDIDATES}", [first, h, cid, article]):
                    found[other] = (o_text, o_group)
            pending += [(first, h, cid) for h in hashes]
            pending_article = article
            near = sorted(o for o, (t, _) in found.items()
                          if jaccard(ws, known[t] if t in known else known.setdefault(t, words(t))) >= NEAR)
            if not near:
                continue
            # each claim's group, kept as the joins change them; a claim in this claim's
            # group stays in it whatever joins follow, so joining it changes nothing
            groups = {o: found[o][1] for o in near}
            groups[cid] = self._group_of(cid)
            near = [o for o in near if groups[cid] is None or groups[o] != groups[cid]]
            of = self._speakers_of(near) if near else {}
            for other in near:
                if of.get(other, ()) != speakers or (groups[cid] is not None and groups[cid] == groups[other]):
                    continue
                gid, gone = self._join(cid, other)
                groups[cid] = groups[other] = gid
                if gone is not None:
                    groups = {k: gid if g == gone else g for k, g in groups.items()}
        self._file(pending)

    def _file(self, sketches: list[tuple[int, int, str]]) -> None:
        self.db.conn.executemany("insert or ignore into claim_sketches (speaker_id, hash, claim_id) values (?, ?, ?)",
                                 sketches)

    def _group_of(self, cid: str) -> int | None:
        row = self.db.conn.execute("select group_id from claims where id = ?", [cid]).fetchone()
        return row[0] if row else None

    def _join(self, a: str, b: str) -> tuple[int, int | None]:
        """Put two claims in one group: (that group, the group merged into it, if one was)."""
        ga, gb = self._group_of(a), self._group_of(b)
        gone = None
        if ga is not None and ga == gb:
            return ga, gone
        if ga is None and gb is None:
            gid = self.db.conn.execute("insert into claim_groups (claims) values (0)").lastrowid
            self.db.conn.execute("update claims set group_id = ? where id in (?, ?)", [gid, a, b])
        elif ga is None or gb is None:
            gid = ga if gb is None else gb
            self.db.conn.execute("update claims set group_id = ? where id in (?, ?)", [gid, a, b])
            self.joined.setdefault(gid, set()).add(a if ga is None else b)
            return gid, gone
        else:  # two groups are one: keep the older
            gid, gone = min(ga, gb), max(ga, gb)
            self.db.conn.execute("update claims set group_id = ? where group_id = ?", [gid, gone])
            self.db.conn.execute("delete from claim_groups where id = ?", [gone])
            self.joined.pop(gone, None)
        self.changed.add(gid)
        return gid, gone

    def _count_on(self, gid: int, newcomers: list[str]) -> None:
        """A group's counts after ``newcomers`` joined it, from its counts before: each
        newcomer's article and outlet looked up in the group by index, not every member
        read again (a claim repeated by every wire client joins a group of thousands)."""
        from .verdicts import refresh

        row = self.db.conn.execute("select claims, articles, outlets, first_published, first_claim_id "
                                   "from claim_groups where id = ?", [gid]).fetchone()
        if row is None or row[0] is None:  # (not counted yet: count it whole)
            self.changed.add(gid)
            return
        claims, articles, outlets, first_published, first_claim_id = row
        marks = ", ".join("?" * len(newcomers))
        rows = self.db.conn.execute(f"select id, article_id, outlet, published from claims where id in ({marks})",
                                    newcomers).fetchall()
        for article in {r[1] for r in rows if r[1] is not None}:
            articles += not self.db.conn.execute(
                f"select 1 from claims where article_id = ? and group_id = ? and id not in ({marks}) limit 1",
                [article, gid, *newcomers]).fetchone()
        for outlet in {r[2] for r in rows if r[2] is not None}:
            outlets += not self.db.conn.execute(
                f"select 1 from claims where group_id = ? and outlet = ? and id not in ({marks}) limit 1",
                [gid, outlet, *newcomers]).fetchone()
        first = min([(first_published is None, first_published or "", first_claim_id)]
                    + [(r[3] is None, r[3] or "", r[0]) for r in rows])
        self.db.conn.execute("update claim_groups set claims = ?, articles = ?, outlets = ?, first_published = ?, "
                             "first_claim_id = ? where id = ?",
                             [claims + len(rows), articles, outlets, None if first[0] else first[1], first[2], gid])
        if self.db.conn.execute("select 1 from claims where group_id = ? and verdict is not null limit 1",
                                [gid]).fetchone():
            refresh(self.db, "group_id = ?", [gid])  # the newcomers take the group's verdict

    def remove(self, claim_ids) -> None:
        """Take claims that are about to be deleted out of the files and their groups
        (a group left with one claim is no group)."""
        for cid in claim_ids:
            gid = self._group_of(cid)
            self.db.conn.execute("delete from claim_sketches where claim_id = ?", [cid])
            if gid is not None:
                self.db.conn.execute("update claims set group_id = null where id = ?", [cid])
                self.changed.add(gid)

    def finish(self) -> None:
        """Keep each changed group's counts, dissolve groups of one, and give members
        the verdicts their group now shares."""
        from .verdicts import refresh

        for gid in sorted(set(self.joined) - self.changed):
            self._count_on(gid, sorted(self.joined[gid]))
        self.joined.clear()
        for gid in sorted(self.changed):
            members = [r[0] for r in self.db.conn.execute("select id from claims where group_id = ?", [gid])]
            n = len(members)
            if n < 2:
                self.db.conn.execute("update claims set group_id = null where group_id = ?", [gid])
                self.db.conn.execute("delete from claim_groups where id = ?", [gid])
                if members and self.db.conn.execute("select 1 from claims where group_id is null and id = ? "
                                                    "and verdict is not null", [members[0]]).fetchone():
                    refresh(self.db, f"id in ({', '.join('?' * n)})", members)
                continue
            if self.db.conn.execute("select 1 from verdicts v join claims m on m.id = v.claim_id where m.group_id = ? "
                                    "union all select 1 from claims where group_id = ? and verdict is not null limit 1",
                                    [gid, gid]).fetchone():
                refresh(self.db, "group_id = ?", [gid])
            self.db.conn.execute(
                "update claim_groups set claims = ?, articles = (select count(distinct article_id) from claims "
                "where group_id = ?), outlets = (select count(distinct outlet) from claims where group_id = ?), "
                "first_published = (select min(published) from claims where group_id = ?), "
                "first_claim_id = (select id from claims where group_id = ? order by published is null, "
                "published, id limit 1) where id = ?", [n, gid, gid, gid, gid, gid])
        self.changed.clear()
