"""Fact-check verdicts: recorded from the CLI, shown on the pages and the claims
facet, and published as schema.org ClaimReview JSON-LD."""
import json

import pytest

from factdb.cli import cli
from factdb.db import open_db
from factdb.serve import make_datasette

ACCUSATION = "cde507dd03945"  # the seed's accusation: Beijing gives military aid

# Google's Fact Check markup: required and recommended fields of a ClaimReview
REQUIRED = {"claimReviewed", "reviewRating", "url"}
RECOMMENDED = {"author", "datePublished", "itemReviewed"}
CLAIM_RECOMMENDED = {"author", "datePublished", "appearance", "firstAppearance"}


def invoke(runner, *args):
    return runner.invoke(cli, list(args), catch_exceptions=False)


def dump(db_path):
    return "\n".join(open_db(db_path).conn.iterdump())


@pytest.fixture
def rated(runner, seed_db):
    result = invoke(runner, "verdict", "--db", seed_db, ACCUSATION, "--rating", "Unproven", "--by", "Cek Fakta",
                    "--url", "https://example.org/cek/1", "--date", "2026-02-07",
                    "--score", "2", "--best", "5", "--worst", "1")
    assert result.exit_code == 0, result.output
    return seed_db


def test_a_verdict_is_recorded_and_the_latest_is_the_claims(runner, rated):
    result = invoke(runner, "verdict", "--db", rated, ACCUSATION, "--rating", "False", "--by", "Periksa Data",
                    "--date", "2026-02-10")
    assert result.output == f"Verdict 2 on {ACCUSATION}: False (by Periksa Data); latest: False\n"
    db = open_db(rated)
    assert db.execute("select count(*) from verdicts where claim_id = ?", [ACCUSATION]).fetchone()[0] == 2
    # an older verdict recorded later does not take the latest place
    invoke(runner, "verdict", "--db", rated, ACCUSATION, "--rating", "Mixed", "--by", "Arsip", "--date", "2026-01-01")
    assert db.execute("select verdict from claims where id = ?", [ACCUSATION]).fetchone()[0] == "False"


@pytest.mark.parametrize("args,message", [
    (["nope", "--rating", "False", "--by", "X"], "no claim with id 'nope'"),
    ([ACCUSATION, "--rating", "  ", "--by", "X"], "a verdict needs a rating"),
    ([ACCUSATION, "--rating", "False", "--by", "X", "--date", "2026-13-45"], "expected a date as YYYY-MM-DD"),
    ([ACCUSATION, "--rating", "False", "--by", "X", "--url", "javascript:alert(1)"], "expected an http(s) address"),
    ([ACCUSATION, "--rating", "False", "--by", "X", "--score", "9", "--best", "5", "--worst", "1"], "not between"),
])
def test_bad_verdicts_are_one_line_and_write_nothing(runner, seed_db, args, message):
    before = dump(seed_db)
    result = invoke(runner, "verdict", "--db", seed_db, *args)
    assert result.exit_code == 1 and result.output.count("\n") == 1 and message in result.output
    assert dump(seed_db) == before


def test_verdict_needs_an_existing_database(runner, tmp_path):
    result = invoke(runner, "verdict", "--db", str(tmp_path / "typo.db"), ACCUSATION, "--rating", "x", "--by", "y")
    assert result.exit_code == 1 and not (tmp_path / "typo.db").exists()


@pytest.mark.anyio
async def test_verdicts_on_the_pages_and_the_facet(rated):
    ds = make_datasette(rated)
    name = "factdb"
    data = (await ds.client.get(f"/{name}/claims_view.json?_shape=objects")).json()
    assert {r["value"]: r["count"] for r in data["facet_results"]["verdict"]["results"]} == {"Unproven": 1}
    rows = (await ds.client.get(f"/{name}/claims_view.json?_shape=array&verdict=Unproven")).json()
    assert [r["id"] for r in rows] == [ACCUSATION]
    page = (await ds.client.get(f"/{name}/claims/{ACCUSATION}")).text
    assert '<span class="verdict-badge">Unproven</span>' in page and "Cek Fakta" in page
    assert 'href="https://example.org/cek/1"' in page
    cards = (await ds.client.get(f"/{name}/claims_view")).text
    assert '<span class="verdict-badge" title="latest fact-check rating">Unproven</span>' in cards
    db = open_db(rated)
    ukraina = db.execute("select id from speakers where name = 'Ukraina'").fetchone()[0]
    page = (await ds.client.get(f"/{name}/speakers/{ukraina}")).text
    assert "1 of their claims rated" in page


def test_claimreview_export_has_the_fields_and_parses_as_json_ld(runner, rated):
    invoke(runner, "verdict", "--db", rated, ACCUSATION, "--rating", "False", "--by", "Tanpa Alamat")
    result = runner.invoke(cli, ["export", "--db", rated, "--format", "claimreview"])
    assert result.exit_code == 0
    assert "1 verdict without --url left out" in result.stderr
    doc = json.loads(result.stdout)
    (review,) = doc["@graph"]
    assert doc["@context"] == "https://schema.org"
    assert review["@type"] == "ClaimReview"
    assert REQUIRED | RECOMMENDED <= set(review)
    assert review["reviewRating"] == {"@type": "Rating", "alternateName": "Unproven", "ratingValue": 2,
                                      "bestRating": 5, "worstRating": 1}
    assert review["author"] == {"@type": "Organization", "name": "Cek Fakta"}
    claim = review["itemReviewed"]
    assert claim["@type"] == "Claim" and CLAIM_RECOMMENDED <= set(claim)
    assert [a["name"] for a in claim["author"]] == ["Ukraina", "Eropa"]
    assert claim["firstAppearance"]["headline"].startswith("Xi Jinping dan Vladimir Putin")
    assert "bantuan militer langsung" in review["claimReviewed"]
    # JSON-LD: expanded with schema.org's vocabulary (no network: the context is given here)
    from pyld import jsonld

    def loader(url, options=None):
        return {"contextUrl": None, "documentUrl": url,
                "document": {"@context": {"@vocab": "https://schema.org/"}}}
    expanded = jsonld.expand(doc, {"documentLoader": loader})
    (node,) = expanded[0]["@graph"] if "@graph" in expanded[0] else expanded
    assert node["@type"] == ["https://schema.org/ClaimReview"]
    assert node["https://schema.org/reviewRating"][0]["https://schema.org/alternateName"][0]["@value"] == "Unproven"
