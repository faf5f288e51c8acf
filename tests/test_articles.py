"""Reading a file into an article: title, dateline, date, language, front matter."""
import os
import re
import socket
import tempfile
import threading
import time
from pathlib import Path

import pytest

from factdb import articles
from factdb.articles import (DATE_WINDOW, MAX_BYTES, MAX_FIELD_CHARS, MAX_FRONT_MATTER_BYTES, TITLE_SEPARATORS,
                             ArticleError, detect_language, parse_article, read_article)

from .conftest import ROOT, SEED


def test_seed_metadata():
    a = read_article(SEED)
    assert a.title == "Xi Jinping dan Vladimir Putin Lakukan Panggilan Video, Ini Isinya"
    assert a.outlet == "KONTAN"
    assert a.dateline == "KONTAN.CO.ID - BEIJING"
    assert a.published == "2026-02-05"
    assert a.language == "id"
    assert a.body == SEED.read_text(encoding="utf-8")
    assert a.body[a.title_span.start:a.title_span.end] == a.title


def test_front_matter_wins_and_is_not_body():
    text = "---\nurl: https://example.org/a\noutlet: Kompas\npublished: 2024-03-01\nlanguage: id\n---\n" \
           "Judul berita\n\nMenteri itu mengatakan, harga beras akan turun.\n"
    a = parse_article(text, "/some/dir/a.txt")
    assert (a.url, a.outlet, a.published, a.language) == ("https://example.org/a", "Kompas", "2024-03-01", "id")
    assert a.body.startswith("Judul berita")
    assert a.source_file == "a.txt"


def test_dateline_lead_is_not_a_title():
    a = parse_article("JAKARTA, KOMPAS — Gubernur itu mengatakan, banjir sudah surut pada Senin (3/2/2025).\n", "k.txt")
    assert a.outlet == "KOMPAS"
    assert a.title_span is None
    assert a.published == "2025-02-03"


def test_language_detection():
    assert detect_language("Presiden mengatakan bahwa harga yang akan naik tidak ada di dalam daftar itu.") == "id"
    assert detect_language("Zxq vbn mlk pqr stu.") == "und"


@pytest.mark.parametrize("data,message", [
    (b"", "empty article"),
    (b"  \n\t\n", "empty article"),
    (b"\x00\x01\x02binary", "binary file"),
    (b"Judul\n\nBerita \xe9", "not UTF-8"),
    (b"---\nurl: [\n---\nJudul\nIsi", "front matter: not valid YAML"),
    (b"---\n- a\n---\nJudul\nIsi", "front matter: must be a mapping"),
    (b"---\nurl: https://example.org/x\n---\n\n", "empty article"),
])
def test_bad_articles(tmp_path, data, message):
    path = tmp_path / "x.txt"
    path.write_bytes(data)
    with pytest.raises(ArticleError, match=message):
        read_article(path)


# -- front matter: every field checked ------------------------------------------------

BODY = "Judul berita\n\nMenteri itu mengatakan, harga beras akan turun.\n"


def with_front_matter(lines: str) -> str:
    return f"---\n{lines}\n---\n{BODY}"


@pytest.mark.parametrize("value,published", [
    ("2024-03-01", "2024-03-01"),
    ("'2024-03-01'", "2024-03-01"),
    ("2024-03-01 10:30:00", "2024-03-01"),  # a YAML date and time
    ("!!timestamp 2024-03-01", "2024-03-01"),
])
def test_published_dates(value, published):
    assert parse_article(with_front_matter(f"published: {value}"), "a.txt").published == published


