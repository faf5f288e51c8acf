"""Datasette in-process with the real metadata.yml: facets, search, canned queries."""
import json

import pytest

from factdb.serve import SETTINGS, load_metadata, make_datasette


@pytest.fixture
def ds(seed_db):
    return make_datasette(seed_db)


def db_name(seed_db):
    from pathlib import Path

    return Path(seed_db).stem


async def get_json(ds, path):
    response = await ds.client.get(path)
    assert response.status_code == 200, (path, response.text[:500])
    return response.json()


def names(value):
    """The names of a JSON list of speakers, as canned queries give them."""
    return " + ".join(s["name"] for s in json.loads(value))


@pytest.mark.anyio
async def test_claims_view_facets(ds, seed_db):
    data = await get_json(ds, f"/{db_name(seed_db)}/claims_view.json?_shape=objects")
    facets = data["facet_results"]
    assert {"stance", "speaker", "outlet", "language"} <= set(facets)
    stances = {r["value"]: r["count"] for r in facets["stance"]["results"]}
    assert stances == {"asserts": 5, "praises": 1, "calls_for": 1, "pledges": 1, "accuses": 1, "denies": 1}
    speakers = {r["label"]: r["count"] for r in facets["speaker"]["results"]}
    assert speakers["Xi Jinping"] == 5 and speakers["China"] == 2 and speakers["Ukraina"] == 1
    assert data["suggested_facets"] == []
    assert data["human_description_en"] == "sorted by published descending"


@pytest.mark.anyio
async def test_facets_of_a_filtered_page_count_its_rows(ds, seed_db):
    data = await get_json(ds, f"/{db_name(seed_db)}/claims_view.json?_shape=objects&stance=denies")
    facets = data["facet_results"]
    assert [(r["label"], r["count"]) for r in facets["speaker"]["results"]] == [("China", 1)]
    assert [(r["value"], r["count"]) for r in facets["stance"]["results"]] == [("denies", 1)]


@pytest.mark.anyio
async def test_speaker_filter(ds, seed_db):
    db = ds.get_database(db_name(seed_db))
    xi = (await db.execute("select id from speakers where name = 'Xi Jinping'")).rows[0][0]
    putin = (await db.execute("select id from speakers where name = 'Vladimir Putin'")).rows[0][0]
    data = await get_json(ds, f"/{db_name(seed_db)}/claims_view.json?_shape=objects&_speaker={xi}")
    assert len(data["rows"]) == 5 and all("Xi Jinping" in r["speakers"] for r in data["rows"])
    assert "by Xi Jinping" in data["human_description_en"]
    both = await get_json(ds, f"/{db_name(seed_db)}/claims_view.json?_shape=objects&_speaker={xi}&_speaker={putin}")
    assert [r["speakers"] for r in both["rows"]] == ["Xi Jinping + Vladimir Putin"]


def facet_counts(data) -> dict:
    return {name: sorted((str(r["value"]), r["count"]) for r in facet["results"])
            for name, facet in data["facet_results"].items()}


@pytest.mark.anyio
@pytest.mark.parametrize("more", ["", "&stance=asserts", "&stance=praises", "&stance=accuses&outlet=KONTAN",
                                  "&language__exact=id&outlet=KONTAN"])
async def test_a_page_of_one_speaker_counts_from_their_links_as_from_their_claims(ds, seed_db, more):
    """Filtered by one speaker (and exact stance, outlet, language or verdict), the
    facets count the speaker's links; any other filter (here one that excludes no
    claim) counts the claims themselves. Both give the same counts, for every speaker."""
    db = ds.get_database(db_name(seed_db))
    facets = "&_facet=stance&_facet=outlet&_facet=language&_facet=verdict&_facet_speaker=id"
    for (sid,) in (await db.execute("select id from speakers")).rows:
        path = f"/{db_name(seed_db)}/claims_view.json?_speaker={sid}{more}{facets}"
        from_links, from_claims = await get_json(ds, path), await get_json(ds, path + "&id__not=none")
        assert facet_counts(from_links) == facet_counts(from_claims), sid
        assert len(from_links["rows"]) == len(from_claims["rows"])
        assert facet_counts(from_links).keys() == {"stance", "outlet", "language", "verdict", "speaker"}


