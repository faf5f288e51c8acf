"""Load a language's lexicon (``lexicons/<lang>.yml``) into lookup tables.

The YAML file is written for people; this module turns it into the sets and
dicts the extractor matches against. Multi-word entries become token tuples.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

import yaml

LEXICON_DIR = Path(__file__).parent / "lexicons"


def _phrase(entry: str) -> tuple[str, ...]:
    return tuple(str(entry).casefold().split())


def _phrases(entries) -> frozenset[tuple[str, ...]]:
    return frozenset(_phrase(e) for e in entries or [])


def _words(entries) -> frozenset[str]:
    return frozenset(str(e).casefold() for e in entries or [])


def _with_plurals(phrases: frozenset[tuple[str, ...]], suffix: str) -> frozenset[tuple[str, ...]]:
    """The phrases and, when the lexicon names a plural ending, their plurals
    ("official" -> "officials"), so that roles of several people are roles too."""
    if not suffix:
        return phrases
    return phrases | frozenset(p[:-1] + (p[-1] + suffix,) for p in phrases
                               if len(p[-1]) > 3 and p[-1].isalpha() and not p[-1].endswith(suffix))


@dataclass(frozen=True)
class Cue:
    """One reporting cue: its words, the stance it gives, and how it is used."""

    words: tuple[str, ...]
    stance: str
    kind: str  # "verb", "postposed", "according_to", "passive" or "noun" (only in data patterns)


@dataclass(frozen=True)
class SequenceStep:
    """One step of a pattern written as data (lexicon ``sequences``): a word of a
    lexicon list, one of some words, a cue of a kind, or a slot (``speaker``, ``content``)."""

    kind: str  # "list", "words", "cue" or "slot"
    value: str | frozenset[str]
    optional: bool = False
    content: bool = False  # the words it matches are the claim's content ("a charge")


@dataclass(frozen=True)
class SequencePattern:
    """An attribution pattern as a sequence of word classes, like spaCy's Matcher."""

    name: str
    steps: tuple[SequenceStep, ...]