@pytest.mark.parametrize("value,shown", [
    ("2024-13-45", "'2024-13-45'"),
    ("2023-02-29", "'2023-02-29'"),
    ("'2024-02-30'", "'2024-02-30'"),
    ("!!timestamp 2024-13-45", "'2024-13-45'"),
    ("2024-3-1", "'2024-3-1'"),
    ("01/03/2024", "'01/03/2024'"),
    ("yesterday", "'yesterday'"),
    ("20240301", "20240301"),
    ("2024-03-01T25:00:00", "'2024-03-01T25:00:00'"),
    ("[2024, 3, 1]", "[2024, 3, 1]"),
    ("true", "True"),
])
def test_a_published_that_is_no_date_is_an_error(value, shown):
    with pytest.raises(ArticleError) as e:
        parse_article(with_front_matter(f"published: {value}"), "a.txt")
    assert str(e.value) == f"front matter: published {shown} is not a date (YYYY-MM-DD)"


@pytest.mark.parametrize("url", ["https://example.org/berita/123", "http://example.org", "HTTPS://Example.org/a?b=1#c",
                                 "http://127.0.0.1:8080/x"])
def test_http_urls(url):
    assert parse_article(with_front_matter(f"url: {url}"), "a.txt").url == url


@pytest.mark.parametrize("value,message", [
    ("javascript:alert(1)", "url 'javascript:alert(1)' is not an http(s) address"),
    ("data:text/html,x", "url 'data:text/html,x' is not an http(s) address"),
    ("ftp://example.org/a", "url 'ftp://example.org/a' is not an http(s) address"),
    ("example.org/a", "url 'example.org/a' is not an http(s) address"),
    ("https://", "url 'https://' is not an http(s) address"),
    ("http://[::1", "url 'http://[::1' is not an http(s) address"),
    ("http://example.org:port/", "url 'http://example.org:port/' is not an http(s) address"),
    ("'https://example.org/a b'", "url 'https://example.org/a b' has spaces, quotes or brackets in it"),
    ("'https://example.org/<script>'", "url 'https://example.org/<script>' has spaces, quotes or brackets in it"),
    ("[https://example.org]", "url must be an http(s) address, not a list"),
    ("42", "url must be an http(s) address, not 42 (int)"),
])
def test_a_url_that_is_no_http_address_is_an_error(value, message):
    with pytest.raises(ArticleError) as e:
        parse_article(with_front_matter(f"url: {value}"), "a.txt")
    assert str(e.value) == f"front matter: {message}"


@pytest.mark.parametrize("code", ["id", "en", "fr", "zh", "no"])  # "no" is Norwegian, not false
def test_language_codes(code):
    assert parse_article(with_front_matter(f"language: {code}"), "a.txt").language == code


@pytest.mark.parametrize("value,shown", [
    ("EN", "'EN'"), ("xx", "'xx'"), ("en-US", "'en-US'"), ("english", "'english'"), ("und", "'und'"),
    ("12", "12"), ("[id]", "['id']"), ("false", "False"),
])
def test_an_unknown_language_is_an_error(value, shown):
    with pytest.raises(ArticleError) as e:
        parse_article(with_front_matter(f"language: {value}"), "a.txt")
    assert str(e.value) == (f"front matter: language {shown} is not a known language code "
                            "(a two-letter ISO 639-1 code in lower case, such as 'id' or 'en')")


@pytest.mark.parametrize("field", ["outlet", "title"])
def test_outlet_and_title_are_plain_text(field):
    a = parse_article(with_front_matter(f"{field}: |\n   Harian\n   Satu  "), "a.txt")
    assert getattr(a, field) == "Harian Satu"
    assert getattr(parse_article(with_front_matter(f"{field}: 1984"), "a.txt"), field) == "1984"
    for value, kind in [("[a, b]", "a list"), ("{a: 1}", "a mapping"), ("true", "true (a boolean)"),
                        ("!!binary aGVsbG8=", "b'hello' (bytes)")]:
        with pytest.raises(ArticleError) as e:
            parse_article(with_front_matter(f"{field}: {value}"), "a.txt")
        assert str(e.value) == f"front matter: {field} must be text, not {kind}"
    long = "x" * (MAX_FIELD_CHARS + 1)
    with pytest.raises(ArticleError, match=f"^front matter: {field} 'x+\\.\\.\\. is longer than 300 characters$"):
        parse_article(with_front_matter(f"{field}: {long}"), "a.txt")
    assert getattr(parse_article(with_front_matter(f"{field}: {long[1:]}"), "a.txt"), field) == long[1:]


