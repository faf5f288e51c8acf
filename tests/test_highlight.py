from markupsafe import Markup

from factdb.highlight import Span, highlight, locate, paragraph_bounds, safe_url, sentence_bounds, shift


def mark(start, end, name):
    return Span(start, end, attrs=(("class", name),), first_attrs=(("id", name),))


def test_text_is_escaped_around_and_inside_marks():
    text = "<b>a</b> said <script>x()</script>"
    out = highlight(text, [mark(14, len(text), "c")])
    assert isinstance(out, Markup)
    assert out == '&lt;b&gt;a&lt;/b&gt; said <mark class="c" id="c">&lt;script&gt;x()&lt;/script&gt;</mark>'


def test_attribute_values_are_escaped():
    out = highlight("abc", [Span(0, 3, attrs=(("title", '"><img src=x>'),))])
    assert out == '<mark title="&#34;&gt;&lt;img src=x&gt;">abc</mark>'


def test_no_spans_gives_escaped_text():
    assert highlight("a < b & c", []) == "a &lt; b &amp; c"
    assert highlight("", []) == ""


def test_nested_spans_nest():
    out = highlight("0123456789", [mark(5, 8, "inner"), mark(2, 9, "outer")])
    assert out == '01<mark class="outer" id="outer">234<mark class="inner" id="inner">567</mark>8</mark>9'


def test_spans_sharing_a_start_put_the_longer_outside():
    out = highlight("abcdef", [mark(0, 2, "short"), mark(0, 4, "long")])
    assert out == '<mark class="long" id="long"><mark class="short" id="short">ab</mark>cd</mark>ef'


def test_crossing_spans_are_split_and_stay_well_formed():
    out = highlight("abcdefgh", [mark(1, 5, "x"), mark(3, 7, "y")])
    assert out == ('a<mark class="x" id="x">bc<mark class="y" id="y">de</mark></mark>'
                   '<mark class="y" data-continued="true">fg</mark>h')
    assert out.count("<mark") == out.count("</mark>")


def test_spans_out_of_range_or_empty_are_ignored():
    assert highlight("abc", [mark(2, 9, "x"), mark(1, 1, "y"), mark(-1, 2, "z")]) == "abc"


def test_adjacent_spans():
    out = highlight("abcd", [mark(0, 2, "x"), mark(2, 4, "y")])
    assert out == '<mark class="x" id="x">ab</mark><mark class="y" id="y">cd</mark>'


def test_locate_prefers_offsets_then_a_unique_occurrence():
    body = "one two one"
    assert locate(body, "one", 8, 11) == (8, 11)
    assert locate(body, "one", 1, 4) is None  # offsets wrong, text not unique
    assert locate(body, "two", None, None) == (4, 7)
    assert locate(body, "three", 0, 5) is None
    assert locate("", "x", 0, 1) is None


def test_paragraph_and_sentence_bounds():
    body = "Title\n\nFirst. He said it is fine. Last.\nNext"
    start = body.index("it is fine")
    end = start + len("it is fine")
    left, right = paragraph_bounds(body, start, end)
    assert body[left:right] == "First. He said it is fine. Last."
    s = sentence_bounds(body, "He said it is fine.", start, end)
    assert body[s[0]:s[1]] == "He said it is fine."
    assert sentence_bounds(body, "Not there.", start, end) is None
    assert sentence_bounds(body, None, start, end) is None


def test_shift():
    assert shift(mark(5, 8, "x"), 5) == mark(0, 3, "x")


def test_safe_url_accepts_only_plain_http_links():
    assert safe_url("https://example.com/a?b=1") == "https://example.com/a?b=1"
    assert safe_url(" http://example.com ") == "http://example.com"
    for bad in ("javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>", "//evil.example",
                'https://x.example/"onmouseover=alert(1)', "", None):
        assert safe_url(bad) is None