@dataclass(frozen=True)
class Lexicon:
    language: str
    cues: dict[tuple[str, ...], Cue]
    max_cue_len: int
    stopwords: frozenset[str]
    negations: frozenset[str]
    complementizers: frozenset[str]
    adverbs: frozenset[str]
    speaker_conjunctions: frozenset[str]
    person_pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    pronoun_suffix: str
    sentence_openers: frozenset[str]
    titles: frozenset[tuple[str, ...]]
    affiliation_words: frozenset[str]
    institution_words: frozenset[tuple[str, ...]]
    governments: dict[tuple[str, ...], str]
    places: frozenset[tuple[str, ...]]
    boilerplate_prefixes: tuple[str, ...]
    days: frozenset[str]
    abbreviations: frozenset[str]
    reference_nouns: dict[str, frozenset[str]]
    demonstratives: frozenset[str]
    object_stops: frozenset[tuple[str, ...]]
    trailing_adjuncts: frozenset[tuple[str, ...]]
    passive_agents: frozenset[str]
    name_particles: frozenset[str] = field(default_factory=frozenset)
    # lowercase words that join a name to its place or body ("John Roe of Ohio")
    name_joiners: frozenset[str] = field(default_factory=frozenset)
    aliases: dict[tuple[str, ...], str] = field(default_factory=dict)

    # word sets derived from the phrase lists, for lookups on every token
    @cached_property
    def cue_heads(self) -> frozenset[str]:
        return frozenset(k[0] for k in self.cues)

    @cached_property
    def cue_lengths(self) -> dict[str, tuple[int, ...]]:
        """A cue's first word -> the lengths of the cues it opens, longest first."""
        return _phrase_index(frozenset(self.cues))

    @cached_property
    def title_words(self) -> frozenset[str]:
        return frozenset(w for t in self.titles for w in t)

    @cached_property
    def title_heads(self) -> frozenset[str]:
        return frozenset(t[0] for t in self.titles)

    @cached_property
    def title_tails(self) -> frozenset[str]:
        return frozenset(t[-1] for t in self.titles)

    @cached_property
    def institution_heads(self) -> frozenset[str]:
        return frozenset(t[0] for t in self.institution_words)

    @cached_property
    def institution_tails(self) -> frozenset[str]:
        return frozenset(t[-1] for t in self.institution_words)
    # cues that may also come before their speaker, after the content ('"...," said X')
    postposed_verbs: frozenset[tuple[str, ...]] = field(default_factory=frozenset)
    # cues that report speech only after the quote they follow ('"...?" X pressed.')
    after_quote_cues: frozenset[tuple[str, ...]] = field(default_factory=frozenset)
    # cues whose hearer comes before the content ("told reporters that ...")
    recipient_cues: frozenset[tuple[str, ...]] = field(default_factory=frozenset)
    # words right after a cue that are circumstance, not content ("said Monday")
    cue_adjuncts: frozenset[str] = field(default_factory=frozenset)
    # words that open a speaker phrase without being part of its name ("the")
    determiners: frozenset[str] = field(default_factory=frozenset)
    # endings of a possessor before the speaker ("the Center's director")
    possessive_suffixes: tuple[str, ...] = ()
    # words that open a subordinate clause ("when asked ..."): the content does not run into it
    subordinators: frozenset[str] = field(default_factory=frozenset)
    # "X, who said ...": the speaker is the phrase before the comma
    relative_pronouns: frozenset[str] = field(default_factory=frozenset)
    # cues that after a comma take the subject of the sentence ("X did Y, saying ...")
    participles: frozenset[tuple[str, ...]] = field(default_factory=frozenset)
    # prepositions before a participle cue that takes the sentence's subject ("by promising")
    participle_prepositions: frozenset[str] = field(default_factory=frozenset)
    # "as X reported, ...": the cue's clause is an aside to the content
    parenthetical_openers: frozenset[str] = field(default_factory=frozenset)
    # the source after "according to" runs to the clause boundary ("according to an AP account")
    source_to_clause_end: bool = False
    # words that may open a speaker phrase and stay in it ("one official", "two aides")
    quantifiers: frozenset[str] = field(default_factory=frozenset)
    # pronouns that tell a gender, and titles or roles that do ("she", "Mrs.", "spokeswoman")
    gendered_pronouns: dict[str, frozenset[str]] = field(default_factory=dict)
    gendered_words: dict[str, frozenset[str]] = field(default_factory=dict)
    # conjunctions that join two acts of one speaker ("said ... and added ...");
    # the speaker conjunctions when the lexicon names none
    act_conjunctions: frozenset[str] = field(default_factory=frozenset)
    # prepositions between a role and its affiliation ("a spokeswoman for the company")
    np_prepositions: frozenset[str] = field(default_factory=frozenset)
    # "was asked", "have been told": a cue in the passive says nothing of its subject
    passive_auxiliaries: frozenset[str] = field(default_factory=frozenset)
    passive_participles: frozenset[str] = field(default_factory=frozenset)
    passive_participle_endings: tuple[str, ...] = ()
    # whether a named person opening a sentence without claims is the topic that the
    # next pronoun points to ("Jane Roe left early." then '"...," she said')
    subject_topics: bool = False
    # courtesy titles before a surname ("Mr.", "Ms."): the article names the person in full elsewhere
    honorifics: frozenset[str] = field(default_factory=frozenset)
    # whether 'NAME: "QUOTE"' makes a claim (digests of what people wrote)
    speaker_colon: bool = False
    # endings that mark an adverb not in the list ("quietly", "sharply")
    adverb_suffixes: tuple[str, ...] = ()
    # a negated cue of one stance gives another ("tidak menampik" -> confirms)
    negated_stances: dict[str, str] = field(default_factory=dict)
    # words before a subject that make "X mengatakan" a reported event, not a claim
    # ("karena X mengatakan ...")
    event_subordinators: frozenset[str] = field(default_factory=frozenset)
    # words that open a response ("Menanggapi ...", "Dikonfirmasi ...")
    response_markers: frozenset[str] = field(default_factory=frozenset)
    # conjunctions that close a list ("farmers, nurses and teachers"): its commas end no content
    list_conjunctions: frozenset[str] = field(default_factory=frozenset)
    # role words that are not titles before a name but can head a speaker phrase
    # ("mantan", "eks")
    title_modifiers: frozenset[str] = field(default_factory=frozenset)
    # phrases of the act's circumstance that end any content after its cue, outside a quote:
    # "claimed victory in a tweet", "stressed the risks on Sunday at a forum"
    content_circumstances: frozenset[tuple[str, ...]] = field(default_factory=frozenset)
    # words that open a relative clause after a speaker ("X yang juga hadir ... berharap")
    relativizers: frozenset[str] = field(default_factory=frozenset)
    # words that open a circumstance between a speaker and a cue ("X di Sukamaju, Rabu, mengatakan")
    adjunct_prepositions: frozenset[str] = field(default_factory=frozenset)
    # times of day and the like that may stand before a cue ("Senin sore mengatakan")
    time_words: frozenset[str] = field(default_factory=frozenset)
    # a word after a cue that names the addressee, not the content ("mengatakan kepada wartawan, ...")
    addressee_markers: frozenset[str] = field(default_factory=frozenset)
    # words followed by a place name ("Kota X", "Desa Y") inside an affiliation
    place_heads: frozenset[str] = field(default_factory=frozenset)
    # titles followed by the region they head ("Bupati X Nama Orang")
    place_titles: frozenset[tuple[str, ...]] = field(default_factory=frozenset)
    # compass words after a place that name a part of it ("Sukamaju Utara")
    compass_words: frozenset[str] = field(default_factory=frozenset)
    # whether a report inside another claim's content ("X said Y announced ...") is a claim too
    nested_reports: bool = True
    # a report inside a "that" clause of another claim ("X said that Republicans rejected
    # ...") is a claim of its own
    reports_in_complements: bool = True
    # whether an unknown place or body before a person's name is trimmed off when the
    # article uses both parts on their own ("Ketua Kelompok X Sukamaju Darmawan" -> "Darmawan")
    trim_name_prefixes: bool = False
    # whether a bare place name ("Ohio said ...") can be a speaker; governments always can
    place_speakers: bool = True
    # nouns for what was said, never a speaker on their own ("a statement calling for ...")
    non_speakers: frozenset[str] = field(default_factory=frozenset)
    # possessives: "according to their preference" names no source unless a role or body follows
    possessive_determiners: frozenset[str] = field(default_factory=frozenset)
    # possessive pronouns and the pronoun they resolve as ("her claim that ...": "she")
    possessive_pronouns: dict[str, str] = field(default_factory=dict)
    # pronouns that name no one ("Nobody opposed him"): never a speaker
    negative_pronouns: frozenset[str] = field(default_factory=frozenset)
    # nouns for an act or a state that never speak ("Upaya mengajak warga ..." is no claim)
    abstract_nouns: frozenset[str] = field(default_factory=frozenset)
    # pronouns by which the writer speaks with the reader outside quotes ("Kita pun berharap ...")
    writer_pronouns: frozenset[str] = field(default_factory=frozenset)
    # "NAME from BODY said": the preposition between a person and the body they speak for
    affiliation_prepositions: frozenset[str] = field(default_factory=frozenset)
    # attitude words that report only a clause after them: "percaya, X ..." but not "percaya pada X"
    stative_cues: frozenset[tuple[str, ...]] = field(default_factory=frozenset)
    # the prepositions that open what an attitude is about ("pada", "dengan")
    object_prepositions: frozenset[str] = field(default_factory=frozenset)
    # "bisa melanjutkan", "untuk memastikan": a cue after these is an ability, a duty or a
    # purpose, not a report
    modals: frozenset[str] = field(default_factory=frozenset)
    # cues that report only before a comma, a colon, a complementizer or a quote
    # ("Ia melanjutkan, ..." but not "Bank itu melanjutkan penerapan sistem ...")
    clause_cues: frozenset[tuple[str, ...]] = field(default_factory=frozenset)
    # the word right after a cue that asserts -> the stance it gives the claim:
    # "X menekankan agar ..." calls for it, "X menyatakan siap ..." pledges it
    stance_openers: dict[str, str] = field(default_factory=dict)
    # capitalized words that qualify a common noun and name no one ("umat Muslim")
    proper_modifiers: frozenset[str] = field(default_factory=frozenset)
    # "X, yang biasa disapa Y": the words before a nickname the article gives someone
    nickname_markers: frozenset[tuple[str, ...]] = field(default_factory=frozenset)
    # "Hal ini disampaikan X": nouns that, with a demonstrative, point to what the sentence
    # before said
    told_nouns: frozenset[str] = field(default_factory=frozenset)
    # a group opening a sentence with no claim is whom the next plural pronoun means
    # ("Warga tetap berkerumun. Mereka berdalih ...")
    group_topics: bool = False
    # people are called back by their first name ("kata Dewinta" for Dewinta Larasati)
    first_names_lead: bool = False
    # complementizers that open a condition: after "CUE," they belong to the content ("jika ...")
    conditionals: frozenset[str] = field(default_factory=frozenset)
    # postposed cues that may open the sentence before their speaker and the content ("Kata Budi, ...")
    opening_postposed: frozenset[tuple[str, ...]] = field(default_factory=frozenset)
    # the words that open a manner phrase of two words before a cue ("secara terbuka mengatakan")
    manner_openers: frozenset[str] = field(default_factory=frozenset)
    # "NAME selaku ROLE mengatakan": the word that joins a person to the role they speak in
    role_markers: frozenset[str] = field(default_factory=frozenset)
    # the word between a catenative and its verb ("to")
    infinitive_markers: frozenset[str] = field(default_factory=frozenset)
    # verbs of going on, starting or trying before "to" and a cue: "went on to say" is
    # one act of saying, and its subject stands before the whole phrase; before "to"
    # and anything else they report nothing ("continues to lead")
    catenatives: frozenset[tuple[str, ...]] = field(default_factory=frozenset)
    # "the senator said": a definite article before a role with no name points back to a
    # person already named; short titles stand for their full form ("sen" -> "senator")
    definite_articles: frozenset[str] = field(default_factory=frozenset)
    title_abbreviations: dict[str, str] = field(default_factory=dict)
    # countries and blocs, which speak for themselves even where bare places do not
    countries: frozenset[tuple[str, ...]] = field(default_factory=frozenset)
    # the ending that makes a noun plural ("critics"): a plural common noun is a group
    plural_suffix: str = ""
    # words that join the words of one speaker phrase ("Kementerian Desa dan Wisata",
    # "Luis de Vega", "Institute of Technology")
    np_joiners: frozenset[str] = field(default_factory=frozenset)
    # words that open a speaker phrase and are not part of the name ("para pejabat", "the board")
    leading_articles: frozenset[str] = field(default_factory=frozenset)
    # endings of singular words that end like plurals ("press", "bonus", "analysis")
    singular_endings: tuple[str, ...] = ()
    # a group of people written out as a whole subject ("Supporters of the law hope ...",
    # "People briefed on the talks said ..."): nouns for people in general, the verbs that
    # show a clause rather than a noun phrase, the prepositions and the adjectives that
    # may follow the group's noun
    group_nouns: frozenset[str] = field(default_factory=frozenset)
    finite_verbs: frozenset[str] = field(default_factory=frozenset)
    group_prepositions: frozenset[str] = field(default_factory=frozenset)
    postnominal_modifiers: frozenset[str] = field(default_factory=frozenset)
    # endings of plurals for people ("technologists", "forecasters")
    people_endings: tuple[str, ...] = ()
    # endings of participles ("people briefed on ...", "activists calling for ..."); the past
    # ones also end a past-tense verb ("the move angered voters")
    past_endings: tuple[str, ...] = ()
    present_endings: tuple[str, ...] = ()
    # words next to a cue that make it another word or sense: a noun after a determiner
    # ("an hour-long show", "glimmers of hope"), a sense that is not saying ("showed up",
    # "answered the door"); cue words -> the phrases before / after it that rule it out
    # words that make the clause they open a question or a condition ("asked if she would
    # back the bill"): a cue in it reports nothing
    hypothetical_openers: frozenset[str] = field(default_factory=frozenset)
    cue_vetoes_before: dict[tuple[str, ...], frozenset[tuple[str, ...]]] = field(default_factory=dict)
    cue_vetoes_after: dict[tuple[str, ...], frozenset[tuple[str, ...]]] = field(default_factory=dict)
    # "In a new poll, most voters backed the levy.": a sentence opened by one of the
    # prepositions and a phrase about a document, then a comma, is that document's claim
    document_prepositions: frozenset[str] = field(default_factory=frozenset)
    document_nouns: frozenset[str] = field(default_factory=frozenset)
    # ... and the nouns of documents that may also close the sentence: "Most farmers
    # backed the levy in a new county poll."
    closing_document_nouns: frozenset[str] = field(default_factory=frozenset)
    # month names and short forms -> month number ("oct" -> 10), for dates written out
    months: dict[str, int] = field(default_factory=dict)
    # words opening a sentence that goes on with the last speaker's argument ("Apalagi, X
    # sudah menyampaikan ..."): X is cited in it, the next "-nya" is still the last speaker
    argument_connectives: frozenset[str] = field(default_factory=frozenset)
    # the prefix of a passive verb ("di" of "dihadiri"): the person named after it acts
    passive_prefix: str = ""
    # attribution patterns written as data (see ``sequences`` in the lexicons)
    sequences: tuple[SequencePattern, ...] = ()


