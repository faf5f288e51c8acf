"""The extractor's pipeline over one article: segmentation (:mod:`.segment`) ->
phrases (:mod:`.subjects`) -> cues (:mod:`.cues`) -> attribution patterns
(:mod:`.patterns`, run by :mod:`.attribute`) -> speakers and coreference
(:mod:`.speakers`) -> relations (:mod:`.relations`).

Between sentences only a few things carry over: the quote claim that ended the
last paragraph (a paragraph that is nothing but a quote continues it), a claim
whose content ended with a colon, and what :class:`~.speakers.Entities` remembers.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from bisect import bisect_right
from itertools import compress, islice
from operator import attrgetter

from .attribute import RawClaim, SentenceAttributor
from .lexicon import Lexicon, phrase_at
from .relations import find_relations
from .segment import QUOTE_CHARS, Span, paragraphs, quote_spans, sentences, tokenize
from .speakers import GROUP, PERSON, Entities, NameTrimmer, SpeakerRef, canonical
from .structures import Claim, Extraction, Relation

_LOWER = attrgetter("lower")
_QUOTE_STRIP = " ,.\n" + "".join(QUOTE_CHARS)  # what a quote's text is stripped of


def boilerplate_spans(text: str, lex: Lexicon) -> list[Span]:
    """Lines of site furniture ("Baca Juga: ...") as spans."""
    out, pos = [], 0
    for line in text.splitlines(keepends=True):
        if line.strip().lstrip("".join(QUOTE_CHARS)).startswith(lex.boilerplate_prefixes):  # also '"Related:"'
            out.append(Span(pos, pos + len(line)))
        pos += len(line)
    return out


def _quote_text(text: str, start: int, end: int, quotes: list[Span], ends: list[int]) -> str | None:
    """The words of the quotes within ``start:end``. ``quotes`` come in order and do not
    overlap; ``ends`` are their ends (the search starts at the first quote ending after ``start``)."""
    parts = []
    for q in islice(quotes, bisect_right(ends, start + 1), None):
        if q.start + 1 >= end:
            break  # (this quote and those after it begin after ``end``)
        a, b = max(q.start + 1, start), min(q.end - 1, end)
        if b > a and q.start + 1 <= b and q.end - 1 >= a:
            parts.append(text[a:b].strip(_QUOTE_STRIP))
    parts = [p for p in parts if p]
    return " … ".join(parts) if parts else None


def _register_names(sent, lex: Lexicon, entities: Entities) -> SpeakerRef | None:
    """Remember people introduced with a title ("Ketua DPRD ... Andi Saputra"),
    so that a later short name resolves to them. Returns the person who opens the
    sentence as its subject, if any."""
    toks = sent.tokens
    subject = None
    if lex.title_heads.isdisjoint(sent.words):
        return None  # (no word of the sentence opens a title)
    i = 0
    for start in compress(range(len(toks)), map(lex.title_heads.__contains__, map(_LOWER, toks))):
        # (only a title's first word may start one: the rest of the words are passed over at once)
        if start < i or not (toks[start].is_capitalized and phrase_at([t.lower for t in toks[start:start + 6]], lex.titles) > 0):
            continue
        k = _titled_phrase_end(toks, start, lex, entities)
        for ref in canonical([t for t in toks[start:k] if t.text != ","], lex, entities):
            if ref.kind == PERSON and ref.description and ref.name != ref.description:
                entities.remember(ref)
                if subject is None and (start == 0 or _after_opening_adjunct(toks, start, lex)):
                    subject = ref
        i = k
    return subject


def _titled_phrase_end(toks, i: int, lex: Lexicon, entities: Entities) -> int:
    """The end of the title, affiliation and name that open at token ``i``."""
    k = i + 1
    while True:
        while k < len(toks) and (toks[k].is_capitalized or toks[k].lower in lex.affiliation_words
                                 or _abbreviation_period(toks, k, lex)) \
                and toks[k].lower not in lex.speaker_conjunctions:
            k += 1
        # a role listing its fields: "Menteri Koordinator Pangan, Air, dan Energi X"
        if k < len(toks) and (toks[k].text == "," or toks[k].lower in lex.speaker_conjunctions):
            nxt = k + 1
            while nxt < len(toks) and (toks[nxt].text == "," or toks[nxt].lower in lex.speaker_conjunctions):
                nxt += 1
            refs = canonical([t for t in toks[i:k] if t.text != ","], lex, entities)
            if (nxt < len(toks) and toks[nxt].is_capitalized and toks[nxt].lower in lex.affiliation_words
                    and len(refs) == 1 and refs[0].name == refs[0].description):
                k = nxt
                continue
        return k


def _after_opening_adjunct(toks, i: int, lex: Lexicon) -> bool:
    """Whether token ``i`` opens the main clause after an opening adjunct and its comma
    ("Sementara itu, Ketua X Nama ...")."""
    return (i > 1 and toks[i - 1].text == "," and toks[0].lower in lex.sentence_openers
            and not any(t.text == "," for t in toks[:i - 1]))


def _abbreviation_period(toks, k: int, lex: Lexicon) -> bool:
    return toks[k].text == "." and k > 0 and toks[k - 1].lower in lex.abbreviations and toks[k - 1].end == toks[k].start


def _quoted(claim: RawClaim, quotes: list[Span]) -> bool:
    """Whether a claim's content is (or ends with) a direct quote."""
    return any(q.start < claim.end <= q.end for q in quotes)


