"""A sample database for the page tests: the seed articles, an article full of
HTML and script payloads, and a claim added by hand that links to it."""
from __future__ import annotations

from pathlib import Path

from factdb.db import open_db
from factdb.ingest import ingest_paths
from factdb.store import ClaimValue, SpeakerValue, add_manual_claim

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

SCRIPT = "<script>alert('quote')</script>"
IMG = "<img src=x onerror=alert('img')>"
JS_LINK = "<a href=\"javascript:alert('link')\">data impor</a>"
EVIL_TITLE = "Berita <script>alert('title')</script> Hari Ini"
EVIL_SPEAKER = "<img src=x onerror=alert('speaker')>"
EVIL_NOTE = "<script>alert('note')</script>"

EVIL_URL = "javascript:alert('url')"
EVIL_ARTICLE = f"""---
outlet: <b onmouseover=alert('outlet')>Evil</b>
published: 2026-02-06
---
{EVIL_TITLE}

JAKARTA, KOMPAS — Menteri Keuangan Budi Santoso mengatakan, "{SCRIPT} harga beras akan naik {IMG}".

Partai Rakyat menuduh Budi menyembunyikan {JS_LINK} dari publik. Budi membantah tuduhan tersebut dan mengatakan bahwa pemerintah "<img src=x onerror=alert('deny')> selalu terbuka".
"""

# The denial and accusation in the seed article (Kontan, 5 February 2026).
DENIAL_TEXT = "tuduhan tersebut"
ACCUSATION_TEXT = 'Beijing memberikan "bantuan militer langsung" kepada upaya perang Rusia'


def build_sample_db(directory: Path) -> Path:
    """Ingest the seeds and the payload article into ``directory/sample.db``."""
    articles = directory / "articles"
    articles.mkdir(parents=True, exist_ok=True)
    (articles / "evil.txt").write_text(EVIL_ARTICLE, encoding="utf-8")
    path = directory / "sample.db"
    db = open_db(path)
    summary = ingest_paths(db, [SEEDS, articles])
    assert not summary.errors, summary.errors
    evil_id = db.execute("select id from articles where source_file like '%evil.txt'").fetchone()[0]
    payload_claim = db.execute("select id from claims where article_id = ? and quote like '%<script>%'",
                               [evil_id]).fetchone()[0]
    with db.conn:  # ingest refuses such a url; a database from before may still hold one
        db.execute("update articles set url = ? where id = ?", [EVIL_URL, evil_id])
    add_manual_claim(db, ClaimValue(speakers=(SpeakerValue(EVIL_SPEAKER, EVIL_SPEAKER),), stance="accuses",
                                    text=f"Budi {IMG} hides {SCRIPT}", quote=JS_LINK, note=EVIL_NOTE),
                     evil_id, [("responds_to", payload_claim)])
    db.close()
    return path
