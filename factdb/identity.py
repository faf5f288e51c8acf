"""One speaker per person across the database: which speaker a name stands for.

Every claim remembers the name it gives each speaker (``claim_speakers.name``);
``speaker_aliases`` maps each name to exactly one speaker, with the link's
``origin``:

- ``extracted``: the speaker's own name, as the extractor gave it;
- ``inferred``: a variant of a full name ("Jane Q. Roe" for "Jane Roe": the
  same words once initials and punctuation are left out), or a one-word name
  that exactly one person in the database can mean ("Roe");
- ``manual``: a person decided (``factdb alias``, ``speakers merge``,
  ``split``, ``unmerge``, ``rename``); never changed by an ingest.

The invariant: a claim's speaker is the speaker its name maps to. Every
change of identity is a change of the map followed by moving the claims of
that name, so merges and splits carry claims, aliases and relations along.

Inferred links are a function of the names in the database, not of the order
they came in: a one-word name is looked at again whenever a person it could
mean appears, so "Roe" stored before "Jane Roe" ends where it would have
ended after it; when two people could be meant ("Bill Roe", "Jane Roe"), the
name is a speaker of its own marked ``ambiguous`` for people to decide.

This layer knows names, not languages: a name's words are its
whitespace-separated parts, compared without case, punctuation or initials.
"""
from __future__ import annotations

import re
import unicodedata

import sqlite_utils

EXTRACTED, INFERRED, MANUAL = "extracted", "inferred", "manual"
# a one-word name means the person the articles call by it this often (of all its uses)
DOMINANT = 0.9
PERSON = "person"


_SEPARATORS = re.compile(r"[\s.]+")
_NOT_WORD = re.compile(r"[^\w'-]")


def name_words(name: str) -> list[str]:
    """A name's words without case and punctuation ("Donald J. Trump" -> donald, j, trump)."""
    text = unicodedata.normalize("NFKC", name).casefold().replace("’", "'")
    return [w for w in (_NOT_WORD.sub("", p).strip("'-") for p in _SEPARATORS.split(text)) if w]


def name_key(name: str) -> str:
    """What variants of one name share: its words, initials left out
    ("Jane Q. Roe", "Jane Q Roe" and "Jane Roe" -> "jane roe"; "M Rudi Hartono" -> "rudi hartono")."""
    words = name_words(name)
    full = [w for w in words if len(w) > 1]
    return " ".join(full if len(full) >= 2 else words)


def is_proper(name: str) -> bool:
    """Written as a proper name: its first and last words capitalized ("Jane Roe",
    not "a Roe supporter")."""
    words = name.split()
    return bool(words) and words[0][:1].isupper() and words[-1][:1].isupper()


def short_form(mention: str | None, name: str) -> str | None:
    """The one word of a person's name a mention calls them by ("Ms. Roe" for "Jane
    Q. Roe" -> "roe"), when it uses the first or the last word of the name alone."""
    words = name_key(name).split()
    if not mention or len(words) < 2 or not is_proper(name):
        return None
    used = set(name_words(mention))
    if set(words) <= used:
        return None
    first, last = words[0] in used, words[-1] in used
    return words[0] if first and not last else words[-1] if last and not first else None


def preferred_name(names: list[str]) -> str:
    """The name a speaker is shown under among variants of one name: the fullest
    (most words, then most letters), then the first in alphabetical order. A
    choice made from the set, so the order names arrive in does not matter."""
    return min(names, key=lambda n: (-len(n.split()), -len(n), n))


SPEAKER_NAMES = """(
  select group_concat(n, ' ; ') from (
    select s.name as n from claim_speakers cs join speakers s on s.id = cs.speaker_id where cs.claim_id = claims.id
    union select cs.name from claim_speakers cs where cs.claim_id = claims.id
    union select a.alias from claim_speakers cs join speaker_aliases a on a.speaker_id = cs.speaker_id
      where cs.claim_id = claims.id and a.origin = 'manual'))"""


