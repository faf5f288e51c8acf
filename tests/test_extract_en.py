"""English extraction: attribution patterns, speakers and relations.

The sentences here are made up for the tests.
"""
import pytest

from factdb.articles import detect_language
from factdb.extract import extract_claims, load_lexicon


@pytest.fixture(scope="module")
def en():
    return load_lexicon("en")


def claims(text, lex):
    return [(c.speakers[0].name if len(c.speakers) == 1 else tuple(s.name for s in c.speakers), c.stance, c.text)
            for c in extract_claims(text, lex).claims]


def test_quote_then_speaker_then_said(en):
    text = '"The bridge will open in May," Smith said.'
    assert claims(text, en) == [("Smith", "asserts", "The bridge will open in May")]


def test_quote_then_said_then_speaker(en):
    text = '"The bridge will open in May," said Laura Smith, the city engineer.'
    assert claims(text, en) == [("Laura Smith", "asserts", "The bridge will open in May")]


def test_said_with_a_day_after_the_quote(en):
    text = '"Nothing has been decided," the mayor said on Tuesday.'
    [(speaker, stance, content)] = claims(text, en)
    assert content == "Nothing has been decided"
    assert stance == "asserts"


def test_preposed_said_that(en):
    text = "Governor Anna Ruiz said that the budget would be balanced by next year."
    assert claims(text, en) == [("Anna Ruiz", "asserts", "the budget would be balanced by next year")]


def test_according_to(en):
    text = "According to the Health Department, the clinic closed in March."
    assert claims(text, en) == [("Health Department", "asserts", "the clinic closed in March")]


def test_according_to_after_the_content(en):
    text = "The clinic closed in March, according to the Health Department."
    [(speaker, _, content)] = claims(text, en)
    assert speaker == "Health Department"
    assert content == "The clinic closed in March"


def test_told_hearer_that(en):
    text = "Mr. Okafor told reporters on Friday that the talks had collapsed."
    assert claims(text, en) == [("Okafor", "asserts", "the talks had collapsed")]


def test_title_stripped_and_short_name_resolved(en):
    text = ("President Maria Lindqvist said the treaty was fair. "
            "Lindqvist added that the vote would come soon.")
    result = claims(text, en)
    assert [r[0] for r in result] == ["Maria Lindqvist", "Maria Lindqvist"]
    first = extract_claims(text, en).claims[0].speakers[0]
    assert first.description == "President"


def test_abbreviated_title_with_affiliation(en):
    text = "Ohio Sen. Peter Vance said the plant would stay open."
    [(speaker, _, content)] = claims(text, en)
    assert speaker == "Peter Vance"
    assert content == "the plant would stay open"


def test_pronoun_resolves_to_last_person(en):
    text = ('Senator Tom Hale criticized the plan. '
            '"It will cost jobs," he said.')
    result = claims(text, en)
    assert result[-1] == ("Tom Hale", "asserts", "It will cost jobs")


def test_multi_sentence_quote_is_one_claim(en):
    text = '"We are ready. The money is there. Now we build," the mayor said.'
    [(_, _, content)] = claims(text, en)
    assert content == "We are ready. The money is there. Now we build"


def test_quote_going_on_after_the_cue(en):
    text = '"We are ready," Smith said. "The money is there."'
    [(_, _, content)] = claims(text, en)
    assert content.startswith("We are ready")
    assert content.endswith("The money is there.")


def test_apposition_between_commas(en):
    text = "Jane Roe, a lawyer for the families, said the settlement was too small."
    assert claims(text, en) == [("Jane Roe", "asserts", "the settlement was too small")]


def test_common_noun_speaker_after_content(en):
    text = "The flight left two hours late, the airline said."
    assert claims(text, en) == [("airline", "asserts", "The flight left two hours late")]


def test_double_apostrophe_quotes(en):
    text = "''We will appeal,'' said Mr. Dunn."
    assert claims(text, en) == [("Dunn", "asserts", "We will appeal")]


def test_stances(en):
    text = ("Union leaders urged the company to raise wages. "
            "The company denied the allegation. "
            "Critics warned that prices would rise.")
    stances = [c.stance for c in extract_claims(text, en).claims]
    assert stances == ["calls_for", "denies", "warns"]


def test_denial_linked_to_the_allegation(en):
    text = ("Union leaders accused the company of hiding its profits. "
            "The company denied the allegation.")
    result = extract_claims(text, en)
    kinds = [c.stance for c in result.claims]
    assert kinds == ["accuses", "denies"]
    assert [(r.source, r.target, r.type) for r in result.relations] == [(1, 0, "denies")]


def test_negated_cue_is_not_a_claim(en):
    text = "The company did not deny the report."
    assert extract_claims(text, en).claims == ()


def test_name_with_a_capitalized_cue_word_is_not_a_claim(en):
    text = "The United States Claims Court met in the morning."
    assert claims(text, en) == []


def test_language_detection():
    assert detect_language("The minister said that the new law would be passed by the end of the year.") == "en"
    assert detect_language("Menteri mengatakan bahwa undang-undang itu akan disahkan tahun ini.") == "id"
    assert detect_language("Le ministre a dit que la loi serait adoptée avant la fin de l'année.") == "und"


def test_participle_takes_the_sentence_subject(en):
    text = "Governor Ellen Park vetoed the bill on Monday, saying it would raise taxes."
    [(speaker, _, content)] = claims(text, en)
    assert speaker == "Ellen Park"
    assert content == "it would raise taxes"


def test_relative_who_before_the_cue(en):
    text = "The plan was backed by Mayor Tom Reyes, who said the city could afford it."
    assert ("Tom Reyes", "asserts", "the city could afford it") in claims(text, en)


