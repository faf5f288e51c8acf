"""Pattern: the passive (factdb/extract/patterns/passive.py). Invented sentences."""
from factdb.extract import extract_claims


def claims(lex, lang, text):
    return [(", ".join(s.name for s in c.speakers), c.stance, c.text) for c in extract_claims(text, lex[lang]).claims]


def test_content_then_passive_cue_then_agent(lex):
    assert claims(lex, "id", "Tuduhan itu dibantah oleh Rudi Hartono.") == [("Rudi Hartono", "denies", "Tuduhan itu")]
    assert claims(lex, "en", "The plan was criticized by Ellen Park.") == [("Ellen Park", "criticizes", "The plan")]


def test_a_demonstrative_alone_points_to_an_earlier_sentence(lex):
    assert claims(lex, "id", "Hal ini disampaikan Rudi Hartono.") == []


def test_as_x_stressed_content(lex):
    assert claims(lex, "id", "Seperti yang ditegaskan Rudi Hartono, harga pupuk akan naik.") == [
        ("Rudi Hartono", "asserts", "harga pupuk akan naik")]


def test_the_agent_named_after_its_role_and_a_comma(lex):
    text = "Kenaikan tarif itu diperlukan, disampaikan pengamat dari Universitas Sukamaju, Joko Prasetyo."
    assert claims(lex, "id", text)[0][0] == "Joko Prasetyo"


def test_the_same_view_points_to_an_earlier_sentence_and_its_agent_speaks_next(lex):
    text = ("Rina Lestari mengatakan, tarif harus naik.\nHal senada disampaikan pengamat dari Universitas "
            "Sukamaju, Joko Prasetyo.\nIa menilai tarif lama sudah tidak sesuai.")
    assert claims(lex, "id", text) == [("Rina Lestari", "asserts", "tarif harus naik"),
                                       ("Joko Prasetyo", "asserts", "tarif lama sudah tidak sesuai")]


def test_a_passive_cue_with_a_hearer_has_no_agent(lex):
    [c] = extract_claims("Menurut Rudi, maklumat itu akan disampaikan kepada jajaran polisi di daerah.", lex["id"]).claims
    assert (c.speakers[0].name, c.text) == ("Rudi", "maklumat itu akan disampaikan kepada jajaran polisi di daerah")


def test_a_passive_cue_opening_the_sentence_or_set_off_by_commas(lex):
    [c] = extract_claims("Diakui Rudi Hartono, di sejumlah titik masih terdapat keramaian.", lex["id"]).claims
    assert (c.speakers[0].name, c.stance, c.text) == ("Rudi Hartono", "confirms", "di sejumlah titik masih terdapat keramaian")
    [c] = extract_claims("Namun, stok daging, diakui Rudi Hartono, memang mulai menipis.", lex["id"]).claims
    assert c.text.endswith("memang mulai menipis") and c.speakers[0].name == "Rudi Hartono"


def test_hal_ini_disampaikan_attributes_the_sentence_before(lex):
    text = ("Pemerintah akan menanggung biaya bansos tahap kedua.\n"
            "Hal ini disampaikan Kepala Dinas Sosial Rudi Hartono, Kamis (14/5/2020).")
    assert claims(lex, "id", text) == [("Rudi Hartono", "asserts", "Pemerintah akan menanggung biaya bansos tahap kedua")]
    # not when the sentence before has a claim of its own, nor for a thing handed over
    text = "Rina mengatakan, bansos sudah tiba.\nHal ini disampaikan Rudi Hartono."
    assert [c[0] for c in claims(lex, "id", text)] == ["Rina"]
    text = "Dana itu berasal dari karyawan bank.\nBantuan serupa disampaikan Politeknik Sukamaju."
    assert claims(lex, "id", text) == []


def test_more_passive_denials(lex):
    assert claims(lex, "id", "Tuduhan itu ditampik Rudi Hartono.")[0][:2] == ("Rudi Hartono", "denies")