@pytest.mark.anyio
async def test_the_database_page_counts_the_tables_again_only_after_a_write(ds, seed_db, runner, tmp_path):
    from factdb.cli import cli

    path, db = f"/{db_name(seed_db)}.json", ds.get_database(db_name(seed_db))

    async def counts():
        return {t["name"]: t["count"] for t in (await get_json(ds, path))["tables"]}

    before = await counts()
    queries, execute = [], db.execute

    async def counting(sql, *args, **kwargs):
        queries.append(sql)
        return await execute(sql, *args, **kwargs)

    db.execute = counting
    assert await counts() == before and not [q for q in queries if q.startswith("select count(*)")]
    article = tmp_path / "new.txt"
    article.write_text("Harga beras\n\nMenteri Pangan Rudi Hartono mengatakan, harga beras akan turun.\n",
                       encoding="utf-8")
    assert runner.invoke(cli, ["ingest", "--db", seed_db, str(article)]).exit_code == 0  # another connection writes
    after = await counts()
    assert after["articles"] == before["articles"] + 1 and after["claims"] == before["claims"] + 1


def test_which_pages_are_one_speakers_links():
    from datasette.utils import MultiParams

    from factdb.filters import speaker_scope

    def scope(pairs):
        return speaker_scope(MultiParams(pairs))

    assert scope([("_speaker", "7"), ("_facet", "stance"), ("_sort", "published")]) == (7, {})
    assert scope([("_speaker", "7"), ("stance", "denies"), ("outlet__exact", "KONTAN")]) == \
        (7, {"stance": "denies", "outlet": "KONTAN"})
    assert scope([("_speaker", "7"), ("_speaker", "8")]) is None            # claims of both together
    assert scope([("_speaker", "7"), ("stance__not", "denies")]) is None   # not an exact value
    assert scope([("_speaker", "7"), ("text", "x")]) is None               # a column links do not copy
    assert scope([("_speaker", "7"), ("_search", "beras")]) is None
    assert scope([("_speaker", "7"), ("stance", "asserts"), ("stance", "denies")]) is None
    assert scope([("stance", "asserts")]) is None


@pytest.mark.anyio
async def test_search_finds_the_accusation(ds, seed_db):
    data = await get_json(ds, f"/{db_name(seed_db)}/claims_view.json?_search=militer&_shape=objects")
    (row,) = data["rows"]
    assert row["stance"] == "accuses" and row["speakers"] == "Ukraina + Eropa"


@pytest.mark.anyio
async def test_search_finds_claims_by_who_made_them(ds, seed_db):
    data = await get_json(ds, f"/{db_name(seed_db)}/claims_view.json?_search=Putin&_shape=objects")
    assert len(data["rows"]) == 2 and all("Vladimir Putin" in r["speakers"] for r in data["rows"])


@pytest.mark.anyio
async def test_a_facet_asked_for_by_url_is_the_counted_one(ds, seed_db):
    """``_facet=stance`` (Datasette's convention) gives the fast counted facet: one
    stance facet, the same counts, whole database or filtered."""
    whole = await get_json(ds, f"/{db_name(seed_db)}/claims_view.json?_facet=stance&_facet=cue")
    assert "stance_2" not in whole["facet_results"] and "cue" in whole["facet_results"]
    assert {r["value"]: r["count"] for r in whole["facet_results"]["stance"]["results"]} == {
        "asserts": 5, "praises": 1, "calls_for": 1, "pledges": 1, "accuses": 1, "denies": 1}
    filtered = await get_json(ds, f"/{db_name(seed_db)}/claims_view.json?_facet=outlet&_search=Putin")
    assert [(r["value"], r["count"]) for r in filtered["facet_results"]["outlet"]["results"]] == [("KONTAN", 2)]
    assert "outlet_2" not in filtered["facet_results"]


