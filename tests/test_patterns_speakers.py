"""Stage 2 and 5, speaker phrases and canonical names (factdb/extract/subjects.py,
factdb/extract/speakers.py). Invented sentences."""
from factdb.extract import extract_claims


def speakers(lex, lang, text):
    return [[(s.name, s.description) for s in c.speakers] for c in extract_claims(text, lex[lang]).claims]


def test_a_name_particle_after_a_title_stays_in_the_name(lex):
    assert speakers(lex, "en", '"The city will help," said Mayor Anna de Vries.') == [[("Anna de Vries", "Mayor")]]


def test_a_name_particle_may_open_the_name(lex):
    assert speakers(lex, "en", 'If the rally moves, de Vries said, the city will help.')[0][0][0] == "de Vries"
    assert speakers(lex, "en", "Van Dorn said the show would go on.") == [[("Van Dorn", None)]]


def test_a_title_and_a_role_are_the_description(lex):
    assert speakers(lex, "id", "Kepala Dinas Pekerjaan Umum Rina Lestari mengatakan, jembatan itu selesai.") == [
        [("Rina Lestari", "Kepala Dinas Pekerjaan Umum")]]


def test_a_short_name_resolves_to_the_full_name_written_before(lex):
    text = "Mayor Ellen Park opened the bridge. Park said the bridge was safe."
    assert speakers(lex, "en", text)[-1][0][0] == "Ellen Park"


def test_the_agent_of_a_passive_sentence_is_who_the_next_quote_means(lex):
    text = ("Rina Lestari mengatakan, acara berjalan lancar. Acara itu juga dihadiri Guru Besar Ilmu Pangan "
            "Made Wirawan.\n”Tempe sudah dikenal sejak lama,” ujarnya.")
    assert speakers(lex, "id", text)[-1][0][0] == "Made Wirawan"


def test_not_the_agent_in_a_relative_clause(lex):
    text = ("Rina Lestari mengatakan, acara berjalan lancar. Ratusan pelajar yang diamankan Kepala Polsek "
            "Joko Susilo dipulangkan.\n”Semua aman,” ujarnya.")
    assert speakers(lex, "id", text)[-1][0][0] == "Rina Lestari"


def test_a_body_name_with_untuk(lex):
    for body in ("Koalisi Pemuda untuk Energi Bersih", "Gerakan Masyarakat untuk Hutan Lestari"):
        text = f"{body} menuding perusahaan itu membuang limbah ke sungai."
        assert speakers(lex, "id", text) == [[(body, None)]]


def test_a_joiner_ends_no_speaker_phrase(lex):
    text = "Wartawan menghubungi Ketua Koperasi Budi Santoso untuk menanyakan harga pupuk."
    assert not [s for c in speakers(lex, "id", text) for s in c if s[0].endswith("untuk")]


def test_an_indonesian_group_with_its_place(lex):
    text = "Sejumlah petani di Desa Sukamulya mengeluhkan kelangkaan pupuk sejak awal tahun."
    assert speakers(lex, "id", text) == [[("Sejumlah petani di Desa Sukamulya", None)]]


def test_an_indonesian_group_noun_as_subject(lex):
    text = "Namun, di sisi lain, masyarakat sangat berharap jalan desa segera diperbaiki."
    [c] = extract_claims(text, lex["id"]).claims
    assert (c.speakers[0].name, c.stance, c.text) == ("masyarakat", "calls_for", "jalan desa segera diperbaiki")


def test_a_place_head_and_a_name_is_a_place_not_the_speaker(lex):
    text = "Rina Lestari di Kecamatan Sukajaya, Rabu, mengatakan harga pupuk naik."
    assert speakers(lex, "id", text) == [[("Rina Lestari", None)]]


def test_the_body_written_before_a_name_is_not_the_person(lex):
    # the article writes "Jamiyah" (the body) and "Darmawan" (the person) on their own
    text = ("Sekretaris Umum Pengurus Pusat Jamiyah Darmawan Hadi mengatakan, pasar akan dibuka pekan depan.\n"
            "Jamiyah meyakini bahwa pedagang sudah siap.\n”Kami siap,” kata Darmawan.")
    assert [c[0][0] for c in speakers(lex, "id", text)] == ["Darmawan Hadi", "Jamiyah", "Darmawan Hadi"]