def test_party_and_state_in_parentheses(en):
    text = "Sen. Maria Ortiz (D-Ore.) said the vote would be close."
    assert claims(text, en) == [("Maria Ortiz", "asserts", "the vote would be close")]


def test_as_clause_is_an_aside(en):
    text = "As the Daily Ledger reported, the factory will close in June."
    assert claims(text, en) == [("Daily Ledger", "asserts", "the factory will close in June")]


def test_according_to_a_description(en):
    text = "The factory will close in June, according to two people familiar with the plan."
    [(speaker, _, content)] = claims(text, en)
    assert speaker == "two people familiar with the plan"
    assert content == "The factory will close in June"


def test_adverbs_and_circumstance_after_the_cue(en):
    text = "Jones said in an interview on Sunday that the plant would reopen."
    assert claims(text, en) == [("Jones", "asserts", "the plant would reopen")]


def test_cue_followed_only_by_its_circumstance_makes_no_claim(en):
    text = "Jones spoke at a rally in Ohio. Jones said at the rally."
    assert claims(text, en) == []


def test_shared_surname_stays_as_written(en):
    text = ("Senator Ann Miller met Governor Paul Miller. "
            '"We agree on the budget," Miller said.')
    [(speaker, _, _)] = claims(text, en)
    assert speaker == "Miller"


def test_she_is_not_a_place(en):
    text = ('Lisa Grant, who lives in Dayton, Ohio, said the schools were closing. '
            '"It is a shame," she said.')
    result = claims(text, en)
    assert [r[0] for r in result] == ["Lisa Grant", "Lisa Grant"]


def test_cue_with_colon_takes_the_quote_that_follows(en):
    text = ("Senator Ann Cole spoke last. Cole added:\n\n"
            "\u201cWe will not back down. The vote is on Tuesday.\u201d\n\nThe hall was full.")
    assert claims(text, en) == [("Ann Cole", "asserts", "We will not back down. The vote is on Tuesday.")]


def test_quantifier_and_description_speakers(en):
    text = ('"The deal is done," one campaign source said. '
            '"We will see," said retired judge Carla Mendes.')
    assert [r[0] for r in claims(text, en)] == ["one campaign source", "Carla Mendes"]
    text = "\"We will see,\" said retired neurosurgeon Carla Mendes."
    [speaker] = extract_claims(text, en).claims[0].speakers
    assert (speaker.name, speaker.description) == ("Carla Mendes", "retired neurosurgeon")


def test_she_skips_a_man(en):
    text = 'Mrs. Lane said the plan was good. Mr. Cho said it was bad. "We will win," she said.'
    assert [r[0] for r in claims(text, en)] == ["Lane", "Cho", "Lane"]


def test_quote_paragraph_after_a_quote_claim(en):
    text = '"We will build it," Mayor Ann Cole said.\n\n"And we will pay for it."'
    result = claims(text, en)
    assert result == [("Ann Cole", "asserts", "We will build it"), ("Ann Cole", "asserts", "And we will pay for it.")]


def test_passive_cue_without_agent_is_no_claim(en):
    text = "The workers have been told that the plant will close."
    assert claims(text, en) == []
    text = "The plan was criticized by the union."
    assert claims(text, en) == [("union", "criticizes", "The plan")]


def test_age_and_apposition_before_the_cue(en):
    text = "Lee, 54, a former prosecutor, argued that the law was unconstitutional."
    assert claims(text, en) == [("Lee", "asserts", "the law was unconstitutional")]


def test_role_with_its_affiliation(en):
    text = "Officials at the Pentagon said Tuesday that two soldiers were injured."
    assert claims(text, en) == [("Officials at the Pentagon", "asserts", "two soldiers were injured")]


def test_two_speakers_acting_together(en):
    text = "Smith and Jones both said the vote was rigged."
    [claim] = extract_claims(text, en).claims
    assert [s.name for s in claim.speakers] == ["Smith", "Jones"]


def test_quote_going_on_after_a_postposed_speaker(en):
    text = "\u201cI disagree,\u201d said Rep. Ann Lee, D-Calif., \u201cand so do most voters.\u201d"
    [claim] = extract_claims(text, en).claims
    assert claim.speakers[0].name == "Ann Lee"
    assert claim.quote == "I disagree \u2026 and so do most voters"


def test_restrictive_relative_clause_before_the_cue(en):
    text = "Two aides who met the governor on Friday said the budget would be cut."
    assert claims(text, en) == [("Two aides", "asserts", "the budget would be cut")]


def test_cue_inside_a_relative_aside_is_not_the_subjects(en):
    text = ("Mr. Karl Weston, who ran a bakery that praised local growers before he "
            "opened a cafe, points to the risk.")
    assert [c[0] for c in claims(text, en) if c[1] == "praises"] == []


def test_plural_role_is_a_speaker(en):
    text = "Senior analysts said the merger would take months."
    assert claims(text, en) == [("Senior analysts", "asserts", "the merger would take months")]


def test_role_of_a_named_possessor_keeps_the_possessor(en):
    text = "Senator Dana Whitcombe's aides said the vote would be delayed."
    assert claims(text, en) == [("Dana Whitcombe's aides", "asserts", "the vote would be delayed")]


def test_role_modifiers_stay_with_the_role(en):
    text = "The audit will take a year, current and former officials said."
    assert claims(text, en) == [("current and former officials", "asserts", "The audit will take a year")]


def test_relative_clause_head_with_its_determiner(en):
    text = "A county official who asked not to be named said the road would reopen."
    assert claims(text, en) == [("county official", "asserts", "the road would reopen")]


