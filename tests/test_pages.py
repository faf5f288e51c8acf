"""The claim, article, speaker and home pages, rendered in-process by Datasette."""
import html
import re
from html.parser import HTMLParser

import pytest

from factdb.serve import make_datasette
from .sample import ACCUSATION_TEXT, DENIAL_TEXT, EVIL_NOTE, EVIL_SPEAKER, EVIL_TITLE, IMG, JS_LINK, SCRIPT, build_sample_db

pytestmark = pytest.mark.anyio

PAYLOADS = [SCRIPT, IMG, JS_LINK, EVIL_TITLE, EVIL_SPEAKER, EVIL_NOTE, "<b onmouseover=alert('outlet')>"]


@pytest.fixture(scope="module")
def sample_db_path(tmp_path_factory):
    return str(build_sample_db(tmp_path_factory.mktemp("pages")))


@pytest.fixture
def ds(sample_db_path):
    return make_datasette(sample_db_path)


async def get(ds, path):
    response = await ds.client.get(path)
    assert response.status_code == 200, (path, response.status_code, response.text[:500])
    return response.text


async def one(ds, sql, params=None):
    return (await ds.get_database("sample").execute(sql, params or [])).rows[0][0]


class Elements(HTMLParser):
    """The elements of a page, with their attributes, and the text of its scripts."""

    def __init__(self, page):
        super().__init__()
        self.elements, self.scripts, self._in_script = [], [], False
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)


def assert_no_payload_as_html(page):
    for payload in PAYLOADS:
        assert payload not in page, payload
    parsed = Elements(page)
    for tag, attrs in parsed.elements:
        assert not (tag == "img" and attrs.get("src") == "x"), attrs
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        assert not (attrs.get("href") or "").strip().lower().startswith("javascript:"), (tag, attrs)
    assert not any("alert(" in script for script in parsed.scripts)


async def test_home_page_counts_queries_search_and_chart(ds):
    page = await get(ds, "/")
    assert 'action="/-/search"' in page and 'name="q"' in page
    assert "What this database holds" in page
    claims = await one(ds, "select count(*) from claims")
    assert re.search(rf"<strong>{claims}</strong> claims", page)
    for title in ("Accusations and their denials", "Claims by speaker", "Who said what about ..."):
        assert html.escape(title, quote=False) in page
    assert 'href="/sample/accusations_and_denials"' in page
    assert "Stances per speaker" in page and 'class="bar-segment stance-denies"' in page
    assert "/factdb-static/factdb.css" in page
    assert_no_payload_as_html(page)


async def test_stylesheet_is_served_locally(ds):
    response = await ds.client.get("/factdb-static/factdb.css")
    assert response.status_code == 200 and ".claim-mark" in response.text


async def test_claim_page_of_a_denial(ds):
    denial = await one(ds, "select id from claims where stance = 'denies' and text = ? and article_id = 1",
                       [DENIAL_TEXT])
    accusation = await one(ds, "select to_claim_id from claim_relations where from_claim_id = ?", [denial])
    page = await get(ds, f"/sample/claims/{denial}")
    assert re.search(rf'<mark [^>]*data-claim="{denial}"[^>]*>{DENIAL_TEXT}</mark>', page)
    assert 'class="claim-sentence"' in page  # the sentence inside its paragraph
    assert f'href="/sample/claims/{accusation}"' in page
    assert "Denies" in page and 'class="stance-badge stance-denies"' in page
    assert "membantah" in page  # the cue
    assert 'href="/sample/speakers/' in page and ">China</a>" in page
    assert 'href="/sample/articles/1"' in page and "KONTAN" in page and "2026-02-05" in page
    # and back: the accusation is "denied by" the denial
    page = await get(ds, f"/sample/claims/{accusation}")
    assert "Denied by" in page and f'href="/sample/claims/{denial}"' in page
    assert html.escape(ACCUSATION_TEXT, quote=False) in page or ACCUSATION_TEXT.replace('"', "&#34;") in page


async def test_article_page_highlights_every_claim(ds):
    page = await get(ds, "/sample/articles/1")
    ids = [r[0] for r in (await ds.get_database("sample").execute(
        "select id from claims where article_id = 1")).rows]
    assert ids
    for cid in ids:
        assert re.search(rf'<mark [^>]*data-claim="{cid}"', page), cid
        assert f'href="/sample/claims/{cid}"' in page
    assert 'data-tip="China \u2014 Denies"' in page


