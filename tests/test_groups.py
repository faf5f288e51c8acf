"""The same claim across articles: claim groups, their page, and verdicts shared
by every appearance. Invented articles."""
import itertools
import json

import pytest

from factdb.cli import cli
from factdb.db import open_db
from factdb.groups import NEAR, jaccard, sketch, words
from factdb.serve import make_datasette

QUOTE = "Harga beras di pasar Sukamaju akan turun sebelum Lebaran karena panen raya sudah dimulai"


def article(outlet, date, body):
    return f"---\noutlet: {outlet}\npublished: {date}\nlanguage: id\n---\nJudul {outlet} {date}\n\n{body}\n"


ARTICLES = {
    "a.txt": article("Harian Satu", "2026-03-01", f"Menteri Pangan Rudi Hartono mengatakan, {QUOTE}."),
    "b.txt": article("Warta Dua", "2026-03-03", f"”{QUOTE.replace('akan turun', 'pasti turun')},” kata Menteri Pangan Rudi Hartono."),
    "c.txt": article("Kabar Tiga", "2026-03-02", f"Pengamat pangan Sri Wahyuni mengatakan, {QUOTE}."),
    "d.txt": article("Kabar Tiga", "2026-03-05", "Menteri Pangan Rudi Hartono mengatakan, stok gula di gudang masih cukup untuk tiga bulan."),
}


def invoke(runner, *args):
    return runner.invoke(cli, list(args), catch_exceptions=False)


def write(tmp_path, names):
    paths = []
    for name in names:
        (tmp_path / name).write_text(ARTICLES[name], encoding="utf-8")
        paths.append(str(tmp_path / name))
    return paths


def groups(db) -> set[frozenset]:
    out = {}
    for cid, gid, outlet in db.execute("select id, group_id, outlet from claims where group_id is not null"):
        out.setdefault(gid, set()).add(outlet)
    return {frozenset(v) for v in out.values()}


def test_words_jaccard_and_sketch():
    a, b = words("Harga BERAS akan turun."), words("harga beras pasti turun")
    assert a == {"harga", "beras", "akan", "turun"} and jaccard(a, b) == 0.6
    assert words("Mu’ti, ro-ro!") == {"mu", "ti", "ro"}
    assert sketch(a) == sketch(words("turun beras harga akan"))  # a set, not a sequence
    assert NEAR <= 0.6


def test_the_same_claim_by_the_same_speaker_in_two_outlets_is_one_group(runner, tmp_path):
    db_path = str(tmp_path / "g.db")
    assert invoke(runner, "ingest", "--db", db_path, *write(tmp_path, ARTICLES)).exit_code == 0
    db = open_db(db_path)
    # the minister's claim in two outlets; the analyst's same words are hers, the minister's other claim his
    assert groups(db) == {frozenset({"Harian Satu", "Warta Dua"})}
    (gid, claims, articles, outlets, first) = db.execute(
        "select id, claims, articles, outlets, first_published from claim_groups").fetchone()
    assert (claims, articles, outlets, first) == (2, 2, 2, "2026-03-01")
    data = json.loads(invoke(runner, "export", "--db", db_path).output)
    assert sorted(c["group_id"] for c in data["claims"] if c["group_id"]) == [gid, gid]


def test_ingest_order_does_not_change_the_groups(runner, tmp_path):
    results = set()
    for k, order in enumerate(itertools.permutations(ARTICLES)):
        if k % 5:
            continue
        db_path = str(tmp_path / f"{k}.db")
        for name in order:
            invoke(runner, "ingest", "--db", db_path, *write(tmp_path, [name]))
        results.add(frozenset(groups(open_db(db_path))))
    assert len(results) == 1


