"""Reading a file into an article: title, dateline, date, language, front matter."""
import re

import pytest

from factdb.articles import (DATE_WINDOW, TITLE_SEPARATORS, ArticleError, detect_language, parse_article,
                             read_article)

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
    (b"---\nurl: [\n---\nJudul\nIsi", "front matter is not valid YAML"),
    (b"---\n- a\n---\nJudul\nIsi", "front matter must be a mapping"),
    (b"---\nurl: x\n---\n\n", "empty article"),
])
def test_bad_articles(tmp_path, data, message):
    path = tmp_path / "x.txt"
    path.write_bytes(data)
    with pytest.raises(ArticleError, match=message):
        read_article(path)


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


@pytest.mark.parametrize("data", [b"\xc2\xb7\n\xe2\x80\x94\n|\n", b"---\nurl: x\n---\n - \n\xe2\x80\xa2\n"])
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