def refresh_speaker_names(db: sqlite_utils.Database, where: str = "", params=()) -> None:
    """Store in ``claims.speaker_names`` the names a search finds a claim by: its
    speakers' names, the names its article gives them, and the aliases people
    added. ``where`` limits it to some claims ("id in (...)"). Claims whose names
    stay the same are not written (nor indexed again)."""
    db.execute(f"update claims set speaker_names = {SPEAKER_NAMES} where {f'({where}) and ' if where else ''}"
               f"speaker_names is not {SPEAKER_NAMES}", list(params))


class Resolver:
    """Names to speaker ids, inside the caller's transaction."""

    def __init__(self, db: sqlite_utils.Database):
        self.db = db
        self.created = 0
        self._recheck: set[str] = set()
        # (a database being migrated may not have the search names yet)
        self._search_names = any(r[1] == "speaker_names" for r in db.execute("pragma table_info(claims)"))

    # -- reading --------------------------------------------------------

    def one(self, sql: str, params=()):
        return self.db.conn.execute(sql, list(params)).fetchone()

    def speaker_of(self, name: str) -> int | None:
        row = self.db.conn.execute("select speaker_id from speaker_aliases where alias = ?", [name]).fetchone()
        return row[0] if row else None

    def candidates(self, word: str) -> list[int]:
        """The people a one-word name can mean: those of several words whose first
        or last word it is; when there are several, those the articles call by
        that word alone, if any do; and of those, the one they nearly always
        mean by it (DOMINANT of the uses), if there is one."""
        # (+kind: by the first and last words' indexes, not by kind's, which most speakers share)
        found = [r[0] for r in self.db.conn.execute(
            "select id from speakers where +kind = 'person' and (first_word = ? or last_word = ?) order by id",
            [word, word])]
        if len(found) < 2:
            return found
        uses = {r[0]: r[1] for r in self.db.conn.execute(
            "select speaker_id, count(*) from claim_speakers where short = ? group by speaker_id", [word])
            if r[0] in found}
        if not uses:
            return found
        top = max(uses, key=lambda sid: (uses[sid], -sid))
        return [top] if uses[top] >= DOMINANT * sum(uses.values()) else sorted(uses)

    def would_resolve(self, name: str) -> int | None:
        """The speaker ``name`` stands for now, without writing anything: its
        link, else the one person a one-word name can mean, else the speaker
        with the same name once initials are left out."""
        sid = self.speaker_of(name)
        if sid is not None:
            return sid
        words = name_key(name).split()
        if len(words) == 1 and is_proper(name):
            found = self.candidates(words[0])
            if len(found) == 1:
                return found[0]
        row = self.one("select id from speakers where key = ? order by id limit 1", [name_key(name)])
        return row[0] if row else None

    # -- resolving ------------------------------------------------------

    def resolve(self, name: str, kind: str | None = None, description: str | None = None) -> int:
        """The speaker ``name`` stands for, creating one when no speaker fits."""
        sid = self.speaker_of(name)
        return sid if sid is not None else self._link_new_name(name, kind, description)

    def _link_new_name(self, name: str, kind: str | None, description: str | None) -> int:
        if kind is None:  # a name a person typed: the speaker the articles write that way, if one
            written = self.db.conn.execute(
                "select distinct speaker_id from claim_speakers where mention = ? limit 2", [name]).fetchall()
            if len(written) == 1:
                return self._link(name, written[0][0], INFERRED)
        own = self.one("select id from speakers where name = ?", [name])
        words = name_key(name).split()
        if kind in (PERSON, None) and len(words) == 1 and is_proper(name):
            found = self.candidates(words[0])
            if len(found) == 1:
                return self._link(name, found[0], INFERRED)
            sid = own[0] if own else self._new_speaker(name, kind, description)
            self.db.conn.execute("update speakers set ambiguous = ? where id = ?", [int(len(found) > 1), sid])
            return self._link(name, sid, EXTRACTED)
        if own:
            return self._link(name, own[0], EXTRACTED)
        row = self.one("select id from speakers where key = ? order by id limit 1", [name_key(name)])
        if row:
            self._link(name, row[0], INFERRED)
            self._rename_to_preferred(row[0])
            return row[0]
        return self._link(name, self._new_speaker(name, kind, description), EXTRACTED)

    def _link(self, name: str, sid: int, origin: str, merged_from: str | None = None) -> int:
        old = self.speaker_of(name)
        self.db.conn.execute("insert into speaker_aliases (speaker_id, alias, key, origin, merged_from) "
                             "values (?, ?, ?, ?, ?) on conflict (alias) do update set speaker_id = "
                             "excluded.speaker_id, origin = excluded.origin, merged_from = excluded.merged_from",
                             [sid, name, name_key(name), origin, merged_from])
        self._names_of(sid, old)
        return sid

    def _names_of(self, *sids) -> None:
        """Keep ``speakers.names`` (what the speakers' search finds them by) in step."""
        if self._search_names:
            names = "(select group_concat(alias, ' ; ') from speaker_aliases where speaker_id = ?)"
            for sid in {s for s in sids if s is not None}:  # (unchanged names are not written, nor indexed again)
                self.db.conn.execute(f"update speakers set names = {names} where id = ? and names is not {names}",
                                     [sid, sid, sid])

    def relink(self, name: str, sid: int, origin: str, merged_from: str | None = None) -> None:
        """Map ``name`` to speaker ``sid`` and move its claims there."""
        old = self.speaker_of(name)
        self._link(name, sid, origin, merged_from)
        self.move_claims(name)
        if old is not None and old != sid:
            self.drop_if_empty(old)

    def _new_speaker(self, name: str, kind: str | None, description: str | None, ambiguous: bool = False) -> int:
        words = name_key(name).split()
        person = kind == PERSON and len(words) >= 2 and is_proper(name)
        # (its names: the name it is linked by next, so that link need not write them again)
        sid = self.db.conn.execute(
            f"insert into speakers (name, kind, description, key, first_word, last_word, ambiguous, name_origin"
            f"{', names' if self._search_names else ''}) values (?, ?, ?, ?, ?, ?, ?, ?"
            f"{', ?' if self._search_names else ''})",
            [name, kind, description, name_key(name), words[0] if person else None, words[-1] if person else None,
             int(ambiguous), EXTRACTED] + ([name] if self._search_names else [])).lastrowid
        self.created += 1
        if person:
            self._recheck.update({words[0], words[-1]})
        return sid

    def _rename_to_preferred(self, sid: int) -> None:
        name, key, origin = self.one("select name, key, name_origin from speakers where id = ?", [sid])
        if origin == MANUAL:
            return
        variants = [r[0] for r in self.db.conn.execute(
            "select alias from speaker_aliases where speaker_id = ? and key = ?", [sid, key])]
        best = preferred_name(variants + [name])
        if best != name and not self.one("select 1 from speakers where name = ? and id != ?", [best, sid]):
            self.db.conn.execute("update speakers set name = ? where id = ?", [best, sid])
            self.refresh(sid)

    def refresh(self, sid: int) -> None:
        """The search names of a speaker's claims, after its names changed."""
        if self._search_names:
            refresh_speaker_names(self.db, "id in (select claim_id from claim_speakers where speaker_id = ?)", [sid])

    # -- keeping claims with their names --------------------------------

    def move_claims(self, name: str) -> None:
        """Give the claims under ``name`` to the speaker the name now maps to, and
        drop speakers left with neither names nor claims."""
        sid = self.speaker_of(name)
        old = [r[0] for r in self.db.conn.execute(
            "select distinct speaker_id from claim_speakers where name = ? and speaker_id != ?", [name, sid])]
        if not old:
            return
        # a claim may already name the new speaker under another name: keep one link
        self.db.conn.execute("delete from claim_speakers where name = ? and speaker_id != ? and claim_id in "
                             "(select claim_id from claim_speakers where speaker_id = ?)", [name, sid, sid])
        self.db.conn.execute("update claim_speakers set speaker_id = ? where name = ?", [sid, name])
        if self._search_names:
            refresh_speaker_names(self.db, "id in (select claim_id from claim_speakers where name = ?)", [name])
        for o in old:
            self.drop_if_empty(o)

    def rebuild(self) -> None:
        """Resolve every name the claims give again (a database from before names were
        kept apart from speakers); manual links stay as they are."""
        for name, kind, description in list(self.db.conn.execute(
                "select cs.name, s.kind, s.description from claim_speakers cs join speakers s on s.id = cs.speaker_id "
                "where cs.name not in (select alias from speaker_aliases) group by cs.name order by cs.name")):
            same = self.one("select id, name from speakers where key = ? order by id limit 1", [name_key(name)])
            if same and not (kind == PERSON and len(name_key(name).split()) == 1):
                # a variant's speaker goes into the first speaker of the name, with the names people gave it
                self.db.conn.execute("update speaker_aliases set speaker_id = ? where speaker_id = "
                                     "(select id from speakers where name = ? and id != ?)", [same[0], name, same[0]])
                self._link(name, same[0], EXTRACTED if same[1] == name else INFERRED)
                self._rename_to_preferred(same[0])
            else:
                self.resolve(name, kind, description)
            self.move_claims(name)
        self._recheck.update(r[0] for r in self.db.conn.execute("select distinct key from speaker_aliases"))
        self.settle()
        for (sid,) in list(self.db.conn.execute("select id from speakers")):
            self.drop_if_empty(sid)

    def forget(self, names) -> None:
        """Names no claim gives any more (an article extracted again): their links
        go, unless a person made them, and so do speakers left with nothing."""
        for name in names:
            if name is None or self.one("select 1 from claim_speakers where name = ? limit 1", [name]):
                continue
            row = self.one("select speaker_id, origin from speaker_aliases where alias = ?", [name])
            if row and row[1] != MANUAL:
                self.db.conn.execute("delete from speaker_aliases where alias = ?", [name])
                self._names_of(row[0])
                self.recheck([name_key(name)])
                self.drop_if_empty(row[0])

    def drop_if_empty(self, sid: int) -> None:
        if self.one("select 1 from claim_speakers where speaker_id = ? limit 1", [sid]) \
                or self.one("select 1 from speaker_aliases where speaker_id = ? limit 1", [sid]):
            return
        row = self.one("select first_word, last_word from speakers where id = ?", [sid])
        self.db.conn.execute("delete from speakers where id = ?", [sid])
        self.created -= 1
        if row and row[0]:
            self._recheck.update(row)

    # -- one-word names, looked at again --------------------------------

    def recheck(self, words) -> None:
        """Look at these one-word names again at the next :meth:`settle`."""
        self._recheck.update(w for w in words if w)

    def settle(self) -> None:
        """Look again at every one-word name a person added or removed since the
        last call could mean, until nothing changes."""
        while self._recheck:
            word = min(self._recheck)  # (in order, so a new speaker's id does not depend on hashing)
            self._recheck.remove(word)
            for alias, sid in list(self.db.conn.execute(
                    "select a.alias, a.speaker_id from speaker_aliases a join speakers s on s.id = a.speaker_id "
                    "where a.key = ? and (a.origin = 'inferred' or (a.origin = 'extracted' and s.name = a.alias "
                    "  and s.first_word is null and s.kind = 'person'))", [word])):
                self._reconsider(alias, sid)

    def _reconsider(self, alias: str, sid: int) -> None:
        words = name_key(alias).split()
        if len(words) != 1 or not is_proper(alias):
            return
        found = self.candidates(words[0])
        if len(found) == 1:
            if found[0] != sid:
                self.relink(alias, found[0], INFERRED)
            return
        own = self.one("select id from speakers where name = ?", [alias])
        if own and own[0] == sid:
            self.db.conn.execute("update speakers set ambiguous = ? where id = ?", [int(len(found) > 1), sid])
            return
        new = own[0] if own else self._new_speaker(alias, PERSON, None)
        self.db.conn.execute("update speakers set ambiguous = ? where id = ?", [int(len(found) > 1), new])
        self.relink(alias, new, EXTRACTED)