def test_cue_of_the_relative_clause_itself_is_no_claim_of_its_head(en):
    text = "The farmers who quietly criticized Mayor Lena Hart at the fair included two cousins."
    assert claims(text, en) == []


def test_dotted_abbreviation_inside_a_source(en):
    text = "The mill burned twice in a decade, according to N.F.P.A. records."
    assert claims(text, en) == [("N.F.P.A records", "asserts", "The mill burned twice in a decade")]


def test_according_to_a_source_described_by_a_relative_clause(en):
    text = "The dam will hold for a decade, according to Dana Pruitt, who built its first turbine."
    assert claims(text, en) == [("Dana Pruitt", "asserts", "The dam will hold for a decade")]


def test_this_after_a_cue_is_content_unless_a_time_follows(en):
    assert claims("Critics say this is a costly detour.", en) == [("Critics", "asserts", "this is a costly detour")]
    assert claims("Ms. Ruth Abara said this week that the mill will close.", en) == [
        ("Ruth Abara", "asserts", "the mill will close")]


def test_name_before_a_colon_and_a_quote(en):
    text = ("RENTS WILL CLIMB - Jane Roe: “Rents will rise by spring.” [Digest.]\n\n"
            "Later that night on KXTV: “The harbor froze.”")
    assert claims(text, en) == [("Jane Roe", "asserts", "Rents will rise by spring")]


def test_name_before_a_colon_is_english_only():
    from factdb.extract.lexicon import lexicon_from_dict
    lex = lexicon_from_dict({"language": "xx", "cues": {"verbs": {"asserts": ["said"]}}})
    assert lex.speaker_colon is False


def test_quote_first_then_told_when_asked(en):
    text = "“The ferry will run again,” Lena Ortiz, 61, told KTVX Monday when asked about reports that the pier was closed."
    assert claims(text, en) == [("Lena Ortiz", "asserts", "The ferry will run again")]


def test_one_content_under_two_cues_is_one_claim(en):
    text = "Senator Ada Brill said she thinks the deal will fail."
    assert claims(text, en) == [("Ada Brill", "asserts", "she thinks the deal will fail")]


def test_named_subject_without_a_claim_is_the_next_pronouns_topic(en):
    text = ("The panel voted on Tuesday, two senators said.\n\n"
            "Board chairman Omar Fenwick left the hearing early.\n\n"
            "“We have nothing new yet,” he said.")
    assert claims(text, en)[-1] == ("Omar Fenwick", "asserts", "We have nothing new yet")


def test_pronoun_after_a_fronted_said_opens_the_content(en):
    text = "Rowe, who calls the mayor a “liar,” said he has no faith that the plan will hold."
    assert [c for c in claims(text, en) if c[2].startswith("Rowe")] == []


def test_sentence_openers_and_months_are_no_speakers(en):
    text = "Rather, he said, the vote will wait. In May, officials said the bridge would open."
    assert [c[0] for c in claims(text, en)] == ["officials"]


def test_lone_quantifier_before_more_words_is_not_the_subject(en):
    text = "Many young voters did not agree and found the plan costly."
    assert claims(text, en) == []


def test_connective_then_pronoun_and_cue_between_commas(en):
    text = "Senator Ada Brill spoke first. Still, she said, the vote will wait until June."
    assert claims(text, en)[-1] == ("Ada Brill", "asserts", "the vote will wait until June")


def test_more_roles_before_a_name(en):
    text = "The harbor froze overnight, journalist Rena Vasquez said."
    assert claims(text, en) == [("Rena Vasquez", "asserts", "The harbor froze overnight")]


def test_lower_case_words_before_a_role_without_determiner(en):
    text = "The reef is shrinking, and tourism economists say the cause is warmer water."
    assert claims(text, en) == [("tourism economists", "asserts", "the cause is warmer water")]


def test_honorific_and_surname_take_the_full_name_written_elsewhere(en):
    text = ("The bakery was bought by Jana Kowalczyk last week.\n\n"
            "“It is an expansion,” Ms. Kowalczyk said.")
    assert claims(text, en) == [("Jana Kowalczyk", "asserts", "It is an expansion")]


def test_possessor_of_a_thing_stays_in_the_source(en):
    text = "According to the club’s Web page, the match was called off."
    assert claims(text, en) == [("club’s Web page", "asserts", "the match was called off")]


def test_clause_opening_noun_before_a_named_source(en):
    text = "Court papers from Acme Mills show that the loom was sold twice."
    assert claims(text, en) == [("Court papers from Acme Mills", "asserts", "the loom was sold twice")]


def test_participle_after_a_closing_quote_makes_its_own_claim(en):
    text = "On Friday, Lena Ortiz told KTVX that the pier “was never safe,” adding, “We closed it in time.”"
    assert claims(text, en) == [("Lena Ortiz", "asserts", "the pier “was never safe,”"),
                                ("Lena Ortiz", "asserts", "“We closed it in time.”")]


def test_quote_closing_a_relative_aside_before_the_cue(en):
    text = "Rowe, who calls the bridge a “relic,” said he doubts the repairs will last."
    assert claims(text, en)[-1] == ("Rowe", "asserts", "he doubts the repairs will last")


def test_bare_place_is_not_a_speaker(en):
    assert claims("Kansas reported 40 new cases on Monday.", en) == []
    assert claims("Officials in Kansas said the road would reopen.", en) == [
        ("Officials in Kansas", "asserts", "the road would reopen")]


def test_statement_is_not_the_speaker_of_a_participle(en):
    text = "Jane Roe spoke at the rally. Afterwards, she put out a statement calling for a new bridge over the river."
    assert all(c[0] != "statement" for c in claims(text, en))
    assert claims("The statement said the bridge would open in May.", en) == [
        ("statement", "asserts", "the bridge would open in May")]


