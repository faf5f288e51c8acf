"""Who is speaking: speaker phrases into canonical speakers, and coreference.

A speaker phrase ("Presiden China Xi Jinping dan Presiden Rusia Vladimir
Putin") is split into mentions; each mention becomes a :class:`SpeakerRef`
with a canonical name ("Xi Jinping"), a kind and a description (the title and
affiliation). :class:`Entities` remembers who the article has named, so that
short names ("Putin"), roles ("Presiden") and pronouns ("ia", "-nya") resolve
to the right speaker.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .lexicon import Lexicon
from .segment import Token

PERSON, INSTITUTION, GOVERNMENT, GROUP = "person", "institution", "government", "group"


@dataclass(frozen=True)
class SpeakerRef:
    name: str
    mention: str
    kind: str
    description: str | None = None


def _match_prefix(words: list[str], phrases: frozenset[tuple[str, ...]], start: int = 0) -> int:
    """Length of the longest phrase that starts at words[start], or 0."""
    best = 0
    for n in range(1, min(6, len(words) - start) + 1):
        if tuple(words[start:start + n]) in phrases:
            best = n
    return best


def is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


@dataclass
class Entities:
    """The speakers and named people an article has introduced so far."""

    lex: Lexicon
    known: list[SpeakerRef] = field(default_factory=list)
    last_speakers: list[SpeakerRef] = field(default_factory=list)
    genders: dict[str, str] = field(default_factory=dict)

    def _note_gender(self, ref: SpeakerRef) -> None:
        """A title or role that tells a person's gender ("Mrs.", "spokeswoman")."""
        if ref.kind != PERSON:
            return
        words = " ".join(x for x in (ref.mention, ref.description) if x).casefold().replace(".", " ").split()
        for gender, marks in self.lex.gendered_words.items():
            if any(w in marks for w in words):
                self.genders.setdefault(ref.name, gender)

    def remember(self, ref: SpeakerRef) -> None:
        self._note_gender(ref)
        self.known = [k for k in self.known if k.name != ref.name or k.kind != ref.kind]
        if ref.description is None:
            old = next((k for k in self.known if k.name == ref.name and k.description), None)
            if old:
                ref = SpeakerRef(ref.name, ref.mention, ref.kind, old.description)
        self.known.append(ref)

    def spoke(self, refs: list[SpeakerRef]) -> None:
        if refs:
            self.last_speakers = list(refs)
            for r in refs:
                self.remember(r)

    def by_short_name(self, words: list[str]) -> SpeakerRef | None:
        """A person named earlier whose name holds these words ("Putin" -> "Vladimir Putin")."""
        want = [w.casefold() for w in words]
        found: list[SpeakerRef] = []
        for ref in reversed(self.known):
            if ref.kind != PERSON or not all(w[:1].isupper() for w in ref.name.split()):
                continue  # only proper names ("a Smith supporter" is no Smith)
            have = ref.name.casefold().split()
            if want == have:
                return ref
            if len(want) < len(have) and all(w in have for w in want):
                found.append(ref)
        if len({r.name for r in found}) > 1:
            return None  # two people share the name ("Ebeling" of two Ebelings): keep it as written
        return found[0] if found else None

    def by_role(self, role: str) -> SpeakerRef | None:
        """A person introduced with this role ("Presiden" -> "Presiden Joko Widodo")."""
        role = role.casefold()
        for ref in reversed(self.known):
            if ref.kind == PERSON and ref.description and ref.description.casefold().startswith(role):
                return ref
        return None

    def pronoun(self, word: str) -> list[SpeakerRef]:
        """What a pronoun (or the -nya of "katanya") refers to: the last speaker."""
        word = word.casefold()
        if word in self.lex.group_pronouns:
            if len(self.last_speakers) > 1 or any(r.kind != PERSON for r in self.last_speakers):
                return list(self.last_speakers)
            ref = next((k for k in reversed(self.known) if k.kind not in (PERSON, GOVERNMENT)), None) or next(
                (k for k in reversed(self.known) if k.kind != PERSON), None)
            return [ref] if ref else list(self.last_speakers)
        if word in self.lex.person_pronouns:
            # "he", "she": a person (or a speaker taken for an institution), never a place;
            # "she" not someone known to be a man, and the other way round
            gender = next((g for g, words in self.lex.gendered_pronouns.items() if word in words), None)

            def fits(r: SpeakerRef) -> bool:
                return gender is None or self.genders.get(r.name, gender) == gender

            people = [r for r in self.last_speakers if r.kind == PERSON and fits(r)] or [
                r for r in self.last_speakers if r.kind not in (GOVERNMENT, PERSON)]
            ref = people[-1] if people else next((k for k in reversed(self.known) if k.kind == PERSON and fits(k)), None)
            if ref is None:
                return []
            if gender and ref.kind == PERSON:
                self.genders.setdefault(ref.name, gender)
            return [ref]
        if self.last_speakers:
            people = [r for r in self.last_speakers if r.kind == PERSON]
            if len(self.last_speakers) == 1 or not people:
                return list(self.last_speakers[:1]) if people else list(self.last_speakers)
            return people[-1:]
        ref = next((k for k in reversed(self.known) if k.kind == PERSON), None)
        return [ref] if ref else []