@pytest.mark.anyio
async def test_the_claims_table_counts_stances_from_the_count_table(ds, seed_db):
    data = await get_json(ds, f"/{db_name(seed_db)}/claims.json")
    assert {r["value"]: r["count"] for r in data["facet_results"]["stance"]["results"]} == {
        "asserts": 5, "praises": 1, "calls_for": 1, "pledges": 1, "accuses": 1, "denies": 1}
    denies = await get_json(ds, f"/{db_name(seed_db)}/claims.json?stance=denies")
    assert [(r["value"], r["count"]) for r in denies["facet_results"]["stance"]["results"]] == [("denies", 1)]


@pytest.mark.anyio
async def test_a_search_covers_the_matches_added_last_and_says_how_many_match(ds, seed_db, monkeypatch):
    import factdb.filters

    monkeypatch.setattr(factdb.filters, "SEARCH_LIMIT", 1)
    data = await get_json(ds, f"/{db_name(seed_db)}/claims_view.json?_search=Putin&_shape=objects")
    assert len(data["rows"]) == 1 and data["filtered_table_rows_count"] == 1
    assert data["human_description_en"].startswith('where search matches "Putin" (the 1 added last of 2 matches)')
    db = ds.get_database(db_name(seed_db))
    latest = (await db.execute("select max(rowid) from claims where speaker_names like '%Putin%'")).rows[0][0]
    assert data["rows"][0]["claim_rowid"] == latest


@pytest.mark.anyio
async def test_pages_read_the_database_through_a_memory_map(ds, seed_db):
    db = ds.get_database(db_name(seed_db))
    assert (await db.execute("pragma mmap_size")).rows[0][0] > 0
    assert (await db.execute("pragma cache_size")).rows[0][0] <= -64 * 1024


AWKWARD = ['"', "'", '"bantuan militer', "militer AND", "AND", "OR NOT", "ro-ro", "Mu'ti", "a:b", "^x", "*",
           "NEAR(a b)", '""', "-", "(", "militer*", "  ", "é", "\\", "%", "<script>"]


@pytest.mark.anyio
@pytest.mark.parametrize("term", AWKWARD)
async def test_no_search_input_shows_an_error(ds, seed_db, term):
    from urllib.parse import quote
    for path in (f"/{db_name(seed_db)}/claims_view?_search={quote(term)}",
                 f"/{db_name(seed_db)}/claims_view.json?_search={quote(term)}",
                 f"/{db_name(seed_db)}/who_said_what_about?term={quote(term)}",
                 f"/{db_name(seed_db)}/who_said_what_about.json?term={quote(term)}"):
        response = await ds.client.get(path)
        assert response.status_code == 200, (path, response.text[:300])
        assert "fts5" not in response.text and "syntax error" not in response.text


@pytest.mark.anyio
async def test_canned_accusations_and_denials(ds, seed_db):
    data = await get_json(ds, f"/{db_name(seed_db)}/accusations_and_denials.json?_shape=objects")
    (row,) = data["rows"]
    assert names(row["accusers"]) == "Ukraina + Eropa"
    assert names(row["deniers"]) == "China"
    assert row["denial"] == "tuduhan tersebut"
    assert "bantuan militer langsung" in row["accusation"]
    assert row["article"].startswith("Xi Jinping dan Vladimir Putin")