def test_according_to_a_possessive_common_noun_is_no_source(en):
    assert claims("Most people simply vote for a party, according to their gut feeling.", en) == []
    assert claims("The deal was signed last week, according to his lawyer.", en) == [
        ("lawyer", "asserts", "The deal was signed last week")]


def test_sentence_opening_common_plural_is_no_topic(en):
    text = ('Jane Roe spoke in Ohio. Most Northern towns that hold votes in March have large rural '
            'populations. "We will win there," she said.')
    assert claims(text, en) == [("Jane Roe", "asserts", "We will win there")]


def test_he_is_not_the_person_his_quote_names(en):
    text = ('"We will appeal," Tom Vance said.\n\n'
            'But what if Maria Lind wins the seat?\n\n'
            '"Maria can run for the seat if she likes," he said.')
    assert claims(text, en)[-1] == ("Tom Vance", "asserts", "Maria can run for the seat if she likes")


def test_a_speaker_inside_another_claim_is_not_the_next_he(en):
    text = ('Paul Dorn said he is hopeful that the vote ends with Karl Weiss claiming the seat.\n\n'
            '"The first thing is to win the count," he said.')
    assert claims(text, en)[-1] == ("Paul Dorn", "asserts", "The first thing is to win the count")


def test_a_quoted_phrase_does_not_hide_the_subject_of_the_sentence(en):
    text = ('Rosa Pike told reporters on Monday that the plan was sound.\n\n'
            'Ben Hale, who has led the county for a decade, campaigned against the "rigged budget" '
            'that he says is kept alive by lobbyists.')
    assert claims(text, en)[-1][0] == "Ben Hale"


def test_a_sentence_ends_after_a_number(en):
    text = "''We will not sell,'' he said on Oct. 4. Weeks after, the fund sold half of its stake."
    assert [c[2] for c in claims("Anne Roe spoke first.\n\n" + text, en)] == ["We will not sell"]


def test_quote_first_and_a_relative_clause_after_the_cue(en):
    text = "''It's like a new house,'' Mr. Hale said in a film that showed off the rooms."
    assert claims("Peter Hale bought it.\n\n" + text, en) == [("Peter Hale", "asserts", "It's like a new house")]


def test_an_aside_between_commas_does_not_end_the_content(en):
    text = "Mr. Kerr said the talks, which began a decade ago, remained the best place to settle it."
    [(_, _, content)] = claims(text, en)
    assert content == "the talks, which began a decade ago, remained the best place to settle it"


def test_a_quote_that_closed_the_last_sentence_is_not_the_next_content(en):
    text = ('Leaving the meeting, Ana Ortiz said it covered the budget and "a little bit of politics." '
            "Ortiz said she did not seek the endorsement.")
    assert [c[2] for c in claims(text, en)][-1] == "she did not seek the endorsement"


def test_said_in_a_statement_then_the_quote(en):
    text = "Sam Lee, a party spokesman, said in a statement. “The count stands. It is over.”"
    assert claims(text, en) == [("Sam Lee", "asserts", "The count stands. It is over.")]


def test_a_relative_clause_with_commas_of_its_own_between_speaker_and_cue(en):
    text = ("Sandy Pike, who lost her son in the flood in Moab, Utah, in June 2009, "
            "said that the senator had treated her family badly.")
    assert claims(text, en) == [("Sandy Pike", "asserts", "the senator had treated her family badly")]


def test_an_appositive_role_whose_closing_comma_is_missing(en):
    text = "Sam Lee, the communications director for the Ohio Green Party said the count was final."
    [claim] = extract_claims(text, en).claims
    assert [s.name for s in claim.speakers] == ["Sam Lee"]
    assert claim.speakers[0].description == "communications director for the Ohio Green Party"


def test_a_plural_common_noun_is_a_group_that_he_cannot_mean(en):
    text = "Many farmers have told us the plan must be dropped.\n\nHe believes they are wrong."
    made = extract_claims(text, en).claims
    assert [(s.name, s.kind) for s in made[0].speakers] == [("Many farmers", "group")]
    assert all(c.speakers[0].name != "Many farmers" for c in made[1:])


def test_a_participle_after_by_takes_the_subject_of_the_sentence(en):
    text = "Mr. Roe has won over crowds by promising to cut fees on river barges."
    assert claims(text, en) == [("Roe", "pledges", "to cut fees on river barges")]


def test_a_participle_after_a_determined_role_at_the_start(en):
    text = "His spokesman sued the city on Friday, claiming the fee was never due."
    assert claims(text, en) == [("spokesman", "asserts", "the fee was never due")]


def test_that_before_a_comma_is_the_object_not_a_complementizer(en):
    text = "Ruth Ames proposed a debate on Monday, but Carl Penn rejected that, too."
    assert claims(text, en)[-1] == ("Carl Penn", "denies", "that")


def test_a_manner_adverb_and_a_circumstance_are_no_content(en):
    text = "The subpoena was withdrawn and Ruth Ames testified voluntarily in 1998."
    assert claims(text, en) == []


def test_a_quoted_related_line_is_boilerplate(en):
    text = '“The count is over,” Jane Roe said.\n\n"Related:"\n\nMore of the story.'
    assert [c[2] for c in claims(text, en)] == ["The count is over"]


def test_a_dateline_is_not_the_subject_of_a_participle(en):
    text = "OSLO — Rep. Gwen Tate on Friday pummeled the mayor as divisive while praising the governor."
    assert claims(text, en) == [("Gwen Tate", "praises", "the governor")]


def test_nobody_is_no_speaker(en):
    assert claims("Nobody opposed him at the hearing.", en) == []