def _another_clause_follows(text: str, claim: RawClaim, lex: Lexicon) -> bool:
    """Whether the sentence of a quote claim goes on after its attribution with a clause
    of its own ('"...," X said, and a neighbor waved.'): the next quote is not X's."""
    toks = tokenize(text[claim.end:claim.sentence_end], claim.end)
    for k in range(1, len(toks) - 1):
        if toks[k].lower in lex.act_conjunctions and toks[k - 1].text == "," and (toks[k + 1].lower,) not in lex.cues:
            return True
    return False


def _bare_place(name: str, lex: Lexicon) -> bool:
    """A place name that is neither a country nor mapped to a government ("Ohio", not
    "China" or "Washington")."""
    words = tuple(name.casefold().split())
    return words in lex.places and words not in lex.governments and words not in lex.countries


def _whole_quote(sent, quotes: list[Span]) -> Span | None:
    """The quote a sentence consists of, when it is nothing but a quote."""
    for q in quotes:
        if q.start <= sent.start + 1 and q.end >= sent.end - 1 and q.end > sent.start:
            return q
    return None


@dataclass
class Reading:
    """The state of reading one article, sentence by sentence."""
    text: str
    lex: Lexicon
    quotes: list[Span]
    entities: Entities
    attributor: SentenceAttributor
    raw: list[RawClaim] = field(default_factory=list)
    carry: RawClaim | None = None  # the quote claim that ended the last paragraph
    colon: RawClaim | None = None  # a claim whose content ended the last paragraph with a colon
    quoting: RawClaim | None = None  # a quote claim that the next sentences may go on


def extract_claims(text: str, lex: Lexicon, exclude: list[Span] = ()) -> Extraction:
    """Claims and relations of one article body. ``exclude`` lists spans (the
    title) that hold no claims; boilerplate lines are found from the lexicon."""
    skip = list(exclude) + boilerplate_spans(text, lex)
    paras = paragraphs(text, skip)
    quotes = quote_spans(text, paras)
    entities = Entities(lex, text=text)
    r = Reading(text, lex, quotes, entities, SentenceAttributor(text, lex, entities, quotes))
    for index, para in enumerate(paras):
        r.quoting = None
        for n, sent in enumerate(sentences(text, para, index, lex.abbreviations)):
            _read_sentence(r, para, n, sent)
        r.carry = r.quoting
        last = r.raw[-1] if r.raw and r.raw[-1].paragraph == index else None
        r.colon = last if last and text[last.end:para.end].strip() == ":" else None
    claims = _claims(r)
    relations = tuple(Relation(a, b, t) for a, b, t in find_relations(claims, lex, text))
    return Extraction(tuple(claims), relations)


def _read_sentence(r: Reading, para: Span, n: int, sent) -> None:
    made = r.attributor.attribute(sent)
    led = _whole_quote(para, r.quotes) if n == 0 and r.colon and not made else None
    if led and led.start > r.colon.end:
        # 'X argued the real loser was the harbor:' and the quote in the next paragraph
        r.colon.end, r.colon.sentence_end = led.end - 1, max(r.colon.sentence_end, sent.end)
        r.quoting = r.colon
        return
    whole = _whole_quote(para, r.quotes) if n == 0 and r.carry and not made else None
    if whole and r.carry.end >= whole.end - 1:
        whole = None  # the quote of the last paragraph runs on here: its claim holds it already
    if whole:
        # a paragraph that is nothing but a quote, after a paragraph that ended with
        # a quote of someone: another claim of the same speaker
        carry = r.carry
        made = [RawClaim(list(carry.speakers), carry.stance, carry.cue, whole.start + 1, whole.end - 1,
                         sent.start, sent.end, sent.paragraph, carry.cue_start)]
        r.entities.spoke(made[0].speakers)
    r.raw.extend(made)
    _note_topic(r, sent, made)
    more = _whole_quote(sent, r.quotes) if r.quoting and not made else None
    if more:
        # '"A," X said. "B."': one quote under one cue
        r.quoting.end = max(r.quoting.end, more.end - 1)
        r.quoting.sentence_end = max(r.quoting.sentence_end, sent.end)
    else:
        r.quoting = _last_quote_claim(r, made)


