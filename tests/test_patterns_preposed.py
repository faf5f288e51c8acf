"""Pattern: the cue before its content (factdb/extract/patterns/preposed.py). Invented sentences."""
from factdb.extract import extract_claims


def claims(lex, lang, text):
    return [(", ".join(s.name for s in c.speakers), c.stance, c.cue, c.text)
            for c in extract_claims(text, lex[lang]).claims]


def test_speaker_cue_content(lex):
    assert claims(lex, "id", "Rudi Hartono mengatakan, jembatan itu akan selesai bulan Mei.") == [
        ("Rudi Hartono", "asserts", "mengatakan", "jembatan itu akan selesai bulan Mei")]
    assert claims(lex, "en", "Mayor Ellen Park said the new bridge would open in May.") == [
        ("Ellen Park", "asserts", "said", "the new bridge would open in May")]


def test_the_complementizer_is_not_content(lex):
    assert claims(lex, "id", "Rudi Hartono mengatakan bahwa jembatan itu selesai.")[0][3] == "jembatan itu selesai"
    assert claims(lex, "en", "Ellen Park said that the bridge was safe.")[0][3] == "the bridge was safe"


def test_the_title_is_the_description_not_the_name(lex):
    [c] = extract_claims("Mayor Ellen Park said the bridge was safe.", lex["en"]).claims
    assert (c.speakers[0].name, c.speakers[0].description) == ("Ellen Park", "Mayor")


def test_a_coordinated_act_shares_the_speaker_and_ends_the_first_content(lex):
    assert claims(lex, "id", "Rudi Hartono mengatakan bahwa harga pupuk naik dan berjanji akan menurunkannya.") == [
        ("Rudi Hartono", "asserts", "mengatakan", "harga pupuk naik"),
        ("Rudi Hartono", "pledges", "berjanji", "akan menurunkannya")]


def test_asides_between_the_speaker_and_the_cue_are_skipped(lex):
    got = claims(lex, "id", "Rina Lestari, saat dihubungi, Senin, mengatakan jembatan itu akan selesai bulan Mei.")
    assert got == [("Rina Lestari", "asserts", "mengatakan", "jembatan itu akan selesai bulan Mei")]


def test_a_participle_takes_the_subject_of_the_sentence(lex):
    assert claims(lex, "en", "Ellen Park vetoed the bill, saying it would raise fares.") == [
        ("Ellen Park", "asserts", "saying", "it would raise fares")]


def test_as_x_reported(lex):
    assert claims(lex, "en", "As Ellen Park noted, the bridge will open in May.") == [
        ("Ellen Park", "asserts", "noted", "the bridge will open in May")]


def test_only_a_connective_before_the_speaker(lex):
    assert claims(lex, "en", "Rather, Park said, the bridge will open in May.") == [
        ("Park", "asserts", "said", "the bridge will open in May")]


def test_nothing_after_the_cue_takes_the_content_before_it(lex):
    assert claims(lex, "en", "The bridge will open in May, Park said.") == [
        ("Park", "asserts", "said", "The bridge will open in May")]


def test_a_negated_cue_reports_nothing_unless_the_lexicon_turns_its_stance(lex):
    assert claims(lex, "en", "Ellen Park did not say when the bridge would open.") == []
    assert claims(lex, "id", "Rudi Hartono tidak mengatakan apa pun.") == []
    # "tidak membantah" (did not deny) confirms
    assert claims(lex, "id", "Rudi Hartono tidak membantah harga pupuk naik.")[0][1] == "confirms"


def test_a_hypothetical_says_nothing(lex):
    got = claims(lex, "en", "Reporters asked if Park would say the bridge was safe.")
    assert not [c for c in got if c[2] == "say"]


def test_stances_come_from_the_lexicon(lex):
    assert claims(lex, "id", "Rina Lestari mendesak pemerintah mempercepat pembangunan jembatan.")[0][1] == "calls_for"
    assert claims(lex, "id", "Rina Lestari mengkritik lambatnya pembangunan jembatan.")[0][1] == "criticizes"


def test_an_apposition_naming_the_claim_ends_its_content(lex):
    text = "Senate Democrats accused the agency of hiding the cost of the plan, a charge the agency rejected."
    [(speaker, stance, cue, content)] = claims(lex, "en", text)[:1]
    assert content == "the agency of hiding the cost of the plan"


def test_a_participle_of_a_reporting_verb_takes_the_subject(lex):
    assert claims(lex, "en", "Farmers marched to the capitol, condemning the new levy.") == [
        ("Farmers", "criticizes", "condemning", "the new levy")]
    assert claims(lex, "en", "The mayor signed the budget on Monday, predicting that taxes would fall.")[0][3] == \
        "taxes would fall"