def test_continues_to_is_not_a_cue(en):
    assert claims("Jane Roe continues to lead the field with 40 percent.", en) == []


def test_an_article_after_the_cue_opens_the_content(en):
    text = "After hearing the plan, he recommended a different firm, one known for its index funds."
    made = claims("Paul Dorn met the clients.\n\n" + text, en)
    assert made == [("Paul Dorn", "calls_for", "a different firm, one known for its index funds")]


def test_a_report_inside_a_that_clause_is_what_the_speaker_said(en):
    # the rejection is part of the senator's claim, not a claim of the Republicans, nor a denial of hers
    text = "Senator Ruth Ames said Wednesday that Republicans rejected her attempts to include language on enforcement."
    result = extract_claims(text, en)
    assert [(c.speakers[0].name, c.stance) for c in result.claims] == [("Ruth Ames", "asserts")]
    assert result.relations == ()
    # a report after "but" is a claim of its own
    assert claims("Ruth Ames proposed a debate on Monday, but Carl Penn rejected that, too.", en)[-1][0] == "Carl Penn"

def test_a_quote_opened_inside_the_sentence_keeps_the_words_before_it(en):
    text = 'They hope to "build a port for the fishing fleet," Mara Olsen said.'
    assert claims(text, en)[-1] == ("Mara Olsen", "asserts", 'They hope to "build a port for the fishing fleet')


def test_a_quote_set_off_by_a_colon_does_not_take_the_words_before_it(en):
    text = 'Her verdict: "The port is too small," Mara Olsen said.'
    assert claims(text, en)[-1] == ("Mara Olsen", "asserts", "The port is too small")


def test_a_trailing_attribution_after_a_quote_is_not_the_content(en):
    text = 'Mayor Ruth Abney vowed to "keep every branch library open," the Daily Ledger reported.'
    made = claims(text, en)
    assert ("Ruth Abney", "pledges", 'to "keep every branch library open') in made
    text = 'According to a court filing, "the loan was never repaid," Tom Hale said.'
    assert claims(text, en)[0][2] == '"the loan was never repaid'


@pytest.mark.parametrize("cue", ["answers", "mused", "quipped", "retorted", "recounted"])
def test_more_verbs_that_follow_a_quote(en, cue):
    text = f'"The port is too small," Mara Olsen {cue}.'
    assert claims(text, en) == [("Mara Olsen", "asserts", "The port is too small")]


def test_a_perfect_of_write_before_a_quote(en):
    text = 'As the critic Ana Ruiz had written in 2009, "No one reads the small print."'
    assert claims(text, en) == [("Ana Ruiz", "asserts", '"No one reads the small print."')]


def test_a_description_before_the_name_after_a_quote(en):
    text = '"He never missed a shift," a former colleague, Dana Whitlow told WKRT.'
    assert claims(text, en) == [("Dana Whitlow", "asserts", "He never missed a shift")]


def test_told_a_hearer_then_a_colon_and_the_quote(en):
    text = 'Mara Olsen told WKRT: "The port is too small."'
    assert claims(text, en) == [("Mara Olsen", "asserts", '"The port is too small."')]


def test_a_quote_running_over_two_paragraphs_makes_one_claim(en):
    text = "Mara Olsen said: “The port is too small.\n\n“It cannot take the new ships.”"
    assert claims(text, en) == [("Mara Olsen", "asserts", "“The port is too small.\n\n“It cannot take the new ships.”")]


def test_a_quote_after_an_attribution_with_another_clause_is_not_the_same_speakers(en):
    text = '"The port is too small," Mara Olsen said, and a neighbor waved. "It is fine."'
    assert claims(text, en) == [("Mara Olsen", "asserts", "The port is too small")]
    text = '"The port is too small," Mara Olsen said, and added: "It cannot take the new ships."'
    assert claims(text, en)[0][2] == "The port is too small"


def test_a_stray_mark_after_a_quote_within_a_quote_does_not_swallow_the_paragraph(en):
    text = '"Should the shop close?" Mara Olsen asked. "No. If a clerk says, "we are closed," we leave at once."'
    assert claims(text, en)[0][:2] == ("Mara Olsen", "calls_for")


def test_verbs_that_report_speech_only_after_a_quote(en):
    text = '"Would you sell the port?" Mara Olsen pressed. "Even at a loss?"'
    assert claims(text, en) == [("Mara Olsen", "calls_for", 'Would you sell the port?" Mara Olsen pressed. "Even at a loss?')]
    assert claims('"It is over," Mara Olsen went on.', en) == [("Mara Olsen", "asserts", "It is over")]
    assert claims("The talks went on for hours. Mara Olsen pressed the mayor for a date.", en) == []


def test_content_ending_in_a_colon_takes_the_quote_of_the_next_paragraph(en):
    text = "Mara Olsen argued that the real loser was the harbor itself:\n\n“No ship can dock there now.”"
    assert claims(text, en) == [
        ("Mara Olsen", "asserts", "the real loser was the harbor itself:\n\n“No ship can dock there now.")]


def test_a_cue_in_a_relative_clause_ends_at_its_comma(en):
    text = "Jane Roe, the party chairwoman, who has called the plan a hoax, will speak today."
    assert claims(text, en) == [("Jane Roe", "asserts", "the plan a hoax")]


def test_adverb_in_ly_between_speaker_and_cue(en):
    text = "The senator sharply criticized the toll plan. The family said the road would stay open."
    assert claims(text, en) == [("senator", "criticizes", "the toll plan"),
                                ("family", "asserts", "the road would stay open")]