@pytest.mark.anyio
async def test_a_verdict_on_one_appearance_holds_for_every_appearance(runner, tmp_path):
    db_path = str(tmp_path / "g.db")
    invoke(runner, "ingest", "--db", db_path, *write(tmp_path, ARTICLES))
    db = open_db(db_path)
    first, second = [r[0] for r in db.execute(
        "select id from claims where group_id is not null order by published")]
    assert invoke(runner, "verdict", "--db", db_path, second, "--rating", "Misleading", "--by", "Cek Fakta",
                  "--date", "2026-03-06").exit_code == 0
    rows = dict(db.execute("select id, verdict || ':' || verdict_inherited from claims where group_id is not null"))
    assert rows == {first: "Misleading:1", second: "Misleading:0"}
    ds = make_datasette(db_path)
    page = (await ds.client.get(f"/g/claims/{first}")).text
    assert "(inherited: given to" in page and "The same claim appears in" in page
    gid = db.execute("select group_id from claims where id = ?", [first]).fetchone()[0]
    page = (await ds.client.get(f"/g/claim_groups/{gid}")).text
    appearances = page.split("Appearances, first to last")[1]
    assert appearances.index(first) < appearances.index(second)  # first appearance first
    assert "it holds for every appearance" in page
    cards = (await ds.client.get("/g/claims_view?verdict=Misleading")).text
    assert cards.count("(inherited)") == 1


def test_replacing_an_article_keeps_groups_whole(runner, tmp_path):
    db_path = str(tmp_path / "g.db")
    paths = write(tmp_path, ARTICLES)
    invoke(runner, "ingest", "--db", db_path, *paths)
    invoke(runner, "ingest", "--db", db_path, "--replace", *paths)
    db = open_db(db_path)
    assert groups(db) == {frozenset({"Harian Satu", "Warta Dua"})}
    assert db.execute("select count(*) from claim_groups").fetchone()[0] == 1
    assert db.execute("select count(*) from claim_sketches where claim_id not in (select id from claims)").fetchone()[0] == 0


RECOUNT = """select g.id, count(*), count(distinct c.article_id), count(distinct c.outlet), min(c.published),
  (select id from claims where group_id = g.id order by published is null, published, id limit 1)
from claim_groups g join claims c on c.group_id = g.id group by g.id order by g.id"""


def test_counts_kept_as_claims_join_equal_a_recount(runner, tmp_path):
    """A claim joining a group updates its counts from the counts before (each newcomer's
    article and outlet looked up by index); they stay what counting every member gives,
    over articles of several outlets and dates, undated ones, and groups that merge."""
    said = ["Menteri Pangan Rudi Hartono mengatakan, {}.", "”{},” kata Menteri Pangan Rudi Hartono."]
    quotes = [QUOTE, "Stok gula di gudang Sukamaju masih cukup untuk tiga bulan ke depan menurut data terbaru"]
    db_path = str(tmp_path / "g.db")
    for i in range(24):
        outlet, day = ["Harian Satu", "Warta Dua", "Kabar Tiga"][i % 3], (i * 7) % 28 + 1
        front = f"---\noutlet: {outlet}\n" + (f"published: 2026-04-{day:02d}\n" if i % 5 else "") + "language: id\n---\n"
        body = " ".join(said[(i + k) % 2].format(quotes[k]) for k in range(1 + i % 2))
        path = tmp_path / f"{i:02d}.txt"
        path.write_text(f"{front}Judul {i}\n\n{body}\n", encoding="utf-8")
        result = invoke(runner, "ingest", "--db", db_path, str(path))
        assert result.exit_code == 0, result.output
    db = open_db(db_path)
    kept = db.execute("select id, claims, articles, outlets, first_published, first_claim_id from claim_groups "
                      "order by id").fetchall()
    assert kept == db.execute(RECOUNT).fetchall()
    assert len(kept) == 2 and max(k[1] for k in kept) >= 12 and {k[3] for k in kept} == {3}


def test_a_merged_speakers_claims_find_their_earlier_appearances(runner, tmp_path):
    """The same words by two names of one person, merged before the second article
    comes: the claims are one group (the first claim's sketches moved with its link)."""
    db_path = str(tmp_path / "g.db")
    assert invoke(runner, "ingest", "--db", db_path, *write(tmp_path, ["c.txt", "d.txt"])).exit_code == 0
    merged = invoke(runner, "speakers", "merge", "--db", db_path, "Rudi Hartono", "Sri Wahyuni")
    assert merged.exit_code == 0, merged.output
    assert invoke(runner, "ingest", "--db", db_path, *write(tmp_path, ["a.txt"])).exit_code == 0
    db = open_db(db_path)
    assert groups(db) == {frozenset({"Kabar Tiga", "Harian Satu"})}
    assert db.execute("select count(*) from claim_sketches s where not exists (select 1 from claim_speakers cs "
                      "where cs.claim_id = s.claim_id and cs.speaker_id = s.speaker_id)").fetchone()[0] == 0
