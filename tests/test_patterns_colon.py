"""Patterns with a colon (factdb/extract/patterns/colon.py). Invented sentences."""
import pytest

from factdb.extract import extract_claims, load_lexicon


@pytest.fixture(scope="module")
def en():
    return load_lexicon("en")


def claims(text, lex):
    return [(c.speakers[0].name, c.cue, c.text) for c in extract_claims(text, lex).claims]


def test_name_colon_quote(en):
    assert claims('Ellen Park: "The bridge will open in May."', en) == [
        ("Ellen Park", ":", "The bridge will open in May")]


def test_a_cue_ending_with_a_colon_takes_the_quote_that_follows(en):
    assert claims('Ellen Park continued:\n\n"The bridge will open in May."', en) == [
        ("Ellen Park", "continued", "The bridge will open in May")]
