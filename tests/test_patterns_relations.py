"""Stage 6, relations (factdb/extract/relations.py): a denial or a response linked to
the claim it answers. Invented sentences."""
from factdb.extract import extract_claims


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
    text = ("Pemerintah Kota Sukamaju memutuskan untuk menaikkan tarif parkir di pusat kota mulai bulan depan.\n"
            "Ekonom Rina Lestari memperingatkan kebijakan itu dapat membuat pedagang kehilangan pembeli.\n"
            "Wali Kota Sukamaju Joko Susilo mengatakan, pemerintah kota menaikkan tarif parkir di pusat kota "
            "mulai bulan depan.")
    assert relations(lex, "id", text) == [("Rina Lestari", "Joko Susilo", "responds_to")]


def test_no_link_to_a_later_claim_about_something_else(lex):
    text = ("Pemerintah Kota Sukamaju memutuskan untuk menaikkan tarif parkir di pusat kota.\n"
            "Ekonom Rina Lestari memperingatkan kebijakan itu dapat membuat pedagang kehilangan pembeli.\n"
            "Wali Kota Sukamaju Joko Susilo mengatakan, jalan desa akan diperbaiki tahun depan.")
    assert relations(lex, "id", text) == []


def test_a_denial_with_no_words_to_match_denies_the_accusation_of_the_denier(lex):
    text = "Senator Jane Roe accused Governor Tom Lane of hiding the budget deficit. Later, Lane denied any wrongdoing."
    assert relations(lex, "en", text) == [("Lane", "Jane Roe", "denies")]
    text = "Residents accused the Harbor Company of dumping waste into the river. The company denied wrongdoing."
    assert relations(lex, "en", text) == [("company", "Residents", "denies")]
    text = "Warga menuduh Kepala Desa Andi Rahman menjual pupuk bersubsidi.\nAndi membantah melakukan pelanggaran."
    assert relations(lex, "id", text) == [("Andi Rahman", "Warga", "denies")]


def test_a_rejection_of_something_else_is_not_linked_to_the_accusation(lex):
    text = "Jane Roe accused Tom Lane of ducking the debate. Roe proposed three dates. Lane rejected those dates."
    ex = extract_claims(text, lex["en"])
    assert not [r for r in ex.relations if ex.claims[r.target].stance == "accuses"]


def test_an_english_response_marker(lex):
    text = ("Senator Jane Roe said Governor Tom Lane hid the budget deficit from voters.\n\n"
            "Responding to the senator, Lane said the budget was balanced.")
    assert relations(lex, "en", text) == [("Tom Lane", "Jane Roe", "responds_to")]


def test_words_with_the_pronoun_suffix_match_their_stem(lex):
    # "dinasnya" (its office) is "dinas" + "-nya": the denial shares a word with the criticism
    text = ("Anggota DPRD Budi Hartono menilai dinas kesehatan terlambat menangani lonjakan kasus.\n"
            "Kepala Dinas Kesehatan Rina Lestari membantah tudingan bahwa dinasnya lamban.")
    assert relations(lex, "id", text) == [("Rina Lestari", "Budi Hartono", "denies")]


def test_rejecting_the_accusation_denies_it(lex):
    text = ("Koalisi Pengguna Kereta menuding PT Kereta Sukamaju menaikkan tarif tanpa sosialisasi.\n"
            "PT Kereta Sukamaju menolak tudingan tersebut.")
    ex = extract_claims(text, lex["id"])
    assert [(r.source, r.target, r.type) for r in ex.relations] == [(1, 0, "denies")]


def test_questioning_that_step_answers_the_call_that_asked_for_it(lex):
    text = ("Joko Susilo mengatakan, tarif kereta naik bulan depan.\n"
            "Kementerian Perhubungan mengimbau perusahaan itu membuka data biaya operasional.\n"
            "Rina Lestari mempertanyakan langkah tersebut.")
    assert relations(lex, "id", text) == [("Rina Lestari", "Kementerian Perhubungan", "responds_to")]


def test_a_denial_of_an_instruction_points_to_who_reported_it(lex):
    text = "Warga beralasan penutupan jalan diminta pihak puskesmas. Dokter puskesmas membantah adanya arahan tersebut."
    assert relations(lex, "id", text) == [("Dokter puskesmas", "Warga", "denies")]


def test_confirming_what_was_just_said_supports_it(lex):
    text = "Rina Lestari mengatakan, lurah itu sudah dinonaktifkan. Rudi Hartono juga membenarkan hal itu."
    assert relations(lex, "id", text) == [("Rudi Hartono", "Rina Lestari", "supports")]
    text = "Rina Lestari mengatakan, lurah itu menjual tanah desa. Rudi Hartono membantah hal tersebut."
    assert relations(lex, "id", text) == [("Rudi Hartono", "Rina Lestari", "denies")]


def test_responding_to_hal_tersebut_answers_the_claim_just_before(lex):
    text = ("Rina Lestari mengatakan, tarif kereta naik tanpa sosialisasi.\n"
            "Menanggapi hal tersebut, Rudi Hartono mengatakan, sosialisasi sudah dilakukan.")
    assert relations(lex, "id", text) == [("Rudi Hartono", "Rina Lestari", "responds_to")]
