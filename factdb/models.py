"""Typed row models of factdb's tables (SQLModel).

The tables themselves are created by the migrations in :mod:`factdb.db`;
``tests/test_schema.py`` pins that these models and the real tables agree.
"""
from __future__ import annotations

from sqlmodel import Field, SQLModel


class Article(SQLModel, table=True):
    __tablename__ = "articles"
    id: int | None = Field(default=None, primary_key=True)
    source_file: str
    title: str
    body: str
    language: str = Field(index=True)
    outlet: str | None = Field(default=None, index=True)
    published: str | None = Field(default=None, index=True)
    url: str | None = None
    dateline: str | None = None
    content_hash: str = Field(unique=True)
    ingested_at: str
    source_path: str | None = Field(default=None, index=True)


class Speaker(SQLModel, table=True):
    __tablename__ = "speakers"
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    kind: str | None = Field(default=None, index=True)
    description: str | None = None
    key: str | None = Field(default=None, index=True)
    first_word: str | None = Field(default=None, index=True)
    last_word: str | None = Field(default=None, index=True)
    ambiguous: int = Field(default=0, index=True)
    name_origin: str = "extracted"
    names: str | None = None


class SpeakerAlias(SQLModel, table=True):
    __tablename__ = "speaker_aliases"
    id: int | None = Field(default=None, primary_key=True)
    speaker_id: int = Field(foreign_key="speakers.id", index=True)
    alias: str = Field(unique=True)
    origin: str = "extracted"
    key: str | None = Field(default=None, index=True)
    merged_from: str | None = None


class Stance(SQLModel, table=True):
    __tablename__ = "stances"
    id: str = Field(primary_key=True)
    label: str
    description: str
    polarity: str


class Claim(SQLModel, table=True):
    __tablename__ = "claims"
    id: str = Field(primary_key=True)
    article_id: int | None = Field(default=None, foreign_key="articles.id", index=True)
    stance: str = Field(foreign_key="stances.id", index=True)
    text: str
    quote: str | None = None
    cue: str | None = None
    sentence: str | None = None
    start: int | None = None
    end: int | None = None
    paragraph: int | None = None
    origin: str = Field(index=True)
    note: str | None = None
    created_at: str
    published: str | None = Field(default=None, index=True)
    outlet: str | None = Field(default=None, index=True)
    language: str | None = Field(default=None, index=True)
    speaker_names: str | None = None
    verdict: str | None = Field(default=None, index=True)
    group_id: int | None = None  # indexed with outlet and with verdict (see db.m011_group_indexes)
    verdict_inherited: int = 0
    source_url: str | None = None
    superseded: int = Field(default=0, index=True)
    sentence_start: int | None = None
    sentence_end: int | None = None


class Verdict(SQLModel, table=True):
    """A fact-check verdict on a claim."""
    __tablename__ = "verdicts"
    id: int | None = Field(default=None, primary_key=True)
    claim_id: str = Field(foreign_key="claims.id", index=True)
    rating: str
    score: float | None = None
    best: float | None = None
    worst: float | None = None
    author: str = Field(index=True)
    url: str | None = None
    date: str | None = None
    note: str | None = None
    created_at: str


class ClaimGroup(SQLModel, table=True):
    """The same claim across articles: counts and first appearance of its members."""
    __tablename__ = "claim_groups"
    id: int | None = Field(default=None, primary_key=True)
    claims: int | None = None
    articles: int | None = None
    outlets: int | None = None
    first_published: str | None = None
    first_claim_id: str | None = None


class ClaimSketch(SQLModel, table=True):
    """Claims filed under two of their words, to find the same claim elsewhere."""
    __tablename__ = "claim_sketches"
    speaker_id: int = Field(primary_key=True)
    hash: int = Field(primary_key=True)
    claim_id: str = Field(primary_key=True, index=True)


class ClaimCount(SQLModel, table=True):
    """Claims per stance, outlet and language, kept by triggers."""
    __tablename__ = "claim_counts"
    facet: str = Field(primary_key=True)
    value: str = Field(primary_key=True)
    claims: int


class SpeakerCount(SQLModel, table=True):
    """Claims per speaker and stance (stance "*": all of them), kept by triggers."""
    __tablename__ = "speaker_counts"
    speaker_id: int = Field(primary_key=True)
    stance: str = Field(primary_key=True)
    claims: int


class SpeakerPair(SQLModel, table=True):
    """Claims of each stance two speakers share, for each of the two, kept by triggers."""
    __tablename__ = "speaker_pairs"
    speaker_id: int = Field(primary_key=True)
    stance: str = Field(primary_key=True)
    other_id: int = Field(primary_key=True, index=True)
    claims: int


class ClaimSpeaker(SQLModel, table=True):
    __tablename__ = "claim_speakers"
    claim_id: str = Field(foreign_key="claims.id", primary_key=True)
    speaker_id: int = Field(foreign_key="speakers.id", primary_key=True)
    mention: str | None = Field(default=None, index=True)
    position: int
    name: str | None = Field(default=None, index=True)
    role: str | None = None
    short: str | None = Field(default=None, index=True)
    claim_rowid: int | None = None  # the claim's rowid (filled by a trigger; indexed with speaker_id)
    # copies of the claim's columns, kept by triggers (db.CLAIM_COPIES): a speaker's pages read one index
    stance: str | None = None
    published: str | None = None
    outlet: str | None = None
    language: str | None = None
    verdict: str | None = None


class ClaimRelation(SQLModel, table=True):
    __tablename__ = "claim_relations"
    from_claim_id: str = Field(foreign_key="claims.id", primary_key=True)
    to_claim_id: str = Field(foreign_key="claims.id", primary_key=True, index=True)
    type: str = Field(primary_key=True, index=True)
    origin: str


MODELS = [Article, Speaker, SpeakerAlias, Stance, Claim, ClaimSpeaker, ClaimRelation, ClaimCount, SpeakerCount, SpeakerPair, Verdict, ClaimGroup, ClaimSketch]

# The stance vocabulary (see README: "Stances").
STANCES = [
    ("asserts", "Asserts", "States it as true, or gives an opinion or belief", "neutral"),
    ("praises", "Praises", "Approves of it", "positive"),
    ("criticizes", "Criticizes", "Disapproves of it", "negative"),
    ("calls_for", "Calls for", "Urges or hopes for an action or outcome", "neutral"),
    ("pledges", "Pledges", "Commits to an action", "positive"),
    ("accuses", "Accuses", "Alleges wrongdoing by another party", "negative"),
    ("denies", "Denies", "Rejects a claim or accusation", "negative"),
    ("warns", "Warns", "Warns of a consequence", "negative"),
    ("confirms", "Confirms", "Confirms or admits something", "positive"),
    ("questions", "Questions", "Doubts it", "negative"),
    ("reports", "Reports", "The outlet's own narration, no other speaker", "neutral"),
]
STANCE_IDS = [s[0] for s in STANCES]
RELATION_TYPES = ["denies", "responds_to", "supports", "contradicts"]
