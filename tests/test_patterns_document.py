"""Pattern: a document as the source (factdb/extract/patterns/document.py). Invented sentences."""
import pytest

from factdb.extract import extract_claims, load_lexicon


@pytest.fixture(scope="module")
def en():
    return load_lexicon("en")


def claims(text, lex):
    return [(c.speakers[0].name, c.speakers[0].kind, c.text) for c in extract_claims(text, lex).claims]


def test_in_a_document_then_content(en):
    assert claims("In a new county poll, most farmers backed the levy.", en) == [
        ("new county poll", "document", "most farmers backed the levy")]


def test_content_then_document_shows(en):
    assert claims("Most farmers backed the levy, a new county poll shows.", en) == [
        ("new county poll", "document", "Most farmers backed the levy")]


def test_a_possessive_document_is_its_owners(en):
    # "In her report, the auditor ...": the auditor speaks, not the report
    got = claims("In her report, the auditor said the accounts were sound.", en)
    assert all(kind != "document" for _, kind, _ in got)


def test_a_document_with_a_participle_is_a_document(en):
    assert claims("An email unearthed by reporters revealed that the mayor knew of the leak.", en) == [
        ("email unearthed by reporters", "document", "the mayor knew of the leak")]
    assert claims("Documents obtained by the Ledger show the mayor knew of the leak.", en)[0][1] == "document"