def test_an_alias_after_a_title():
    import yaml
    from factdb.extract.lexicon import LEXICON_DIR, lexicon_from_dict
    data = yaml.safe_load((LEXICON_DIR / "id.yml").read_text(encoding="utf-8"))
    data["aliases"] = {"Mas Darmo": "Sudarmo Hadiwijoyo"}  # a nickname invented for the test
    lex = lexicon_from_dict(data)
    [c] = extract_claims('"Pasar dibuka besok," kata Bupati Mas Darmo.', lex).claims
    assert (c.speakers[0].name, c.speakers[0].description) == ("Sudarmo Hadiwijoyo", "Bupati")


def test_a_capitalized_name_under_the_is_no_person(lex):
    [c] = extract_claims("The Great Bridge Fight shows the futility of the plan.", lex["en"]).claims
    assert (c.speakers[0].name, c.speakers[0].kind) == ("Great Bridge Fight", "institution")
    [c] = extract_claims("Ellen Park said the plan was futile.", lex["en"]).claims
    assert c.speakers[0].kind == "person"


def test_a_role_with_no_closing_comma_describes_the_name_before_it(lex):
    # "NAME, ROLE dari BODY CUE": the role runs to the cue; the name speaks
    assert speakers(lex, "id", "Rina Lestari, dokter dari Puskesmas Sukamaju mengatakan, warga harus bermasker.") == [
        [("Rina Lestari", "dokter dari Puskesmas Sukamaju")]]
    text = ("Rina Lestari, Health Officer dari Lembaga Anak Sejahtera (LAS) yang diundang sebagai pembicara "
            "mengatakan, warga harus bermasker.")
    assert speakers(lex, "id", text)[0][0][0] == "Rina Lestari"


def test_an_opening_word_before_a_comma_is_no_name_of_a_role(lex):
    # "Diakui, tidak ada kementerian yang siap ...": no name, no role
    assert speakers(lex, "id", "Diakui, tidak ada kementerian yang siap menghadapi pandemi itu.") == []


def test_a_name_before_a_role_marker_speaks_in_that_role(lex):
    # "NAME selaku ROLE mengatakan": the name, not the role's last words
    text = "Rudi Hartono selaku Ketua Tim Pemenangan Paslon Sukamaju mengatakan, relawan merasa puas."
    assert speakers(lex, "id", text) == [[("Rudi Hartono", "Ketua Tim Pemenangan Paslon Sukamaju")]]
    text = "Sementara itu, Rina Lestari selaku pengamat politik menilai, paslon itu membuat sejarah."
    assert speakers(lex, "id", text) == [[("Rina Lestari", "pengamat politik")]]


def test_a_heading_run_into_a_known_name_is_that_person(lex):
    text = ("Direktur Lembaga Kelautan Rina Ayu Lestari menilai, prinsip pencegahan penting. "
            "Penyimpangan Rina Ayu menambahkan, perubahan itu akan menjadi bumerang.")
    assert [s[0][0] for s in speakers(lex, "id", text)] == ["Rina Ayu Lestari", "Rina Ayu Lestari"]


def test_a_title_from_a_body_then_a_name_is_one_titled_phrase(lex):
    text = "Pengamat politik dari Universitas Jember Rina Ayu Lestari menilai, paslon itu membuat sejarah."
    assert speakers(lex, "id", text) == [[("Rina Ayu Lestari", "Pengamat politik dari Universitas Jember")]]


def test_a_short_form_the_article_defines_is_a_body_before_a_name(lex):
    text = ("Lembaga Pemberdayaan Warga (Lapewa) menggelar sosialisasi. "
            "Direktur Lapewa Rina Ayu Lestari mengatakan, kaum ibu dijadikan sasaran.")
    assert speakers(lex, "id", text) == [[("Rina Ayu Lestari", "Direktur Lapewa")]]


def test_a_place_set_off_by_commas_before_the_cue_is_no_speaker(lex):
    text = "Kepala Dinas Rudi Hartono, di Ambon, Jumat, mengatakan, harga beras akan turun."
    assert speakers(lex, "id", text) == [[("Rudi Hartono", "Kepala Dinas")]]


