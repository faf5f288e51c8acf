"""factdb's pages in a real browser: Debian's Chromium, driven by Playwright,
against ``factdb serve`` running in a subprocess on the sample database."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from .sample import ACCUSATION_TEXT, DENIAL_TEXT, EVIL_SPEAKER, EVIL_TITLE, IMG, SCRIPT, build_sample_db

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """``factdb serve`` on the sample database; yields its base url."""
    yield from serve(build_sample_db(tmp_path_factory.mktemp("browser")), tmp_path_factory)


FRONT = "---\nlanguage: id\n---\n"
IDENTITY_ARTICLES = {
    "a.txt": FRONT + "Judul A\n\nMenteri Pangan Rudi Hartono mengatakan, stok beras aman sampai akhir tahun.\n",
    "b.txt": FRONT + "Judul B\n\nHartono mengatakan, harga cabai akan turun pekan depan.\n",
    "c.txt": FRONT + "Judul C\n\nMas Rudi mengatakan, pasokan gas di pasar tetap lancar.\n",
}


@pytest.fixture(scope="module")
def identity_server(tmp_path_factory):
    """``factdb serve`` on three invented articles about one person, under three names,
    one of them merged by hand."""
    from click.testing import CliRunner

    from factdb.cli import cli

    root = tmp_path_factory.mktemp("identity")
    for name, text in IDENTITY_ARTICLES.items():
        (root / name).write_text(text, encoding="utf-8")
    db = str(root / "identity.db")
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", "--db", db, str(root)]).exit_code == 0
    assert runner.invoke(cli, ["speakers", "merge", "--db", db, "Rudi Hartono", "Mas Rudi"]).exit_code == 0
    yield from serve(db, tmp_path_factory)


def serve(db, tmp_path_factory):
    port = free_port()
    log = (tmp_path_factory.getbasetemp() / f"serve-{port}.log").open("w")
    proc = subprocess.Popen([sys.executable, "-m", "factdb", "serve", "--db", str(db), "--port", str(port)],
                            stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            if proc.poll() is not None:
                pytest.fail(f"factdb serve exited with {proc.returncode}; see {log.name}")
            try:
                with urllib.request.urlopen(url + "/-/versions.json", timeout=1):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail(f"factdb serve did not answer on {url} within 30 s; see {log.name}")
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("browser tests need the playwright package: pip install -e '.[test]'")
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.skip("browser tests need Chromium on PATH (Debian: apt-get install chromium)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, request):
    """A fresh page that records dialogs; a screenshot is saved when the test ends."""
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(10_000)
    pg.dialogs = []
    pg.outside = []  # requests that leave this machine: there must be none

    def on_request(req):
        if not req.url.startswith(("http://127.0.0.1:", "data:", "about:")):
            pg.outside.append(req.url)

    pg.on("request", on_request)

    def on_dialog(dialog):
        pg.dialogs.append(dialog.message)
        dialog.dismiss()

    pg.on("dialog", on_dialog)
    yield pg
    ARTIFACTS.mkdir(exist_ok=True)
    try:
        pg.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    finally:
        context.close()
    assert pg.outside == [], "the pages requested resources from the network"


def shot(pg, name):
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_facet_by_stance_then_open_the_denial(page, server):
    page.goto(f"{server}/sample/claims_view")
    page.locator("#facet-stance a", has_text="denies").first.click()
    page.wait_for_url("**stance=denies**")
    stances = page.locator("li.claim-card .stance-badge").all_inner_texts()
    assert stances and set(stances) == {"Denies"}
    shot(page, "facet_denies")

    # the seed article's denial (the payload article has one too): it says what it denies
    card = page.locator("li.claim-card", has_text=DENIAL_TEXT).filter(has_text="Xi Jinping dan")
    assert "denies: Ukraina + Eropa" in card.locator(".card-answers").inner_text()
    card.locator("a.card-text").click()
    page.wait_for_url("**/sample/claims/c*")
    mark = page.locator(".claim-context mark.claim-mark")
    assert mark.inner_text() == DENIAL_TEXT
    assert mark.is_visible()
    assert page.locator(".claim-context .claim-sentence").first.inner_text().startswith("Beijing membantah")
    assert page.locator("h1 .stance-badge").inner_text() == "Denies"
    shot(page, "denial_claim")

    link = page.locator("a.related-claim", has_text=ACCUSATION_TEXT)
    assert page.locator(".relation-label").first.inner_text() == "Denies"
    link.click()
    page.wait_for_url("**/sample/claims/c*")
    assert page.locator("h1 .stance-badge").inner_text() == "Accuses"
    back = page.locator(".relation", has_text="Denied by").locator("a.related-claim")
    assert back.inner_text() == DENIAL_TEXT


def test_article_page_highlights_every_claim(page, server):
    page.goto(f"{server}/sample/articles/1")
    listed = page.locator("ol.claims li.claim-item").evaluate_all("els => els.map(e => e.dataset.claim)")
    marked = page.locator(".article-body mark.claim-mark").evaluate_all("els => els.map(e => e.dataset.claim)")
    assert len(listed) >= 10
    assert set(marked) == set(listed)
    denial = page.locator(".article-body mark.claim-mark.stance-denies").first
    assert denial.inner_text() == DENIAL_TEXT
    # coloured by stance
    colours = {page.locator(f".article-body mark.stance-{s}").first.evaluate(
        "e => getComputedStyle(e).backgroundColor") for s in ("denies", "accuses", "asserts")}
    assert len(colours) == 3
    # the speaker and stance show on keyboard focus
    denial.focus()
    tip = denial.evaluate("e => getComputedStyle(e, '::after').content")
    assert "China" in tip and "Denies" in tip


def test_payloads_render_as_text_and_run_nothing(page, server):
    # the dialog recorder works: a payload that does run is seen
    page.set_content("<img src=x onerror=\"alert('probe')\">")
    page.wait_for_function("() => document.readyState === 'complete'")
    page.wait_for_timeout(200)
    assert page.dialogs == ["probe"]
    page.dialogs.clear()

    page.goto(f"{server}/sample/articles")
    page.locator("table.rows-and-columns tr", has_text="evil.txt").locator("td.col-id a").click()
    page.wait_for_url("**/sample/articles/*")
    urls = [page.url]
    body = page.locator(".article-body")
    assert EVIL_TITLE in body.inner_text()
    assert SCRIPT in body.inner_text() and IMG in body.inner_text()
    assert EVIL_TITLE in page.locator("h1").inner_text()
    shot(page, "payload_article")
    for href in page.locator("ol.claims a.claim-link").evaluate_all("els => els.map(e => e.href)"):
        urls.append(href)
    page.goto(f"{server}/sample/claims_view?_search=Budi")
    urls.append(page.url)
    page.goto(f"{server}/")
    urls.append(page.url)
    evil_speaker = page.locator(".speakers-chart a", has_text=EVIL_SPEAKER)
    assert evil_speaker.count() == 1
    evil_speaker.click()
    page.wait_for_url("**/sample/speakers/*")
    urls.append(page.url)
    assert page.locator("h1").inner_text() == EVIL_SPEAKER
    page.locator("a.claim-link").first.click()
    page.wait_for_url("**/sample/claims/m*")
    urls.append(page.url)
    assert "<script>alert('note')</script>" in page.locator(".claim-note").inner_text()
    shot(page, "payload_manual_claim")
    for url in urls:
        page.goto(url)
        page.wait_for_load_state("load")
        injected = page.evaluate("""() => ({
            imgs: [...document.querySelectorAll('img')].map(e => e.outerHTML),
            scripts: [...document.querySelectorAll('script')].filter(e => e.textContent.includes('alert')).length,
            handlers: [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).map(e => e.outerHTML.slice(0, 80)),
            js_links: [...document.querySelectorAll('a[href]')].filter(a => a.href.trim().toLowerCase().startsWith('javascript:')).length,
            bold: document.querySelectorAll('b[onmouseover]').length,
        })""")
        assert injected == {"imgs": [], "scripts": 0, "handlers": [], "js_links": 0, "bold": 0}, (url, injected)
        # hovering the highlights runs nothing either
        for mark in page.locator("mark.claim-mark").all()[:5]:
            mark.hover()
    assert page.dialogs == []


def test_home_search_and_charts(page, server):
    page.goto(f"{server}/")
    assert page.locator(".speakers-chart tbody tr").count() >= 6
    china = page.locator(".speakers-chart tr", has_text="China").first
    assert china.locator(".bar-segment.stance-denies").inner_text() == "1"
    page.fill("#claim-search-input", "militer")
    page.press("#claim-search-input", "Enter")
    page.wait_for_url("**/-/search?q=militer*")
    shot(page, "home_search")
    page.locator(".search-claims a", has_text="All claims that match").click()
    page.wait_for_url("**/sample/claims_view?_search=militer*")
    texts = page.locator("li.claim-card a.card-text").all_inner_texts()
    assert texts and any("militer" in t for t in texts)
    page.goto(f"{server}/")
    page.locator("a.vega-link").click()
    page.wait_for_selector("canvas, svg.marks", timeout=10_000)
    shot(page, "vega_chart")


def test_one_person_is_one_row_and_one_page_with_all_names(page, identity_server):
    page.goto(f"{identity_server}/")
    rows = page.locator(".speakers-chart tbody tr")
    assert rows.count() == 1 and "Rudi Hartono" in rows.first.inner_text()
    rows.first.locator("a", has_text="Rudi Hartono").click()
    page.wait_for_url("**/identity/speakers/*")
    names = page.locator("ul.aliases li").all_inner_texts()
    assert any(n.startswith("Hartono") and "inferred" in n for n in names), names
    assert any(n.startswith("Mas Rudi") and "manual, merged from Mas Rudi" in n for n in names), names
    assert page.locator("ul.roles li").first.inner_text().startswith("Menteri Pangan")
    assert page.locator("ol.claims li").count() == 3
    shot(page, "speaker_page_names")


def test_claims_page_reads_as_cards_ten_to_a_screen(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    try:
        page.goto(f"{server}/sample/claims_view")
        cards = page.locator("li.claim-card")
        assert cards.count() >= 10
        on_screen = page.evaluate("""() => [...document.querySelectorAll('li.claim-card')]
            .filter(e => e.getBoundingClientRect().bottom <= window.innerHeight).length""")
        assert on_screen >= 10, on_screen
        assert page.evaluate("document.documentElement.scrollWidth") <= 1280
        # speakers are linked names, stances labelled badges, no raw JSON, no technical columns
        first = cards.first
        assert first.locator(".card-speakers a.speaker-link").count() >= 1
        assert first.locator(".stance-badge").inner_text() in {"Asserts", "Praises", "Calls for", "Pledges",
                                                               "Accuses", "Denies"}
        body = page.locator(".claim-cards").inner_text()
        assert '["' not in body and "claim_rowid" not in body
        assert not page.locator("dl.column-descriptions").is_visible()
        # the facets are in the order people read them, and the speaker facet filters
        names = page.locator(".claims-facets .facet-info-name").all_inner_texts()
        assert [n.split()[0] for n in names][:2] == ["stance", "speaker"]
        page.locator("#facet-speaker a", has_text="Xi Jinping").click()
        page.wait_for_url("**_speaker=*")
        assert page.locator("li.claim-card").count() == 5
        assert "by Xi Jinping" in page.locator(".claims-count").inner_text()
        shot(page, "claims_page_speaker_filter")
        for term in ['"', "militer AND", "Mu'ti", "ro-ro", "NEAR("]:
            page.fill("#claims-search-input", term)
            page.press("#claims-search-input", "Enter")
            page.wait_for_load_state("load")
            assert page.locator("h1").inner_text() == "Claims", term
            assert "error" not in page.locator("body").inner_text().casefold(), term
        page.goto(f"{server}/sample/claims_view")
        shot(page, "claims_page")
    finally:
        context.close()


@pytest.mark.parametrize("path", ["/sample/claims_view", "/sample/claims_view?stance=reports",
                                  "/sample/claims_view?stance=reports&_view=table", "/sample/claims?stance=reports",
                                  "/sample/claims_view?_search=zzzz", "/sample/who_said_what_about?term=zzz", "/sample"])
def test_pages_with_no_rows_run_without_script_errors(page, server, path):
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{server}{path}")
    page.wait_for_load_state("load")
    page.wait_for_timeout(200)
    assert errors == []


def test_canned_query_links_lead_to_claims_and_speakers(page, server):
    page.goto(f"{server}/sample/accusations_and_denials")
    assert page.title().startswith("Accusations and their denials")
    page.locator("td.col-deniers a.speaker-link", has_text="China").first.click()
    page.wait_for_url("**/sample/speakers/*")
    assert page.locator("h1").inner_text() == "China"
    page.go_back()
    page.locator("td.col-denial_id a").first.click()
    page.wait_for_url("**/sample/claims/c*")
    assert page.locator("h1 .stance-badge").inner_text() == "Denies"
    shot(page, "canned_query_link")