async def test_speaker_page_lists_aliases_claims_and_denials(ds):
    china = await one(ds, "select id from speakers where name = 'China'")
    page = await get(ds, f"/sample/speakers/{china}")
    assert "No other names." in page  # the name itself is not repeated
    assert re.search(r'<ul class="mentions"><li>Beijing <span class="muted">2</span></li></ul>', page)
    assert "government" in page
    assert "Their denials" in page and "Ukraina" in page
    ukraina = await one(ds, "select id from speakers where name = 'Ukraina'")
    page = await get(ds, f"/sample/speakers/{ukraina}")
    assert "Their accusations, and who denied them" in page and "denied by" in page
    assert "Who denied what they said" in page and ">China</a>" in page
    xi = await one(ds, "select id from speakers where name = 'Xi Jinping'")
    page = await get(ds, f"/sample/speakers/{xi}")
    assert '<ul class="roles"><li>Presiden China <span class="muted">' in page
    assert re.search(r'<ul class="mentions">.*<li>Xi <span class="muted">\d+</span></li>', page)


async def test_payloads_are_escaped_on_every_page(ds):
    evil = await one(ds, "select id from articles where source_file like '%evil.txt'")
    manual = await one(ds, "select id from claims where origin = 'manual'")
    quoted = await one(ds, "select id from claims where quote like '%<script>%' and origin = 'extracted'")
    speaker = await one(ds, "select id from speakers where name = ?", [EVIL_SPEAKER])
    pages = {
        "article": await get(ds, f"/sample/articles/{evil}"),
        "manual claim": await get(ds, f"/sample/claims/{manual}"),
        "quoted claim": await get(ds, f"/sample/claims/{quoted}"),
        "speaker": await get(ds, f"/sample/speakers/{speaker}"),
        "claims view": await get(ds, "/sample/claims_view"),
        "search": await get(ds, "/sample/claims_view?_search=beras"),
    }
    for name, page in pages.items():
        assert_no_payload_as_html(page)
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in pages["article"]
    assert "&lt;img src=x onerror=alert(&#39;img&#39;)&gt;" in pages["article"]
    assert "javascript:alert(&#39;link&#39;)" in pages["article"]  # as text, never as a link
    assert "&lt;script&gt;alert(&#39;note&#39;)&lt;/script&gt;" in pages["manual claim"]
    assert "&lt;img src=x onerror=alert(&#39;speaker&#39;)&gt;" in pages["speaker"]
    assert "original</a>" not in pages["article"]  # the javascript: url is not linked


async def test_other_tables_keep_the_default_row_page(ds):
    page = await get(ds, "/sample/stances/denies")
    assert "Rejects a claim or accusation" in page and "factdb-claim" not in page


async def test_default_pages_and_json_still_work(ds):
    response = await ds.client.get("/sample/claims_view.json?stance=denies&_shape=array")
    assert response.status_code == 200
    rows = response.json()
    assert rows and {r["stance"] for r in rows} == {"denies"}
    page = await get(ds, "/sample/claims_view?_facet=stance&_view=table")  # Datasette's own table
    assert 'id="facet-stance"' in page
    denial = rows[0]["id"]
    assert f'<a href="/sample/claims/{denial}">{denial}</a>' in page
    assert '<a href="/sample/articles/1">Xi Jinping dan Vladimir Putin' in page
    page = await get(ds, "/sample/claims_view?_col=article&_col=text&_view=table")  # without article_id
    assert "Xi Jinping dan Vladimir Putin" in page
    row = (await ds.client.get(f"/sample/claims/{denial}.json?_shape=objects")).json()
    assert row["rows"][0]["text"] == DENIAL_TEXT
    assert "Accusations and their denials" in await get(ds, "/sample/accusations_and_denials")


async def test_visitors_cannot_write(ds, sample_db_path):
    before = await one(ds, "select count(*) from claims")
    response = await ds.client.get("/sample.json?sql=delete+from+claims")
    assert response.status_code == 400 or response.json().get("ok") is False
    response = await ds.client.post("/sample/claims", data={"text": "x"})
    assert response.status_code >= 400  # Datasette only takes POSTs for writable canned queries
    assert await one(ds, "select count(*) from claims") == before
    assert ds.setting("sql_time_limit_ms") == 2000


async def test_home_links_the_interactive_chart(ds):
    page = await get(ds, "/")
    match = re.search(r'class="vega-link" href="([^"]+)"', page)
    assert match and match.group(1).startswith("/sample?sql=")
    assert "#g.mark=bar&amp;g.x_column=speaker" in match.group(1)
    url = html.unescape(match.group(1)).split("#")[0].replace("/sample?", "/sample.json?") + "&_shape=array"
    rows = (await ds.client.get(url)).json()
    assert {"speaker": "China", "stance": "denies", "claims": 1} in rows