def test_an_unknown_body_before_a_name_the_article_shortens_is_trimmed(lex):
    # the body is written elsewhere on its own, and the person is called by a name of their own
    text = ("Warga memadati Kebun Sukasari sejak pagi. Direktur Kebun Sukasari Rina Ayu Lestari mengatakan, "
            "pengunjung dibatasi. \u201dKami sudah siap,\u201d kata Rina.")
    assert {s[0][0] for s in speakers(lex, "id", text)} == {"Rina Ayu Lestari"}
    # a name of three words the article shortens keeps its first word when nothing else is written alone
    text = "Dosen Abdul Rahman Saleh mengatakan, jalan rusak. \u201dKami sudah lapor,\u201d kata Rahman."
    assert {s[0][0] for s in speakers(lex, "id", text)} == {"Abdul Rahman Saleh"}


def test_lowercase_speakers_after_an_opening_word(lex):
    # an opening adverb set off by a comma is no name; a faith after a common noun is no name
    assert speakers(lex, "id", "Belakangan, warga mengatakan ada kesepakatan soal jalan itu.")[0][0][0] == "warga"
    assert speakers(lex, "id", "Pemuka agama Islam meminta warga tetap di rumah.") == [[("Pemuka agama Islam", None)]]
    assert speakers(lex, "id", "Berdasarkan keterangan yang dihimpun, polisi menyatakan pesta itu ilegal.") == [
        [("polisi", None)]]


def test_a_person_introduced_with_an_age_or_a_role_is_who_the_next_quote_means(lex):
    text = ("Kepala Desa Rudi Hartono mengatakan, bantuan belum tiba.\n"
            "Siti Aminah (37), warga Desa Tegalsari, mengira bantuan hanya untuk warga kota.\n"
            "\u201dSetahu saya bansosnya hanya untuk kota,\u201d katanya.")
    assert speakers(lex, "id", text)[-1][0][0] == "Siti Aminah"
    text = ("Kepala Desa Rudi Hartono mengatakan, bantuan belum tiba.\n"
            "Siti Aminah, pedagang sayur di pasar desa, juga semakin khawatir.\n"
            "\u201dPembeli makin sepi,\u201d tuturnya.")
    assert speakers(lex, "id", text)[-1][0][0] == "Siti Aminah"
    # an opening phrase before a comma is no one introduced
    text = ("Kuasa hukum Rina Lestari mengatakan, kliennya di Malaysia.\n"
            "Sepengetahuan Rina, saat ini kliennya tengah berada di sana.\n"
            "\u201dDia sehat,\u201d ujar Rina.")
    assert speakers(lex, "id", text)[-1][0][0] == "Rina Lestari"


def test_pihaknya_means_the_last_speaker(lex):
    text = "Bupati Rudi Hartono mengatakan, pilkada harus aman.\nMeski demikian, pihaknya berharap hal itu bukan halangan."
    assert speakers(lex, "id", text)[-1] == [("Rudi Hartono", "Bupati")]


def test_a_circumstance_set_off_by_commas_is_skipped_to_the_speaker(lex):
    text = "Rudi Hartono, dihubungi dari Ambon, Selasa (12/1/2021), mengatakan, audit sudah selesai."
    assert speakers(lex, "id", text) == [[("Rudi Hartono", None)]]


def test_a_rank_of_two_words_is_all_title(lex):
    text = "Komandan Lanud Marsekal Muda Rudi Hartono mengatakan, pesawat sudah disiagakan."
    assert speakers(lex, "id", text) == [[("Rudi Hartono", "Komandan Lanud Marsekal Muda")]]


def test_a_nickname_the_article_gives_resolves_to_the_full_name(lex):
    text = ("Wakil Bupati Sukamaju Rudi Hartono Wibisono, yang biasa disapa Mas Rudi, menyatakan pasar dibuka.\n"
            "Mas Rudi menambahkan, pedagang harus bermasker.")
    assert [s[0][0] for s in speakers(lex, "id", text)] == ["Rudi Hartono Wibisono"] * 2


def test_a_role_written_short_points_back_to_the_person_named_with_it(lex):
    text = "Menteri Dalam Negeri Rudi Hartono mengatakan, pilkada aman.\nMendagri juga berharap warga patuh."
    assert speakers(lex, "id", text) == [[("Rudi Hartono", "Menteri Dalam Negeri")]] * 2


