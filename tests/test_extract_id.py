"""Behaviour of the Indonesian extractor on constructed sentences, and on the seed article."""
from pathlib import Path

from factdb.articles import read_article
from factdb.extract import extract_claims, load_lexicon
from factdb.extract.lexicon import lexicon_from_dict

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_466ab87c043aefd1.txt"


def claims_of(text):
    return extract_claims(text, load_lexicon("id")).claims


def simple(text):
    return [([s.name for s in c.speakers], c.stance, c.text) for c in claims_of(text)]


def test_postposed_cue_with_pronoun_suffix_refers_to_last_speaker():
    text = ("Kepala Dinas Pendidikan Kota Sukamaju Budi Hendarto mengatakan, sekolah dibuka pekan depan.\n"
            "”Kami sudah menyiapkan ruang kelas dan masker untuk semua murid,” ujarnya.")
    out = simple(text)
    assert out[0] == (["Budi Hendarto"], "asserts", "sekolah dibuka pekan depan")
    assert out[1] == (["Budi Hendarto"], "asserts", "Kami sudah menyiapkan ruang kelas dan masker untuk semua murid")


def test_kompas_closing_mark_used_to_open_a_multi_sentence_quote():
    text = ("Rina Wulandari menilai harga beras terlalu tinggi.\n"
            "”Petani tidak menikmati kenaikan ini. Yang untung justru tengkulak,” kata Rina.")
    out = simple(text)
    assert (["Rina Wulandari"], "asserts", "Petani tidak menikmati kenaikan ini. Yang untung justru tengkulak") in out


def test_parenthetical_cue():
    out = simple("Harga cabai, kata dia, akan turun setelah panen raya.")
    assert out == [] or out[0][2].startswith("Harga cabai")
    out = simple("Agus Salim mengatakan, pasar kembali ramai.\nPembeli, tutur Agus, mulai berdatangan sejak pagi.")
    assert out[1][0] == ["Agus Salim"]
    assert "mulai berdatangan sejak pagi" in out[1][2]


def test_role_affiliation_and_name():
    claims = claims_of("Ketua Asosiasi Nelayan Pantai Utara Darmawan Saputra mengatakan, hasil tangkapan menurun.")
    assert [s.name for s in claims[0].speakers] == ["Darmawan Saputra"]
    assert "Ketua Asosiasi Nelayan" in (claims[0].speakers[0].description or "")


def test_role_joined_by_dan_is_one_speaker():
    claims = claims_of("Menteri Pendidikan dan Kebudayaan Suryo Pranoto mengatakan, ujian sekolah ditunda.")
    assert [s.name for s in claims[0].speakers] == ["Suryo Pranoto"]


def test_appositive_speaker_between_commas():
    out = simple("Hendra Wijaya, kuasa hukum pelapor, menyampaikan, laporan sudah diterima polisi.")
    assert out == [(["Hendra Wijaya"], "asserts", "laporan sudah diterima polisi")]


def test_appositive_name_after_postposed_role():
    out = simple("”Jalan desa sudah rusak sejak tahun lalu,” kata Kepala Desa Sukamaju, Warsito, Senin (3/2/2025).")
    assert out[0][0] == ["Warsito"]
    assert out[0][2] == "Jalan desa sudah rusak sejak tahun lalu"


def test_place_and_time_between_speaker_and_cue():
    out = simple("Wali Kota Sukamaju Andi Pratama di Kupang, Selasa (8/3/2022), mengatakan, tes usap digratiskan.")
    assert out == [(["Andi Pratama"], "asserts", "tes usap digratiskan")]


def test_negated_cue_is_not_a_denial():
    out = simple("Juru bicara perusahaan Dewi Lestari tidak membantah adanya pemutusan kerja.")
    assert all(stance != "denies" for _, stance, _ in out)


def test_not_rejecting_is_confirming():
    out = simple("Pedagang pasar Joni Iskandar tidak menampik harga sewa kios naik bulan ini.")
    assert out == [(["Joni Iskandar"], "confirms", "harga sewa kios naik bulan ini")]