def _last_quote_claim(r: Reading, made: list[RawClaim]) -> RawClaim | None:
    """The quote claim that a quote in the next sentence may go on: the sentence's last
    quote claim, also when a participle's claim follows it ('"A," X said, mocking Y. "B."'),
    not when another clause follows ('"A," X said, and a neighbor waved.')."""
    quoted = [c for c in made if _quoted(c, r.quotes)]
    if not quoted or any(c.speakers != quoted[-1].speakers for c in made[made.index(quoted[-1]):]):
        return None
    return None if _another_clause_follows(r.text, quoted[-1], r.lex) else quoted[-1]


def _note_topic(r: Reading, sent, made: list[RawClaim]) -> None:
    """Remember the people a sentence introduces; a sentence with no claim makes its
    subject the topic a later "-nya" or "she" refers to."""
    lex, entities = r.lex, r.entities
    subject = _register_names(sent, lex, entities)
    if subject is None and not made and sent.tokens and lex.subject_topics:
        # "Jane Roe left the hall early." then '"...," she said': Roe is the topic
        opening = r.attributor.sentence_subject(sent.tokens, len(sent.tokens))
        if opening and opening[0].name.split()[-1][:1].isupper() and (
                len(opening[0].name.split()) > 1
                or any(k.name == opening[0].name for k in entities.known)):
            # a name ends in a capital: "Most Northern towns" is no person
            subject = opening[0]
    if subject is None and not made:
        # "Siti Aminah (37), warga Desa X, mengira ..." then '"...," katanya': Siti Aminah
        subject = _introduced_person(r, sent)
    if subject is None and not made and lex.passive_prefix:
        # "Acara itu dihadiri Guru Besar X Nama." then '"...," ujarnya': the agent is the topic
        subject = _passive_agent(r, sent)
    if subject and sent.tokens and r.attributor.in_quote(sent.tokens[0].start):
        subject = None  # a person named in someone's quote is not the topic
    if subject and not made:
        # "Wali Kota X Y sudah menerbitkan ..." then '"...," ucapnya': Y is the topic
        entities.last_speakers = [subject]
    if lex.group_topics and not made and sent.tokens and not r.attributor.in_quote(sent.tokens[0].start):
        entities.group_topic = _opening_group(r, sent) or entities.group_topic


def _claims(r: Reading) -> list[Claim]:
    """The final claims: speakers trimmed, bare places dropped, sentences widened to the content."""
    text, lex = r.text, r.lex
    claims = []
    names = NameTrimmer(text, lex)
    quote_ends = [q.end for q in r.quotes]
    for c in r.raw:
        if not lex.place_speakers and any(_bare_place(s.name, lex) for s in c.speakers):
            continue
        sentence_start = min(c.sentence_start, c.start)
        sentence_end = max(c.sentence_end, c.end)
        claims.append(Claim(
            speakers=tuple(names.trim(s) for s in c.speakers), stance=c.stance, cue=c.cue,
            text=text[c.start:c.end], quote=_quote_text(text, c.start, c.end, r.quotes, quote_ends),
            sentence=text[sentence_start:sentence_end].strip(),
            start=c.start, end=c.end, sentence_start=sentence_start, sentence_end=sentence_end,
            paragraph=c.paragraph,
        ))
    return claims


