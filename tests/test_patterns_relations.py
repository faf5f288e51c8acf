"""Stage 6, relations (factdb/extract/relations.py): a denial or a response linked to
the claim it answers. Invented sentences."""
import pytest

from factdb.extract import extract_claims, load_lexicon


@pytest.fixture(scope="module")
def lex():
    return {lang: load_lexicon(lang) for lang in ("id", "en")}


def relations(lex, lang, text):
    ex = extract_claims(text, lex[lang])
    return [(ex.claims[r.source].speakers[0].name, ex.claims[r.target].speakers[0].name, r.type) for r in ex.relations]


def test_a_denial_of_a_reference_points_to_the_accusation(lex):
    text = "Warga menuduh Joko Susilo menjual pupuk bersubsidi.\nJoko Susilo membantah tuduhan tersebut."
    assert relations(lex, "id", text) == [("Joko Susilo", "Warga", "denies")]


def test_a_denial_repeating_the_words_points_to_the_accusation(lex):
    text = "Residents accused Ellen Park of hiding the costs. Park denied hiding the costs."
    assert relations(lex, "en", text) == [("Park", "Residents", "denies")]


def test_a_reaction_to_a_narrated_decision_answers_the_later_claim_that_states_it(lex):
    text = ("Pemerintah Kabupaten Sukamaju memutuskan untuk menghapus syarat tes bagi warga yang hendak mudik "
            "saat libur panjang.\n"
            "Dokter Rina Lestari memperingatkan kebijakan itu bisa membuat kasus naik.\n"
            "Bupati Sukamaju Joko Susilo mengatakan, pemerintah kabupaten menghapus syarat tes bagi warga yang "
            "hendak mudik saat libur panjang.")
    assert relations(lex, "id", text) == [("Rina Lestari", "Joko Susilo", "responds_to")]


def test_no_link_to_a_later_claim_about_something_else(lex):
    text = ("Pemerintah Kabupaten Sukamaju memutuskan untuk menghapus syarat tes bagi warga yang hendak mudik.\n"
            "Dokter Rina Lestari memperingatkan kebijakan itu bisa membuat kasus naik.\n"
            "Bupati Sukamaju Joko Susilo mengatakan, jalan desa akan diperbaiki tahun depan.")
    assert relations(lex, "id", text) == []
