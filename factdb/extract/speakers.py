"""Who is speaking: speaker phrases into canonical speakers, and coreference.

A speaker phrase ("Presiden China Xi Jinping dan Presiden Rusia Vladimir
Putin") is split into mentions; each mention becomes a :class:`SpeakerRef`
with a canonical name ("Xi Jinping"), a kind and a description (the title and
affiliation). :class:`Entities` remembers who the article has named, so that
short names ("Putin"), roles ("Presiden") and pronouns ("ia", "-nya") resolve
to the right speaker.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .lexicon import Lexicon, phrase_at
from .segment import Token, tokenize

PERSON, INSTITUTION, GOVERNMENT, GROUP, DOCUMENT = "person", "institution", "government", "group", "document"


@dataclass(frozen=True)
class SpeakerRef:
    name: str
    mention: str
    kind: str
    description: str | None = None
    # the pronoun this speaker was found through ("he"), when it was
    via: str | None = field(default=None, compare=False)


def is_acronym(word: str) -> bool:
    if word.isascii() and word.isalpha():
        return len(word) >= 2 and word.isupper()  # (the same test for plain letters, faster)
    letters = list(filter(str.isalpha, word))
    return len(letters) >= 2 and all(map(str.isupper, letters))


def _short_form_word(word: str) -> bool:
    """A word of a body's short form: "ICW", "BUMDes", "LKM"."""
    return is_acronym(word) or word.isalnum() and word[:1].isupper() and sum(c.isupper() for c in word) >= 2


def short_form_at(toks, k: int) -> int:
    """How many tokens a bracketed short form opening at ``k`` takes ("(ICW)" 3,
    "(BUMDes LKM)" 4), or 0."""
    if k >= len(toks) or toks[k].text != "(":
        return 0
    for m in range(k + 1, min(k + 5, len(toks))):
        if toks[m].text == ")":
            return m - k + 1 if m > k + 1 and all(_short_form_word(t.text) for t in toks[k + 1:m]) else 0
    return 0


def short_form_before(toks, close: int, lo: int = 0) -> int:
    """How many tokens a bracketed short form closing at ``close`` takes, or 0."""
    for k in range(close - 2, max(lo, close - 4) - 1, -1):
        if toks[k].text == "(":
            return close - k + 1 if short_form_at(toks, k) == close - k + 1 else 0
    return 0


# the name right before a nickname's marker ("X Y, yang biasa disapa ..."), and the nickname after it
NAMED_BEFORE = re.compile(r"((?:[A-Z][\w'’.-]*\s+){0,6}[A-Z][\w'’-]+)\s*,?\s+(?:yang\s+)?$")
CALLED = re.compile(r"\s+((?:[A-Z][\w'’-]*\s?){1,3})")
# a capitalized word and the capitalized words after it ("Dewinta Larasati")
FOLLOWING_NAME = re.compile(r"(?<![\w.])([A-Z][\w'’-]+)((?:[ ][A-Z][\w'’-]+){1,3})")
# a capitalized word in brackets after a name: the short form the article gives it
SHORT_FORM = re.compile(r"\w \(([A-Z][\w-]{1,15})\)")