def phrase_at(words: list[str], phrases: frozenset[tuple[str, ...]], start: int = 0) -> int:
    """Length of the longest phrase of ``phrases`` that starts at ``words[start]``, or 0."""
    if not 0 <= start < len(words):
        return 0
    lengths = _phrase_index(phrases).get(words[start])
    if lengths is None:
        return 0  # (most words open no phrase)
    longest = min(6, len(words) - start)
    for n in lengths:  # (longest first)
        if n <= longest and (n == 1 or tuple(words[start:start + n]) in phrases):
            return n
    return 0


@lru_cache(maxsize=256)
def _phrase_index(phrases: frozenset[tuple[str, ...]]) -> dict[str, tuple[int, ...]]:
    """The words that open a phrase of ``phrases``, each with the lengths of the phrases
    it opens, longest first (worked out once per phrase set of the lexicon)."""
    index: dict[str, set[int]] = {}
    for p in phrases:
        if p:
            index.setdefault(p[0], set()).add(len(p))
    return {word: tuple(sorted(lengths, reverse=True)) for word, lengths in index.items()}


def _cue_table(data: dict) -> dict[tuple[str, ...], Cue]:
    table: dict[tuple[str, ...], Cue] = {}
    sections = [(kind, data.get("cues", {}).get(kind, {}))
                for kind in ("verbs", "postposed", "according_to", "after_quote", "nouns")]
    sections.append(("passive", data.get("passive", {})))
    kinds = {"verbs": "verb", "postposed": "postposed", "according_to": "according_to", "passive": "passive",
             "after_quote": "verb", "nouns": "noun"}
    for section, by_stance in sections:
        for stance, entries in (by_stance or {}).items():
            for entry in entries or []:
                words = _phrase(entry)
                table.setdefault(words, Cue(words, stance, kinds[section]))
    return table


