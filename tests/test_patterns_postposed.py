"""Pattern: the content before its cue, and the parenthetical cue
(factdb/extract/patterns/postposed.py). Invented sentences."""
from factdb.extract import extract_claims


def claims(lex, lang, text):
    return [(", ".join(s.name for s in c.speakers), c.stance, c.cue, c.text)
            for c in extract_claims(text, lex[lang]).claims]


def test_quote_cue_speaker(lex):
    assert claims(lex, "id", '"Jembatan baru akan selesai bulan Mei," kata Rina Lestari.') == [
        ("Rina Lestari", "asserts", "kata", "Jembatan baru akan selesai bulan Mei")]
    assert claims(lex, "en", '"The bridge will open in May," said Ellen Park, the city engineer.') == [
        ("Ellen Park", "asserts", "said", "The bridge will open in May")]


def test_quote_speaker_cue(lex):
    assert claims(lex, "en", '"The bridge will open in May," Park said.') == [
        ("Park", "asserts", "said", "The bridge will open in May")]


def test_a_title_then_a_place_and_a_day_after_the_speaker(lex):
    [c] = extract_claims('"Jembatan baru akan selesai bulan Mei," kata Kepala Dinas Pekerjaan Umum Rina Lestari '
                         'di Sukamaju, Senin.', lex["id"]).claims
    assert (c.speakers[0].name, c.speakers[0].description) == ("Rina Lestari", "Kepala Dinas Pekerjaan Umum")


def test_the_pronoun_suffix_means_the_last_person(lex):
    text = 'Kepala Desa Sukamaju, Rudi Hartono, menyambut baik rencana itu. "Jembatan baru akan selesai," ujarnya.'
    assert claims(lex, "id", text)[-1] == ("Rudi Hartono", "asserts", "ujarnya", "Jembatan baru akan selesai")


def test_a_parenthetical_cue_inside_its_content(lex):
    [(speaker, stance, cue, content)] = claims(lex, "id", "Harga pupuk, kata Rudi Hartono, sepertinya akan naik lagi.")
    assert speaker == "Rudi Hartono" and content.startswith("Harga pupuk") and content.endswith("akan naik lagi")


def test_a_lowercase_cue_after_a_closing_quote(lex):
    text = 'Kepala Desa Sukamaju, Rudi Hartono, hadir. "Kapan jembatan itu selesai?"\ntanya Rudi.'
    got = claims(lex, "id", text)
    assert got and got[-1][2] == "tanya" and got[-1][3] == "Kapan jembatan itu selesai?"


def test_a_speaker_cited_in_an_argument_does_not_take_the_next_quote(lex):
    text = ("Menurut Rina Lestari, data pasien seharusnya dibuka.\n"
            "Apalagi, Gubernur Joko Susilo sudah menyampaikan data harus lebih terbuka.\n"
            "”Data itu penting bagi warga,” ujarnya.")
    assert claims(lex, "id", text)[-1][0] == "Rina Lestari"


def test_a_written_quote_and_a_complaint(lex):
    text = '"Penyesuaian tarif diperlukan," tulis Menteri Keuangan Rudi Hartono dalam keputusannya.'
    assert [(c.speakers[0].name, c.stance, c.text) for c in extract_claims(text, lex["id"]).claims] == [
        ("Rudi Hartono", "asserts", "Penyesuaian tarif diperlukan")]
    [c] = extract_claims('"Harga beras naik terus," keluh Rudi Hartono.', lex["id"]).claims
    assert c.stance == "criticizes"


def test_a_name_closing_the_sentence_after_the_role_is_the_speaker(lex):
    [c] = extract_claims('"Kami sudah lelah," kata Ketua Koperasi Maju Jaya, Rina Lestari.', lex["id"]).claims
    assert (c.speakers[0].name, c.speakers[0].description) == ("Rina Lestari", "Ketua Koperasi Maju Jaya")
    [c] = extract_claims('"Kami siap," kata Ketua KPK Rudi Hartono, Senin.', lex["id"]).claims
    assert c.speakers[0].name == "Rudi Hartono"


def test_saat_ini_after_a_parenthetical_cue_goes_on_with_the_content(lex):
    [c] = extract_claims("Dari sisi harga, kata Rudi, saat ini mencapai Rp 130.000 per kg.", lex["id"]).claims
    assert c.text.endswith("saat ini mencapai Rp 130.000 per kg")
    [c] = extract_claims("Harga naik, kata Rudi, saat ditemui di pasar.", lex["id"]).claims
    assert c.text == "Harga naik"