def test_passive_cue():
    out = simple("Kabar kenaikan tarif listrik dibantah oleh Direktur Utama PLN Bayu Aji.")
    assert out == [(["Bayu Aji"], "denies", "Kabar kenaikan tarif listrik")]


def test_menurut_with_pronoun():
    out = simple("Siti Aminah mengatakan, stok aman.\nMenurut dia, harga tidak akan naik.")
    assert out[1] == (["Siti Aminah"], "asserts", "harga tidak akan naik")


def test_capitalized_cue_inside_a_title_is_not_a_cue():
    assert simple("Keluhan dicatat dalam buku Panduan Menyampaikan Keluhan Pelanggan.") == []


def test_report_nested_in_another_claim_is_not_a_claim():
    out = simple("Rudi Hartono mengatakan, masalah bermula ketika Lurah Sukamaju Tono Wijaya mengumumkan hasil tes.")
    assert [o[0] for o in out] == [["Rudi Hartono"]]


def test_denial_points_to_the_accusation():
    text = ("Aliansi Petani Sukamaju menuduh perusahaan itu menyerobot lahan warga.\n"
            "Perusahaan Sawit Makmur membantah tuduhan tersebut.")
    result = extract_claims(text, load_lexicon("id"))
    stances = [c.stance for c in result.claims]
    assert stances == ["accuses", "denies"]
    assert [(r.source, r.target, r.type) for r in result.relations] == [(1, 0, "denies")]


def test_negated_repeat_in_an_answer_denies():
    text = ("Koordinator aksi Bima Sakti menuding kepala desa menjual tanah kas desa.\n"
            "Menanggapi tudingan itu, Kepala Desa Sukamaju Darto mengatakan, warga berhak menyampaikan pendapat.\n"
            "Darto menegaskan, ia tidak pernah menjual tanah kas desa.")
    result = extract_claims(text, load_lexicon("id"))
    rels = {(r.source, r.target, r.type) for r in result.relations}
    assert (1, 0, "responds_to") in rels
    assert (2, 0, "denies") in rels


def test_lexicon_without_new_keys_still_loads_and_extracts():
    lex = lexicon_from_dict({"language": "xx", "cues": {"verbs": {"asserts": ["said"]},
                                                        "postposed": {"asserts": ["says"]}},
                             "titles": ["president"], "negations": ["not"]})
    assert lex.negated_stances == {} and lex.relativizers == frozenset()
    text = ('President Jane Doe said the budget was balanced. "We did not cut schools," says Doe. '
            'The minister did not say more.')
    claims = extract_claims(text, lex).claims
    assert [(c.speakers[0].name, c.text) for c in claims][:2] == [
        ("Jane Doe", "the budget was balanced"), ("Jane Doe", "We did not cut schools")]


def test_seed_article():
    article = read_article(SEED)
    exclude = [article.title_span] if article.title_span else []
    result = extract_claims(article.body, load_lexicon("id"), exclude)
    got = [(sorted(s.name for s in c.speakers), c.stance) for c in result.claims]
    assert (["Vladimir Putin", "Xi Jinping"], "praises") in got
    assert (["Vladimir Putin"], "asserts") in got
    assert (["Xi Jinping"], "calls_for") in got
    assert (["Xi Jinping"], "pledges") in got
    assert (["Eropa", "Ukraina"], "accuses") in got
    assert (["China"], "denies") in got
    assert (["Kementerian Luar Negeri China"], "asserts") in got
    denial = next(i for i, c in enumerate(result.claims) if c.stance == "denies")
    accusation = next(i for i, c in enumerate(result.claims) if c.stance == "accuses")
    assert result.claims[denial].text == "tuduhan tersebut"
    assert [(r.source, r.target, r.type) for r in result.relations] == [(denial, accusation, "denies")]


def test_role_with_demonstrative_points_back_to_the_person():
    text = ("Mantan Gubernur Sukamaju Hasan Basri mengatakan, banjir makin sering.\n"
            "Politikus senior itu juga meminta warga tidak membuang sampah ke sungai.")
    out = simple(text)
    assert out[1] == (["Hasan Basri"], "calls_for", "warga tidak membuang sampah ke sungai")