def test_empty_fields_count_as_absent_and_other_keys_are_ignored():
    a = parse_article(with_front_matter("url:\noutlet: ''\npublished: ~\nlanguage:\ntitle: '  '\n"
                                        "author: Budi\ntags: [a, b]\n42: x\npublihsed: 2024-13-45"), "a.txt")
    assert (a.url, a.outlet, a.published, a.title, a.language) == (None, None, None, "Judul berita", "id")


def test_an_error_is_one_line_naming_the_field():
    with pytest.raises(ArticleError) as e:
        parse_article(with_front_matter("outlet: Kompas\ntitle: \"a\\nb\" \nurl: \"https://x.org/\\n<b>\""), "a.txt")
    assert str(e.value) == "front matter: url 'https://x.org/\\n<b>' has spaces, quotes or brackets in it"
    assert "\n" not in str(e.value)


@pytest.mark.parametrize("text", [
    "---\nurl: https://example.org/a\n" + BODY,
    "---\n" + BODY,
    "---\n",
    "---  \r\nJudul\r\n\r\nIsi\r\n",
    "---\n--- not a closing\n----\n" + BODY,
])
def test_an_opening_without_a_closing_is_an_error(text):
    with pytest.raises(ArticleError) as e:
        parse_article(text, "a.txt")
    assert str(e.value) == "front matter: no closing '---'"


def test_front_matter_can_be_empty_and_ends_at_the_first_closing():
    a = parse_article("---\n---\n" + BODY, "a.txt")
    assert a.body == BODY and a.title == "Judul berita"
    a = parse_article("---\r\nlanguage: en\r\n--- \r\nMill closes\r\n\r\n---\r\nJane Roe said so.\r\n", "a.txt")
    assert (a.language, a.title) == ("en", "Mill closes")
    assert a.body == "Mill closes\r\n\r\n---\r\nJane Roe said so.\r\n"


