"""Fixing identity from the command line: alias, speakers merge / unmerge /
split / rename / list, add --speaker. Each change holds across later ingests;
each refusal is one line, a non-zero exit and no write."""
import json

import pytest

from factdb.cli import cli
from factdb.db import CLAIM_COPIES, PAIRS_SQL, open_db, transaction

from .conftest import SEED

LATER = ("Judul Berita\n\n"
         "Presiden Budi Hendarto mengatakan, harga beras akan turun bulan depan.\n\n"
         "Pengamat pangan Sri Wahyuni menilai, harga beras masih terlalu tinggi.\n")
NICKNAME = "Judul Lain\n\nMas Bud mengatakan, pasokan gas yang ada di kawasan itu tidak akan dihentikan.\n"


def invoke(runner, *args):
    return runner.invoke(cli, list(args), catch_exceptions=False)


def ingest(runner, db, tmp_path, name, text, *flags):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = invoke(runner, "ingest", "--db", db, *flags, str(path))
    assert result.exit_code == 0, result.output
    return path


def speakers_of(runner, db, text_part):
    """The database-wide names of the speakers of the claim whose text has ``text_part``."""
    data = json.loads(invoke(runner, "export", "--db", db).output)
    return next(c["speaker_names"] for c in data["claims"] if text_part in c["text"])


def dump(db_path):
    return "\n".join(open_db(db_path).conn.iterdump())


@pytest.fixture
def two_db(runner, seed_db, tmp_path):
    ingest(runner, seed_db, tmp_path, "later.txt", LATER)
    ingest(runner, seed_db, tmp_path, "nickname.txt", NICKNAME)
    return seed_db


def test_alias_refuses_a_name_another_speaker_has(runner, seed_db):
    before = dump(seed_db)
    result = invoke(runner, "alias", "--db", seed_db, "Xi Jinping", "Putin")
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "Error: 'Putin' already names 'Vladimir Putin'; add --move to give it to 'Xi Jinping', "
        "or merge the two with 'factdb speakers merge'"]
    assert dump(seed_db) == before


def test_alias_move_takes_the_name_and_its_claims(runner, two_db, tmp_path):
    assert speakers_of(runner, two_db, "pasokan gas") == ["Mas Bud"]
    result = invoke(runner, "alias", "--db", two_db, "Budi Hendarto", "Mas Bud")
    assert result.exit_code == 1 and "already names 'Mas Bud'" in result.output
    result = invoke(runner, "alias", "--db", two_db, "--move", "Budi Hendarto", "Mas Bud")
    assert result.output == "Budi Hendarto: Mas Bud\n"
    assert speakers_of(runner, two_db, "pasokan gas") == ["Budi Hendarto"]
    db = open_db(two_db)
    assert db.execute("select count(*) from speakers where name = 'Mas Bud'").fetchone()[0] == 0
    # and the export gives the name a person decided on
    data = json.loads(invoke(runner, "export", "--db", two_db).output)
    assert next(c["speakers"] for c in data["claims"] if "pasokan gas" in c["text"]) == ["Budi Hendarto"]


def test_add_speaker_uses_the_speaker_the_name_stands_for(runner, seed_db):
    for name in ("Beijing", "Putin", "Vladimir Putin"):
        result = invoke(runner, "add", "--db", seed_db, "--speaker", name, "--stance", "asserts",
                        "--text", f"pernyataan oleh {name}")
        assert result.exit_code == 0, result.output
    assert speakers_of(runner, seed_db, "oleh Beijing") == ["China"]
    assert speakers_of(runner, seed_db, "oleh Putin") == ["Vladimir Putin"]
    assert open_db(seed_db).execute("select count(*) from speakers where name in ('Beijing', 'Putin')").fetchone()[0] == 0


def test_add_refuses_an_empty_speaker(runner, seed_db):
    before = dump(seed_db)
    result = invoke(runner, "add", "--db", seed_db, "--speaker", "  ", "--stance", "asserts", "--text", "x")
    assert result.exit_code == 1 and result.output.count("\n") == 1
    assert dump(seed_db) == before


def test_merge_moves_claims_and_holds_across_ingests_and_replace(runner, two_db, tmp_path):
    result = invoke(runner, "speakers", "merge", "--db", two_db, "Budi Hendarto", "Mas Bud")
    assert result.exit_code == 0 and result.output == "Budi Hendarto: Mas Bud\n"
    assert speakers_of(runner, two_db, "pasokan gas") == ["Budi Hendarto"]
    # a later article under the merged name, and a re-extraction of everything
    ingest(runner, two_db, tmp_path, "again.txt", NICKNAME.replace("pasokan gas", "pasokan listrik"))
    assert speakers_of(runner, two_db, "pasokan listrik") == ["Budi Hendarto"]
    invoke(runner, "ingest", "--db", two_db, "--replace", str(tmp_path / "nickname.txt"))
    assert speakers_of(runner, two_db, "pasokan gas") == ["Budi Hendarto"]
    listed = json.loads(invoke(runner, "speakers", "list", "--db", two_db, "--json").output)
    budi = next(r for r in listed if r["name"] == "Budi Hendarto")
    assert budi["claims"] == 3 and "Mas Bud" in budi["names"]


