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
    # role words that are not titles before a name but can head a speaker phrase
    # ("mantan", "eks")
    title_modifiers: frozenset[str] = field(default_factory=frozenset)
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
    # whether an unknown place or body before a person's name is trimmed off when the
    # article uses both parts on their own ("Ketua Kelompok X Sukamaju Darmawan" -> "Darmawan")
    trim_name_prefixes: bool = False
    # whether a bare place name ("Ohio said ...") can be a speaker; governments always can
    place_speakers: bool = True
    # nouns for what was said, never a speaker on their own ("a statement calling for ...")
    non_speakers: frozenset[str] = field(default_factory=frozenset)
    # possessives: "according to their preference" names no source unless a role or body follows
    possessive_determiners: frozenset[str] = field(default_factory=frozenset)
    # pronouns that name no one ("Nobody opposed him"): never a speaker
    negative_pronouns: frozenset[str] = field(default_factory=frozenset)
    # "NAME from BODY said": the preposition between a person and the body they speak for
    affiliation_prepositions: frozenset[str] = field(default_factory=frozenset)
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
    best = 0
    for n in range(1, min(6, len(words) - start) + 1):
        if tuple(words[start:start + n]) in phrases:
            best = n
    return best


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


def lexicon_from_dict(data: dict) -> Lexicon:
    """A lexicon from the data of a YAML file (see ``lexicons/en.yml`` for each entry)."""
    cues = _cue_table(data)
    fields = {}
    for part in (_fields_1, _fields_2, _fields_3):
        fields.update(part(data))
    return Lexicon(language=data["language"], cues=cues, max_cue_len=max((len(k) for k in cues), default=1),
                   sequences=_sequences(data), passive_prefix=str(data.get("passive_prefix") or ""),
                   argument_connectives=_words(data.get("argument_connectives")), **fields)


def _fields_1(data: dict) -> dict:
    """The first third of the lexicon's entries, in the order of :class:`Lexicon`."""
    refs = data.get("claim_references", {}) or {}
    return {
        "stopwords": _words(data.get("stopwords")),
        "negations": _words(data.get("negations")),
        "complementizers": _words(data.get("complementizers")),
        "adverbs": _words(data.get("adverbs")),
        "speaker_conjunctions": _words(data.get("speaker_conjunctions")),
        "person_pronouns": _words((data.get("pronouns") or {}).get("person")),
        "group_pronouns": _words((data.get("pronouns") or {}).get("group")),
        "pronoun_suffix": str(data.get("pronoun_suffix") or ""),
        "sentence_openers": _words(data.get("sentence_openers")),
        "titles": _with_plurals(_phrases(data.get("titles")), str(data.get("plural_suffix") or "")),
        "affiliation_words": _words(data.get("affiliation_words")),
        "institution_words": _phrases(data.get("institution_words")),
        "governments": {_phrase(k): v for k, v in (data.get("governments") or {}).items()},
        "aliases": {_phrase(k): v for k, v in (data.get("aliases") or {}).items()},
        "places": _phrases(data.get("places")) | _phrases(data.get("countries")) | _phrases(data.get("regions")),
        "countries": _phrases(data.get("countries")),
        "boilerplate_prefixes": tuple(data.get("boilerplate_prefixes") or ()),
        "days": _words(data.get("days")),
        "abbreviations": _words(data.get("abbreviations")),
        "reference_nouns": {k.casefold(): frozenset(v) for k, v in (refs.get("nouns") or {}).items()},
        "demonstratives": _words(refs.get("demonstratives")),
        "object_stops": _phrases(data.get("object_stops")),
        "trailing_adjuncts": _phrases(data.get("trailing_adjuncts")),
        "passive_agents": _words(data.get("passive_agent")),
        "name_particles": _words(data.get("name_particles")),
        "name_joiners": _words(data.get("name_joiners")),
        "postposed_verbs": frozenset(
            _phrase(e) for entries in ((data.get("cues") or {}).get("postposed") or {}).values() for e in entries or []),
        "after_quote_cues": frozenset(
            _phrase(e) for entries in ((data.get("cues") or {}).get("after_quote") or {}).values() for e in entries or []),
        "recipient_cues": _phrases(data.get("recipient_cues")),
        "cue_adjuncts": _words(data.get("cue_adjuncts")),
    }