@dataclass
class Entities:
    """The speakers and named people an article has introduced so far."""

    lex: Lexicon
    known: list[SpeakerRef] = field(default_factory=list)
    last_speakers: list[SpeakerRef] = field(default_factory=list)
    acronyms: dict[str, str] = field(default_factory=dict)  # "icw" -> "Indonesia Corruption Watch"
    # the article's text, where a surname after an honorific finds the full name
    text: str = ""
    _full_names: dict[str, str | None] = field(default_factory=dict)
    _first_names: dict[str, str | None] = field(default_factory=dict, repr=False)
    _names: dict[str, tuple[bool, list[str]]] = field(default_factory=dict, repr=False)
    _written: dict[tuple[str, str, str], bool] = field(default_factory=dict, repr=False)
    # the casefolded words of every proper name of a person known so far (a word that is
    # in none of them matches no short name)
    _name_vocab: set[str] = field(default_factory=set, repr=False)
    _trimmer: "NameTrimmer | None" = None
    _short_forms: frozenset[str] | None = field(default=None, repr=False)
    _nicknames: dict[tuple[str, ...], str] | None = field(default=None, repr=False)
    # a group a sentence with no claim opens with ("Warga tetap berkerumun."): what "mereka" means next
    group_topic: SpeakerRef | None = None

    def __post_init__(self):
        for ref in self.known:
            self._note_name_words(ref)

    def nickname(self, words: tuple[str, ...]) -> SpeakerRef | None:
        """The person known before whom the article says is called by these words
        ("Rudi Hartono Wibisono, yang biasa disapa Mas Rudi")."""
        if self._nicknames is None:
            self._nicknames = {}
            for marker in map(" ".join, self.lex.nickname_markers):
                at = self.text.find(marker)
                while at >= 0:  # (a plain search first: most articles give no nickname)
                    named = NAMED_BEFORE.search(self.text, max(0, at - 120), at)
                    called = CALLED.match(self.text, at + len(marker))
                    if named and called:
                        self._nicknames[tuple(called.group(1).casefold().split())] = named.group(1)
                    at = self.text.find(marker, at + 1)
        run = self._nicknames.get(words)
        if run is None:
            return None
        return next((k for k in reversed(self.known) if k.kind == PERSON and run.endswith(k.name)), None)

    @property
    def short_forms(self) -> frozenset[str]:
        """The short forms the article defines in brackets ("Lembaga Pemberdayaan Warga (Lapewa)"),
        casefolded: a body's name wherever they stand."""
        if self._short_forms is None:
            self._short_forms = frozenset(m.group(1).casefold() for m in SHORT_FORM.finditer(self.text))
        return self._short_forms

    def full_name(self, surname: str) -> str | None:
        """The full name the article wrote somewhere for a surname ("Mr. Roe" after
        "... a visit by John Q. Roe ...")."""
        if not self.text or not surname[:1].isupper():
            return None
        if surname not in self._full_names:
            found = None
            lex = self.lex
            pattern = r"\b([A-Z][\w'’-]+\s+(?:[A-Z]\.\s+)?)" + re.escape(surname) + r"\b"
            for m in re.finditer(pattern, self.text):
                if not self._name_word(m.group(1).split()[0]):
                    continue
                found = " ".join(m.group(1).split() + [surname])
                break
            self._full_names[surname] = found
        return self._full_names[surname]

    def _name_word(self, word: str) -> bool:
        """Whether a capitalized word may be part of a person's name: no title, function
        word, day, place, body, pronoun or cue."""
        w, lex = word.casefold().rstrip("."), self.lex
        return not (w in lex.title_words or w in lex.stopwords or w in lex.sentence_openers
                    or w in lex.determiners or w in lex.days or w in lex.abbreviations
                    or w in lex.affiliation_words or (w,) in lex.places or (w,) in lex.institution_words
                    or w in lex.person_pronouns or w in lex.group_pronouns or w in lex.quantifiers
                    or w in lex.honorifics or (w,) in lex.cues)

    def first_name_full(self, first: str) -> str | None:
        """The full name the article wrote somewhere for a first name, when it named the
        person outside any claim ("... adalah Dewinta Larasati, insinyur ..." then "kata
        Dewinta")."""
        if not self.lex.first_names_lead or not self.text or len(first) < 3 or is_acronym(first) \
                or first.casefold() in self._name_vocab:
            return None  # (a word of a name known already: that person, or two of them)
        if first not in self._first_names:
            found = None
            for m in FOLLOWING_NAME.finditer(self.text):
                before = self.text[max(0, m.start() - 40):m.start()].split()[-1:]
                if m.group(1) != first or "-" in m.group(0) or before and before[0][:1].isupper() and not (
                        before[0].endswith(",") or before[0].casefold() in self.lex.title_words):
                    continue  # ("PP Partai Sukamaju Rina ...": a body's name; "Rina Lestari-Budi Santoso": a pair)
                rest = []
                for w in m.group(2).split():
                    if not self._name_word(w):
                        break
                    rest.append(w)
                if rest:
                    found = " ".join([first] + rest)
                    break
            self._first_names[first] = found
        return self._first_names[first]
    genders: dict[str, str] = field(default_factory=dict)
    # the gender a mention and description mark, worked out once per pair in an article
    _marked: dict[tuple[str, str | None], str | None] = field(default_factory=dict, repr=False)

    def _note_gender(self, ref: SpeakerRef) -> None:
        """A title or role that tells a person's gender ("Mrs.", "spokeswoman")."""
        if ref.kind != PERSON:
            return
        key = (ref.mention, ref.description)
        if key not in self._marked:
            self._marked[key] = self._marked_gender(ref.mention, ref.description)
        gender = self._marked[key]
        if gender is not None:
            self.genders.setdefault(ref.name, gender)

    def _marked_gender(self, mention: str, description: str | None) -> str | None:
        """The first gender whose words the mention or description holds, or None."""
        words = " ".join(x for x in (mention, description) if x).casefold().replace(".", " ").split()
        return next((gender for gender, marks in self.lex.gendered_words.items()
                     if any(w in marks for w in words)), None)

    def remember(self, ref: SpeakerRef) -> None:
        ref = SpeakerRef(ref.name, ref.mention, ref.kind, ref.description)  # (without ``via``)
        self._note_gender(ref)
        self.known = [k for k in self.known if k.name != ref.name or k.kind != ref.kind]
        if ref.description is None:
            old = next((k for k in self.known if k.name == ref.name and k.description), None)
            if old:
                ref = SpeakerRef(ref.name, ref.mention, ref.kind, old.description)
        self.known.append(ref)
        self._note_name_words(ref)

    def _note_name_words(self, ref: SpeakerRef) -> None:
        if ref.kind == PERSON:
            proper, words = self._name_words(ref.name)
            if proper:
                self._name_vocab.update(words)

    def spoke(self, refs: list[SpeakerRef]) -> None:
        if self.group_topic is not None and [r.name for r in refs] == [self.group_topic.name]:
            return  # "Mereka berdalih ...": the group, but the next "ujarnya" is still the last speaker's
        if refs:
            self.last_speakers = list(refs)
            self.group_topic = None
            for r in refs:
                self.remember(r)

    def by_short_name(self, words: list[str]) -> SpeakerRef | None:
        """A person named earlier whose name holds these words ("Putin" -> "Vladimir Putin")."""
        want = [w.casefold() for w in words]
        if not self._name_vocab.issuperset(want):
            return None  # (a word no known name has: the search below would find nobody)
        found: list[SpeakerRef] = []
        for ref in reversed(self.known):
            if ref.kind != PERSON:
                continue
            proper, have = self._name_words(ref.name)
            if not proper:
                continue  # only proper names ("a Smith supporter" is no Smith)
            if want == have:
                return ref
            if len(want) < len(have) and all(w in have for w in want) and not self._in_trimmed_lead(ref, want):
                found.append(ref)
        if len({r.name for r in found}) > 1:
            return None  # two people share the name ("Ebeling" of two Ebelings): keep it as written
        return found[0] if found else None

    def written_apart(self, word: str, singular: str, plural: str) -> bool:
        """Whether the article writes ``word`` or ``singular`` as a word of its own other
        than inside ``plural`` (looked up once per article: it searches the whole text)."""
        key = (word, singular, plural)
        if key not in self._written:
            pattern = r"\b(?:" + re.escape(word) + "|" + re.escape(singular) + r")\b"
            self._written[key] = re.search(pattern, self.text.replace(plural, "")) is not None
        return self._written[key]

    def _name_words(self, name: str) -> tuple[bool, list[str]]:
        """Whether all words of a name are capitalized, and its casefolded words (worked
        out once per name in an article)."""
        words = self._names.get(name)
        if words is None:
            words = self._names[name] = (all(w[:1].isupper() for w in name.split()), name.casefold().split())
        return words

    def _in_trimmed_lead(self, ref: SpeakerRef, words: list[str]) -> bool:
        """Whether the words are the body or place the article writes before the name
        ("Muhammadiyah" of "Pimpinan Pusat Muhammadiyah Abdul Mu'ti"): not the person."""
        if not self.text or not self.lex.trim_name_prefixes:
            return False
        if self._trimmer is None:
            self._trimmer = NameTrimmer(self.text, self.lex)
        name = self._trimmer.trim(ref).name.casefold().split()
        return not any(w in name for w in words)

    def by_role(self, role: str) -> SpeakerRef | None:
        """A person introduced with this role ("Presiden" -> "Presiden Budi Hendarto")."""
        role = role.casefold()
        # ("Mendagri" -> "Menteri Dalam Negeri": a role written short)
        full = " ".join(self.lex.title_abbreviations.get(w, w) for w in role.split())
        for ref in reversed(self.known):
            if ref.kind == PERSON and ref.description and ref.description.casefold().startswith((role, full)):
                return ref
        return None

    def role_antecedent(self, role: str) -> SpeakerRef | None:
        """The person a role with the definite article and no name points back to ("the
        senator" after "Sen. Jane Roe"): the one the article named with that role."""
        lex = self.lex
        words = [lex.title_abbreviations.get(w, w) for w in role.casefold().replace(".", " ").split()]
        if not words or lex.plural_suffix and words[-1].endswith(lex.plural_suffix) \
                and not words[-1].endswith(lex.plural_suffix * 2):
            return None  # "the senators": a group
        head = words[-1]

        def named(r: SpeakerRef) -> bool:
            return r.kind == PERSON and r.name != r.description and r.name[:1].isupper()

        def titles_of(r: SpeakerRef) -> set[str]:
            desc = (r.description or "").casefold().replace(".", " ").split()
            return {lex.title_abbreviations.get(w, w) for w in desc}

        for ref in reversed(self.known):
            if named(ref) and head in titles_of(ref):
                return ref
        return None

    def last_person(self) -> SpeakerRef | None:
        """The person named or heard from most recently."""
        return next((k for k in reversed(self.known) if k.kind == PERSON and k.name != k.description), None)

    def pronoun(self, word: str, exclude: frozenset[str] = frozenset()) -> list[SpeakerRef]:
        """What a pronoun (or the -nya of "katanya") refers to: the last speaker.
        ``exclude`` names people it cannot be (those named in the speaker's own words)."""
        word = word.casefold()
        if word in self.lex.group_pronouns:
            if self.group_topic is not None:
                return [self.group_topic]  # "Warga tetap berkerumun. Mereka berdalih ...": the people just named
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
                return r.name not in exclude and (gender is None or self.genders.get(r.name, gender) == gender)

            # (nor a document: "according to county records" is no "he")
            people = [r for r in self.last_speakers if r.kind == PERSON and fits(r)] or [
                r for r in self.last_speakers if r.kind not in (GOVERNMENT, PERSON, GROUP)
                and not any(w.casefold() in self.lex.document_nouns for w in r.name.split())
                and not is_acronym(r.name.replace(".", ""))]  # (nor "the F.D.A.")
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
    "Kementerian Desa dan Wisata" whole."""
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
        elif merged and (_continues_institution(merged[-1], part, lex)
                         or _continues_role(merged[-1], part, lex, _following(parts, seps, part, lex))):
            merged[-1] = merged[-1] + part
        else:
            merged.append(part)
    return merged


def _is_affiliation(tok: Token, lex: Lexicon) -> bool:
    pieces = [p for p in tok.lower.split("/") if p]
    return bool(pieces) and all(p in lex.affiliation_words or (p,) in lex.titles or (p,) in lex.institution_words
                                or is_acronym(q) for p, q in zip(pieces, tok.text.split("/")))


def _following(parts: list[list[Token]], seps: list[Token | None], part: list[Token], lex: Lexicon) -> list[Token]:
    """The part with the parts after it, up to one that opens with a title."""
    at = next(i for i, p in enumerate(parts) if p is part)
    out = list(part)
    for p in parts[at + 1:]:
        if p and phrase_at([t.lower for t in p], lex.titles):
            break
        out += p
    return out


def _ends_with_body_and_name(tokens: list[Token], lex: Lexicon) -> bool:
    """More words of an affiliation, then a body and a short name ("Perikanan Darat dan
    Laut Dinas Kelautan Nama"): the tail of a role, not a speaker of its own."""
    words = [t.lower for t in tokens]
    if not all(t.is_capitalized and t.is_word for t in tokens):
        return False
    for i in range(1, len(tokens) - 1):
        n = phrase_at(words, lex.institution_words, i) or (1 if is_acronym(tokens[i].text) else 0)
        if n and 1 <= len(tokens) - i - n <= 3:
            return True
    return False


def _continues_role(left: list[Token], right: list[Token], lex: Lexicon, following: list[Token] = ()) -> bool:
    """A title with only affiliation words ("Menteri Desa", "Menteri Koordinator Politik")
    goes on after "dan" or a comma: "Menteri Desa dan Wisata ... Bambang ..."."""
    lw = [t.lower for t in left]
    n = phrase_at(lw, lex.titles)
    if not n or n == len(left):
        return False
    rw = [t.lower for t in right]
    if tuple(rw) in lex.governments or tuple(rw) in lex.places:
        return False
    role_only = all(_is_affiliation(t, lex) for t in left[n:])
    if phrase_at(rw, lex.titles) and not (role_only and rw[0] in lex.affiliation_words):
        # a new title starts a new speaker, unless it is also an affiliation word
        # ("Kepala Bagian Hukum dan Humas ...")
        return False
    if role_only or _is_affiliation(left[-1], lex):
        return True
    # "Deputi Bidang Data dan Analisis Harga BPS Rina ...": the right part goes on
    # with the affiliation before its name
    return len(right) >= 3 and any(_is_affiliation(t, lex) or is_acronym(t.text)
                                   or phrase_at(rw, lex.institution_words, i)
                                   for i, t in enumerate(right[:-2])) or _ends_with_body_and_name(list(following), lex)


def _continues_institution(left: list[Token], right: list[Token], lex: Lexicon) -> bool:
    lw = [t.lower for t in left]
    rw = [t.lower for t in right]
    if not phrase_at(lw, lex.institution_words):
        return False
    starts_new = (phrase_at(rw, lex.titles) or phrase_at(rw, lex.institution_words)
                  or tuple(rw) in lex.places or tuple(rw) in lex.governments or len(rw) > 2)
    return not starts_new


def _role_end(rest: list[Token], lex: Lexicon, place_title: bool = False) -> int:
    """How many tokens after a title are affiliation (places, bodies, fields) before the name."""
    rest_words = [t.lower for t in rest]
    cut = 0
    seen_name = False
    i = 0
    if place_title and len(rest) >= 3 and all(t.is_capitalized for t in rest[:3]) and not is_acronym(rest[0].text):
        cut = i = 1  # "Bupati Kendal Mirna Annisa": a regional head's title is followed by the region
    while i < len(rest):
        tok = rest[i]
        if tok.lower in lex.place_heads and i + 1 < len(rest) - 1 and rest[i + 1].is_capitalized:
            # "Kota Sukamaju", "Desa Sukamulya": the word after a place head is a place
            cut = i + 2
            seen_name = False
            i += 2
            continue
        inner_title = phrase_at(rest_words, lex.titles, i)
        if inner_title and rest[i].is_capitalized and i + inner_title < len(rest):
            # a second title after the affiliation ("Kepala Polres X Komisaris Besar Y")
            cut = i + inner_title
            seen_name = False
            i += inner_title
            continue
        span = max(phrase_at(rest_words, lex.institution_words, i), phrase_at(rest_words, lex.places, i))
        if span > 1 and i + span < len(rest):
            # "Rumah Sakit", "Jawa Barat": a phrase of several words
            cut = i + span
            seen_name = False
            i += span
            continue
        if span and seen_name and i + span == len(rest):
            break  # a name that ends like a place: "Hendra Ambon"
        particle = seen_name and tok.lower in lex.name_particles and i + 1 < len(rest) and rest[i + 1].is_capitalized
        if (_is_affiliation(tok, lex) and not is_acronym(tok.text)
                or span
                or not tok.is_capitalized and not particle):  # ("Mayor Bill de Blasio": "de" is the name's)
            cut = i + 1
            seen_name = False
        elif is_acronym(tok.text):
            if _acronym_of_body(rest, i, seen_name):
                cut = i + 1
                seen_name = False
        else:
            seen_name = True
        i += 1
    # a place phrase may run over several words ("Amerika Serikat")
    while cut < len(rest) and not seen_name and phrase_at([t.lower for t in rest], lex.places, cut) > 0 and cut + 1 < len(rest):
        cut += phrase_at([t.lower for t in rest], lex.places, cut)
    return cut


def _acronym_of_body(rest: list[Token], i: int, seen_name: bool) -> bool:
    """An acronym after a name is part of it ("Rizal MS"), else an affiliation; a body's
    acronym with a name after it ends the affiliation ("Presidium HIMPI Rudi Hartono")."""
    return not seen_name or len(rest[i].text) >= 3 and i + 1 < len(rest) and all(
        t.is_capitalized and t.is_word and not is_acronym(t.text) for t in rest[i + 1:])


def _as_written(tokens: list[Token]) -> str:
    """Tokens joined with the spacing they had in the text ("Watch (ICW)")."""
    out = ""
    for prev, tok in zip([None] + tokens, tokens):
        out += ("" if prev is None or tok.start == prev.end else " ") + tok.text
    return out


def _drop_bracketed_acronyms(tokens: list[Token], entities: Entities) -> tuple[list[Token], str | None]:
    """Remove "(ACRONYM)" from a phrase; when its letters are the initials of the
    words before it ("Indonesia Corruption Watch (ICW)"), remember it and return
    the spelled-out name if the phrase ends with it."""
    out: list[Token] = []
    spelled = None
    i = 0
    while i < len(tokens):
        n = short_form_at(tokens, i)
        if n > 3:
            i += n  # "(BUMDes LKM)": a short form of several words, left out
            continue
        if (tokens[i].text == "(" and i + 2 < len(tokens) and tokens[i + 2].text == ")"
                and is_acronym(tokens[i + 1].text)):
            acronym = tokens[i + 1].text
            before = [t for t in out if t.is_word]
            letters = [c for c in acronym if c.isalpha()]
            head = before[-len(letters):] if len(before) >= len(letters) else []
            if head and all(t.text[0].upper() == c.upper() for t, c in zip(head, letters)) \
                    and all(t.is_capitalized for t in head):
                name = " ".join(t.text for t in head)
                entities.acronyms[acronym.casefold()] = name
                if i + 3 == len(tokens):
                    spelled = name
            i += 3
            continue
        if (tokens[i].text == "(" and i + 2 < len(tokens) and tokens[i + 2].text == ")" and out
                and out[-1].is_capitalized and tokens[i + 1].is_capitalized and tokens[i + 1].is_word):
            i += 3  # "Badan Pengawas Sukamaju (Bapesu) Provinsi X": a body's short form, left out of the name
            continue
        out.append(tokens[i])
        i += 1
    return out, spelled


def _name_after_short_form(tokens: list[Token], lex: Lexicon) -> SpeakerRef | None:
    """A role's body ends with its bracketed short form, and the name follows:
    "epidemiolog Fakultas X (FX) Budi Santoso" -> "Budi Santoso"."""
    words = [t.lower for t in tokens]
    if not tokens or not (phrase_at(words, lex.titles) or not tokens[0].is_capitalized):
        return None
    close = max((k for k, t in enumerate(tokens) if t.text == ")"), default=-1)
    n = short_form_before(tokens, close) if close > 0 else 0
    # the body's place may follow its short form: "Organisasi X (OX) Jawa Barat Budi Santoso"
    place = phrase_at(words, lex.places, close + 1) if close > 0 else 0
    name = tokens[close + 1 + place:]
    if not n or close - n + 1 == 0 or not 1 <= len(name) <= 3 or not all(
            t.is_word and t.is_capitalized and not is_acronym(t.text) for t in name):
        return None
    if phrase_at(words, lex.places, close + 1 + place) or any(
            phrase_at(words, lex.institution_words, i) for i in range(close + 1 + place, len(words))):
        return None
    role = [t for t in tokens[:close - n + 1] + tokens[close + 1:close + 1 + place] if t.text not in "\"“”"]
    return SpeakerRef(" ".join(t.text for t in name), _as_written(tokens), PERSON, _as_written(role))


def canonical(tokens: list[Token], lex: Lexicon, entities: Entities) -> list[SpeakerRef]:
    """The speakers one mention stands for (a pronoun may stand for several)."""
    return [with_kind(ref, lex) for ref in _canonical(tokens, lex, entities)]


def with_kind(ref: SpeakerRef, lex: Lexicon) -> SpeakerRef:
    """A source whose head noun is a document ("a new county poll", "court records",
    "the club's website") is a document, whatever the rest made of it; a person's
    name has no words with digits or dots inside ("Covid-19", "example.co")."""
    if ref.via is not None or ref.kind == GOVERNMENT:
        return ref
    words = ref.name.split()
    if ref.name != ref.description and _document_head(words, lex) \
            and not (ref.kind == PERSON and ref.name[:1].isupper() and ref.description):
        return replace(ref, kind=DOCUMENT)
    if ref.kind == PERSON and len(words) > 2:
        lead = 0
        while lead < len(words) - 2 and (any(c.isdigit() for c in words[lead]) or "." in words[lead].strip(".")):
            lead += 1
        if lead:
            role = " ".join(x for x in (ref.description, " ".join(words[:lead])) if x)
            return replace(ref, name=" ".join(words[lead:]), description=role)
    return ref


def _document_head(words: list[str], lex: Lexicon) -> bool:
    """Whether a phrase's head noun is a document: a document noun that ends the phrase or
    comes before a preposition or a participle ("poll", "poll of X", "poll released Friday")."""
    lower = [w.casefold() for w in words]
    for i, w in enumerate(lower):
        if w in lex.document_nouns:
            after = lower[i + 1] if i + 1 < len(lower) else None
            return after is None or after in lex.np_prepositions or after == "of" or bool(
                lex.passive_participle_endings and after.endswith(lex.passive_participle_endings))
    return False


def _canonical(tokens: list[Token], lex: Lexicon, entities: Entities) -> list[SpeakerRef]:
    """The speakers of one mention, trying in turn: a spelled-out short form, a pronoun,
    a name the lexicon knows, a title and its name, a description then a name, a place
    then a name, a body, the tail of a role, a short name known before, a group."""
    refs, tokens = _short_forms(tokens, lex, entities) if _has_brackets(tokens) else _no_short_form(tokens, lex, entities)
    if refs is not None:
        return refs
    article = bool(tokens) and tokens[0].lower in lex.definite_articles
    tokens = _core(tokens, lex)
    if not tokens or _not_a_speaker(tokens, lex):
        return []
    text = " ".join(t.text for t in tokens)
    words = [t.lower for t in tokens]
    for resolve in (_known_form, _title_after_affiliation_ref, _body_before_title):
        refs = resolve(tokens, words, text, lex, entities)
        if refs is not None:
            return refs
    tokens, words, text = _after_heading(tokens, words, text, lex)
    for resolve in (_titled, _described_name, _placed_name, _body, _role_tail):
        refs = resolve(tokens, words, text, lex, entities)
        if refs is not None:
            return refs
    # a bare name has no lowercase words: "Jaminan keamanan Fenny" -> "Fenny"
    lower_at = [i for i, t in enumerate(tokens) if not t.is_capitalized and t.lower not in lex.name_particles
                and t.lower not in lex.name_joiners]
    if lower_at and lower_at[-1] + 1 < len(tokens):
        if all(t.lower in lex.proper_modifiers for t in tokens[lower_at[-1] + 1:]):
            # "pemuka agama Islam", "sebagian umat Muslim": people of a faith or nation
            return [SpeakerRef(text, text, GROUP)]
        tokens = tokens[lower_at[-1] + 1:]
        text = " ".join(t.text for t in tokens)
    refs = _bare(tokens, words, text, lex, entities)  # (``words`` still those before the cut)
    if article and refs[0].kind == PERSON and refs[0].name == text and not refs[0].description:
        # "The Great Debate Debate shows ...": a name under "the" is a thing or a body, not a person
        return [replace(refs[0], kind=INSTITUTION)]
    return refs


def _has_brackets(tokens: list[Token]) -> bool:
    return any(t.text == "(" or t.text == ")" for t in tokens)


def _no_short_form(tokens: list[Token], lex: Lexicon, entities: Entities):
    """What :func:`_short_forms` makes of a mention with no brackets, without looking for
    a bracketed short form."""
    tokens = [t for t in tokens if t.text not in "\"“”" and not (t.text == "." and lex.abbreviations)]
    if len(tokens) == 1 and tokens[0].lower in entities.acronyms:
        return [SpeakerRef(entities.acronyms[tokens[0].lower], tokens[0].text, INSTITUTION)], tokens
    return None, tokens


def _short_forms(tokens: list[Token], lex: Lexicon, entities: Entities):
    """A name written after its short form, or a short form spelled out in brackets or
    known from before: (refs, tokens) with refs None when it is neither."""
    mention = _as_written([t for t in tokens if t.text not in "\"“”"])
    named = _name_after_short_form(tokens, lex)
    tokens, spelled = _drop_bracketed_acronyms(tokens, entities)
    if named:
        return [named], tokens
    tokens = [t for t in tokens if t.text not in "()\"“”" and not (t.text == "." and lex.abbreviations)]
    if spelled and len(tokens) == len(spelled.split()):
        return [SpeakerRef(spelled, mention, INSTITUTION)], tokens
    if len(tokens) == 1 and tokens[0].lower in entities.acronyms:
        return [SpeakerRef(entities.acronyms[tokens[0].lower], tokens[0].text, INSTITUTION)], tokens
    return None, tokens


def _core(tokens: list[Token], lex: Lexicon) -> list[Token]:
    """The mention without its opening articles and determiners, and without a possessor
    before a name; empty when the mention is itself a possessor."""
    while tokens and (tokens[0].lower in lex.sentence_openers and not tokens[0].is_capitalized
                      or tokens[0].lower in lex.leading_articles or tokens[0].lower in lex.determiners):
        tokens = tokens[1:]
    # "the Center's director Jane Roe": the possessor is an affiliation, not the speaker
    owner = max((i for i, t in enumerate(tokens[:-1]) if lex.possessive_suffixes and t.lower.endswith(lex.possessive_suffixes)),
                default=-1)
    if owner >= 0 and tokens[-1].is_capitalized:
        tokens = tokens[owner + 1:]  # (with no name after it, "Smith's aides", "the club's web page" stay whole)
    if not tokens or lex.possessive_suffixes and tokens[-1].lower.endswith(lex.possessive_suffixes):
        return []  # "Smith's ...": a possessor, not a speaker
    return tokens


def _not_a_speaker(tokens: list[Token], lex: Lexicon) -> bool:
    """"Rather, ...", "In May, ...": a word that opens a sentence, not a speaker ("Some say" has one)."""
    low = tokens[0].lower
    return len(tokens) == 1 and low not in lex.person_pronouns and low not in lex.group_pronouns and (
        low in lex.sentence_openers or low in lex.adverbs or low in lex.stopwords or low in lex.days) \
        and low not in lex.quantifiers


def _known_form(tokens, words, text, lex: Lexicon, entities: Entities):
    """A pronoun, an alias, a government or a place the lexicon knows."""
    key = tuple(words)
    if len(words) == 1 and (words[0] in lex.person_pronouns or words[0] in lex.group_pronouns):
        return [replace(r, via=words[0]) for r in entities.pronoun(words[0])]
    if key in lex.aliases:  # a name the lexicon knows under another ("Mas Bud" -> "Budi Hendarto")
        return [SpeakerRef(lex.aliases[key], text, PERSON)]
    called = entities.nickname(key) if lex.nickname_markers and entities.text else None
    if called:  # "..., yang biasa disapa Mas Rudi," then "Mas Rudi menambahkan"
        return [SpeakerRef(called.name, text, PERSON, called.description)]
    if key in lex.governments:
        return [SpeakerRef(lex.governments[key], text, GOVERNMENT)]
    if key in lex.places:
        return [SpeakerRef(text, text, GOVERNMENT)]
    return None


def _title_after_affiliation_ref(tokens, words, text, lex: Lexicon, entities: Entities):
    """"Ohio Sen. John Doe", "White House press secretary Jane Roe"."""
    lead = _title_after_affiliation(tokens, lex)
    if lead:
        refs = canonical(tokens[lead:], lex, entities)
        if len(refs) == 1 and refs[0].kind == PERSON and refs[0].description:
            ref = refs[0]
            return [SpeakerRef(ref.name, text, PERSON, " ".join(t.text for t in tokens[:lead]) + " " + ref.description)]
    return None


def _body_before_title(tokens, words, text, lex: Lexicon, entities: Entities):
    """A body ("Kementerian Luar Negeri"), not a title that opens with a body's word ("press secretary")."""
    if 0 < phrase_at(words, lex.titles) <= phrase_at(words, lex.institution_words) or (
            phrase_at(words, lex.institution_words) and not phrase_at(words, lex.titles)):
        return [SpeakerRef(_institution_name(tokens, lex), text, INSTITUTION)]
    return None


def _after_heading(tokens, words, text, lex: Lexicon):
    """A heading run into the sentence: "Penangkapan Budi Kepala Bidang Humas Polres X
    Nama": the mention from the title on."""
    if not phrase_at(words, lex.titles) and words[0] not in lex.title_modifiers:
        for p in range(1, len(tokens) - 1):
            n = phrase_at(words, lex.titles, p)
            if n and tokens[p].is_capitalized and p + n < len(tokens) and (
                    n > 1 or _is_affiliation(tokens[p + n], lex) or is_acronym(tokens[p + n].text)
                    or phrase_at(words, lex.institution_words, p + n)):
                return tokens[p:], words[p:], " ".join(t.text for t in tokens[p:])
    return tokens, words, text


def _titled(tokens, words, text, lex: Lexicon, entities: Entities):
    """A title, then the name ("Mantan Gubernur X Budi"); a title alone means the person
    who holds the role."""
    n_title = 0
    while n_title < len(words) - 1 and words[n_title] in lex.title_modifiers \
            and phrase_at(words, lex.titles, n_title + 1):
        n_title += 1  # "Mantan Gubernur X": the modifier belongs to the role
    last_title_at = n_title
    while True:
        n = phrase_at(words, lex.titles, n_title)
        if not n:
            break
        last_title_at = n_title
        n_title += n
    if not n_title:
        return None
    rest = tokens[n_title:]
    place_title = phrase_at(words, lex.place_titles, last_title_at) == n_title - last_title_at
    cut = _role_end(rest, lex, place_title)
    while cut < len(rest) - 1 and rest[cut].lower in entities.short_forms and rest[cut + 1].is_capitalized:
        cut += 1  # "Direktur Lapewa Rina Lestari": a body the article named in full before
    name = rest[cut:]
    role = " ".join(t.text for t in tokens[:n_title + cut])
    if not name:
        ref = entities.by_role(role) or _appositive_of(tokens, lex, entities) or (
            _definite(tokens, lex, entities) and entities.role_antecedent(role))
        if ref:
            return [SpeakerRef(ref.name, text, ref.kind, ref.description)]
        return [SpeakerRef(role, text, PERSON, role)]
    name_words = [t.text for t in name]
    alias = lex.aliases.get(tuple(t.lower for t in name))
    if alias:
        return [SpeakerRef(alias, text, PERSON, role)]  # "Presiden Jokowi": the full name
    known = entities.by_short_name(name_words)
    if known and len(name_words) < len(known.name.split()):
        return [SpeakerRef(known.name, text, PERSON, role or known.description)]
    if len(name_words) == 1 and n_title == 1 and words[0] in lex.honorifics:
        # "Mr. Roe": the full name the article wrote elsewhere
        full = entities.full_name(name_words[0])
        if full:
            return [SpeakerRef(full, text, PERSON, role)]
    return [SpeakerRef(" ".join(name_words), text, PERSON, role)]


def _described_name(tokens, words, text, lex: Lexicon, entities: Entities):
    """"retired surgeon John Doe": a description in lower case, then the name."""
    lower = 0
    while lower < len(tokens) and not tokens[lower].is_capitalized and tokens[lower].lower not in lex.quantifiers:
        lower += 1
    if all(t.lower in lex.name_particles for t in tokens[:lower]):
        return None  # "de Blasio": a particle of the name, not a description
    if 0 < lower < len(tokens) and all(t.lower in lex.proper_modifiers for t in tokens[lower:]):
        return [SpeakerRef(text, text, GROUP)]  # "sebagian umat Muslim": people of a faith
    if 0 < lower < len(tokens) and all(t.is_capitalized for t in tokens[lower:]) and not any(
            phrase_at(words, lex.institution_words, i) or phrase_at(words, lex.places, i)
            for i in range(lower, len(words))):
        refs = canonical(tokens[lower:], lex, entities)
        if len(refs) == 1 and refs[0].kind == PERSON:
            role = " ".join(t.text for t in tokens[:lower])
            return [SpeakerRef(refs[0].name, text, PERSON, role if not refs[0].description else role + " " + refs[0].description)]
    return None


def _placed_name(tokens, words, text, lex: Lexicon, entities: Entities):
    placed = _name_after_place(tokens, words, lex)
    return [placed] if placed else None


def _body(tokens, words, text, lex: Lexicon, entities: Entities):
    """An acronym makes a body ("KPK", "DPR RI", "the new NGO"), unless it follows a name ("Rizal MS")."""
    if any(phrase_at(words, lex.institution_words, i) for i in range(len(words))) or is_acronym(tokens[0].text) or any(
            is_acronym(t.text) and not tokens[i - 1].is_capitalized for i, t in enumerate(tokens) if i):
        return [SpeakerRef(_institution_name(tokens, lex), text, INSTITUTION)]
    return None


def _role_tail(tokens, words, text, lex: Lexicon, entities: Entities):
    """The tail of a role split off by commas: "..., dan Transmigrasi Budi Santoso"."""
    if len(tokens) >= 3 and (_is_affiliation(tokens[0], lex) or words[0] in lex.place_heads
                             or phrase_at(words, lex.places)):
        cut = _role_end(tokens, lex)
        if 0 < cut < len(tokens):
            role = " ".join(t.text for t in tokens[:cut])
            name = " ".join(t.text for t in tokens[cut:])
            return [SpeakerRef(name, text, PERSON, role)]
    return None


def _bare(tokens, words, text, lex: Lexicon, entities: Entities) -> list[SpeakerRef]:
    """A short name known before, a group ("critics", "many conservatives"), a role
    pointing back to a person, or the words as a name."""
    known = entities.by_short_name([t.text for t in tokens]) or _known_tail(tokens, entities)
    if known:
        return [SpeakerRef(known.name, text, known.kind, known.description)]
    full = entities.first_name_full(tokens[0].text) if len(tokens) == 1 and tokens[0].is_capitalized else None
    if full:
        return [SpeakerRef(full, text, PERSON)]
    if not tokens[-1].is_capitalized and (words[0] in lex.quantifiers or lex.plural_suffix
                                          and words[-1].endswith(lex.plural_suffix)) or (
            len(words) > 1 and words[0] in lex.quantifiers and words[0] in lex.group_nouns):
        # "many conservatives", "critics", "Most Northern ...": people, but not one "he" or "she" can mean
        return [SpeakerRef(text, text, GROUP)]
    if len(tokens) == 1 and lex.plural_suffix and words[0].endswith(lex.plural_suffix) and entities.text \
            and entities.written_apart(words[0], tokens[0].text[:-len(lex.plural_suffix)], tokens[0].text):
        # "Companies say ..." (the article writes "companies"), "Democrats say ..." (and "a
        # Democrat"): a plural noun, not a surname that ends like one
        return [SpeakerRef(text, text, GROUP)]
    if not any(t.text[:1].isupper() and t.lower not in lex.affiliation_words for t in tokens) \
            and words[-1] in lex.title_words and _definite(tokens, lex, entities):
        # "the real estate mogul said": a person named before
        ref = _appositive_of(tokens, lex, entities) or entities.role_antecedent(text)
        if ref:
            return [SpeakerRef(ref.name, text, ref.kind, ref.description)]
    return [SpeakerRef(text, text, PERSON)]


def _known_tail(tokens: list[Token], entities: Entities) -> SpeakerRef | None:
    """A heading run into the sentence before a name known before ("Penyimpangan Rina
    Ayu menambahkan" after "... Rina Ayu Lestari ..."): the person the tail names,
    when it holds two words or more."""
    for p in range(1, len(tokens) - 1):
        if all(t.is_capitalized for t in tokens[p:]):
            return entities.by_short_name([t.text for t in tokens[p:]])
    return None


def _name_after_place(tokens: list[Token], words: list[str], lex: Lexicon) -> SpeakerRef | None:
    """A place, then a full name ("Jawa Barat Budi Santoso", the tail of a role whose body
    came before): the person, the place their role's."""
    lead = phrase_at(words, lex.places)
    rest = tokens[lead:]
    if not lead or words[0] in lex.place_heads or not 2 <= len(rest) <= 3 or tuple(words[lead:]) in lex.places \
            or any(w in lex.compass_words for w in words[lead:]) or not all(
            t.is_word and t.is_capitalized and not is_acronym(t.text) and t.lower not in lex.title_words
            for t in rest) or any(phrase_at(words, lex.institution_words, i) or phrase_at(words, lex.places, i)
                                  for i in range(lead, len(words))):
        return None
    return SpeakerRef(" ".join(t.text for t in rest), " ".join(t.text for t in tokens), PERSON,
                      " ".join(t.text for t in tokens[:lead]))


def _appositive_of(tokens: list[Token], lex: Lexicon, entities: Entities) -> SpeakerRef | None:
    """The person a role set off by commas right after their name stands for ("Jane Roe,
    the senator, who ..."); not a role after an opening clause ("Asked about Roe, the
    senator said")."""
    text = entities.text
    if not lex.definite_articles or not tokens or not text[tokens[-1].end:].lstrip().startswith(","):
        return None
    article = "|".join(re.escape(w) for w in sorted(lex.definite_articles))
    if tokens[0].lower in lex.definite_articles:
        article = ""  # the mention holds its article
    m = re.search(r"((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*),\s+" + (r"(?i:" + article + r")\s+(?:[\w'’-]+,?\s+)*" if article else "") + "$",
                  text[max(0, tokens[0].start - 100):tokens[0].start])
    if not m or not m.group(1)[:1].isupper():
        return None
    start = max(0, tokens[0].start - 100) + m.start(1)
    refs = canonical(list(tokenize(m.group(1), start)), lex, Entities(lex, list(entities.known), text=text))
    if len(refs) == 1 and refs[0].kind == PERSON and refs[0].name.split()[-1][:1].isupper() and refs[0].via is None:
        return refs[0]
    return None


def _definite(tokens: list[Token], lex: Lexicon, entities: Entities) -> bool:
    """Whether the definite article stands before a mention ("the senator", "the
    soft-spoken, 60-year-old envoy")."""
    if not lex.definite_articles or not tokens:
        return False
    if tokens[0].lower in lex.definite_articles:
        return True
    before = entities.text[max(0, tokens[0].start - 40):tokens[0].start].split()
    if before and before[-1].endswith(",") and before[-1][:1].islower():
        before = before[:-1]  # an adjective set off by a comma
    return bool(before) and before[-1].casefold() in lex.definite_articles


def _title_after_affiliation(tokens: list[Token], lex: Lexicon) -> int:
    """Where a title starts after leading affiliation words, or 0 ("Ohio Gov. Jane
    Roe" -> 1). Only when a capitalized name follows the title."""
    words = [t.lower for t in tokens]
    if phrase_at(words, lex.titles):
        return 0  # the phrase opens with its title ("Menteri Koordinator X Nama")
    for p in range(1, len(tokens) - 1):
        n = phrase_at(words, lex.titles, p)
        if n and p + n < len(tokens) and tokens[-1].is_capitalized:
            return p
        tok = tokens[p - 1]
        if not (tok.is_capitalized or tok.lower in lex.affiliation_words):
            return 0
    return 0


def _institution_name(tokens: list[Token], lex: Lexicon) -> str:
    """Full name as written; "Komisi Daerah Hutan atau Komda Hutan Sukamaju" keeps
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


def _occurrences(text: str, phrase: str, joined: str = ""):
    """(start, end) of each place the phrase stands as whole words (not inside a longer
    word, nor before one of ``joined``): a plain search, with no pattern to compile for
    each name."""
    at = text.find(phrase)
    while at >= 0:
        end = at + len(phrase)
        if not (at and (text[at - 1].isalnum() or text[at - 1] == "_")) and not (
                end < len(text) and (text[end].isalnum() or text[end] == "_" or text[end] in joined)):
            yield at, end
        at = text.find(phrase, at + 1)


class NameTrimmer:
    """Where a person's name starts when an unknown place or body stands before it
    ("Ketua Kelompok X Sukamaju Darmawan" -> "Darmawan"): the article uses the last
    word of what comes before on its own, and the rest of the name on its own too."""

    def __init__(self, text: str, lex: Lexicon):
        self.text = text
        self.lex = lex
        self.cache: dict[str, str] = {}
        self._seen: dict[tuple, bool] = {}  # what the article's text was asked already

    def _word_before(self, start: int) -> list[str]:
        """The word right before offset ``start``, as a list of at most one."""
        return self.text[max(0, start - 60):start].split()[-1:]

    def _asked(self, question, *args) -> bool:
        """``question(*args)``, answered once per article: the same names come back."""
        key = (question.__name__,) + args
        if key not in self._seen:
            self._seen[key] = question(*args)
        return self._seen[key]

    def _alone_in_text(self, phrase: str, not_before: str | None = None, not_after: str | None = None,
               same_place: str | None = None) -> bool:
        for start, end in _occurrences(self.text, phrase):
            before, after = self._word_before(start), self.text[end:end + 60].split()[:1]
            if not_before and before and before[0] == not_before:
                continue
            if not_after:
                # used as a place or body: after a lowercase word ("di X") or a place or
                # body word ("Desa X", "KPU X"), and not followed by more of a name
                if after and (after[0].startswith(not_after) or after[0][:1].isupper()):
                    continue
                prev = before[0].strip("(\"“”") if before else ""
                low = prev.casefold()
                if not (prev[:1].islower() or low in self.lex.place_heads or low in self.lex.affiliation_words
                        or (low,) in self.lex.institution_words or (low,) in self.lex.titles
                        or is_acronym(prev) or is_acronym(phrase) or prev == same_place):
                    continue
            return True
        return False

    def _place_elsewhere_in_text(self, phrase: str) -> bool:
        """Whether the article writes the phrase on its own after a preposition ("di X Y,")."""
        for start, end in _occurrences(self.text, phrase):
            before, after = self._word_before(start), self.text[end:end + 60].split()[:1]
            if before and before[0].casefold() in self.lex.adjunct_prepositions and not (after and after[0][:1].isupper()):
                return True
        return False

    def name(self, name: str) -> str:
        if name in self.cache:
            return self.cache[name]
        words = name.split()
        out = name
        for pos in range(1, len(words)):
            if not all(w[:1].isupper() for w in words[pos:]):
                break
            if len(words[pos - 1].rstrip(".")) == 1:
                continue  # an initial is part of the name ("Rudi P. Hartono")
            rest = tuple(w.casefold() for w in words[pos:])
            if rest in self.lex.places or rest in self.lex.governments:
                continue
            if self._asked(self._alone_in_text, " ".join(words[pos:]), words[pos - 1]) and \
                    self._asked(self._alone_in_text, words[pos - 1], None, words[pos],
                                    words[pos - 2] if pos >= 2 else None) \
                    or any(self._asked(self._place_elsewhere_in_text, " ".join(words[j:pos])) for j in range(pos - 1)):
                # (or a place of several words that the article names on its own: "di Tanjung Sari")
                out = " ".join(words[pos:])
                break
        self.cache[name] = out
        return out

    def _called_alone_in_text(self, word: str, not_before: str) -> bool:
        """Whether the article calls someone by this one word ("kata Rudi", "Menurut Rudi,")."""
        for start, end in _occurrences(self.text, word, "’'"):
            before, after = self._word_before(start), self.text[end:end + 60].lstrip(",.;:)”\"").split()[:1]
            if after and after[0][:1].isupper() and not self.text[end:end + 1] in ",.;:":
                continue
            prev = before[0].strip("(\"“”,") if before else ""
            low = prev.casefold()
            if prev == not_before or prev[:1].isupper() and not (
                    low in self.lex.stopwords or (low,) in self.lex.cues or low in self.lex.sentence_openers):
                continue
            return True
        return False

    def _written_without_in_text(self, word: str, following: str) -> bool:
        """Whether the article writes ``word`` somewhere not followed by ``following``."""
        return any(not self.text[end:end + len(following) + 1].startswith(" " + following)
                   for _, end in _occurrences(self.text, word))

    def after_body(self, name: str, lead_elsewhere: bool = False) -> str:
        """The person's name in "BODY'S NAME PERSON'S NAME" after a role that ends with a body
        ("Direktur Perusahaan Daerah Sinar Jaya Rudi Hartono"): it starts at the word the
        article calls them by alone, or, when that is the last word, at the word before it."""
        words = name.split()
        for pos in range(1, len(words)):
            if len(words[pos - 1].rstrip(".")) == 1 or not all(w[:1].isupper() for w in words[pos:]):
                continue
            if self._asked(self._called_alone_in_text, words[pos], words[pos - 1]):
                start = pos if pos < len(words) - 1 else pos - 1
                if lead_elsewhere and (start == 0 or not self._asked(self._written_without_in_text, words[start - 1], words[start])):
                    return name
                return " ".join(words[start:]) if start > 0 else name
        return name

    def _ends_with_body(self, description: str | None) -> bool:
        """Whether a role ends with a body ("Direktur Perusahaan", "... Perusahaan Daerah")."""
        words = (description or "").casefold().split()
        return any(phrase_at(words, self.lex.institution_words, i) for i in range(max(0, len(words) - 2), len(words)))

    def trim(self, ref: SpeakerRef) -> SpeakerRef:
        if not self.lex.trim_name_prefixes or ref.kind != PERSON or len(ref.name.split()) < 2 \
                or ref.name == ref.description:
            return ref
        name = self.name(ref.name)
        if name == ref.name and self._ends_with_body(ref.description):
            name = self.after_body(ref.name)
        elif name == ref.name and ref.description and len(ref.name.split()) >= 3:
            # after a title, a body or place the lexicon does not know may come first
            # ("Imam Masjid Sukamaju Rudi Hartono", then "kata Rudi"), when the article
            # writes it elsewhere without the name ("di Masjid Sukamaju")
            name = self.after_body(ref.name, lead_elsewhere=True)
        if name == ref.name:
            return ref
        lead = ref.name[:len(ref.name) - len(name)].strip()
        description = ref.description or lead
        if ref.description and lead and lead not in ref.description:
            description = f"{ref.description} {lead}"
        return SpeakerRef(name, ref.mention, ref.kind, description)