def split_mentions(tokens: list[Token], lex: Lexicon) -> list[list[Token]]:
    """Split a speaker phrase at "dan", "serta" and commas, keeping
    "Kementerian Riset dan Teknologi" whole."""
    parts: list[list[Token]] = [[]]
    seps: list[Token | None] = [None]
    for tok in tokens:
        if tok.lower in lex.speaker_conjunctions or tok.text == ",":
            parts.append([])
            seps.append(tok)
        else:
            parts[-1].append(tok)
    merged: list[list[Token]] = []
    for part, sep in zip(parts, seps):
        if not part:
            continue
        if merged and all(t.lower in lex.affiliation_words for t in merged[-1]):
            # "past and present members": one group
            merged[-1] = merged[-1] + ([sep] if sep is not None else []) + part
        elif merged and _continues_institution(merged[-1], part, lex):
            merged[-1] = merged[-1] + part
        else:
            merged.append(part)
    return merged


def _continues_institution(left: list[Token], right: list[Token], lex: Lexicon) -> bool:
    lw = [t.lower for t in left]
    rw = [t.lower for t in right]
    if not _match_prefix(lw, lex.institution_words):
        return False
    starts_new = (_match_prefix(rw, lex.titles) or _match_prefix(rw, lex.institution_words)
                  or tuple(rw) in lex.places or tuple(rw) in lex.governments or len(rw) > 2)
    return not starts_new