def test_group_subject_written_whole(en):
    text = ("Farmers and even some bankers say the rain came too late. "
            "Supporters of the levy hope the vote will pass. "
            "Virtually all economists say that the harbor will reopen. "
            "People briefed on the talks said that the port deal was close. "
            "Two in five residents in a county survey last spring said the mill should stay.")
    assert [(s, c) for s, _, c in claims(text, en)] == [
        ("Farmers and even some bankers", "the rain came too late"),
        ("Supporters of the levy", "the vote will pass"),
        ("Virtually all economists", "the harbor will reopen"),
        ("People briefed on the talks", "the port deal was close"),
        ("Two in five residents in a county survey last spring", "the mill should stay"),
    ]


def test_group_subject_relative_clause_only_after_a_bare_noun(en):
    text = ("People who have fought the dam say it will flood the valley. "
            "Two officials who asked not to be named said the dam was safe.")
    assert [s for s, _, _ in claims(text, en)] == ["People who have fought the dam", "Two officials"]


def test_group_subject_not_a_clause(en):
    text = ("The move angered voters who said the plan was unfair. "
            "The plan gives farmers what they say they want.")
    assert all(s != "The move angered voters" and "plan gives" not in s for s, _, _ in claims(text, en))


def test_negation_before_an_adverb_in_ly(en):
    text = "Senator Jane Roe did not entirely agree with the mayor."
    assert claims(text, en) == []


def test_act_after_a_first_verb_with_a_comma_and_an_opening_participle(en):
    text = ("Walking to the next house, Jane Roe reminisced about her years with Bob Smith, "
            "and said the town had changed. "
            "The mayor visited the mill on Monday and said the roof would be fixed.")
    assert claims(text, en) == [("Jane Roe", "asserts", "the town had changed"),
                                ("mayor", "asserts", "the roof would be fixed")]


def test_coordinated_act_without_content_is_no_claim(en):
    text = "Jane Roe began the audit last spring and concluded Monday."
    assert claims(text, en) == []


def test_participle_without_comma_after_a_verb_and_its_object(en):
    text = "The governor emailed donors saying the race was close."
    assert claims(text, en) == [("governor", "asserts", "the race was close")]


def test_described_source_and_share_of_a_group(en):
    text = ("A new county poll released Friday found that most farmers favor the levy. "
            "In the survey, 60 percent of registered farmers said the levy was fair.")
    assert [s for s, _, _ in claims(text, en)] == ["new county poll released Friday", "survey",
                                                   "60 percent of registered farmers"]


def test_noun_after_determiner_is_no_cue(en):
    assert claims("His second tweet, an hour later, was a return to the race.", en) == []
    assert claims("Her latest tweet, sent at dawn, was about the weather.", en) == []
    assert claims("His new show, a hit last year, drew large crowds.", en) == []


def test_cue_vetoed_by_the_next_word(en):
    assert claims("Few voters showed up for the council race.", en) == []
    assert claims("Jane Roe found herself defending the budget again.", en) == []
    assert claims("Jane Roe answered the door and waved.", en) == []
    assert claims("Buyers will think twice before signing a lease.", en) == []
    assert claims("Jane Roe reported daily to the board in Dover.", en) == []
    assert claims("The vote leaves Jane Roe claiming the nomination next month.", en) == []


def test_gerund_after_of_is_still_a_cue(en):
    text = "Jane Roe spoke on Monday. And she made a point of warning that rents would rise."
    assert claims(text, en) == [("Jane Roe", "warns", "rents would rise")]


def test_act_joined_to_a_relative_clause_has_its_antecedent_as_speaker(en):
    text = '"The gate is open," Jo Roe told Mary Stone, who opened her door on Sunday and said she would vote for Roe.'
    assert claims(text, en) == [("Jo Roe", "asserts", "The gate is open"),
                                ("Mary Stone", "asserts", "she would vote for Roe")]


def test_act_with_words_of_its_own_after_as_is_no_aside(en):
    text = "Throughout May, as Mayor Jane Roe sought to calm fears about rents, tenants staged a protest."
    assert claims(text, en) == [("Jane Roe", "calls_for", "to calm fears about rents")]


def test_content_in_a_subordinate_clause_ends_at_its_comma(en):
    text = "While Jane Roe warned that rents would rise, the council voted for the plan."
    assert claims(text, en) == [("Jane Roe", "warns", "rents would rise")]


def test_cue_in_a_question_or_condition_reports_nothing(en):
    assert claims("Jane Roe spoke on Monday. She was asked if she would endorse Tom Dale.", en) == []
    assert claims("If Tom Dale said that, he was wrong.", en) == []


def test_words_before_a_cue_without_a_comma_are_content_only_for_a_postposed_verb(en):
    assert claims("Jane Roe spoke on Monday. She booked the small hall she prefers.", en) == []
    assert claims("The plan will fail Jane Roe argues.", en) == [("Jane Roe", "asserts", "The plan will fail")]


def test_statement_calling_on_is_the_subjects_after_an_opening_phrase(en):
    text = ("Mayor Alice Berrow met the board on Monday. That evening, she put out a statement "
            "calling on the council to act.\n\nShe has called for a new park.")
    assert [c[0] for c in claims(text, en)] == ["Alice Berrow", "Alice Berrow"]


def test_the_role_points_back_to_the_person_named_with_it(en):
    text = ('Sen. Jane Roe met farmers on Monday. Bob Dale, a local grower, said prices fell.\n\n'
            '"We will fix this," the senator said.')
    assert [c[0] for c in claims(text, en)] == ["Bob Dale", "Jane Roe"]


def test_a_role_set_off_after_a_name_is_that_person(en):
    text = ("Tom Reyes said the vote was close. Reyes has run twice. Reyes won. Reyes lost.\n\n"
            "Asked whether he feared that Bob Dale, the presumptive Republican nominee, who has called "
            "the plan a hoax, would win, Reyes smiled.")
    assert [c[0] for c in claims(text, en) if c[2] == "the plan a hoax"] == ["Bob Dale"]


