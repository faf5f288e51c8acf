"""The command line through CliRunner: summaries, exports, manual claims, bad input."""
import json

import pytest

from factdb.cli import cli
from factdb.db import open_db

from .conftest import SEED


def invoke(runner, *args):
    return runner.invoke(cli, list(args), catch_exceptions=False)


def test_ingest_prints_one_summary_line(runner, db_path):
    result = invoke(runner, "ingest", "--db", db_path, str(SEED))
    assert result.exit_code == 0
    assert result.output == "Ingested 1 article, 10 claims, 6 new speakers\n"


def test_default_database_is_factdb_db(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert invoke(runner, "ingest", str(SEED)).exit_code == 0
    assert (tmp_path / "factdb.db").exists()


def test_export_contract(runner, seed_db):
    data = json.loads(invoke(runner, "export", "--db", seed_db, "--format", "json").output)
    assert set(data) == {"articles", "claims", "relations"}
    (article,) = data["articles"]
    assert article == {"id": 1, "source_file": "000_466ab87c043aefd1.txt",
                       "title": "Xi Jinping dan Vladimir Putin Lakukan Panggilan Video, Ini Isinya",
                       "language": "id", "published": "2026-02-05", "outlet": "KONTAN", "url": None}
    body = SEED.read_text(encoding="utf-8")
    for c in data["claims"]:
        assert set(c) >= {"id", "article_id", "speakers", "stance", "cue", "text", "quote", "sentence",
                          "start", "end", "origin"}
        assert body[c["start"]:c["end"]] == c["text"]
        assert c["origin"] == "extracted"
    (rel,) = data["relations"]
    by_id = {c["id"]: c for c in data["claims"]}
    assert by_id[rel["from"]]["stance"] == "denies" and by_id[rel["to"]]["stance"] == "accuses"
    assert rel["type"] == "denies"


def test_add_a_claim_by_hand(runner, seed_db):
    data = json.loads(invoke(runner, "export", "--db", seed_db).output)
    accusation = next(c["id"] for c in data["claims"] if c["stance"] == "accuses")
    result = invoke(runner, "add", "--db", seed_db, "--speaker", "Kementerian Luar Negeri China",
                    "--stance", "denies", "--text", "China tidak mengirim senjata ke Rusia",
                    "--article-id", "1", "--relation", f"denies:{accusation}", "--note", "siaran pers")
    assert result.exit_code == 0
    cid = result.output.strip()
    data = json.loads(invoke(runner, "export", "--db", seed_db).output)
    added = next(c for c in data["claims"] if c["id"] == cid)
    assert added["origin"] == "manual" and added["speakers"] == ["Kementerian Luar Negeri China"]
    assert {"from": cid, "to": accusation, "type": "denies"} in data["relations"]


@pytest.mark.parametrize("args,message", [
    (["--stance", "denies", "--text", "x", "--relation", "denies:nope"], "no claim with id 'nope'"),
    (["--stance", "denies", "--text", "x", "--article-id", "99"], "no article with id 99"),
    (["--stance", "denies", "--text", "x", "--relation", "bogus"], "--relation 'bogus': expected TYPE:CLAIM_ID"),
    (["--stance", "denies", "--text", "  "], "a claim needs its text"),
])
def test_add_rejects_bad_input(runner, seed_db, args, message):
    result = runner.invoke(cli, ["add", "--db", seed_db, "--speaker", "X", *args])
    assert result.exit_code == 1
    assert result.output.strip() == f"Error: {message}"


def test_bad_inputs_are_reported_and_good_ones_ingested(runner, db_path, tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "blank.txt").write_text("  \n \n")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "latin1.txt").write_bytes("Judul\n\nKata caf\xe9".encode("latin-1"))
    (tmp_path / "nothing").mkdir()
    paths = [str(tmp_path / n) for n in ("missing.txt", "empty.txt", "blank.txt", "binary.txt", "latin1.txt", "nothing")]
    result = runner.invoke(cli, ["ingest", "--db", db_path, *paths, str(SEED)])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    errors = [line for line in lines if line.startswith("Error: ")]
    assert len(errors) == 6
    for path, problem in zip(paths, ["no such file", "empty article", "empty article", "binary file",
                                     "not UTF-8", "no .txt articles"]):
        assert any(line.startswith(f"Error: {path}: {problem}") for line in errors), (path, errors)
    assert lines[-1] == "Ingested 1 article, 10 claims, 6 new speakers, 6 failed"
    assert "Traceback" not in result.output
    db = open_db(db_path)
    assert db["articles"].count == 1


def test_unwritable_database_is_one_line(runner, tmp_path):
    result = runner.invoke(cli, ["ingest", "--db", str(tmp_path / "no" / "such" / "dir.db"), str(SEED)])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1
    assert result.output.startswith("Error: ") and "cannot open or write the database" in result.output


def test_database_that_is_not_sqlite(runner, tmp_path):
    path = tmp_path / "not.db"
    path.write_text("this is not a database " * 100)
    result = runner.invoke(cli, ["ingest", "--db", str(path), str(SEED)])
    assert result.exit_code == 1
    assert result.output.startswith("Error: ") and result.output.count("\n") == 1


def test_export_of_missing_database(runner, tmp_path):
    result = runner.invoke(cli, ["export", "--db", str(tmp_path / "nope.db")])
    assert result.exit_code == 1
    assert result.output == f"Error: {tmp_path / 'nope.db'}: no such database (run 'factdb ingest' first)\n"
    assert not (tmp_path / "nope.db").exists()


def test_serve_without_database(runner, tmp_path):
    result = runner.invoke(cli, ["serve", "--db", str(tmp_path / "nope.db")])
    assert result.exit_code == 1
    assert "no such database" in result.output


def test_nothing_partial_after_a_bad_file(runner, db_path, tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe")
    runner.invoke(cli, ["ingest", "--db", db_path, str(tmp_path / "bad.txt")])
    db = open_db(db_path)
    assert db["articles"].count == 0 and db["claims"].count == 0