def _opening_group(r: Reading, sent) -> SpeakerRef | None:
    """A group of people opening a sentence with no claim ("Warga tetap berkerumun di pasar.",
    "Sejumlah pedagang menutup kios."): whom a following "mereka" means."""
    toks, lex = sent.tokens, r.lex
    # (the clause may follow opening phrases: "Beberapa hari menjelang Lebaran, masyarakat kembali ...")
    for a in [0] + [m + 1 for m, t in enumerate(toks) if t.text == ","]:
        k = a
        while k < len(toks) and (toks[k].lower in lex.quantifiers or toks[k].lower in lex.determiners):
            k += 1
        if k >= len(toks) - 1 or toks[k].lower not in lex.group_nouns or toks[k].lower in lex.quantifiers:
            continue
        while k + 1 < len(toks) and toks[k + 1].lower in lex.group_nouns:
            k += 1  # "sebagian masyarakat", "para warga"
        if toks[k + 1].lower in lex.time_words or toks[k + 1].lower in lex.days:
            continue  # "beberapa hari menjelang Lebaran": a time, not people
        end = k + 1
        while end < len(toks) and toks[end].is_capitalized and toks[end].is_word:
            end += 1  # "Warga Kampung Melayu"
        text = " ".join(t.text for t in toks[a:end])
        return SpeakerRef(text, text, GROUP)
    return None


def _introduced_person(r: Reading, sent) -> SpeakerRef | None:
    """A person opening the sentence, or its clause after an opening phrase, with their age
    in brackets or a role after a comma ("Siti Aminah (37), ...", "Tanpa masker, Ali (19),
    sopir, ...", "Rudi Hartono, pedagang sayur, ...", "Rudi, misalnya, ..."): a full name,
    a name with an age, or a name the article gave before."""
    toks = sent.tokens
    if len(toks) < 3 or "(" not in sent.words and "," not in sent.words or r.attributor.in_quote(toks[0].start):
        return None
    found = _introduced_at(r, toks, 0)
    comma = next((m for m in range(1, min(len(toks), 8)) if toks[m].text == ","), None)
    if found is None and comma is not None and not toks[1].is_capitalized:
        found = _introduced_at(r, toks, comma + 1)  # "Tanpa mengenakan masker, Ali (19), ..."
    return found


def _introduced_at(r: Reading, toks, a: int) -> SpeakerRef | None:
    lex = r.lex
    if a + 2 >= len(toks) or not toks[a].is_capitalized or toks[a].lower in lex.sentence_openers \
            or not (toks[a + 1].is_capitalized or toks[a + 1].text in ",("):
        return None
    k = a
    while k < len(toks) and toks[k].is_capitalized and toks[k].is_word:
        k += 1
    aged = k + 2 < len(toks) and toks[k].text == "(" and toks[k + 1].text.isdigit() and toks[k + 2].text == ")"
    described = k + 1 < len(toks) and toks[k].text == "," and (
        phrase_at([t.lower for t in toks[k + 1:k + 4]], lex.titles) > 0 or toks[k + 1].lower in lex.adverbs)
    if k == a or not (aged or described):
        return None
    words = [t.text for t in toks[a:k]]
    if k - a == 1 and not aged:
        known = r.entities.by_short_name(words)  # "Rudi, misalnya, ...": someone named before
        return known if known and known.kind == PERSON else None
    refs = canonical(list(toks[a:k]), lex, r.entities)
    if len(refs) == 1 and refs[0].kind == PERSON and refs[0].name == " ".join(words):
        r.entities.remember(refs[0])
        return refs[0]
    return None


def _passive_agent(r: Reading, sent) -> SpeakerRef | None:
    """The person named as the agent right after a passive verb ("dihadiri X", "ditanggapi
    oleh X"), when they are named in full."""
    toks, lex = sent.tokens, r.lex
    for k in range(1, len(toks) - 1):
        word = toks[k].lower
        if toks[k].is_capitalized or not word.startswith(lex.passive_prefix) or len(word) <= len(lex.passive_prefix) + 3:
            continue
        if toks[k - 1].lower in lex.relativizers:
            return None  # "pelajar yang diamankan X": a clause about someone else
        a = k + 2 if toks[k + 1].lower in lex.passive_agents and k + 2 < len(toks) else k + 1
        if not (toks[a].is_capitalized or toks[a].lower in lex.title_words):
            return None  # (only the first passive verb; a name or a role must follow it)
        rng = r.attributor.np_right(toks, a)
        if not rng or rng[0] != a or r.attributor.in_quote(toks[a].start):
            return None
        refs, after = r.attributor._with_appositive(toks, rng, r.attributor.speakers_of(toks, rng))
        described = refs and refs[0].description or after < len(toks) and toks[after].text in ",("  # (an age: "X (19), ...")
        if len(refs) == 1 and refs[0].kind == PERSON and len(refs[0].name.split()) > 1 and refs[0].name[:1].isupper() \
                and described:
            r.entities.remember(refs[0])
            return refs[0]
        return None
    return None