@pytest.mark.anyio
async def test_canned_queries_link_claims_speakers_and_articles(ds, seed_db):
    page = (await ds.client.get(f"/{db_name(seed_db)}/accusations_and_denials")).text
    db = ds.get_database(db_name(seed_db))
    denial = (await db.execute("select id from claims where stance = 'denies'")).rows[0][0]
    china = (await db.execute("select id from speakers where name = 'China'")).rows[0][0]
    assert f'<a href="/{db_name(seed_db)}/claims/{denial}">{denial}</a>' in page
    assert f'<a class="speaker-link" href="/{db_name(seed_db)}/speakers/{china}">China</a>' in page
    assert f'<a href="/{db_name(seed_db)}/articles/1">Xi Jinping dan Vladimir Putin' in page
    assert "<title>" in page and "select" not in page.split("<title>")[1].split("</title>")[0]


@pytest.mark.anyio
@pytest.mark.parametrize("speaker,count", [("Vladimir Putin", 2), ("Putin", 2), ("Beijing", 2), ("xi jinping", 5), ("Nobody", 0)])
async def test_canned_claims_by_speaker(ds, seed_db, speaker, count):
    data = await get_json(ds, f"/{db_name(seed_db)}/claims_by_speaker.json?_shape=objects&speaker={speaker}")
    assert len(data["rows"]) == count


@pytest.mark.anyio
async def test_canned_who_said_what_about(ds, seed_db):
    data = await get_json(ds, f"/{db_name(seed_db)}/who_said_what_about.json?_shape=objects&term=militer")
    assert [names(r["speakers"]) for r in data["rows"]] == ["Ukraina + Eropa"]


@pytest.mark.anyio
async def test_foreign_keys_show_labels(ds, seed_db):
    data = await get_json(ds, f"/{db_name(seed_db)}/claims.json?_shape=objects&_labels=on&stance=denies")
    (row,) = data["rows"]
    assert row["stance"] == {"value": "denies", "label": "Denies"}
    assert row["article_id"]["label"].startswith("Xi Jinping dan Vladimir Putin")


@pytest.mark.anyio
async def test_metadata_describes_every_column(ds, seed_db):
    db = ds.get_database(db_name(seed_db))
    tables = load_metadata(seed_db)["databases"][db_name(seed_db)]["tables"]
    for table in await db.table_names() + await db.view_names():
        if table.startswith(("claims_fts", "articles_fts", "speakers_fts", "_sqlite", "sqlite_")):
            continue
        columns = set(await db.table_columns(table))
        described = set(tables[table]["columns"])
        assert columns == described, table


def test_settings_keep_facets_fast_and_visitors_read_only():
    assert SETTINGS["suggest_facets"] is False
    assert SETTINGS["sql_time_limit_ms"] <= 5000
    assert SETTINGS["allow_download"] is False


@pytest.mark.anyio
@pytest.mark.parametrize("term", AWKWARD)
async def test_every_table_search_takes_any_input(ds, seed_db, term):
    from urllib.parse import quote
    for table in ("speakers", "articles", "claims"):
        response = await ds.client.get(f"/{db_name(seed_db)}/{table}.json?_search={quote(term)}")
        assert response.status_code == 200, (table, response.text[:300])


@pytest.mark.anyio
async def test_speakers_are_found_by_any_of_their_names(ds, seed_db):
    from factdb.cli import cli
    from click.testing import CliRunner
    CliRunner().invoke(cli, ["alias", "--db", seed_db, "Vladimir Putin", "Vova"], catch_exceptions=False)
    data = await get_json(ds, f"/{db_name(seed_db)}/speakers.json?_search=Vova&_shape=objects")
    assert [r["name"] for r in data["rows"]] == ["Vladimir Putin"]
    page = (await ds.client.get(f"/{db_name(seed_db)}/speakers?_search=Vova")).text
    assert 'name="_search"' in page


@pytest.mark.anyio
async def test_a_query_cannot_build_a_huge_value(ds, seed_db):
    import time
    t0 = time.perf_counter()
    response = await ds.client.get(f"/{db_name(seed_db)}.json?sql=select+length(zeroblob(3000000000))")
    assert time.perf_counter() - t0 < 2
    assert response.status_code == 400 and "too big" in response.text