def _fields_2(data: dict) -> dict:
    """The second third of the lexicon's entries, in the order of :class:`Lexicon`."""
    refs = data.get("claim_references", {}) or {}
    return {
        "determiners": _words(data.get("determiners")),
        "possessive_suffixes": tuple(str(e).casefold() for e in data.get("possessive_suffixes") or ()),
        "subordinators": _words(data.get("subordinators")),
        "relative_pronouns": _words(data.get("relative_pronouns")),
        "participles": _phrases(data.get("participles")),
        "participle_prepositions": _words(data.get("participle_prepositions")),
        "parenthetical_openers": _words(data.get("parenthetical_openers")),
        "source_to_clause_end": bool(data.get("source_to_clause_end", False)),
        "quantifiers": _words(data.get("quantifiers")),
        "gendered_pronouns": {str(g): _words(w) for g, w in ((data.get("pronouns") or {}).get("gendered") or {}).items()},
        "gendered_words": {str(g): _words(w) for g, w in (data.get("gendered_words") or {}).items()},
        "act_conjunctions": _words(data.get("act_conjunctions") or data.get("speaker_conjunctions")),
        "np_prepositions": _words(data.get("np_prepositions")),
        "passive_auxiliaries": _words((data.get("passive_voice") or {}).get("auxiliaries")),
        "passive_participles": _words((data.get("passive_voice") or {}).get("participles")),
        "passive_participle_endings": tuple(str(e) for e in (data.get("passive_voice") or {}).get("endings") or ()),
        "subject_topics": bool(data.get("subject_topics", False)),
        "honorifics": _words(data.get("honorifics")),
        "speaker_colon": bool(data.get("speaker_colon", False)),
        "adverb_suffixes": tuple(str(e).casefold() for e in data.get("adverb_suffixes") or ()),
        "negated_stances": {str(k): str(v) for k, v in (data.get("negated_stances") or {}).items()},
        "event_subordinators": _words(data.get("event_subordinators")),
        "response_markers": _words((refs.get("response_markers"))),
        "title_modifiers": _words(data.get("title_modifiers")),
        "relativizers": _words(data.get("relativizers")),
        "adjunct_prepositions": _words(data.get("adjunct_prepositions")),
        "time_words": _words(data.get("time_words")),
        "addressee_markers": _words(data.get("addressee_markers")),
        "place_heads": _words(data.get("place_heads")),
        "place_titles": _phrases(data.get("place_titles")),
    }


def _fields_3(data: dict) -> dict:
    """The last third of the lexicon's entries, in the order of :class:`Lexicon`."""
    return {
        "compass_words": _words(data.get("compass_words")),
        "nested_reports": bool(data.get("nested_reports", True)),
        "trim_name_prefixes": bool(data.get("trim_name_prefixes", False)),
        "place_speakers": bool(data.get("place_speakers", True)),
        "non_speakers": _words(data.get("non_speakers")),
        "possessive_determiners": _words(data.get("possessive_determiners")),
        "plural_suffix": str(data.get("plural_suffix") or ""),
        "singular_endings": tuple(str(e).casefold() for e in data.get("singular_endings") or ()),
        "np_joiners": _words(data.get("np_joiners")),
        "leading_articles": _words(data.get("leading_articles")),
        "definite_articles": _words(data.get("definite_articles")),
        "title_abbreviations": {str(k).casefold(): str(v).casefold()
                             for k, v in (data.get("title_abbreviations") or {}).items()},
        "negative_pronouns": _words(data.get("negative_pronouns")),
        "affiliation_prepositions": _words(data.get("affiliation_prepositions")),
        "infinitive_markers": _words(data.get("infinitive_markers")),
        "catenatives": _phrases(data.get("catenatives")),
        "group_nouns": _words((data.get("group_subjects") or {}).get("nouns")),
        "finite_verbs": _words((data.get("group_subjects") or {}).get("finite_verbs")),
        "group_prepositions": _words((data.get("group_subjects") or {}).get("prepositions")),
        "postnominal_modifiers": _words((data.get("group_subjects") or {}).get("postnominal_modifiers")),
        "people_endings": tuple(str(e).casefold() for e in (data.get("group_subjects") or {}).get("people_endings") or ()),
        "past_endings": tuple(str(e).casefold() for e in (data.get("participle_endings") or {}).get("past") or ()),
        "present_endings": tuple(str(e).casefold() for e in (data.get("participle_endings") or {}).get("present") or ()),
        "hypothetical_openers": _words(data.get("hypothetical_openers")),
        "cue_vetoes_before": _vetoes(data.get("cue_vetoes"), "before"),
        "cue_vetoes_after": _vetoes(data.get("cue_vetoes"), "after"),
        "document_prepositions": _words((data.get("document_frames") or {}).get("prepositions")),
        "document_nouns": _words((data.get("document_frames") or {}).get("nouns")),
        "closing_document_nouns": _words((data.get("document_frames") or {}).get("closing_nouns")),
        "months": {str(name).casefold(): int(number)
                for number, names in (data.get("months") or {}).items() for name in names or []},
    }


@lru_cache(maxsize=None)
def load_lexicon(language: str) -> Lexicon:
    """The lexicon for a language code ("id", "en"); KeyError if there is none."""
    path = LEXICON_DIR / f"{language}.yml"
    if not path.exists():
        raise KeyError(language)
    return lexicon_from_dict(yaml.safe_load(path.read_text(encoding="utf-8")))


def available_languages() -> list[str]:
    return sorted(p.stem for p in LEXICON_DIR.glob("*.yml"))