def test_the_writers_kita_is_no_speaker(lex):
    text = "Ketua Rudi Hartono mengatakan, warga jangan mudik. Kita pun berharap segera bisa melalui masa ini."
    assert speakers(lex, "id", text) == [[("Rudi Hartono", "Ketua")]]


def test_a_first_name_takes_the_full_name_written_outside_any_claim(lex):
    text = ("Jembatan itu dirancang Arvila Delitriana, insinyur lulusan Jerman.\n"
            "\u201dTidak boleh mengganggu lalu lintas,\u201d kata Arvila.")
    assert speakers(lex, "id", text) == [[("Arvila Delitriana", None)]]
    # not a body's name ("PP Muhammadiyah Rina ..."), nor a pair of candidates
    text = ("Paslon Rina Lestari-Budi Santoso unggul.\n"
            "\u201dKami bersyukur,\u201d kata Rina.")
    assert speakers(lex, "id", text) == [[("Rina", None)]]


def test_a_list_of_speakers_set_off_by_commas_speaks_together(lex):
    text = "Kementerian Kesehatan, Kementerian Sosial, dan BNPB mengimbau warga tetap di rumah."
    assert [s[0] for s in speakers(lex, "id", text)[0]] == ["Kementerian Kesehatan", "Kementerian Sosial", "BNPB"]
    # the fields of one role are no list of speakers
    text = "Kepala Dinas Tenaga Kerja, Transmigrasi, dan Energi Rudi Hartono mengatakan, aturan itu berlaku."
    assert len(speakers(lex, "id", text)[0]) == 1


def test_a_group_in_a_subordinate_clause_is_no_speaker_of_the_next_quote(lex):
    text = ("Ketua kelompok Rudi Hartono mengatakan, penyu makin langka.\n"
            "Perburuan telur masih ada mengingat sebagian masyarakat menilai telur penyu berkhasiat.\n"
            "\u201dTingkat penetasannya masih rendah,\u201d ujarnya.")
    assert [s[0][0] for s in speakers(lex, "id", text)] == ["Rudi Hartono", "Rudi Hartono"]


def test_people_of_a_faith_speak_as_a_group(lex):
    assert speakers(lex, "id", "Sebab, sebagian umat Muslim menilai pemerintah tidak adil.") == [
        [("sebagian umat Muslim", None)]]
    assert speakers(lex, "id", "Sebagian umat Islam menilai pemerintah tidak adil.") == [[("Sebagian umat Islam", None)]]


def test_a_place_with_its_head_closing_an_aside_is_no_speaker(lex):
    text = "Agus Prayitno, pegiat wisata di Desa Karangasem, Kecamatan Sukamaju, mengatakan, wisata pulih."
    assert speakers(lex, "id", text)[0][0][0] == "Agus Prayitno"


def test_a_body_with_its_short_form_then_its_place(lex):
    text = "Badan Pengawas Pemilu (Bawaslu) Provinsi Papua merekomendasikan pemilu susulan."
    assert speakers(lex, "id", text) == [[("Badan Pengawas Pemilu Provinsi Papua", None)]]


def test_a_family_speaks_for_itself(lex):
    text = "Keluarga Rudi Hartono, korban penembakan, berharap pelaku dihukum berat."
    assert speakers(lex, "id", text)[0][0][0] == "Keluarga Rudi Hartono"


def test_an_act_or_a_state_is_no_speaker(lex):
    assert speakers(lex, "id", "Upaya mengajak warga menabung terus dilakukan.") == []


def test_a_person_introduced_after_an_opening_phrase_or_with_one_name_and_an_age(lex):
    text = ("Kepala Dinas Rudi Hartono mengatakan, angkot sepi.\n"
            "Tanpa mengenakan masker, Ali (19), sopir angkot, sedang menunggu penumpang.\n"
            "\u201dSepi sekali,\u201d katanya.")
    assert speakers(lex, "id", text)[-1][0][0] == "Ali"


def test_mereka_after_a_group_named_in_narration(lex):
    text = ("Komnas HAM menilai kebijakan itu tidak konsisten. "
            "Menjelang Lebaran, masyarakat kembali berkerumun di pasar. Mereka berdalih membeli baju baru.")
    assert [s[0][0] for s in speakers(lex, "id", text)] == ["Komnas HAM", "masyarakat"]
