"""Pattern: "menurut X" / "according to X" (factdb/extract/patterns/according_to.py). Invented sentences."""
from factdb.extract import extract_claims


def claims(lex, lang, text):
    return [(", ".join(s.name for s in c.speakers), c.stance, c.text) for c in extract_claims(text, lex[lang]).claims]


def test_source_first(lex):
    assert claims(lex, "id", "Menurut Rudi Hartono, harga pupuk akan naik.") == [
        ("Rudi Hartono", "asserts", "harga pupuk akan naik")]
    assert claims(lex, "en", "According to Ellen Park, the bridge will open in May.") == [
        ("Ellen Park", "asserts", "the bridge will open in May")]


def test_content_first(lex):
    assert claims(lex, "id", "Harga pupuk akan naik, menurut Rudi Hartono.") == [
        ("Rudi Hartono", "asserts", "Harga pupuk akan naik")]


def test_a_document_as_the_source(lex):
    [c] = extract_claims("The bridge will open in May, according to a city report.", lex["en"]).claims
    assert (c.speakers[0].name, c.speakers[0].kind, c.text) == ("city report", "document", "The bridge will open in May")


def test_a_measure_is_no_source(lex):
    assert claims(lex, "en", "The rooms were painted according to their preference.") == []


def test_the_reader_is_no_source(lex):
    assert extract_claims("Bagaimana menurut Anda?", lex["id"]).claims == ()


def test_menurut_between_commas_after_the_subject_keeps_the_subject(lex):
    [c] = extract_claims("Bawaslu, menurut Rudi, sudah berulang kali mengeluarkan imbauan.", lex["id"]).claims
    assert c.text == "Bawaslu, menurut Rudi, sudah berulang kali mengeluarkan imbauan"
    [c] = extract_claims("Namun, menurut Rudi, Bawaslu sudah mengeluarkan imbauan.", lex["id"]).claims
    assert c.text == "Bawaslu sudah mengeluarkan imbauan"


def test_kata_opening_the_sentence_works_like_menurut(lex):
    [c] = extract_claims("Kata Rudi Hartono, ancaman hukuman pasal itu lebih berat.", lex["id"]).claims
    assert (c.speakers[0].name, c.text) == ("Rudi Hartono", "ancaman hukuman pasal itu lebih berat")