def test_unmerge_undoes_a_merge(runner, two_db):
    invoke(runner, "speakers", "merge", "--db", two_db, "Budi Hendarto", "Mas Bud")
    result = invoke(runner, "speakers", "unmerge", "--db", two_db, "Mas Bud")
    assert result.exit_code == 0 and result.output == "Mas Bud: (no other names)\n"
    assert speakers_of(runner, two_db, "pasokan gas") == ["Mas Bud"]
    assert speakers_of(runner, two_db, "harga beras akan turun") == ["Budi Hendarto"]
    result = invoke(runner, "speakers", "unmerge", "--db", two_db, "Mas Bud")
    assert result.exit_code == 1 and "was merged" in result.output


def test_merge_carries_relations(runner, seed_db):
    """China's denial stays linked to the accusation when China is merged into another speaker."""
    invoke(runner, "add", "--db", seed_db, "--speaker", "Republik Rakyat Tiongkok", "--stance", "asserts",
           "--text", "pernyataan resmi")
    invoke(runner, "speakers", "merge", "--db", seed_db, "Republik Rakyat Tiongkok", "China")
    data = json.loads(invoke(runner, "export", "--db", seed_db).output)
    denial = next(c for c in data["claims"] if c["stance"] == "denies")
    assert denial["speaker_names"] == ["Republik Rakyat Tiongkok"]
    assert any(r["from"] == denial["id"] and r["type"] == "denies" for r in data["relations"])


def test_rename_holds_across_replace(runner, seed_db):
    result = invoke(runner, "speakers", "rename", "--db", seed_db, "Vladimir Putin", "Vladimir Vladimirovich Putin")
    assert result.output == "Vladimir Vladimirovich Putin: Vladimir Putin\n"
    invoke(runner, "ingest", "--db", seed_db, "--replace", str(SEED))
    assert speakers_of(runner, seed_db, "faktor penstabil") == ["Vladimir Vladimirovich Putin"]
    result = invoke(runner, "speakers", "rename", "--db", seed_db, "Xi Jinping", "Vladimir Putin")
    assert result.exit_code == 1 and "already names" in result.output


def test_split_takes_names_off_a_speaker(runner, two_db):
    invoke(runner, "speakers", "merge", "--db", two_db, "Budi Hendarto", "Mas Bud", "Sri Wahyuni")
    result = invoke(runner, "speakers", "split", "--db", two_db, "Budi Hendarto", "Sri Wahyuni")
    assert result.exit_code == 0 and result.output == "Sri Wahyuni: (no other names)\n"
    assert speakers_of(runner, two_db, "masih terlalu tinggi") == ["Sri Wahyuni"]
    assert speakers_of(runner, two_db, "pasokan gas") == ["Budi Hendarto"]
    result = invoke(runner, "speakers", "split", "--db", two_db, "Budi Hendarto", "Xi Jinping")
    assert result.exit_code == 1 and "is not a name of 'Budi Hendarto'" in result.output


def test_list_ambiguous(runner, seed_db, tmp_path):
    ingest(runner, seed_db, tmp_path, "a.txt", "Judul\n\nMenteri Pangan Rudi Hartono mengatakan, stok beras aman.\n")
    ingest(runner, seed_db, tmp_path, "b.txt", "Judul\n\nMenteri Energi Bambang Hartono mengatakan, stok gas aman.\n")
    ingest(runner, seed_db, tmp_path, "c.txt", "Judul\n\nHartono mengatakan, stok minyak aman.\n")
    rows = json.loads(invoke(runner, "speakers", "list", "--db", seed_db, "--ambiguous", "--json").output)
    assert [(r["name"], sorted(r["candidates"])) for r in rows] == [("Hartono", ["Bambang Hartono", "Rudi Hartono"])]
    text = invoke(runner, "speakers", "list", "--db", seed_db, "--ambiguous").output
    assert "Hartono  (person, 1 claim)  could be: " in text
    invoke(runner, "speakers", "merge", "--db", seed_db, "Rudi Hartono", "Hartono")
    assert json.loads(invoke(runner, "speakers", "list", "--db", seed_db, "--ambiguous", "--json").output) == []


@pytest.mark.parametrize("args", [
    ["speakers", "merge", "Xi Jinping", "Nobody"],
    ["speakers", "merge", "Xi Jinping", "Xi Jinping"],
    ["speakers", "rename", "Nobody", "Somebody"],
    ["speakers", "rename", "Xi Jinping", " "],
    ["speakers", "split", "Xi Jinping", "Xi Jinping"],
    ["alias", "Nobody", "X"],
    ["alias", "Xi Jinping", ""],
])
def test_refusals_are_one_line_and_write_nothing(runner, seed_db, args):
    before = dump(seed_db)
    result = invoke(runner, *args[:2], "--db", seed_db, *args[2:]) if args[0] == "speakers" else \
        invoke(runner, args[0], "--db", seed_db, *args[1:])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and result.output.startswith("Error: ")
    assert dump(seed_db) == before


