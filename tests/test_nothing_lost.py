"""Edited articles replace their earlier version, and nothing people added is lost:
not on re-ingest, --replace, an edited article, a lexicon change or a merge."""
import json

import pytest

from factdb.cli import cli
from factdb.db import open_db

TEXT = ("---\noutlet: Harian Satu\npublished: 2026-03-01\nlanguage: id\n---\nHarga Beras Turun\n\n"
        "Menteri Pangan Rudi Hartono mengatakan, harga beras akan turun sebelum Lebaran.\n\n"
        "Partai Rakyat menuduh pemerintah menimbun beras di gudang Bulog.\n\n"
        "Rudi membantah tuduhan tersebut.\n")


def invoke(runner, *args):
    result = runner.invoke(cli, list(args), catch_exceptions=False)
    return result


def claims(db_path):
    return {c["text"]: c for c in json.loads(invoke(CliRunnerHolder.runner, "export", "--db", db_path).output)["claims"]}


class CliRunnerHolder:
    runner = None


@pytest.fixture
def setup(runner, tmp_path):
    """An article with a verdict on its first claim, a manual claim tied to it with a
    manual relation to its accusation, an alias and a merge."""
    CliRunnerHolder.runner = runner
    path = tmp_path / "beras.txt"
    path.write_text(TEXT, encoding="utf-8")
    db_path = str(tmp_path / "f.db")
    assert invoke(runner, "ingest", "--db", db_path, str(path)).exit_code == 0
    c = claims(db_path)
    first = c["harga beras akan turun sebelum Lebaran"]["id"]
    accusation = c["pemerintah menimbun beras di gudang Bulog"]["id"]
    assert invoke(runner, "verdict", "--db", db_path, first, "--rating", "Misleading", "--by", "Cek Fakta").exit_code == 0
    manual = invoke(runner, "add", "--db", db_path, "--speaker", "Bulog", "--stance", "denies", "--text",
                    "Tidak ada penimbunan di gudang", "--article-id", "1", "--relation", f"denies:{accusation}").output.strip()
    assert invoke(runner, "alias", "--db", db_path, "Rudi Hartono", "Mas Rudi").exit_code == 0
    assert invoke(runner, "speakers", "merge", "--db", db_path, "Rudi Hartono", "Partai Rakyat").exit_code == 0
    return {"path": path, "db": db_path, "first": first, "accusation": accusation, "manual": manual}


def kept(s):
    db = open_db(s["db"])
    one = lambda sql, p=(): db.execute(sql, list(p)).fetchone()[0]  # noqa: E731
    assert one("select count(*) from claims where id = ?", [s["manual"]]) == 1, "manual claim"
    assert one("select count(*) from verdicts where rating = 'Misleading'") == 1, "verdict"
    assert one("select count(*) from claim_relations where origin = 'manual' and from_claim_id = ?", [s["manual"]]) == 1
    assert one("select count(*) from speaker_aliases where alias = 'Mas Rudi' and origin = 'manual'") == 1, "alias"
    assert one("select count(*) from speaker_aliases where alias = 'Partai Rakyat' and merged_from = 'Partai Rakyat'") == 1
    assert one("select count(*) from articles") == 1
    return db


def test_reingest_and_replace_keep_everything(runner, setup):
    invoke(runner, "ingest", "--db", setup["db"], str(setup["path"]))
    invoke(runner, "ingest", "--db", setup["db"], "--replace", str(setup["path"]))
    db = kept(setup)
    assert db.execute("select verdict from claims where id = ?", [setup["first"]]).fetchone()[0] == "Misleading"


def test_replace_with_no_files_extracts_the_stored_text_again(runner, setup):
    setup["path"].unlink()  # the original file is gone
    result = invoke(runner, "ingest", "--db", setup["db"], "--replace")
    assert result.exit_code == 0 and result.output.startswith("Extracted again 1 article, 3 claims")
    kept(setup)


def test_an_edited_article_replaces_the_earlier_version(runner, setup):
    setup["path"].write_text(TEXT.replace("gudang Bulog", "gudang milik Bulog"), encoding="utf-8")
    result = invoke(runner, "ingest", "--db", setup["db"], str(setup["path"]))
    assert result.exit_code == 0
    db = kept(setup)
    assert "gudang milik Bulog" in db.execute("select body from articles").fetchone()[0]
    # the unchanged claim keeps its id and its verdict; nothing is doubled
    assert db.execute("select verdict from claims where id = ?", [setup["first"]]).fetchone()[0] == "Misleading"
    texts = [r[0] for r in db.execute("select text from claims where origin = 'extracted' and superseded = 0")]
    assert len(texts) == len(set(texts)) == 3
    # the accusation's words changed: the old one carries a manual relation, so it stays, superseded
    old = db.execute("select superseded, start from claims where id = ?", [setup["accusation"]]).fetchone()
    assert old == (1, None)
    data = json.loads(invoke(runner, "export", "--db", setup["db"]).output)
    body = db.execute("select body from articles").fetchone()[0]
    assert all(body[c["start"]:c["end"]] == c["text"] for c in data["claims"] if c["start"] is not None)


def test_a_claim_the_lexicon_no_longer_finds_is_kept_if_it_carries_a_verdict(runner, setup, monkeypatch):
    import factdb.ingest as ingest
    real = ingest.extract_article

    def without_first(article):
        found = real(article)
        return type(found)(tuple(c for c in found.claims if "harga beras" not in c.text), ())
    monkeypatch.setattr(ingest, "extract_article", without_first)
    invoke(runner, "ingest", "--db", setup["db"], "--replace", str(setup["path"]))
    db = kept(setup)
    assert db.execute("select superseded, verdict from claims where id = ?", [setup["first"]]).fetchone() == \
        (1, "Misleading")


def test_an_edit_found_by_url_from_another_file(runner, tmp_path):
    CliRunnerHolder.runner = runner
    text = TEXT.replace("language: id", "language: id\nurl: https://example.org/beras")
    first, moved = tmp_path / "first.txt", tmp_path / "elsewhere.txt"
    first.write_text(text, encoding="utf-8")
    db_path = str(tmp_path / "u.db")
    invoke(runner, "ingest", "--db", db_path, str(first))
    cid = claims(db_path)["harga beras akan turun sebelum Lebaran"]["id"]
    invoke(runner, "verdict", "--db", db_path, cid, "--rating", "False", "--by", "Cek Fakta")
    moved.write_text(text.replace("sebelum Lebaran", "sebelum bulan puasa"), encoding="utf-8")
    invoke(runner, "ingest", "--db", db_path, str(moved))
    db = open_db(db_path)
    assert db.execute("select count(*) from articles").fetchone()[0] == 1
    assert "bulan puasa" in db.execute("select body from articles").fetchone()[0]
    # the claim whose words changed carried a verdict: kept, superseded, with its verdict
    assert db.execute("select superseded, verdict from claims where id = ?", [cid]).fetchone() == (1, "False")


@pytest.mark.anyio
async def test_superseded_claims_are_visible_and_filterable(runner, setup):
    from factdb.serve import make_datasette
    setup["path"].write_text(TEXT.replace("gudang Bulog", "gudang milik Bulog"), encoding="utf-8")
    invoke(runner, "ingest", "--db", setup["db"], str(setup["path"]))
    ds = make_datasette(setup["db"])
    rows = (await ds.client.get("/f/claims_view.json?_shape=array&superseded=1")).json()
    assert [r["id"] for r in rows] == [setup["accusation"]]
    page = (await ds.client.get("/f/claims_view")).text
    assert '<span class="superseded-badge"' in page