def test_topic_person_is_the_referent_of_a_following_suffix():
    text = ("Ketua Koperasi Tani Makmur Slamet Riyadi mengatakan, panen tahun ini bagus.\n"
            "Bupati Sukamaju Rahmat Hidayat sudah menerbitkan aturan harga gabah.\n"
            "”Petani tidak boleh dirugikan oleh tengkulak,” ucapnya.")
    out = simple(text)
    assert out[-1][0] == ["Rahmat Hidayat"]


def test_parenthetical_cue_after_a_connective_with_place_and_time():
    out = simple("Oleh karena itu, kata ahli gizi Universitas Sukamaju, Ratna Dewi, di Bandung, Senin (3/2/2025), "
                 "sekolah perlu menyediakan makan siang.")
    assert out == [(["Ratna Dewi"], "asserts", "sekolah perlu menyediakan makan siang")]


def test_speaker_with_asides_before_the_cue():
    out = simple("Kepala Dinas Kesehatan Provinsi Jawa Barat Yudi Prasetyo, saat dihubungi, Senin (3/2/2025), "
                 "mengatakan, stok vaksin cukup.")
    assert out == [(["Yudi Prasetyo"], "asserts", "stok vaksin cukup")]


def test_spelled_out_acronym_names_the_institution():
    text = ("Indonesia Corruption Watch (ICW) menuding ada permainan harga oleh importir. "
            "ICW juga meminta polisi mengusut kasus itu. Tudingan itu dibantah oleh Kementerian Perdagangan.")
    result = extract_claims(text, load_lexicon("id"))
    accusation, call, denial = result.claims
    assert [s.name for s in accusation.speakers] == ["Indonesia Corruption Watch"]
    assert accusation.speakers[0].mention == "Indonesia Corruption Watch (ICW)"
    assert [s.name for s in call.speakers] == ["Indonesia Corruption Watch"]
    assert call.stance == "calls_for"
    assert (denial.stance, [s.name for s in denial.speakers]) == ("denies", ["Kementerian Perdagangan"])
    assert [(r.source, r.target, r.type) for r in result.relations] == [(2, 0, "denies")]


def test_name_after_a_lower_case_role_is_the_speaker():
    text = ("Menurut kuasa hukum Budi Santoso, Rina Lestari, kliennya tidak pernah menerima uang itu. "
            "Rina menuturkan, kliennya akan hadir di pengadilan.")
    first, second = extract_claims(text, load_lexicon("id")).claims
    assert [s.name for s in first.speakers] == ["Rina Lestari"]
    assert first.speakers[0].description == "kuasa hukum Budi Santoso"
    assert first.text.startswith("kliennya tidak pernah")
    assert [s.name for s in second.speakers] == ["Rina Lestari"]


def test_capitalized_title_with_a_name_keeps_the_name():
    (claim,) = extract_claims("Menurut Ketua Komisi Budi Santoso, Jakarta, harga beras akan turun.",
                              load_lexicon("id")).claims
    assert [s.name for s in claim.speakers] == ["Budi Santoso"]


def test_parenthetical_cue_keeps_content_that_starts_with_a_name():
    text = ("Rina Lestari mengatakan, aturan itu sudah berlaku. "
            "Dalam pelaksanaannya, lanjut Rina, Polres Sukamaju harus mengacu pada peraturan gubernur.")
    second = extract_claims(text, load_lexicon("id")).claims[1]
    assert second.text.endswith("harus mengacu pada peraturan gubernur")
    (aside,) = extract_claims("Harga beras akan turun, kata Budi Santoso, Jakarta, Senin.", load_lexicon("id")).claims
    assert aside.text == "Harga beras akan turun"


def test_postposed_role_then_place_then_name_between_commas():
    text = "”Kegiatan kami kini adalah penelusuran kontak,” kata Kepala Puskesmas Sukamaju, Jawa Tengah, Bambang."
    assert simple(text) == [(["Bambang"], "asserts", "Kegiatan kami kini adalah penelusuran kontak")]


