"""Ingesting: idempotent, one transaction per article, manual claims kept."""
import json

import pytest

from factdb.cli import cli
from factdb.db import open_db
from factdb.export import export_data
from factdb.ingest import ingest_paths
from factdb.store import ClaimValue, SpeakerValue, add_manual_claim

from .conftest import SEED


def export(runner, db_path):
    result = runner.invoke(cli, ["export", "--db", db_path, "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0
    return json.loads(result.output)


def test_ingest_twice_gives_the_same_export(runner, seed_db, seed_copy):
    first = export(runner, seed_db)
    result = runner.invoke(cli, ["ingest", "--db", seed_db, str(SEED), str(seed_copy)], catch_exceptions=False)
    assert result.exit_code == 0
    assert "0 articles" in result.output and "2 already stored" in result.output
    assert export(runner, seed_db) == first


def test_ids_are_stable_across_databases(runner, seed_db, tmp_path):
    other = str(tmp_path / "other.db")
    runner.invoke(cli, ["ingest", "--db", other, str(SEED)], catch_exceptions=False)
    assert [c["id"] for c in export(runner, other)["claims"]] == [c["id"] for c in export(runner, seed_db)["claims"]]


def test_replace_keeps_manual_claims_and_their_links(runner, seed_db):
    db = open_db(seed_db)
    denial = next(c for c in export_data(db)["claims"] if c["stance"] == "denies")
    manual = add_manual_claim(db, ClaimValue(
        speakers=(SpeakerValue("Kementerian Luar Negeri China"),), stance="denies",
        text="Beijing tidak memasok senjata"), article_id=1, relations=[("supports", denial["id"])])
    before = export_data(db)
    result = runner.invoke(cli, ["ingest", "--db", seed_db, "--replace", str(SEED)], catch_exceptions=False)
    assert result.exit_code == 0
    after = export_data(open_db(seed_db))
    assert after == before
    assert {"from": manual, "to": denial["id"], "type": "supports"} in after["relations"]


def test_article_is_all_or_nothing(db_path, monkeypatch):
    """A failure while writing claims leaves no article, claim or speaker behind."""
    from factdb.identity import Resolver

    real = Resolver.settle

    def boom(self):
        real(self)
        raise RuntimeError("disk on fire")

    db = open_db(db_path)
    monkeypatch.setattr(Resolver, "settle", boom)
    with pytest.raises(RuntimeError):
        ingest_paths(db, [SEED])
    for table in ("articles", "claims", "speakers", "claim_speakers", "speaker_aliases", "claim_relations"):
        assert db[table].count == 0, table
    monkeypatch.setattr(Resolver, "settle", real)
    summary = ingest_paths(db, [SEED])
    assert (summary.articles, summary.claims) == (1, 10)


def test_speakers_are_one_row_per_entity(seed_db):
    db = open_db(seed_db)
    names = [r["name"] for r in db["speakers"].rows]
    assert len(names) == len(set(names))
    def of(column, table, name):
        return {r[column] for r in db.query(
            f"select {column} from {table} join speakers on speakers.id = speaker_id where speakers.name = ?", [name])}
    # names stand for one speaker each; the mentions are how the articles write them
    assert of("alias", "speaker_aliases", "China") == {"China"}
    assert of("mention", "claim_speakers", "China") == {"Beijing"}
    assert {"Putin", "Presiden Rusia Vladimir Putin"} <= of("mention", "claim_speakers", "Vladimir Putin")
    assert of("role", "claim_speakers", "Vladimir Putin") == {"Presiden Rusia"}


def test_language_without_lexicon_is_stored_not_extracted(runner, db_path, tmp_path):
    path = tmp_path / "fr.txt"
    path.write_text("---\nlanguage: fr\n---\nTitre\n\nLe ministre a déclaré que tout allait bien.\n", encoding="utf-8")
    result = runner.invoke(cli, ["ingest", "--db", db_path, str(path)], catch_exceptions=False)
    assert result.exit_code == 0
    assert "language 'fr' has no lexicon" in result.output
    data = export(runner, db_path)
    assert len(data["articles"]) == 1 and data["claims"] == []


def test_a_titled_name_in_another_article_finds_the_speaker(runner, seed_db, tmp_path):
    later = tmp_path / "later.txt"
    later.write_text("Putin Kembali Bicara\n\nPresiden Rusia Vladimir Putin mengatakan, pasokan gas ke Eropa "
                     "akan dipulihkan.\n\nDi tempat lain, Budi mengatakan, harga beras akan turun.\n",
                     encoding="utf-8")
    assert runner.invoke(cli, ["ingest", "--db", seed_db, str(later)], catch_exceptions=False).exit_code == 0
    data = export(runner, seed_db)
    claims = [c for c in data["claims"] if c["article_id"] == 2]
    assert [c["speakers"] for c in claims] == [["Vladimir Putin"], ["Budi"]]
    db = open_db(seed_db)
    assert db.execute("select count(*) from speakers where name = 'Vladimir Putin'").fetchone()[0] == 1


def test_an_alias_added_by_hand_is_used_by_later_ingests(runner, seed_db, tmp_path):
    db = open_db(seed_db)
    xi = db.execute("select id from speakers where name = 'Xi Jinping'").fetchone()[0]
    db["speaker_aliases"].insert({"speaker_id": xi, "alias": "Pemimpin Tertinggi Tiongkok", "origin": "manual"})
    db.conn.commit()
    later = tmp_path / "later.txt"
    later.write_text("Judul\n\nPemimpin Tertinggi Tiongkok menyerukan agar perdagangan yang ada di kawasan itu "
                     "dibuka kembali dan tidak akan ditutup lagi.\n", encoding="utf-8")
    runner.invoke(cli, ["ingest", "--db", seed_db, str(later)], catch_exceptions=False)
    claim = next(c for c in export(runner, seed_db)["claims"] if c["article_id"] == 2)
    assert claim["speakers"] == ["Xi Jinping"]


def test_a_nickname_added_with_factdb_alias(runner, seed_db, tmp_path):
    result = runner.invoke(cli, ["alias", "--db", seed_db, "Vladimir Putin", "Vova"], catch_exceptions=False)
    assert result.exit_code == 0
    assert result.output == "Vladimir Putin: Vova\n"
    later = tmp_path / "later.txt"
    later.write_text("Judul\n\nVova mengatakan, pasokan gas yang ada di kawasan itu tidak akan dihentikan.\n",
                     encoding="utf-8")
    runner.invoke(cli, ["ingest", "--db", seed_db, str(later)], catch_exceptions=False)
    claim = next(c for c in export(runner, seed_db)["claims"] if c["article_id"] == 2)
    assert claim["speakers"] == ["Vladimir Putin"]


def test_alias_of_an_unknown_speaker(runner, seed_db):
    result = runner.invoke(cli, ["alias", "--db", seed_db, "Nobody Here", "Nobody"])
    assert result.exit_code == 1
    assert result.output == "Error: no speaker named 'Nobody Here'\n"


def test_lexicon_aliases_give_the_canonical_name():
    import yaml

    from factdb.extract import extract_claims
    from factdb.extract.lexicon import LEXICON_DIR, lexicon_from_dict

    data = yaml.safe_load((LEXICON_DIR / "id.yml").read_text(encoding="utf-8"))
    data["aliases"] = {"Pak Harto": "Soeharto"}
    lex = lexicon_from_dict(data)
    (claim,) = extract_claims("Pak Harto mengatakan, pembangunan harus merata.", lex).claims
    assert [s.name for s in claim.speakers] == ["Soeharto"]
    assert claim.speakers[0].mention == "Pak Harto"