def canonical(tokens: list[Token], lex: Lexicon, entities: Entities) -> list[SpeakerRef]:
    """The speakers one mention stands for (a pronoun may stand for several)."""
    tokens = [t for t in tokens if t.text not in "()\"“”" and not (t.text == "." and lex.abbreviations)]
    while tokens and (tokens[0].lower in lex.sentence_openers and not tokens[0].is_capitalized
                      or tokens[0].lower in ("para", "pihak", "sang", "the") or tokens[0].lower in lex.determiners):
        tokens = tokens[1:]
    # "the Center's director Jane Roe": the possessor is an affiliation, not the speaker
    owner = max((i for i, t in enumerate(tokens[:-1]) if lex.possessive_suffixes and t.lower.endswith(lex.possessive_suffixes)),
                default=-1)
    if owner >= 0:
        tokens = tokens[owner + 1:]
    if not tokens or lex.possessive_suffixes and tokens[-1].lower.endswith(lex.possessive_suffixes):
        return []  # "Smith's ...": a possessor, not a speaker
    text = " ".join(t.text for t in tokens)
    words = [t.lower for t in tokens]
    key = tuple(words)
    if len(words) == 1 and (words[0] in lex.person_pronouns or words[0] in lex.group_pronouns):
        return entities.pronoun(words[0])
    if key in lex.governments:
        return [SpeakerRef(lex.governments[key], text, GOVERNMENT)]
    if key in lex.places:
        return [SpeakerRef(text, text, GOVERNMENT)]
    lead = _title_after_affiliation(tokens, lex)
    if lead:
        # "Ohio Sen. John Doe", "White House press secretary Jane Roe"
        refs = canonical(tokens[lead:], lex, entities)
        if len(refs) == 1 and refs[0].kind == PERSON and refs[0].description:
            ref = refs[0]
            return [SpeakerRef(ref.name, text, PERSON, " ".join(t.text for t in tokens[:lead]) + " " + ref.description)]
    if _match_prefix(words, lex.institution_words):
        return [SpeakerRef(_institution_name(tokens, lex), text, INSTITUTION)]
    n_title = 0
    while True:
        n = _match_prefix(words, lex.titles, n_title)
        if not n:
            break
        n_title += n
    if n_title:
        rest = tokens[n_title:]
        cut = 0
        for i, tok in enumerate(rest):
            if (tok.lower in lex.affiliation_words or is_acronym(tok.text)
                    or _match_prefix([t.lower for t in rest], lex.institution_words, i)
                    or _match_prefix([t.lower for t in rest], lex.places, i)
                    or not tok.is_capitalized):
                cut = i + 1
        # a place phrase may run over several words ("Amerika Serikat")
        while cut < len(rest) and _match_prefix([t.lower for t in rest], lex.places, cut) > 0 and cut + 1 < len(rest):
            cut += _match_prefix([t.lower for t in rest], lex.places, cut)
        name = rest[cut:]
        role = " ".join(t.text for t in tokens[:n_title + cut])
        if not name:
            ref = entities.by_role(role)
            if ref:
                return [SpeakerRef(ref.name, text, ref.kind, ref.description)]
            return [SpeakerRef(role, text, PERSON, role)]
        name_words = [t.text for t in name]
        known = entities.by_short_name(name_words)
        if known and len(name_words) < len(known.name.split()):
            return [SpeakerRef(known.name, text, PERSON, role or known.description)]
        return [SpeakerRef(" ".join(name_words), text, PERSON, role)]
    lower = 0
    while lower < len(tokens) and not tokens[lower].is_capitalized and tokens[lower].lower not in lex.quantifiers:
        lower += 1
    if 0 < lower < len(tokens) and all(t.is_capitalized for t in tokens[lower:]) and not any(
            _match_prefix(words, lex.institution_words, i) or _match_prefix(words, lex.places, i)
            for i in range(lower, len(words))):
        # "retired surgeon John Doe": a description in lower case, then the name
        refs = canonical(tokens[lower:], lex, entities)
        if len(refs) == 1 and refs[0].kind == PERSON:
            role = " ".join(t.text for t in tokens[:lower])
            return [SpeakerRef(refs[0].name, text, PERSON, role if not refs[0].description else role + " " + refs[0].description)]
    if any(_match_prefix(words, lex.institution_words, i) for i in range(len(words))) or any(
            is_acronym(t.text) for t in tokens):
        return [SpeakerRef(_institution_name(tokens, lex), text, INSTITUTION)]
    known = entities.by_short_name([t.text for t in tokens])
    if known:
        return [SpeakerRef(known.name, text, known.kind, known.description)]
    return [SpeakerRef(text, text, PERSON)]


def _title_after_affiliation(tokens: list[Token], lex: Lexicon) -> int:
    """Where a title starts after leading affiliation words, or 0 ("Indiana Gov. Mike
    Pence" -> 1). Only when a capitalized name follows the title."""
    words = [t.lower for t in tokens]
    for p in range(1, len(tokens) - 1):
        n = _match_prefix(words, lex.titles, p)
        if n and p + n < len(tokens) and tokens[-1].is_capitalized:
            return p
        tok = tokens[p - 1]
        if not (tok.is_capitalized or tok.lower in lex.affiliation_words):
            return 0
    return 0


def _institution_name(tokens: list[Token], lex: Lexicon) -> str:
    """Full name as written; "Komisi Nasional HAM atau Komnas HAM Maluku" keeps
    the long form with what follows the short one."""
    words = [t.text for t in tokens]
    lower = [w.casefold() for w in words]
    if "atau" in lower:
        i = lower.index("atau")
        tail = words[i + 1:]
        # the short form ends with its first run of acronyms ("Komnas HAM")
        end = next((j for j, w in enumerate(tail) if is_acronym(w)), 0)
        while end < len(tail) and is_acronym(tail[end]):
            end += 1
        tail = tail[max(end, 1):]
        words = words[:i] + tail
    return " ".join(words)