def test_a_circumstance_ends_a_short_object(lex):
    # "in a tweet", "on Sunday at a forum": where and when the act was done, not what it said
    assert claims(lex, "en", "The mayor claimed victory in a tweet.") == [("mayor", "asserts", "claimed", "victory")]
    assert claims(lex, "en", "The senator stressed the risks on Sunday at a forum in Ohio.") == [
        ("senator", "asserts", "stressed", "the risks")]


def test_a_circumstance_inside_a_clause_stays(lex):
    # the content's own verb follows ("was"), or its own clause ("that ...")
    assert claims(lex, "en", "The mayor said the vote on Monday was close.") == [
        ("mayor", "asserts", "said", "the vote on Monday was close")]
    assert claims(lex, "en", "The mayor warned voters on Monday that fares would rise.")[0][3].endswith(
        "that fares would rise")


def test_a_participle_takes_the_subject_after_an_opening_subordinate_clause(lex):
    # not "Republican" of the "while" clause: the main clause's subject promises
    text = "While Republican business leaders push for free trade, Jane Roe has rallied voters by promising to cut fares."
    assert claims(lex, "en", text) == [("Jane Roe", "pledges", "promising", "to cut fares")]


def test_the_commas_of_a_list_do_not_end_an_object(lex):
    assert claims(lex, "en", "The mayor has insulted farmers, nurses and teachers.")[0][3] == "farmers, nurses and teachers"
    assert claims(lex, "en", "The mayor praised the deal, a first step and a good one.")[0][3] == "the deal"
    assert claims(lex, "en", "The mayor praised the deal, and the council agreed.")[0][3] == "the deal"


def test_the_commas_of_a_list_do_not_close_a_relative_clause(lex):
    text = 'Jo Roe, who has mocked bankers, brokers and landlords in a long campaign, said: "I am done."'
    assert claims(lex, "en", text)[0][1:] == ("criticizes", "mocked", "bankers, brokers and landlords")


def test_a_second_predicate_of_the_subject_ends_a_content_that_is_no_clause(lex):
    assert claims(lex, "en", "Jo Roe has proposed temporarily closing the bridge and has gone on to demand a toll.")[0][3] \
        == "temporarily closing the bridge"
    assert claims(lex, "en", "The mayor criticized the plan and was booed by the crowd.")[0][3] == "the plan"
    assert claims(lex, "en", "Jo Roe vowed to cut taxes and raise wages.")[0][3] == "to cut taxes and raise wages"
    # a clause of its own keeps its second verb
    assert claims(lex, "en", "The mayor said prices rose and have stayed high.")[0][3] == "prices rose and have stayed high"


def test_refusing_is_an_act_of_its_own(lex):
    assert [c[3] for c in claims(lex, "en", "Jo Roe won votes by criticizing the auditors and refusing to admit any error.")] \
        == ["the auditors", "to admit any error"]


def test_a_cue_in_a_circumstance_is_when_the_speaker_spoke(lex):
    # "X, saat menyampaikan ..., menyatakan, CONTENT": the second cue reports
    text = ("Menteri Rudi Hartono, saat menyampaikan pendapat pemerintah di sidang DPR, Senin (5/10/2020) sore "
            "menyatakan, jembatan itu akan selesai bulan Mei.")
    assert claims(lex, "id", text) == [("Rudi Hartono", "asserts", "menyatakan", "jembatan itu akan selesai bulan Mei")]
    # with no cue of its own clause after it, the cue reports as before
    assert claims(lex, "id", "Rudi Hartono mengatakan, pemerintah siap saat menyampaikan laporan.")[0][3] == (
        "pemerintah siap saat menyampaikan laporan")


def test_the_hearer_of_a_recipient_cue_is_not_content(lex):
    assert claims(lex, "id", "Rudi Hartono meyakinkan warga desa bahwa jembatan itu aman.") == [
        ("Rudi Hartono", "asserts", "meyakinkan", "jembatan itu aman")]
    assert claims(lex, "id", "Rudi Hartono mempersoalkan pasal karet dalam undang-undang itu.")[0][1] == "questions"


def test_an_attitude_word_reports_a_clause_not_what_a_preposition_names(lex):
    assert claims(lex, "id", "Rudi Hartono optimistis, tahun depan ekonomi akan pulih.") == [
        ("Rudi Hartono", "asserts", "optimistis", "tahun depan ekonomi akan pulih")]
    assert claims(lex, "id", "Rudi Hartono khawatir, isolasi di rumah menjadi sumber penularan.")[0][1] == "warns"
    assert claims(lex, "id", "Rudi Hartono percaya pada generasi muda.") == []
    assert claims(lex, "id", "Warga khawatir dengan aturan baru itu.") == []