def _vetoes(rules, side: str) -> dict[tuple[str, ...], frozenset[tuple[str, ...]]]:
    """``cue_vetoes`` rules ({cues: [...], before: [...], after: [...]}) as a table from
    each cue to the phrases on one side of it that rule it out."""
    table: dict[tuple[str, ...], frozenset[tuple[str, ...]]] = {}
    for rule in rules or []:
        phrases = _phrases(rule.get(side))
        if phrases:
            for cue in rule.get("cues") or []:
                table[_phrase(cue)] = table.get(_phrase(cue), frozenset()) | phrases
    return table


def _sequences(data: dict) -> tuple[SequencePattern, ...]:
    out = []
    for name, steps in (data.get("sequences") or {}).items():
        parsed = []
        for step in steps:
            kind = next(k for k in ("list", "words", "cue", "slot") if k in step)
            value = _words(step[kind]) if kind == "words" else str(step[kind])
            parsed.append(SequenceStep(kind, value, bool(step.get("optional", False)), bool(step.get("content", False))))
        out.append(SequencePattern(str(name), tuple(parsed)))
    return tuple(out)


def _get(data: dict, path: str):
    """The value at a dotted path of the lexicon's data ("pronouns.person"), or None."""
    for key in path.split("."):
        data = (data or {}).get(key)
    return data