def test_serve_is_local_and_read_only_by_default():
    from click.testing import CliRunner

    from factdb.cli import cli
    from factdb.serve import SETTINGS, datasette_args

    args = datasette_args("x.db", "m.json", "127.0.0.1", 8001, immutable=True)
    assert args[:3] == ["serve", "-i", "x.db"]
    assert "--template-dir" in args and "--static" in args
    assert SETTINGS["sql_time_limit_ms"] <= 5000 and SETTINGS["allow_download"] is False
    help_text = CliRunner().invoke(cli, ["serve", "--help"]).output
    assert "127.0.0.1" in help_text and "--immutable" in help_text


async def test_speaker_page_caps_long_lists_and_links_to_all(ds):
    from factdb.pages import Pages

    xi = await one(ds, "select id from speakers where name = 'Xi Jinping'")
    page = await Pages(ds, "sample").speaker_page(xi, per_stance=1)
    assert len(page["claims"]) == len(page["groups"]) and page["total"] == 5  # the first of each stance
    assert all(len(g["claims"]) == 1 for g in page["groups"]) and sum(g["total"] for g in page["groups"]) == 5
    assert sum(bar["count"] for bar in page["chart"]) == 5  # the chart counts them all
    url = page["all_claims_url"].replace("/sample/claims_view?", "/sample/claims_view.json?_shape=array&")
    rows = (await ds.client.get(url)).json()
    assert len(rows) == 5 and all("Xi Jinping" in r["speakers"] for r in rows)
    html_page = await get(ds, f"/sample/speakers/{xi}")
    bar = re.search(r'<a class="bar-segment stance-asserts"[^>]*href="([^"]+)"', html_page)
    rows = (await ds.client.get(html.unescape(bar.group(1)).replace("claims_view?", "claims_view.json?_shape=array&"))).json()
    assert len(rows) == 2 and {r["stance"] for r in rows} == {"asserts"}


async def test_other_databases_keep_the_default_home_page(tmp_path):
    import sqlite3

    from datasette.app import Datasette

    from factdb.serve import STATIC_DIR, STATIC_MOUNT, TEMPLATES_DIR

    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("create table things (id integer primary key, name text)")
    ds = Datasette(files=[str(other)], template_dir=str(TEMPLATES_DIR), static_mounts=[(STATIC_MOUNT, str(STATIC_DIR))])
    page = await get(ds, "/")
    assert 'href="/other"' in page and "What this database holds" not in page


async def test_database_page_leads_with_claims_and_hides_internal_tables(ds):
    page = await get(ds, "/sample")
    lead = page.split('class="factdb-lead"')[1].split("</nav>")[0]
    assert [m for m in re.findall(r'href="/sample/(\w+)"', lead)] == ["claims_view", "speakers", "articles"]
    listed = re.findall(r'<h3><a href="/sample/(\w+)"', page)
    assert "_sqlite_migrations" not in listed and "claim_counts" not in listed and "speaker_counts" not in listed
    assert "speaker_pairs" not in listed
    assert "claims" in listed and "speakers" in listed


async def test_one_search_over_claims_speakers_and_articles(ds):
    page = await get(ds, "/-/search?q=Putin")
    speakers = page.split('class="search-speakers"')[1].split("</section>")[0]
    assert ">Vladimir Putin</a>" in speakers
    claims = page.split('class="search-claims"')[1].split("</section>")[0]
    assert claims.count('class="claim-item"') == 2  # Putin's claims
    assert 'href="/sample/claims_view?_search=Putin"' in claims
    articles = page.split('class="search-articles"')[1].split("</section>")[0]
    assert "Xi Jinping dan Vladimir Putin" in articles
    for term in ['"', "AND", "Mu'ti", "(", ""]:
        response = await ds.client.get("/-/search", params={"q": term})
        assert response.status_code == 200, term


async def test_a_search_ranks_among_the_matches_added_last(ds, monkeypatch):
    """A common word matches a hundred thousand claims at scale: ranking is bounded to
    the RANKED matching claims added last."""
    import factdb.pages
    from factdb.pages import Pages

    monkeypatch.setattr(factdb.pages, "RANKED", 1)
    found = (await Pages(ds, "sample").search("Putin"))["claims"]
    latest = await one(ds, "select id from claims where rowid = (select max(rowid) from claims_fts "
                           "where claims_fts match 'Putin')")
    assert [c["id"] for c in found] == [latest]
    rows = (await ds.client.get("/sample/who_said_what_about.json", params={"term": "Putin", "_shape": "array"})).json()
    assert len(rows) == 2  # the canned query ranks among the 10,000 added last


def test_the_canned_search_ranks_as_many_matches_as_the_search_page():
    from factdb.pages import RANKED
    from factdb.serve import load_metadata

    sql = load_metadata("factdb.db")["databases"]["factdb"]["queries"]["who_said_what_about"]["sql"]
    assert f"offset {RANKED - 1})" in " ".join(sql.split())