def test_a_role_after_an_opening_clause_is_not_the_name_before_the_comma(en):
    text = "Asked about Bob Dale, the senator said the plan was fine."
    assert [c[0] for c in claims(text, en)] == ["senator"]


def test_a_relative_clause_inside_a_complement_clause_does_not_take_the_next_he(en):
    text = ('Tom Reyes said the vote was close.\n\n'
            'Asked whether he feared that Bob Dale, who has called the plan a hoax, would win, Reyes smiled.\n\n'
            '"Voters will decide," he said.')
    assert [c[0] for c in claims(text, en) if c[2] == "Voters will decide"] == ["Tom Reyes"]


def test_a_capitalized_plural_noun_is_a_group_that_they_points_to(en):
    text = ("A spokeswoman for the Harbor Board said the pier would close. Many local growers object.\n\n"
            "Growers say the closure would ruin them. Besides, they note, the pier is safe.")
    assert [c[0] for c in claims(text, en)][-1] == "Growers"


def test_a_surname_ending_like_a_plural_stays_a_person(en):
    text = 'Ann Evans said the pier was safe. "We will fight," she said.'
    assert [c[0] for c in claims(text, en)] == ["Ann Evans", "Ann Evans"]


def test_a_pronoun_in_an_opening_clause_means_the_subject_after_it(en):
    text = ('Tom Reyes said the vote was close.\n\n'
            'In what he called a "rant," Governor Bob Dale took a swipe at the plan.\n\n'
            'But he added, "We will win."')
    assert [c[0] for c in claims(text, en)] == ["Tom Reyes", "Bob Dale", "Bob Dale"]


def test_a_cue_after_went_on_to_or_continue_to_has_the_subject_before_them(en):
    text = ("Nora Pell went on to say she was confident about the harbor plan. "
            "Farmers continue to warn that the new dam is a mistake.")
    assert claims(text, en) == [("Nora Pell", "asserts", "she was confident about the harbor plan"),
                                ("Farmers", "warns", "the new dam is a mistake")]


def test_a_participle_cue_in_an_opening_clause_has_the_subject_after_the_comma(en):
    text = "Days after praising the new dam, Nora Pell said the river was safe."
    assert claims(text, en) == [("Nora Pell", "praises", "the new dam"),
                                ("Nora Pell", "asserts", "the river was safe")]


def test_a_participle_cue_after_while_and_an_adverb_takes_the_sentence_subject(en):
    text = "Nora Pell has promised to build a dam, while also suggesting that the river should be moved."
    assert claims(text, en) == [("Nora Pell", "pledges", "to build a dam"),
                                ("Nora Pell", "asserts", "the river should be moved")]


def test_an_apposition_after_a_speaker_set_off_after_the_content_is_not_more_content(en):
    text = "The river is safe, said Nora Pell, the mayor’s niece, on Facebook."
    assert claims(text, en) == [("Nora Pell", "asserts", "The river is safe")]


def test_a_country_or_a_seat_of_government_speaks_a_region_does_not(en):
    assert claims("China denied the report on Monday.", en) == [("China", "denies", "the report")]
    assert claims("The White House urged lawmakers to act.", en) == [
        ("United States", "calls_for", "lawmakers to act")]
    assert claims("Ohio said the roads would reopen.", en) == []


def test_think_tank_is_no_cue(en):
    assert claims("Harbor think tanks and party leaders misjudged the voters.", en) == []


def test_named_poll_with_place_and_day_is_the_source(en):
    text = "A Marlowe Research poll of Kentucky released on Sunday showed Ms. Vance with a narrow lead."
    assert claims(text, en) == [("Marlowe Research poll of Kentucky released on Sunday", "asserts",
                                 "Ms. Vance with a narrow lead")]


def test_analysis_and_results_are_sources(en):
    text = ("A fresh analysis shows the harbor tolls rose twice as fast as wages. "
            "Exit poll results show most commuters favored the ferry.")
    assert [(s, c) for s, _, c in claims(text, en)] == [
        ("fresh analysis", "the harbor tolls rose twice as fast as wages"),
        ("Exit poll results", "most commuters favored the ferry")]


def test_showing_after_a_source(en):
    text = "The two mayors are neck and neck, with surveys showing the early gap having closed."
    assert claims(text, en) == [("surveys", "asserts", "the early gap having closed")]
    assert claims("The dog kept showing up at the bakery.", en) == []


def test_sentence_opened_by_in_a_poll_is_the_polls_claim(en):
    text = "In a Dunmore College survey released Thursday, four in five tenants disliked the rent rule."
    assert claims(text, en) == [("Dunmore College survey released Thursday", "asserts",
                                 "four in five tenants disliked the rent rule")]
    # not a document's claim: a place, the speaker's own report, a report the agency speaks for
    assert claims("In the Senate, tenants have few friends.", en) == []
    assert [s for s, _, _ in claims("In her report, the auditor found waste in the port.", en)] == ["auditor"]
    assert [s for s, _, _ in claims("In a report released Monday, the agency said costs rose.", en)] == ["agency"]


def test_source_between_commas_before_and_has_the_content_before_it(en):
    text = "The barn was insured for $2 million in 2019, records show, and insurers say it is now worth less."
    assert claims(text, en) == [("records", "asserts", "The barn was insured for $2 million in 2019"),
                                ("insurers", "asserts", "it is now worth less")]


def test_as_the_paper_reported_then_and_takes_the_content_before(en):
    text = "Jo Park also toured the mill that day, as The Harbor Ledger reported on Monday, and she will lead the review."
    assert claims(text, en) == [("Harbor Ledger", "asserts", "Jo Park also toured the mill that day")]