def _endings(entries) -> tuple[str, ...]:
    return tuple(str(e).casefold() for e in entries or ())


def _flag(default: bool):
    return lambda value: bool(default if value is None else value)


def _cue_words(by_stance) -> frozenset[tuple[str, ...]]:
    return frozenset(_phrase(e) for entries in (by_stance or {}).values() for e in entries or [])


def _casefold_map(table) -> dict[str, str]:
    return {str(k).casefold(): str(v).casefold() for k, v in (table or {}).items()}


def _word_sets(table) -> dict[str, frozenset[str]]:
    return {str(k): _words(v) for k, v in (table or {}).items()}


# Each field of :class:`Lexicon` read as it is: (where in the YAML data, how to read it).
FIELDS: dict[str, tuple[str, object]] = {
    "stopwords": ("stopwords", _words),
    "negations": ("negations", _words),
    "complementizers": ("complementizers", _words),
    "adverbs": ("adverbs", _words),
    "speaker_conjunctions": ("speaker_conjunctions", _words),
    "person_pronouns": ("pronouns.person", _words),
    "group_pronouns": ("pronouns.group", _words),
    "pronoun_suffix": ("pronoun_suffix", lambda v: str(v or "")),
    "sentence_openers": ("sentence_openers", _words),
    "affiliation_words": ("affiliation_words", _words),
    "institution_words": ("institution_words", _phrases),
    "governments": ("governments", lambda v: {_phrase(k): x for k, x in (v or {}).items()}),
    "aliases": ("aliases", lambda v: {_phrase(k): x for k, x in (v or {}).items()}),
    "countries": ("countries", _phrases),
    "boilerplate_prefixes": ("boilerplate_prefixes", lambda v: tuple(v or ())),
    "days": ("days", _words),
    "abbreviations": ("abbreviations", _words),
    "reference_nouns": ("claim_references.nouns", lambda v: {k.casefold(): frozenset(x) for k, x in (v or {}).items()}),
    "demonstratives": ("claim_references.demonstratives", _words),
    "object_stops": ("object_stops", _phrases),
    "list_conjunctions": ("list_conjunctions", _words),
    "trailing_adjuncts": ("trailing_adjuncts", _phrases),
    "passive_agents": ("passive_agent", _words),
    "name_particles": ("name_particles", _words),
    "name_joiners": ("name_joiners", _words),
    "postposed_verbs": ("cues.postposed", _cue_words),
    "after_quote_cues": ("cues.after_quote", _cue_words),
    "recipient_cues": ("recipient_cues", _phrases),
    "cue_adjuncts": ("cue_adjuncts", _words),
    "determiners": ("determiners", _words),
    "possessive_suffixes": ("possessive_suffixes", _endings),
    "subordinators": ("subordinators", _words),
    "relative_pronouns": ("relative_pronouns", _words),
    "participles": ("participles", _phrases),
    "participle_prepositions": ("participle_prepositions", _words),
    "parenthetical_openers": ("parenthetical_openers", _words),
    "source_to_clause_end": ("source_to_clause_end", _flag(False)),
    "quantifiers": ("quantifiers", _words),
    "gendered_pronouns": ("pronouns.gendered", _word_sets),
    "gendered_words": ("gendered_words", _word_sets),
    "np_prepositions": ("np_prepositions", _words),
    "passive_auxiliaries": ("passive_voice.auxiliaries", _words),
    "passive_participles": ("passive_voice.participles", _words),
    "passive_participle_endings": ("passive_voice.endings", lambda v: tuple(str(e) for e in v or ())),
    "subject_topics": ("subject_topics", _flag(False)),
    "honorifics": ("honorifics", _words),
    "speaker_colon": ("speaker_colon", _flag(False)),
    "adverb_suffixes": ("adverb_suffixes", _endings),
    "negated_stances": ("negated_stances", lambda v: {str(k): str(x) for k, x in (v or {}).items()}),
    "event_subordinators": ("event_subordinators", _words),
    "response_markers": ("claim_references.response_markers", _words),
    "title_modifiers": ("title_modifiers", _words),
    "relativizers": ("relativizers", _words),
    "adjunct_prepositions": ("adjunct_prepositions", _words),
    "content_circumstances": ("content_circumstances", _phrases),
    "time_words": ("time_words", _words),
    "addressee_markers": ("addressee_markers", _words),
    "place_heads": ("place_heads", _words),
    "place_titles": ("place_titles", _phrases),
    "compass_words": ("compass_words", _words),
    "nested_reports": ("nested_reports", _flag(True)),
    "reports_in_complements": ("reports_in_complements", _flag(True)),
    "trim_name_prefixes": ("trim_name_prefixes", _flag(False)),
    "place_speakers": ("place_speakers", _flag(True)),
    "non_speakers": ("non_speakers", _words),
    "possessive_determiners": ("possessive_determiners", _words),
    "possessive_pronouns": ("possessive_pronouns", _casefold_map),
    "plural_suffix": ("plural_suffix", lambda v: str(v or "")),
    "singular_endings": ("singular_endings", _endings),
    "np_joiners": ("np_joiners", _words),
    "leading_articles": ("leading_articles", _words),
    "definite_articles": ("definite_articles", _words),
    "title_abbreviations": ("title_abbreviations", _casefold_map),
    "negative_pronouns": ("negative_pronouns", _words),
    "writer_pronouns": ("writer_pronouns", _words),
    "abstract_nouns": ("abstract_nouns", _words),
    "affiliation_prepositions": ("affiliation_prepositions", _words),
    "role_markers": ("role_markers", _words),
    "manner_openers": ("manner_openers", _words),
    "opening_postposed": ("opening_postposed", _phrases),
    "conditionals": ("conditionals", _words),
    "first_names_lead": ("first_names_lead", _flag(False)),
    "group_topics": ("group_topics", _flag(False)),
    "told_nouns": ("told_nouns", _words),
    "nickname_markers": ("nickname_markers", _phrases),
    "proper_modifiers": ("proper_modifiers", _words),
    "modals": ("modals", _words),
    "clause_cues": ("clause_cues", _phrases),
    "stance_openers": ("stance_openers", lambda v: {k.casefold(): str(x) for k, x in (v or {}).items()}),
    "stative_cues": ("stative_cues", _phrases),
    "object_prepositions": ("object_prepositions", _words),
    "infinitive_markers": ("infinitive_markers", _words),
    "catenatives": ("catenatives", _phrases),
    "group_nouns": ("group_subjects.nouns", _words),
    "finite_verbs": ("group_subjects.finite_verbs", _words),
    "group_prepositions": ("group_subjects.prepositions", _words),
    "postnominal_modifiers": ("group_subjects.postnominal_modifiers", _words),
    "people_endings": ("group_subjects.people_endings", _endings),
    "past_endings": ("participle_endings.past", _endings),
    "present_endings": ("participle_endings.present", _endings),
    "hypothetical_openers": ("hypothetical_openers", _words),
    "cue_vetoes_before": ("cue_vetoes", lambda v: _vetoes(v, "before")),
    "cue_vetoes_after": ("cue_vetoes", lambda v: _vetoes(v, "after")),
    "document_prepositions": ("document_frames.prepositions", _words),
    "document_nouns": ("document_frames.nouns", _words),
    "closing_document_nouns": ("document_frames.closing_nouns", _words),
    "months": ("months", lambda v: {str(name).casefold(): int(number)
                                    for number, names in (v or {}).items() for name in names or []}),
    "argument_connectives": ("argument_connectives", _words),
    "passive_prefix": ("passive_prefix", lambda v: str(v or "")),
}