def test_a_number_inside_the_name_of_a_body_before_the_speaker():
    text = "”Kereta cadangan dalam posisi lansir,” kata Manajer Humas PT Kereta Daop 4 Hendarto Wibowo."
    [claim] = claims_of(text)
    assert [(s.name, s.description) for s in claim.speakers] == [("Hendarto Wibowo", "Manajer Humas PT Kereta Daop 4")]


def test_a_body_acronym_with_a_name_after_it_ends_the_affiliation():
    [claim] = claims_of("Ketua Presidium HIMPI Rudi Hartono mendesak pemerintah mencari solusi.")
    assert [(s.name, s.description) for s in claim.speakers] == [("Rudi Hartono", "Ketua Presidium HIMPI")]


def test_a_person_from_a_body_speaks_for_themself():
    [claim] = claims_of("Reza dari PT Sukamaju Rotan mengatakan, pesanan furnitur anjlok hingga 20 persen.")
    assert [(s.name, s.description) for s in claim.speakers] == [("Reza", "dari PT Sukamaju Rotan")]


def test_appositive_name_after_a_place_with_its_compass_part():
    out = simple("”Stok obat cukup sampai akhir bulan,” kata Kepala Dinas Sosial Sukamaju, Banjarmasin Timur, "
                 "Budi Hendarto saat ditemui pada Kamis (5/6/2025).")
    assert out[0][0] == ["Budi Hendarto"]


def test_name_before_an_aside_ending_in_a_place_with_its_compass_part():
    out = simple("Rudi Santoso, pedagang Pasar Sukamaju, Banjarmasin Timur, mengkritik harga sewa kios yang naik.")
    assert out[0][0] == ["Rudi Santoso"]


def test_titled_subject_after_an_opening_adjunct_is_the_topic_for_nya():
    text = ("Rina Lestari mengatakan, pasar sepi.\n"
            "Sementara itu, Ketua Koperasi Pedagang Budi Hendarto menemui para penjual.\n"
            "Kios baru akan dibangun tahun depan.\n"
            "”Pembeli pasti kembali kalau tempatnya nyaman,” ucapnya.")
    assert simple(text)[-1][0] == ["Budi Hendarto"]


def test_name_and_age_before_an_aside_with_a_place_and_an_adverb():
    out = simple("Rudi (41), pedagang Pasar Sukamaju, Banjarmasin Timur, misalnya, mengkritik harga sewa kios.")
    assert out[0][0] == ["Rudi"]


def test_person_named_inside_a_quote_is_not_the_topic_for_nya():
    text = ("Ekonom Universitas Sukamaju, Rina Lestari, menilai, harga pangan sulit turun.\n"
            "”Petani butuh kepastian harga. Tahun lalu, Bupati Sukamaju Budi Hendarto membangun gudang "
            "baru. Gudang itu belum dipakai,” ujarnya.")
    assert simple(text)[-1][0] == ["Rina Lestari"]


def test_dan_inside_a_role_before_a_body_and_name_is_one_speaker():
    out = simple("Kepala Seksi Bibit Ikan dan Udang Perikanan Darat dan Laut Dinas Kelautan Warsito "
                 "mengatakan, stok benih cukup.")
    assert out[0][0] == ["Warsito"]
    out = simple("Pejabat Pengelola Data dan Statistik BPS Sukamaju Budi Hendarto mengatakan, sensus dimulai Mei.")
    assert len(out[0][0]) == 1 and out[0][0][0].endswith("Budi Hendarto")
    assert simple("Ketua RT Budi dan Slamet Riyadi mengatakan, jalan rusak.")[0][0] == ["Budi", "Slamet Riyadi"]


def test_bracketed_short_form_of_several_words_inside_a_role():
    out = simple("”Anggota kami terus bertambah,” ujar Manajer Koperasi Simpan Pinjam Sukamaju (KoSP LKM) Budi Hendarto.")
    assert out[0][0] == ["Budi Hendarto"]


def test_place_of_several_words_named_on_its_own_is_trimmed_from_the_name():
    text = ("Panen raya berlangsung di Tanjung Sari, Kabupaten Sukamaju.\n"
            "”Harga gabah bagus,” ujar Ketua Kelompok Tani Tanjung Sari Warsito.")
    assert simple(text)[0][0] == ["Warsito"]


