"""Reading a file into an article: title, dateline, date, language, front matter."""
import pytest

from factdb.articles import ArticleError, detect_language, parse_article, read_article

from .conftest import SEED


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
    (b"---\nurl: [\n---\nJudul\nIsi", "front matter is not valid YAML"),
    (b"---\n- a\n---\nJudul\nIsi", "front matter must be a mapping"),
    (b"---\nurl: x\n---\n\n", "empty article"),
])
def test_bad_articles(tmp_path, data, message):
    path = tmp_path / "x.txt"
    path.write_bytes(data)
    with pytest.raises(ArticleError, match=message):
        read_article(path)