def lexicon_from_dict(data: dict) -> Lexicon:
    """A lexicon from the data of a YAML file (see ``lexicons/en.yml`` for each entry)."""
    cues = _cue_table(data)
    fields = {name: read(_get(data, path)) for name, (path, read) in FIELDS.items()}
    return Lexicon(
        language=data["language"], cues=cues, max_cue_len=max((len(k) for k in cues), default=1),
        sequences=_sequences(data), **fields,
        # entries that combine several of the data's
        titles=_with_plurals(_phrases(data.get("titles")), fields["plural_suffix"]),
        places=_phrases(data.get("places")) | fields["countries"] | _phrases(data.get("regions")),
        act_conjunctions=_words(data.get("act_conjunctions") or data.get("speaker_conjunctions")))


@lru_cache(maxsize=None)
def load_lexicon(language: str) -> Lexicon:
    """The lexicon for a language code ("id", "en"); KeyError if there is none."""
    path = LEXICON_DIR / f"{language}.yml"
    if not path.exists():
        raise KeyError(language)
    return lexicon_from_dict(yaml.safe_load(path.read_text(encoding="utf-8")))


def available_languages() -> list[str]:
    return list(_lexicon_files())


@lru_cache(maxsize=None)
def _lexicon_files() -> tuple[str, ...]:
    """The languages with a lexicon file (looked up once, as the lexicons are)."""
    return tuple(sorted(p.stem for p in LEXICON_DIR.glob("*.yml")))
