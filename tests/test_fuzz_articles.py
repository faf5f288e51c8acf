"""Hostile input: whatever a file holds, read_article gives an Article or an ArticleError."""
import datetime as dt
import re
from urllib.parse import urlsplit

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factdb.articles import (FRONT_MATTER_FIELDS, ISO_639_1, MAX_FIELD_CHARS, Article, ArticleError,
                             available_languages, read_article)

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def article_file(tmp_path_factory):
    return tmp_path_factory.mktemp("fuzz") / "article.txt"


def read(path, data: bytes) -> Article | None:
    """read_article on ``data``: the Article, checked, or None for an ArticleError."""
    path.write_bytes(data)
    try:
        a = read_article(path)
    except ArticleError as e:
        assert str(e) and "\n" not in str(e), repr(str(e))
        return None
    assert isinstance(a, Article)
    assert a.title and isinstance(a.title, str) and a.body and isinstance(a.body, str)
    assert a.language in ISO_639_1 or a.language in available_languages() or a.language == "und"
    assert a.published is None or dt.date.fromisoformat(a.published).isoformat() == a.published
    assert a.url is None or (urlsplit(a.url).scheme.lower() in ("http", "https") and urlsplit(a.url).hostname)
    assert a.outlet is None or (isinstance(a.outlet, str) and a.outlet.strip())
    return a


BODIES = st.sampled_from([
    "Judul berita\n\nMenteri itu mengatakan, harga beras akan turun.\n",
    "Mill closes\n\nSPRINGFIELD — Jane Roe said on Oct. 12, 2016 that the mill would close.\n",
    "", "\n", "---\n", "· language en\n—\nx\n",
]) | st.text(max_size=200)

# scalars as YAML writes them, and the words YAML reads as something else
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=40), st.dates(), st.datetimes(),
    st.binary(max_size=20),
    st.sampled_from(["2024-13-45", "2024-03-01", "https://example.org/a", "javascript:alert(1)", "id", "en", "no",
                     "EN", "x" * (MAX_FIELD_CHARS + 1), "", " ", "~", "9" * 5000]),
)
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
    st.text(max_size=10), inner, max_size=4), max_leaves=12)
KEYS = st.sampled_from(FRONT_MATTER_FIELDS) | st.text(max_size=15) | st.integers()
FRONT_MATTER = st.dictionaries(KEYS, VALUES, max_size=8)

# pieces of YAML syntax for front matter written by hand (or by a hostile hand)
TOKENS = st.sampled_from([
    "\n", "  ", ": ", "- ", "? ", "[", "]", "{", "}", ",", "&a ", "*a", "!!python/object:os.system ", "!!timestamp ",
    "!!binary ", "!!int ", "!!float ", "!!set ", "!!omap ", "<<: ", "|", ">", '"', "'", "\\", "#", "%YAML 1.1\n",
    "---", "...", "\t", "\r\n", "\x85", "\u2028", "\ufeff", "url", "published", "language", "outlet", "title",
    "2024-13-45", "2024-02-29", "1:30:00", "0x1F", "0o17", "1e999", ".nan", "yes", "no", "on", "~", "null",
    "https://example.org/", "javascript:", "9" * 5000,
])
RAW_FRONT_MATTER = st.lists(TOKENS | st.text(max_size=8), max_size=40).map("".join)


@SETTINGS
@given(data=st.binary(max_size=2000))
def test_any_bytes(article_file, data):
    read(article_file, data)


@SETTINGS
@given(text=st.text(max_size=2000))
def test_any_text(article_file, text):
    read(article_file, text.encode("utf-8", "surrogatepass"))


@SETTINGS
@given(meta=FRONT_MATTER, body=BODIES, flow=st.sampled_from([None, True, False]))
def test_any_front_matter_dumped_as_yaml(article_file, meta, body, flow):
    front = yaml.safe_dump(meta, default_flow_style=flow, allow_unicode=True)
    a = read(article_file, f"---\n{front}---\n{body}".encode("utf-8", "surrogatepass"))
    if a is not None:  # whatever was kept is what the front matter said, checked
        for field in ("url", "outlet", "title", "language"):
            value = meta.get(field)
            if isinstance(value, str) and value.strip():
                assert getattr(a, field) == " ".join(value.split())
        if isinstance(meta.get("published"), dt.date):
            assert a.published == meta["published"].isoformat()[:10]


@SETTINGS
@given(front=RAW_FRONT_MATTER, body=BODIES, closing=st.sampled_from(["---\n", "---", "--- \r\n", ""]))
def test_any_front_matter_as_raw_text(article_file, front, body, closing):
    a = read(article_file, f"---\n{front}\n{closing}{body}".encode("utf-8", "surrogatepass"))
    if not closing and not re.search(r"^---[ \t]*\r?$", front + "\n" + body, re.M):
        assert a is None
