"""Patterns written as data in the lexicon (factdb/extract/patterns/sequences.py). Invented sentences."""
import pytest

from factdb.extract import extract_claims, load_lexicon
from factdb.extract.lexicon import LEXICON_DIR, lexicon_from_dict


@pytest.fixture(scope="module")
def en():
    return load_lexicon("en")


def claims(text, lex):
    return [(c.speakers[0].name, c.stance, c.cue, c.text) for c in extract_claims(text, lex).claims]


def test_passive_with_its_agent_and_the_charge(en):
    # the charge is the content, not the words before the cue
    assert claims("Ellen Park was accused by rivals of hiding the costs.", en) == [
        ("rivals", "accuses", "accused", "hiding the costs")]


def test_a_passive_cue_with_its_agent_and_the_charge(en):
    [(speaker, stance, _, content)] = claims("The mayor was criticized by the union for cutting bus routes.", en)
    assert (speaker, stance, content) == ("union", "criticizes", "cutting bus routes")


def test_without_the_charge_the_passive_pattern_holds(en):
    assert claims("The plan was criticized by Ellen Park.", en) == [
        ("Ellen Park", "criticizes", "was criticized by", "The plan")]


def test_a_pattern_added_in_the_lexicon_needs_no_code():
    import yaml
    data = yaml.safe_load((LEXICON_DIR / "en.yml").read_text(encoding="utf-8"))
    # "X weighed in with Y": a pattern invented for the test
    data["sequences"] = {"weighed_in_with": [
        {"slot": "speaker"}, {"cue": "verb"}, {"words": ["in"]}, {"words": ["with"]}, {"slot": "content"}]}
    data["cues"]["verbs"]["asserts"].append("weighed")
    lex = lexicon_from_dict(data)
    got = claims("Ellen Park weighed in with a plan to widen the bridge.", lex)
    assert got == [("Ellen Park", "asserts", "weighed", "a plan to widen the bridge")]


def test_a_noun_cue_with_its_owner(en):
    assert claims("The mayor rejected Jane Roe's claim that the bridge is unsafe.", en)[0] == (
        "Jane Roe", "asserts", "claim", "the bridge is unsafe")
    [(speaker, stance, cue, _)] = claims("The senator's warning that the fund would run dry went unheeded.", en)
    assert (speaker, stance, cue) == ("senator", "warns", "warning")


def test_a_contraction_is_no_owner(en):
    assert [c for c in claims("He's certain that the bridge is safe.", en) if c[2] in ("certain",)] == []


def test_a_noun_cue_alone_reports_nothing(en):
    assert claims("The assertion surprised nobody.", en) == []


def test_an_apposed_answer_denies_what_the_sentence_says(en):
    text = "Senate Democrats accused the agency of hiding the cost of the plan, a charge the agency quickly rejected."
    ex = extract_claims(text, en)
    assert [(c.speakers[0].name, c.stance, c.text) for c in ex.claims] == [
        ("Senate Democrats", "accuses", "the agency of hiding the cost of the plan"),
        ("agency", "denies", "a charge")]
    assert [(r.source, r.target, r.type) for r in ex.relations] == [(1, 0, "denies")]


def test_a_possessive_pronoun_owns_a_noun_cue(en):
    # "her remark that ...": the remark of whom "her" means (the sentence's subject)
    assert claims("Jane Roe, a former mayor, caused a stir last year with her remark that the bridge was unsafe.", en) == [
        ("Jane Roe", "asserts", "remark", "the bridge was unsafe")]


def test_an_owner_pattern_matches_again_and_ends_at_a_semicolon(en):
    text = ("After a week of rows - including Mayor Jane Roe's assertion that the bridge was unsafe; "
            "her criticism of the council; and her suggestion that voters could revolt - the mayor changed tone.")
    assert claims(text, en) == [
        ("Jane Roe", "asserts", "assertion", "the bridge was unsafe"),
        ("Jane Roe", "asserts", "suggestion", "voters could revolt")]


def test_a_possessive_pronoun_without_a_noun_cue_is_no_claim(en):
    assert claims("Jane Roe left early. Her car was parked outside.", en) == []
