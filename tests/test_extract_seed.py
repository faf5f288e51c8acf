"""The Indonesian extractor on the seed article: every claim, its speakers,
stance and content, the denial's relation, and nothing from title or link lines."""
import pytest

from factdb.articles import read_article
from factdb.ingest import extract_article

from .conftest import SEED


@pytest.fixture(scope="module")
def seed():
    article = read_article(SEED)
    return article, extract_article(article)


def claims(extraction):
    return [([s.name for s in c.speakers], c.stance, c.text) for c in extraction.claims]


EXPECTED = [
    (["Xi Jinping", "Vladimir Putin"], "praises", "hubungan antara kedua negara"),
    (["Vladimir Putin"], "asserts",
     "hubungan Moskow-Beijing merupakan faktor penstabil yang penting di tengah meningkatnya gejolak global"),
    (["Xi Jinping"], "calls_for", 'kedua negara menyusun "rencana besar" untuk memajukan hubungan bilateral'),
    (["Xi Jinping"], "asserts", "telah berkembang ke arah yang benar"),
    (["Xi Jinping"], "asserts", 'hubungan China-Rusia telah "bertahan menghadapi gejolak internasional"'),
    (["Xi Jinping"], "pledges",
     "berkoordinasi dengan Moskow mengenai isu-isu yang menyangkut kepentingan inti mereka"),
    (["Ukraina", "Eropa"], "accuses", 'Beijing memberikan "bantuan militer langsung" kepada upaya perang Rusia'),
    (["China"], "denies", "tuduhan tersebut"),
    (["China"], "asserts", 'mereka "bukan pihak dalam konflik tersebut'),
    (["Kementerian Luar Negeri China"], "asserts",
     'diplomat senior kedua negara bertemu di Beijing untuk membahas situasi keamanan global '
     'dan isu-isu lainnya dan mencapai "konsensus luas'),
]


@pytest.mark.parametrize("speakers,stance,text", EXPECTED)
def test_seed_claim(seed, speakers, stance, text):
    _, extraction = seed
    found = [c for c in claims(extraction) if c[0] == speakers and c[1] == stance and text in c[2]]
    assert found, f"no {stance} claim by {speakers} containing {text!r}; got {claims(extraction)}"


def test_seed_has_no_other_claims(seed):
    _, extraction = seed
    assert len(extraction.claims) == len(EXPECTED)


def test_offsets_point_into_the_body(seed):
    article, extraction = seed
    for c in extraction.claims:
        assert article.body[c.start:c.end] == c.text
        assert c.text in c.sentence or c.sentence in article.body


def test_denial_points_to_the_accusation(seed):
    _, extraction = seed
    (relation,) = extraction.relations
    assert relation.type == "denies"
    denial, accusation = extraction.claims[relation.source], extraction.claims[relation.target]
    assert [s.name for s in denial.speakers] == ["China"]
    assert denial.speakers[0].mention == "Beijing"
    assert accusation.stance == "accuses"
    assert [s.name for s in accusation.speakers] == ["Ukraina", "Eropa"]


def test_nothing_from_title_or_link_lines(seed):
    article, extraction = seed
    boilerplate = [line for line in article.body.splitlines()
                   if line.startswith(("Baca Juga:", "Selanjutnya:", "Menarik Dibaca:"))]
    assert len(boilerplate) == 3
    spans = [(article.body.index(line), article.body.index(line) + len(line)) for line in boilerplate]
    spans.append((article.title_span.start, article.title_span.end))
    for c in extraction.claims:
        assert not any(a <= c.start < b for a, b in spans), c.text


def test_speakers_carry_role_and_kind(seed):
    _, extraction = seed
    people = {s.name: s for c in extraction.claims for s in c.speakers}
    assert people["Vladimir Putin"].description == "Presiden Rusia"
    assert people["Vladimir Putin"].kind == "person"
    assert people["China"].kind == "government"
    assert people["Kementerian Luar Negeri China"].kind == "institution"


def test_quotes_are_kept(seed):
    _, extraction = seed
    quotes = {c.quote for c in extraction.claims if c.quote}
    assert "bantuan militer langsung" in quotes
    assert "bukan pihak dalam konflik tersebut" in quotes