def test_a_cue_that_asserts_calls_for_what_agar_opens(lex):
    assert claims(lex, "id", "Rudi Hartono menekankan agar kaum muda tidak berkeluyuran.") == [
        ("Rudi Hartono", "calls_for", "menekankan", "kaum muda tidak berkeluyuran")]
    assert claims(lex, "id", "Rudi Hartono menekankan, kaum muda tidak berkeluyuran.")[0][1] == "asserts"


def test_a_cue_after_a_modal_reports_nothing(lex):
    assert claims(lex, "id", "Daerah yang masuk zona hijau bisa melanjutkan tahapan pilkada.") == []
    assert claims(lex, "id", "Sulit memastikan anak-anak tetap di rumah selama libur.") == []


def test_a_clause_cue_reports_only_before_a_comma_or_a_complementizer(lex):
    assert claims(lex, "id", "Rudi Hartono melanjutkan, sistem itu aman.") == [
        ("Rudi Hartono", "asserts", "melanjutkan", "sistem itu aman")]
    assert claims(lex, "id", "Bank Sukamaju juga melanjutkan penerapan sistem terpusat.") == []
    # and a cue of purpose reports nothing either
    assert claims(lex, "id", "Relawan mendampingi tim untuk memastikan warga disiplin.") == []


def test_thanks_praise_who_is_thanked_and_an_apology_admits(lex):
    assert claims(lex, "id", "Rudi Hartono mengucapkan terima kasih kepada para relawan.") == [
        ("Rudi Hartono", "praises", "mengucapkan terima kasih", "para relawan")]
    assert claims(lex, "id", "Rudi Hartono meminta maaf atas keteledorannya.")[0][1] == "confirms"


def test_a_cue_that_asserts_pledges_what_siap_opens(lex):
    assert claims(lex, "id", "Rudi Hartono menyatakan siap melaksanakan aturan itu.")[0][1] == "pledges"


def test_more_indonesian_cues_and_their_limits(lex):
    assert claims(lex, "id", "Rudi Hartono menyadari, musim kemarau merupakan ancaman.")[0][3] == (
        "musim kemarau merupakan ancaman")
    assert claims(lex, "id", "Rudi Hartono memang menyampaikan bahwa zona merah sudah tidak ada.")[0][3] == (
        "zona merah sudah tidak ada")
    assert claims(lex, "id", "Rudi Hartono melihat, masih ada kendaraan yang berseliweran.")[0][3] == (
        "masih ada kendaraan yang berseliweran")
    assert claims(lex, "id", "Polres Sukamaju mengungkap kasus peredaran narkoba.") == []
    assert claims(lex, "id", "Warga sepakat untuk memasukkan surat suara ke noken.") == []
    assert claims(lex, "id", "Rudi Hartono juga diharapkan mendukung upaya pemerintah.") == []
    assert claims(lex, "id", "Rudi Hartono menolak tuduhan bahwa perusahaannya menekan harga.")[0][1:] == (
        "denies", "menolak tuduhan", "perusahaannya menekan harga")


def test_an_english_attitude_word_after_a_copula_reports_its_that_clause(lex):
    assert claims(lex, "en", "Mr. Ames is convinced that the company will recover.") == [
        ("Ames", "asserts", "convinced", "the company will recover")]
    assert claims(lex, "en", "Officials were concerned that the bridge would fail.")[0][1] == "warns"
    assert claims(lex, "en", "She convinced voters to stay home.") == []
    assert claims(lex, "en", "He is confident in his team.") == []


def test_a_manner_phrase_between_speaker_and_cue(lex):
    assert claims(lex, "id", "Rudi Hartono secara terbuka mengatakan, warga harus disiplin.") == [
        ("Rudi Hartono", "asserts", "mengatakan", "warga harus disiplin")]
    assert claims(lex, "id", "Rudi Hartono merasa optimistis jumlah penumpang meningkat.")[0][3] == (
        "jumlah penumpang meningkat")


def test_a_condition_after_the_cue_is_part_of_the_content(lex):
    assert claims(lex, "id", "Rudi Hartono meyakini, jika warga bersatu, ekonomi akan tumbuh.")[0][3] == (
        "jika warga bersatu, ekonomi akan tumbuh")
    assert claims(lex, "id", "Demi menghargai kerja keras guru, sekolah itu menggelar pameran.") == []


def test_a_cue_inside_what_someone_allows_is_no_claim_of_its_own(lex):
    assert claims(lex, "id", "Polisi mempersilakan Rudi menyampaikan permintaan maaf kepada warga.") == [
        ("Polisi", "calls_for", "mempersilakan", "Rudi menyampaikan permintaan maaf kepada warga")]