def test_per_names_a_source_but_not_a_rate(en):
    assert claims("The ferry had been sold two years earlier, per Harbor News.", en) == [
        ("Harbor News", "asserts", "The ferry had been sold two years earlier")]
    assert claims("Per the county clerk, the ballots were counted twice.", en) == [
        ("county clerk", "asserts", "the ballots were counted twice")]
    assert claims("Porters earn $9 per hour plus tips.", en) == []


def test_according_to_a_source_described_after_a_comma_at_the_end(en):
    text = "The court needs a third judge, according to the Harlow Commission, the planning arm of the state courts."
    assert claims(text, en) == [("Harlow Commission", "asserts", "The court needs a third judge")]


def test_according_to_her_document_or_her_lawyer(en):
    assert claims("According to her lawyer, the mill closed in 1990.", en) == [
        ("lawyer", "asserts", "the mill closed in 1990")]
    assert claims("The mill closed in 1990, according to his diary.", en) == [
        ("diary", "asserts", "The mill closed in 1990")]
    assert claims("According to her wishes, the mill closed in 1990.", en) == []


def test_sentence_closed_by_in_a_poll_is_the_polls_claim(en):
    assert claims("Ms. Lee leads Mr. Park by five points in a new Harbor Ledger poll.", en) == [
        ("new Harbor Ledger poll", "asserts", "Ms. Lee leads Mr. Park by five points")]
    assert claims("Only 9% of tenants in the citywide survey agreed.", en) == []
    assert [s for s, _, _ in claims("Ms. Lee said she leads in a new poll.", en)] == ["Lee"]


def test_he_is_no_document_and_an_act_ends_before_a_trailing_source(en):
    text = ("Mr. Dorn bought the ferry in 1998. It was rebuilt in 2004, according to county records. "
            "He agreed to hand it over to Ms. Vale in 2012, records show.")
    assert claims(text, en)[1:] == [("Dorn", "asserts", "to hand it over to Ms. Vale in 2012"),
                                    ("records", "asserts", "He agreed to hand it over to Ms. Vale in 2012")]


def test_he_is_not_a_described_document(en):
    text = ("Ms. Vale owns two boats. A review by the Harbor Ledger shows most trips were for work. "
            "For leisure, she prefers to sail alone.")
    assert [s for s, _, _ in claims(text, en)] == ["review by the Harbor Ledger", "Vale"]


def test_a_website_speaks_like_its_body(en):
    assert claims("Tolls rose sharply, as the Harlow Institute website notes.", en) == [
        ("Harlow Institute website", "asserts", "Tolls rose sharply")]


def test_a_title_that_opens_with_a_body_word_is_a_title(en):
    text = "As city hall press secretary Jane Roe explained, the bridge will open in May."
    assert claims(text, en) == [("Jane Roe", "asserts", "the bridge will open in May")]


def test_a_source_whose_head_is_a_document_is_a_document(en):
    [claim] = extract_claims("A new county poll released Friday found that most farmers backed the levy.", en).claims
    assert claim.speakers[0].kind == "document"
    [claim] = extract_claims("The Bank of Sukamaju said that profits fell.", en).claims
    assert claim.speakers[0].kind == "institution"


def test_quote_going_on_after_a_participle_of_the_same_speaker(en):
    # the participle's claim ends the sentence; the next quote still goes on the first
    text = '"The levy is dead," Roe said of the plan, mocking the council. "Nobody will vote for it."'
    result = claims(text, en)
    assert ("Roe", "criticizes", "the council") in result
    quote = [content for _, stance, content in result if stance == "asserts"]
    assert len(quote) == 1 and quote[0].startswith("The levy is dead") and quote[0].endswith("vote for it.")


def test_a_mark_of_the_wrong_side_at_a_paragraph_end_closes_the_quote(en):
    text = ('“The fund is out of balance," the union wrote. "A change is needed now.“\n\n'
            'Prices have also hurt the plan. It is the pull of the "keep your plan" promise.')
    [(speaker, stance, content)] = claims(text, en)
    assert content == 'The fund is out of balance," the union wrote. "A change is needed now.'


def test_a_short_word_before_a_quote_ends_its_sentence(en):
    # "no." is also an abbreviation ("No. 5"); before a quoted sentence it ends one
    text = '"Should the clerk be fired?" Roe asked, shaking her head no. "But she should be warned."'
    [(speaker, stance, content)] = claims(text, en)
    assert content.endswith("But she should be warned.")


def test_a_period_run_into_the_next_sentence_still_ends_it(en):
    from factdb.extract.segment import Span, sentences
    text = "The vote was close.The count showed Ames had won."
    assert [text[s.start:s.end] for s in sentences(text, Span(0, len(text)), 0, en.abbreviations)] == [
        "The vote was close.", "The count showed Ames had won."]
    # not inside an abbreviation, an initial or a number
    text = "Dr. Ames met Penn at 4.30 p.m. Tuesday."
    assert len(sentences(text, Span(0, len(text)), 0, en.abbreviations)) == 1


def test_he_is_no_acronym_body(en):
    text = ("The smaller plane was grounded, according to the F.A.A. "
            "The jet is his favorite toy, he said in an interview.")
    assert [s for s, _, _ in claims(text, en)] == ["F.A.A"]


def test_a_named_aside_after_a_description_speaks(en):
    text = "But one prominent conservative, syndicated radio host Dennis Roe, disagrees with their position."
    assert claims(text, en)[0][0] == "Dennis Roe"
    assert claims("The mayor, a former teacher, said the school would open.", en)[0][0] == "mayor"
