"""Datasette in-process with the real metadata.yml: facets, search, canned queries."""
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


@pytest.mark.anyio
async def test_claims_view_facets(ds, seed_db):
    data = await get_json(ds, f"/{db_name(seed_db)}/claims_view.json?_shape=objects")
    facets = data["facet_results"]
    assert {"stance", "speakers", "outlet", "language", "published"} <= set(facets)
    stances = {r["value"]: r["count"] for r in facets["stance"]["results"]}
    assert stances == {"asserts": 5, "praises": 1, "calls_for": 1, "pledges": 1, "accuses": 1, "denies": 1}
    speakers = {r["value"]: r["count"] for r in facets["speakers"]["results"]}
    assert speakers["Xi Jinping"] == 5 and speakers["China"] == 2 and speakers["Ukraina"] == 1
    assert data["suggested_facets"] == []
    assert data["human_description_en"] == "sorted by published descending"


@pytest.mark.anyio
async def test_search_finds_the_accusation(ds, seed_db):
    data = await get_json(ds, f"/{db_name(seed_db)}/claims_view.json?_search=militer&_shape=objects")
    (row,) = data["rows"]
    assert row["stance"] == "accuses" and row["speakers_display"] == "Ukraina + Eropa"


@pytest.mark.anyio
async def test_canned_accusations_and_denials(ds, seed_db):
    data = await get_json(ds, f"/{db_name(seed_db)}/accusations_and_denials.json?_shape=objects")
    (row,) = data["rows"]
    assert row["accusers"] == "Ukraina + Eropa"
    assert row["deniers"] == "China"
    assert row["denial"] == "tuduhan tersebut"
    assert "bantuan militer langsung" in row["accusation"]
    assert row["article"].startswith("Xi Jinping dan Vladimir Putin")


@pytest.mark.anyio
@pytest.mark.parametrize("speaker,count", [("Vladimir Putin", 2), ("Putin", 2), ("Beijing", 2), ("xi jinping", 5), ("Nobody", 0)])
async def test_canned_claims_by_speaker(ds, seed_db, speaker, count):
    data = await get_json(ds, f"/{db_name(seed_db)}/claims_by_speaker.json?_shape=objects&speaker={speaker}")
    assert len(data["rows"]) == count


@pytest.mark.anyio
async def test_canned_who_said_what_about(ds, seed_db):
    data = await get_json(ds, f"/{db_name(seed_db)}/who_said_what_about.json?_shape=objects&term=militer")
    assert [r["speakers"] for r in data["rows"]] == ["Ukraina + Eropa"]


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
        if table.startswith(("claims_fts", "articles_fts", "_sqlite")):
            continue
        columns = set(await db.table_columns(table))
        described = set(tables[table]["columns"])
        assert columns == described, table


def test_settings_keep_facets_fast_and_visitors_read_only():
    assert SETTINGS["suggest_facets"] is False
    assert SETTINGS["sql_time_limit_ms"] <= 5000
    assert SETTINGS["allow_download"] is False