@pytest.mark.parametrize("args", [["speakers", "list"], ["speakers", "merge", "A", "B"], ["alias", "A", "B"]])
def test_commands_that_change_a_database_do_not_create_one(runner, tmp_path, args):
    missing = tmp_path / "typo.db"
    result = invoke(runner, *args[:2], "--db", str(missing), *args[2:]) if args[0] == "speakers" else \
        invoke(runner, args[0], "--db", str(missing), *args[1:])
    assert result.exit_code == 1 and "no such database" in result.output
    assert not missing.exists()


def test_every_link_knows_its_claims_rowid_whoever_wrote_it(runner, two_db, tmp_path):
    """claim_speakers.claim_rowid (the speaker filter's integer key), the copies of
    its claim's columns and the counts of who shares claims with whom hold after
    ingest, add, merge, split, unmerge, rename, a verdict and a new extraction."""
    copies = " or ".join(f"cs.{c} is not c.{c}" for c in CLAIM_COPIES)

    def wrong_links():
        db = open_db(two_db)
        pairs = sorted(db.execute("select speaker_id, stance, other_id, claims from speaker_pairs").fetchall())
        assert pairs == sorted(db.execute(PAIRS_SQL).fetchall())  # who shares claims with whom
        return db.execute(
            "select count(*) from claim_speakers cs left join claims c on c.id = cs.claim_id "
            f"where cs.claim_rowid is not c.rowid or {copies}").fetchone()[0]

    claim = open_db(two_db).execute("select claim_id from claim_speakers order by claim_id limit 1").fetchone()[0]

    steps = [("add", "--db", two_db, "--speaker", "Sri Wahyuni", "--speaker", "Budi Hendarto",
              "--stance", "asserts", "--text", "Harga gula akan naik."),
             ("speakers", "merge", "--db", two_db, "Budi Hendarto", "Mas Bud", "Sri Wahyuni"),
             ("speakers", "split", "--db", two_db, "Budi Hendarto", "Sri Wahyuni"),
             ("speakers", "unmerge", "--db", two_db, "Mas Bud"),
             ("speakers", "rename", "--db", two_db, "Budi Hendarto", "Budi Hendarto S."),
             ("verdict", "--db", two_db, claim, "--rating", "Salah", "--by", "Cek Fakta"),
             ("ingest", "--db", two_db, "--replace")]
    for step in steps:
        result = invoke(runner, *step)
        assert result.exit_code == 0, (step, result.output)
        assert wrong_links() == 0, step
    assert open_db(two_db).execute("select count(*) from claim_speakers").fetchone()[0] > 10


def test_a_claims_changes_reach_its_speakers_links(two_db):
    """A claim's stance, date, outlet, language and verdict, however changed, are
    copied onto each of its links to a speaker (the speaker pages read only those)."""
    db = open_db(two_db)
    claim = db.execute("select claim_id from claim_speakers order by claim_id limit 1").fetchone()[0]
    with transaction(db):
        db.execute("update claims set stance = 'warns', published = '1999-01-02', outlet = 'X', "
                   "language = 'en', verdict = 'False' where id = ?", [claim])
    assert set(db.execute(f"select {', '.join(CLAIM_COPIES)} from claim_speakers where claim_id = ?",
                          [claim]).fetchall()) == {("warns", "1999-01-02", "X", "en", "False")}


def test_who_shares_claims_with_whom_follows_every_link(runner, two_db):
    """speaker_pairs holds, for every two speakers, the claims of each stance they
    share, as links are added, moved to another speaker and removed, and as claims
    change stance."""
    result = invoke(runner, "add", "--db", two_db, "--speaker", "Ana Putri", "--speaker", "Budi Hendarto",
                    "--speaker", "Citra Dewi", "--stance", "asserts", "--text", "Harga gula akan naik.")
    assert result.exit_code == 0, result.output
    db = open_db(two_db)

    def pairs():
        return sorted(db.execute("select speaker_id, stance, other_id, claims from speaker_pairs").fetchall())

    ids = dict(db.execute("select name, id from speakers"))
    ana, budi, citra = ids["Ana Putri"], ids["Budi Hendarto"], ids["Citra Dewi"]
    assert {(ana, budi), (budi, citra), (citra, ana)} <= {(a, b) for a, _, b, _ in pairs()}
    with transaction(db):
        dewi = db["speakers"].insert({"name": "Dewi Lestari", "kind": "person"}).last_pk
    for change in (f"update claim_speakers set speaker_id = {dewi} where speaker_id = {citra}",
                   f"update claims set stance = 'warns' where id in (select claim_id from claim_speakers "
                   f"where speaker_id = {ana})",
                   f"delete from claim_speakers where speaker_id = {budi}"):
        with transaction(db):
            db.execute(change)
        assert pairs() == sorted(db.execute(PAIRS_SQL).fetchall()), change
    assert (ana, "warns", dewi) in {(a, st, b) for a, st, b, _ in pairs()}
    assert not {budi, citra} & {a for a, _, _, _ in pairs()}