def test_body_inside_the_clause_of_a_pronoun_does_not_take_nya():
    text = ("Kepala Dinas Perhubungan Kota Sukamaju Rina Lestari mengatakan, terminal baru beroperasi Juli.\n"
            "Karena itu, ia menargetkan Perum Damri siap menambah armada bus.\n"
            "”Jadwal keberangkatan akan kami umumkan,” ujarnya.")
    assert simple(text)[-1][0] == ["Rina Lestari"]


def test_bare_name_opening_the_sentence_before_a_role_and_a_place():
    out = simple("Budi, Kepala Gudang Bulog Sukamaju, Banjarmasin Timur, mengatakan, stok beras aman.")
    assert out[0][0] == ["Budi"]
    out = simple("Rudi Hartono, Ketua Fraksi B, usai sidang paripurna menyebutkan, target pajak tercapai.")
    assert out[0][0] == ["Rudi Hartono"]


def refs_of(text):
    return [(s.name, s.description) for c in claims_of(text) for s in c.speakers]


def test_an_initial_belongs_to_the_name():
    text = ("Rudi P. Hartono, Kepala Dinas Pangan Kota Sukamaju, Senin (6/4/2020) menjelaskan, stok beras aman.\n"
            "Menurut Hartono, harga beras akan turun.")
    assert [name for name, _ in refs_of(text)] == ["Rudi P Hartono", "Rudi P Hartono"]


def test_a_body_named_before_the_person_is_left_out_by_the_short_name():
    # the article calls him by his first name alone: his name starts there
    text = ("Direktur Perusahaan Daerah Sinar Jaya Rudi Hartono mengatakan, kapal baru segera berlayar.\n"
            "Menurut Rudi, rute baru dipilih karena paling ramai.")
    assert refs_of(text)[0] == ("Rudi Hartono", "Direktur Perusahaan Daerah Sinar Jaya")
    # by his last name alone: his name is the word before it and that word
    text = ("Sekretaris Umum Pimpinan Pusat Paguyuban Anwar Salim mengatakan, surat edaran sudah terbit.\n"
            "Paguyuban sudah lama menyiapkannya.\n"
            "”Tidak ada sanksi bagi anggota,” kata Salim.")
    assert refs_of(text)[0][0] == "Anwar Salim"


def test_a_place_after_a_body_s_short_form():
    text = ("Ketua Himpunan Nelayan Pesisir (HNP) Jawa Barat Budi Santoso mengatakan, "
            "solar untuk nelayan masih langka.")
    assert refs_of(text) == [("Budi Santoso", "Ketua Himpunan Nelayan Pesisir Jawa Barat")]


def test_a_place_before_a_full_name_is_the_role_s():
    text = "Jawa Barat Budi Santoso mengatakan, solar untuk nelayan masih langka."
    assert refs_of(text) == [("Budi Santoso", "Jawa Barat")]
    # not a regency's own name
    text = "Kabupaten Hulu Sungai Selatan menyatakan, jalan desa segera diperbaiki."
    assert refs_of(text)[0][0] != "Hulu Sungai Selatan"


def test_words_with_digits_or_dots_before_a_name_are_the_role_s():
    from factdb.extract.speakers import PERSON, SpeakerRef, with_kind
    lex = load_lexicon("id")
    ref = with_kind(SpeakerRef("Covid-19 Rudi A Hartono", "m", PERSON, "Ketua Satgas"), lex)
    assert (ref.name, ref.description) == ("Rudi A Hartono", "Ketua Satgas Covid-19")
    ref = with_kind(SpeakerRef("contohsitus.co Rudi Hartono", "m", PERSON), lex)
    assert (ref.name, ref.description) == ("Rudi Hartono", "contohsitus.co")


def test_a_nickname_in_the_lexicon_is_the_full_name():
    assert [n for n, _ in refs_of("Jokowi mengatakan, pembangunan jalan tol akan dilanjutkan.")] == ["Joko Widodo"]
