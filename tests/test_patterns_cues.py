"""Stage 3, cues (factdb/extract/cues.py): which words report speech. Invented sentences."""
import pytest

from factdb.extract import load_lexicon
from factdb.extract.cues import CueFinder
from factdb.extract.segment import tokenize


class Finder(CueFinder):
    def __init__(self, lex):
        self.lex = lex


@pytest.fixture(scope="module")
def find():
    finders = {lang: Finder(load_lexicon(lang)) for lang in ("id", "en")}

    def run(lang, text):
        toks = tokenize(text)
        return [(" ".join(t.text for t in toks[m.start:m.end]), m.cue.stance, m.cue.kind)
                for m in finders[lang].find_cues(toks)]
    return run


def test_a_verb_cue_with_its_stance(find):
    assert find("id", "Rina Lestari mengkritik rencana itu.") == [("mengkritik", "criticizes", "verb")]
    assert find("en", "The union warned that fares would rise.") == [("warned", "warns", "verb")]


def test_the_longest_cue_wins(find):
    assert find("id", "Warga menyambut baik rencana itu.") == [("menyambut baik", "praises", "verb")]
    assert find("en", "According to the clerk, the hall is closed.")[0][0] == "According to"


def test_a_postposed_cue(find):
    assert find("id", '"Semua aman," kata petugas itu.') == [("kata", "asserts", "postposed")]


def test_a_verb_with_the_object_suffix(find):
    # "menyebutnya" is "menyebut" + "-nya"
    assert find("id", "Ia menyebutnya gagal.") == [("menyebutnya", "asserts", "verb")]


def test_a_catenative_verb_joins_the_cue(find):
    assert find("en", "She went on to say the plan failed.") == [("went on to say", "asserts", "verb")]


def test_a_word_next_to_it_vetoes_the_cue(find):
    assert find("en", "He showed up late.") == []


def test_a_capitalized_cue_inside_a_name_is_no_cue(find):
    assert find("id", "Lomba Pidato Menyampaikan Gagasan dibuka hari ini.") == []


def test_negation_is_seen_before_the_cue():
    finder = Finder(load_lexicon("en"))
    toks = tokenize("She did not entirely agree.")
    assert finder.negated(toks, 4)
    assert not finder.negated(tokenize("She agreed."), 1)


def test_inflections_of_reporting_verbs(find):
    assert find("en", "She lamented that the bridge was closed.") == [("lamented", "asserts", "verb")]
    assert find("en", "He speculated that rates would fall.") == [("speculated", "asserts", "verb")]
    assert find("en", "Farmers protested the new levy.") == [("protested", "criticizes", "verb")]


def test_a_noun_after_an_article_is_no_cue(find):
    assert find("en", "The echo of the debate lingered.") == []


def test_a_catenative_phrase_joins_the_cue(find):
    assert find("en", "The mayor was quick to add that the bridge was safe.") == [
        ("was quick to add", "asserts", "verb")]


def test_general_cues_of_support_criticism_and_rebuttal(find):
    assert find("en", "The union championed the levy.") == [("championed", "praises", "verb")]
    assert find("en", "The mayor took aim at the council.") == [("took aim at", "criticizes", "verb")]
    assert find("en", "The agency rebuffed the request.") == [("rebuffed", "denies", "verb")]
    assert find("en", "The report illustrates how few people voted.") == [("illustrates", "asserts", "verb")]


def test_a_noun_after_an_article_is_no_cue(find):
    assert find("en", "The union is one of the champions of the levy.") == []
    assert find("en", "The touting of the plan lasted weeks.") == []