def alias_bomb(size: int) -> str:
    """Billion laughs: each level lists the one before nine times (9**levels items)."""
    lines = ['l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    while sum(len(line) + 1 for line in lines) < size:
        n = len(lines)
        lines.append(f"l{n}: &l{n} [" + ", ".join([f"*l{n - 1}"] * 9) + "]")
    return "\n".join(lines)


def test_an_alias_bomb_is_refused_at_once():
    bomb = alias_bomb(10_000)
    assert 9_000 < len(bomb) < MAX_FRONT_MATTER_BYTES
    start = time.perf_counter()
    with pytest.raises(ArticleError) as e:
        parse_article(f"---\n{bomb}\n---\n{BODY}", "a.txt")
    assert time.perf_counter() - start < 0.5
    assert str(e.value) == "front matter: not valid YAML (anchors and aliases are not allowed, line 2)"


@pytest.mark.parametrize("lines,problem", [
    ("url: https://example.org\nx: &a 1", "anchors and aliases are not allowed, line 3"),
    ("x: *a", "anchors and aliases are not allowed, line 2"),
    ("x: " + "[" * 5000, "nested more than 20 levels deep, line 2"),
    ("x: !!python/object/apply:os.system [echo]",
     "could not determine a constructor for the tag 'tag:yaml.org,2002:python/object/apply:os.system', line 2"),
    ("? [a]\n: b", "found unhashable key, line 2"),
])
def test_yaml_beyond_plain_fields_is_refused(lines, problem):
    start = time.perf_counter()
    with pytest.raises(ArticleError) as e:
        parse_article(with_front_matter(lines), "a.txt")
    assert time.perf_counter() - start < 1
    assert str(e.value) == f"front matter: not valid YAML ({problem})"


def test_numbers_too_long_for_python_are_text():
    a = parse_article(with_front_matter("x: " + "9" * 5000 + "\ntitle: " + "1" * 200), "a.txt")
    assert a.title == "1" * 200


def test_front_matter_size_is_bounded_before_parsing(monkeypatch):
    def no_parsing(*args, **kwargs):
        raise AssertionError("parsed")
    monkeypatch.setattr(articles.yaml, "load", no_parsing)
    big = "".join(f"k{n}: v\n" for n in range(MAX_FRONT_MATTER_BYTES // 6))
    with pytest.raises(ArticleError) as e:
        parse_article(f"---\n{big}---\n{BODY}", "a.txt")
    assert str(e.value) == "front matter: longer than 20,000 bytes"
    wide = "t: " + "é" * (MAX_FRONT_MATTER_BYTES // 2)  # few characters, many bytes
    with pytest.raises(ArticleError, match="longer than 20,000 bytes"):
        parse_article(f"---\n{wide}\n---\n{BODY}", "a.txt")


# -- only regular files, bounded before reading ------------------------------------------

def read_within(path, seconds: float = 5.0):
    """read_article(path) in a thread: (the Article or the exception, seconds taken); a
    test fails at once, instead of hanging, if it does not return within ``seconds``."""
    outcome = []

    def run():
        try:
            outcome.append(read_article(Path(path)))
        except BaseException as e:  # noqa: BLE001 (handed to the test)
            outcome.append(e)
    start = time.perf_counter()
    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        if os.path.exists(path) and hasattr(os, "O_NONBLOCK"):
            try:  # let a reader blocked on a FIFO go
                os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
            except OSError:
                pass
        pytest.fail(f"read_article({path}) did not return within {seconds}s")
    return outcome[0], time.perf_counter() - start


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_a_fifo_is_refused_without_waiting(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    error, seconds = read_within(fifo)
    assert isinstance(error, ArticleError) and str(error) == "not a regular file (a FIFO)"
    assert seconds < 1


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_dev_zero_is_refused_without_reading():
    error, seconds = read_within("/dev/zero")
    assert isinstance(error, ArticleError) and str(error) == "not a regular file (a character device)"
    assert seconds < 1


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="no Unix sockets on this platform")
def test_a_socket_is_refused():
    with tempfile.TemporaryDirectory() as d:  # short: a socket's path is at most ~100 bytes
        path = os.path.join(d, "s.txt")
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
            s.bind(path)
            error, _ = read_within(path)
    assert isinstance(error, ArticleError) and str(error) == "not a regular file (a socket)"


def test_a_directory_is_refused(tmp_path):
    error, _ = read_within(tmp_path)
    assert isinstance(error, ArticleError) and str(error) == "is a directory"


def test_a_file_too_large_is_refused_from_its_size(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as f:
        f.truncate(50 * MAX_BYTES)  # sparse: nothing to read but zeros
    opened = []
    real_open = os.open
    monkeypatch.setattr(os, "open", lambda *args, **kwargs: opened.append(args) or real_open(*args, **kwargs))
    error, seconds = read_within(path)
    assert isinstance(error, ArticleError)
    assert str(error) == f"too large for an article ({50 * MAX_BYTES:,} bytes; at most {MAX_BYTES:,})"
    assert opened == [] and seconds < 1


def test_a_file_growing_while_read_is_read_no_further_than_the_bound(tmp_path, monkeypatch):
    """The sizes said a small file; the file holds more: at most MAX_BYTES + 1 bytes are read."""
    path = tmp_path / "growing.txt"
    path.write_bytes(b"Judul\n\n" + b"x" * 200)
    monkeypatch.setattr(articles, "MAX_BYTES", 100)
    small = os.stat_result(os.stat(path)[:6] + (10,) + os.stat(path)[7:])
    monkeypatch.setattr(os, "stat", lambda *args, **kwargs: small)
    monkeypatch.setattr(os, "fstat", lambda *args, **kwargs: small)
    reads = []
    real_fdopen = os.fdopen

    def fdopen(*args, **kwargs):
        f = real_fdopen(*args, **kwargs)
        real_read = f.read
        f.read = lambda n=-1: reads.append(n) or real_read(n)
        return f
    monkeypatch.setattr(os, "fdopen", fdopen)
    with pytest.raises(ArticleError) as e:
        read_article(path)
    assert str(e.value) == "too large for an article (more than 100 bytes)"
    assert reads == [101]


def test_ingest_reports_each_bad_file_in_one_line_and_goes_on(tmp_path):
    from factdb.db import open_db
    from factdb.ingest import ingest_paths
    files = {"date.txt": with_front_matter("published: 2024-13-45"), "open.txt": "---\nurl: https://x.org\n" + BODY,
             "bomb.txt": f"---\n{alias_bomb(10_000)}\n---\n{BODY}", "good.txt": with_front_matter("outlet: Kompas")}
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    paths = [tmp_path / name for name in files]
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pipe.txt")
        paths.append(tmp_path / "pipe.txt")
    db = open_db(tmp_path / "x.db")
    lines = []
    summary = ingest_paths(db, paths, on_error=lambda path, error: lines.append(f"{path.name}: {error}"))
    assert summary.articles == 1
    assert lines[:3] == ["date.txt: front matter: published '2024-13-45' is not a date (YYYY-MM-DD)",
                         "open.txt: front matter: no closing '---'",
                         "bomb.txt: front matter: not valid YAML (anchors and aliases are not allowed, line 2)"]
    assert lines[3:] == (["pipe.txt: not a regular file (a FIFO)"] if hasattr(os, "mkfifo") else [])
    assert db.execute("select title, outlet from articles").fetchall() == [("Judul berita", "Kompas")]


# -- datelines -----------------------------------------------------------------

@pytest.mark.parametrize("dateline", [
    "SPRINGFIELD, Ill.", "LAKEVIEW, N.H.", "FAIRMONT, Calif.", "WASHINGTON, D.C.", "PALM GROVE, Fla.",
    "BRISTOW, NH", "RIVERTON, Texas",
])
def test_a_place_abbreviation_after_the_comma_is_part_of_the_place(dateline):
    a = parse_article(f"Mill closes\n\n{dateline} — Mr. Roe said the mill would close on Friday.\n", "a.txt")
    assert a.dateline == dateline
    assert a.outlet is None
    assert a.title == "Mill closes"


def test_a_dateline_lead_with_an_abbreviated_state_has_no_outlet():
    a = parse_article("LAKEVIEW, N.H. — Mr. Roe said the mill would close, and Jane Roe agreed.\n", "a.txt")
    assert (a.dateline, a.outlet) == ("LAKEVIEW, N.H.", None)
    assert a.title == "Mr. Roe said the mill would close, and Jane Roe agreed"
    assert a.title_span is None


@pytest.mark.parametrize("lead,dateline,outlet", [
    ("WARTAKITA.CO.ID - SUKAMAJU. Bupati itu mengatakan", "WARTAKITA.CO.ID - SUKAMAJU", "WARTAKITA"),
    ("SUKAMAJU, WARTAKITA — Bupati itu mengatakan", "SUKAMAJU, WARTAKITA", "WARTAKITA"),
    ("SUKAMAJU, Wartakita.com - Bupati itu mengatakan", "SUKAMAJU, Wartakita.com", "Wartakita"),
    ("SPRINGFIELD (Lantern Wire) - Jane Roe said", "SPRINGFIELD (Lantern Wire)", "Lantern Wire"),
    ("SPRINGFIELD, Ill., Oct. 12 (LW) — Jane Roe said", "SPRINGFIELD, Ill., Oct. 12 (LW)", "LW"),
    ("RIVERTON, Aug 3 (Lantern Wire) -- Jane Roe said", "RIVERTON, Aug 3 (Lantern Wire)", "Lantern Wire"),
    ("NEW RIVERTON — Jane Roe said", "NEW RIVERTON", None),
    ("RIVERTON ― U.S. officials said", "RIVERTON", None),
])
def test_dateline_outlets(lead, dateline, outlet):
    a = parse_article(f"Judul berita\n\n{lead} hal itu sudah selesai.\n", "a.txt")
    assert (a.dateline, a.outlet) == (dateline, outlet)


def test_a_headline_in_capitals_with_a_dash_is_not_a_dateline():
    a = parse_article("STORM — THE DAY AFTER\n\nJane Roe said the roads were closed.\n", "a.txt")
    assert a.dateline is None
    assert a.title == "STORM — THE DAY AFTER"


def test_a_dateline_further_down_is_not_the_articles():
    text = "Mill closes\n\nJane Roe said the mill would close.\n\nRIVERTON — John Doe said it would not.\n"
    assert parse_article(text, "a.txt").dateline is None


# -- dates -------------------------------------------------------------------

@pytest.mark.parametrize("written,iso", [
    ("Oct. 12, 2016", "2016-10-12"),
    ("October 12, 2016", "2016-10-12"),
    ("Sept. 3, 2015", "2015-09-03"),
    ("Sep 3 2015", "2015-09-03"),
    ("12 October 2016", "2016-10-12"),
    ("12 Oct. 2016", "2016-10-12"),
    ("October 12th, 2016", "2016-10-12"),
])
def test_english_dates_near_the_top(written, iso):
    a = parse_article(f"Mill closes\n\nSPRINGFIELD, Ill. — Jane Roe said on {written} that the mill "
                      "would close.\n", "a.txt")
    assert a.published == iso


def test_a_full_date_at_the_top_wins_over_the_weekday():
    text = ("Mill closes\n\nThis is the Lantern for Tuesday, May 3, 2016.\n\n"
            "Jane Roe said on Tuesday that the mill would close.\n")
    assert parse_article(text, "a.txt").published == "2016-05-03"


def test_a_weekday_alone_gives_no_date():
    a = parse_article("Mill closes\n\nJane Roe said on Tuesday that the mill would close.\n", "a.txt")
    assert a.language == "en"
    assert a.published is None


def test_a_date_deep_in_the_article_or_in_a_quote_is_not_the_date():
    filler = "Jane Roe said the mill would close and the town would change for good. " * 10
    deep = f"Mill closes\n\n{filler}\n\n\"We opened on March 4, 1950,\" John Doe said.\n"
    assert parse_article(deep, "a.txt").published is None
    quoted = "Mill closes\n\n\"It all ended on March 4, 1990,\" Jane Roe said on Oct. 12, 2016.\n"
    assert parse_article(quoted, "a.txt").published == "2016-10-12"
    curly = "Mill closes\n\n“It all ended on March 4, 1990,” Jane Roe said.\n"
    assert parse_article(curly, "a.txt").published is None


def test_a_date_in_the_headline_is_not_the_date():
    text = "What changed after Oct. 12, 2016\n\nJane Roe said the mill would close.\n"
    assert parse_article(text, "a.txt").published is None


def test_the_lead_line_counts_however_long():
    long_lead = "SPRINGFIELD, Ill. — " + "Jane Roe said the mill would close and the town would change. " * 12
    a = parse_article(f"Mill closes\n\n{long_lead}She spoke on Oct. 12, 2016.\n", "a.txt")
    assert a.published == "2016-10-12"


def test_an_impossible_date_is_skipped():
    text = "Mill closes\n\nJane Roe said on February 30, 2016 and again on March 2, 2016 that it closes.\n"
    assert parse_article(text, "a.txt").published == "2016-03-02"


def test_indonesian_dates_keep_the_weekday_rule():
    text = ("SUKAMAJU, WARTAKITA — Tarif baru berlaku mulai 2 November 2020.\n"
            "Hal itu disampaikan Bupati Sukamaju Darmawan, Selasa (3/11/2020).\n")
    assert parse_article(text, "k.txt").published == "2020-11-03"


# -- titles ------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "· language en", "language: en ·", "| Mill closes in Riverton |", "• Mill closes in Riverton •",
    "Mill closes in Riverton;", "Mill closes in Riverton - ", "Mill closes in Riverton · language en",
    "— Mill closes in Riverton —",
])
def test_title_without_separators_or_residue(line):
    text = f"{line}\nMill closes in Riverton\n\nJane Roe said the mill would close.\n"
    a = parse_article(text, "a.txt")
    assert a.title == "Mill closes in Riverton"


def test_header_lines_of_separators_are_left_out_of_extraction():
    from factdb.extract.segment import paragraphs
    text = "· language en\n\n| Mill closes in Riverton |\n\nJane Roe said the mill would close.\n"
    a = parse_article(text, "a.txt")
    assert a.title == "Mill closes in Riverton"
    assert a.title_span.start == 0 and text[a.title_span.start:a.title_span.end].endswith("Riverton |")
    assert [text[p.start:p.end] for p in paragraphs(text, [a.title_span])] == ["Jane Roe said the mill would close."]


def test_words_of_a_headline_are_not_residue():
    for title in ["Language is a bridge, Jane Roe says", "Mr. Roe: I Still Believe It", "#Riverton trends again"]:
        assert parse_article(f"{title}\n\nJane Roe said the mill would close.\n", "a.txt").title == title


def test_a_long_lead_title_does_not_end_in_a_separator():
    lead = "SUKAMAJU, WARTAKITA — " + "Bupati Sukamaju, " * 12 + "mengatakan banjir sudah surut."
    title = parse_article(lead + "\n", "k.txt").title
    assert title.endswith(" ...") and not title[:-4].endswith(",")


@pytest.mark.parametrize("data", [b"\xc2\xb7\n\xe2\x80\x94\n|\n", b"---\nurl: https://example.org/x\n---\n - \n\xe2\x80\xa2\n"])
def test_only_separators_is_an_empty_article(tmp_path, data):
    path = tmp_path / "x.txt"
    path.write_bytes(data)
    with pytest.raises(ArticleError, match="empty article"):
        read_article(path)


@pytest.mark.parametrize("text", [
    "A", "—", "RIVERTON —", "KOMPAS - .", "SPRINGFIELD, Ill. — ", "Oct. 99, 2016", "(((",
    "· language en\n—\nx",
    "\r\n\r\nJudul\r\nIsi\r\n", "March 4, 0000 was a day", "\u2028\u2029x",
])
def test_odd_input_gives_an_article_or_an_article_error(text):
    try:
        a = parse_article(text, "odd.txt")
    except ArticleError:
        return
    assert a.body == text


# -- the development articles ---------------------------------------------------

EVAL = ROOT.parent / "shared" / "eval"
STATE_ABBREVIATION = re.compile(r"(?:[A-Z]\.)+|[A-Z][a-z]{1,5}\.")
POSTAL_CODES = set("AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM "
                   "NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY".split())
FULL_DATE = re.compile(
    r"\b(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4})\b")


def test_development_articles():
    sets = [EVAL / "dev-en" / "articles", EVAL / "dev" / "articles"]
    if not all(d.is_dir() for d in sets):
        pytest.skip("the development sets are not next to the repository")
    dated_at_top = got_date = 0
    for d in sets:
        for path in sorted(d.glob("*.txt")):
            a = read_article(path)
            assert a.title and a.title[0] not in TITLE_SEPARATORS and a.title[-1] not in TITLE_SEPARATORS, path.name
            assert a.outlet is None or not (STATE_ABBREVIATION.fullmatch(a.outlet) or a.outlet in POSTAL_CODES), \
                (path.name, a.outlet)
            if d.parent.name == "dev-en" and FULL_DATE.search(a.body[:DATE_WINDOW]):
                dated_at_top += 1
                got_date += a.published is not None
    assert got_date >= 0.8 * dated_at_top, f"{got_date} of {dated_at_top} articles with a full date at the top"
