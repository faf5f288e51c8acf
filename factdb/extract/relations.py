"""Relations between claims: a denial points to what it denies, a response to
what it answers.

"Beijing membantah tuduhan tersebut" names no content of its own: the noun
("tuduhan", "laporan", "kabar") and a demonstrative ("tersebut", "itu") point
back to the last claim of a kind that noun can name, made by someone else.
A denial that repeats the words of an earlier claim points to it too, and so
does a claim that negates words of another speaker's claim ("... tidak pernah
mengumumkan ..." after "... mengumumkan ...").

A claim whose sentence opens with a response ("Menanggapi ...", "Terkait
pernyataan X itu, ...") or whose object is a reference ("mempertanyakan langkah
itu") responds to an earlier claim of another speaker.

Which words are references, demonstratives, negations and response markers
comes from the lexicon.
"""
from __future__ import annotations

from .lexicon import Lexicon

DENIES = "denies"
RESPONDS_TO = "responds_to"
# stances whose object can be an earlier claim ("mempertanyakan langkah itu")
REACTIONS = {"questions", "criticizes", "praises", "confirms", "warns", "asserts"}
STEM = 6
MIN_WORD = 5
REFERENCE_WINDOW = 5
SUPPORTS = "supports"
# a claim that only points back ("membenarkan hal itu") and the relation it has to what it points to
POINTING_BACK = {"confirms": SUPPORTS, "denies": DENIES}


def _words(text: str) -> list[str]:
    return [w.strip(".,;:!?\"“”'()[]").casefold() for w in text.split()]


def _overlap(a: str, b: str) -> float:
    wa, wb = set(_words(a)), set(_words(b))
    return len(wa & wb) / len(wa) if wa else 0.0


def _stems(text: str, lex: Lexicon) -> set[str]:
    skip = lex.stopwords | lex.complementizers | lex.demonstratives | lex.adverbs | lex.negations
    suffix = lex.pronoun_suffix
    words = (w[:-len(suffix)] if suffix and w.endswith(suffix) and len(w) - len(suffix) >= MIN_WORD else w
             for w in _words(text))  # "dinasnya" is "dinas" + "-nya"
    return {w[:STEM] for w in words if len(w) >= MIN_WORD and w not in skip}


def find_relations(claims, lex: Lexicon, text: str | None = None) -> list[tuple[int, int, str]]:
    """(from index, to index, type) for each relation among ``claims``
    (objects with .speakers, .stance, .text, .start and .sentence_start, in article order).
    With the article ``text``, a response opened in a sentence with no claim of its own
    ("Atas pernyataannya tersebut, X memberikan penjelasan.") carries to X's next claim."""
    out = []
    answering: set[str] | None = None  # the speakers of a run of claims answering someone
    for i, claim in enumerate(claims):
        if answering is not None and (i == 0 or _names(claims[i - 1]) != _names(claim) or _names(claim) != answering):
            answering = None
        target, kind = None, DENIES
        if claim.stance == DENIES:
            target = _referenced(claims, i, lex)
            if target is None:
                target = _repeated(claims, i)
            if target is None:
                target = _shared_stems(claims, i, lex)
            if target is None:
                target = _said_of_me(claims, i, lex)
        if target is None:
            kind = RESPONDS_TO
            target = _response(claims, i, lex)
        if target is None and text is not None:
            target = _carried_response(claims, i, lex, text)
        if target is None and answering is not None:
            # within an answer, negating another speaker's words denies them
            kind = DENIES
            target = _negated_repeat(claims, i, lex)
        if target is None and claim.stance in POINTING_BACK:
            # "X juga membenarkan hal itu", "Y membantah hal tersebut": the latest claim of another speaker
            target = _pointed_back(claims, i, lex)
            kind = POINTING_BACK[claim.stance]
        if target is None and claim.stance in REACTIONS and claim.stance != "asserts":
            kind = RESPONDS_TO
            target = _referenced(claims, i, lex, window=REFERENCE_WINDOW, at_start=True)
            if target is None and text is not None:
                target = _narrated_antecedent(claims, i, lex, text)
        if target is not None:
            out.append((i, target, _answer_kind(claims, i, target, kind, lex)))
            answering = _names(claim)
    return out


def _points_back(words: list[str], lex: Lexicon) -> bool:
    """Whether the words open with a noun of what was said and a demonstrative ("hal itu")."""
    return len(words) >= 2 and words[0] in lex.told_nouns and words[1] in lex.demonstratives


def _pointed_back(claims, i: int, lex: Lexicon) -> int | None:
    """The content is only a pointer ("hal itu", "hal tersebut"): the latest earlier claim of
    another speaker."""
    words = [w for w in _words(claims[i].text) if w]
    return next(_others(claims, i), None) if len(words) <= 3 and _points_back(words, lex) else None


def _answer_kind(claims, i: int, target: int, kind: str, lex: Lexicon) -> str:
    """A rejection of an accusation it points to ("menolak tudingan tersebut", "rejected
    the allegation") denies it, whatever stance the rejecting verb has."""
    if kind != RESPONDS_TO or claims[i].stance != "criticizes" or claims[target].stance != "accuses":
        return kind
    stances = _reference_at(_words(claims[i].text)[:REFERENCE_WINDOW], lex, window=2)
    return DENIES if stances and "accuses" in stances else kind


def _names(claim) -> set[str]:
    return {s.name for s in claim.speakers}


def _others(claims, i: int):
    """Earlier claims by other speakers, latest first; not one whose content holds
    this claim ("Cardin said Republicans rejected ...": the rejection is what he said)."""
    for j in range(i - 1, -1, -1):
        if not (_names(claims[j]) & _names(claims[i])) and not (
                claims[j].start <= claims[i].start and claims[i].end <= claims[j].end):
            yield j


def _reference_at(words: list[str], lex: Lexicon, window: int = 2) -> frozenset[str] | None:
    """The stances a reference noun with a demonstrative ("tuduhan tersebut") can point to."""
    for k, w in enumerate(words):
        stances = lex.reference_nouns.get(w)
        if stances and any(x in lex.demonstratives for x in words[k + 1:k + 1 + window]):
            return stances
    return None


def _referenced(claims, i: int, lex: Lexicon, window: int = 2, at_start: bool = False) -> int | None:
    # (a cue may hold the noun itself: "menolak tudingan" + "tersebut")
    cue_tail = [w for w in _words(getattr(claims[i], "cue", "") or "")[1:] if w in lex.reference_nouns]
    words = cue_tail[-1:] + _words(claims[i].text)
    if at_start:
        words = words[:window + 2]
    for k, w in enumerate(words):
        stances = lex.reference_nouns.get(w)
        if not stances:
            continue
        pointed = any(x in lex.demonstratives for x in words[k + 1:k + 1 + window]) or (len(words) <= 3 and not at_start)
        if not pointed:
            continue
        for j in _others(claims, i):
            if claims[j].stance in stances:
                return j
    return None


def _repeated(claims, i: int) -> int | None:
    for j in _others(claims, i):
        c = claims[j]
        if c.stance == "accuses" and _overlap(c.text, claims[i].text) >= 0.6:
            return j
    return None


def _shared_stems(claims, i: int, lex: Lexicon) -> int | None:
    """A denial with content of its own ("membantah bahwa langkah ini bermuatan politik")
    denies the latest claim of another speaker that shares the most words with it."""
    mine = _stems(claims[i].text, lex)
    best, best_n = None, 0
    for j in _others(claims, i):
        n = len(mine & _stems(claims[j].text, lex))
        if n > best_n:
            best, best_n = j, n
    return best


def _negated_repeat(claims, i: int, lex: Lexicon) -> int | None:
    """"... tidak pernah mengumumkan ..." denies the latest claim of another
    speaker that holds the negated word ("... mengumumkan ...")."""
    words = _words(claims[i].text)
    for k, w in enumerate(words):
        if w not in lex.negations:
            continue
        m = k + 1
        while m < len(words) and (words[m] in lex.adverbs or not words[m]):
            m += 1
        if m >= len(words) or len(words[m]) < MIN_WORD or words[m] in lex.stopwords:
            continue
        stem = words[m][:STEM]
        for j in _others(claims, i):
            if stem in {x[:STEM] for x in _words(claims[j].text) if x not in lex.negations}:
                # the earlier claim must say it, not deny it too
                return j
    return None


def _response(claims, i: int, lex: Lexicon) -> int | None:
    """"Menanggapi ..., X mengatakan" / "Terkait pernyataan Y itu, X menilai": the
    latest claim of the speaker named there, the one about X, or another speaker's."""
    claim = claims[i]
    if i > 0 and claims[i - 1].sentence_start == claim.sentence_start:
        return None  # only the first claim of a sentence answers what opens it
    prefix = _words(claim.sentence[:max(0, claim.start - claim.sentence_start)])
    if not prefix:
        return None
    marker = any(w in lex.response_markers for w in prefix[:3])
    stances = _reference_at(prefix[:5], lex, window=3)
    if not marker and stances is None:
        return None
    others = list(_others(claims, i))
    if not others:
        return None
    prefix_set = set(prefix)
    # the speaker named in the opening ("Terkait pernyataan Rizal itu" names "Rizal MS")
    named = [j for j in others if any({w for w in _words(s.name) if len(w) >= 3} & prefix_set
                                      for s in claims[j].speakers)]
    if named:
        mine = _stems(claim.text, lex)
        return max(named, key=lambda j: (len(mine & _stems(claims[j].text, lex)), j))
    if marker and any(_points_back(prefix[k:k + 2], lex) for k in range(4)):
        # "Menanggapi hal tersebut, X mengatakan": what was said just before, by another speaker
        return i - 1 if not _names(claims[i - 1]) & _names(claim) else None
    if stances is not None:
        latest = next((j for j in range(i - 1, -1, -1) if claims[j].stance in stances), None)
        if latest is not None and _names(claims[latest]) & _names(claim):
            return None  # "Dalam imbauan tersebut, X ...": X's own earlier words
        fitting = [j for j in others if claims[j].stance in stances]
        if not fitting:
            return None
        others = fitting
    # prefer what was said about the one who answers ("... kami laporkan X ...")
    own = {w for s in claim.speakers for w in _words(s.name) if len(w) >= 3}
    about_me = [j for j in others if own & set(_words(claims[j].text))]
    if about_me:
        return about_me[0]
    # a bare "Menanggapi ..." may answer a document or an event, not a claim
    return others[0] if stances is not None else None


def _carried_response(claims, i: int, lex: Lexicon, text: str) -> int | None:
    """The sentence before a claim opens a response and holds no claim:
    "Atas pernyataannya tersebut, Rizal memberikan penjelasan." then "Menurut ..., ..."."""
    claim = claims[i]
    start = claim.sentence_start
    if i > 0 and claims[i - 1].sentence_start == start:
        return None
    before = text[:start].rstrip()
    cut = max(before.rfind("\n"), before[:-1].rfind(". ")) + 1
    previous = before[cut:]
    if not previous.strip() or (i > 0 and claims[i - 1].end > cut):
        return None  # nothing before, or the sentence before has a claim of its own
    words = _words(previous)
    stances = _reference_at(words[:4], lex, window=2)
    marker = any(w in lex.response_markers for w in words[:2])
    if stances is None and not marker:
        return None
    own = {w for s in claim.speakers for w in _words(s.name) if len(w) >= 3}
    if not own & set(words):
        return None  # the opening is about someone else
    others = [j for j in _others(claims, i) if stances is None or claims[j].stance in stances]
    about_me = [j for j in others if own & set(_words(claims[j].text))]
    return about_me[0] if about_me else None



def _previous_sentence(text: str, start: int) -> tuple[int, str]:
    """The sentence before offset ``start`` and where it starts."""
    before = text[:start].rstrip()
    cut = max(before.rfind("\n"), before[:-1].rfind(". ")) + 1
    return cut, before[cut:]


def _narrated_antecedent(claims, i: int, lex: Lexicon, text: str) -> int | None:
    """A reaction to "that policy" told in the sentence before, with no claim there
    ("The city dropped the test rule." then "Doctors warned the policy ..."): it answers
    the later claim that states the same thing ("The mayor said the city drops ..."),
    a news lead summing up what the article attributes further down."""
    claim = claims[i]
    if _reference_at(_words(claim.text)[:REFERENCE_WINDOW], lex, window=2) is None:
        return None
    cut, previous = _previous_sentence(text, claim.sentence_start)
    if not previous.strip() or any(c.start < claim.sentence_start and c.end > cut for c in claims[:i]):
        return None  # the sentence before has a claim of its own: the reference is to it, or unclear
    told = _stems(previous, lex)
    if len(told) < 4:
        return None
    best, best_n = None, 0
    for j in range(i + 1, len(claims)):
        if _names(claims[j]) & _names(claim):
            continue
        n = len(told & _stems(claims[j].text, lex))
        if n > best_n:
            best, best_n = j, n
    return best if best_n * 2 >= len(told) else None


# what someone can deny having done: an accusation, a criticism
ALLEGATIONS = {"accuses", "criticizes"}
ALLEGED_WINDOW = 5  # the one accused stands in the first words of the accusation ("X of ...")


def _said_of_me(claims, i: int, lex: Lexicon) -> int | None:
    """"X accused Lane of ..." then "Lane denied wrongdoing": a denial with no words of its
    own to match denies the latest accusation of another speaker that opens with the denier."""
    pointing = lex.demonstratives - lex.definite_articles - lex.leading_articles
    if pointing & set(_words(claims[i].text)):
        return None  # "rejected those days": it points to something else
    skip = lex.stopwords | lex.determiners | lex.title_words
    own = {w for s in claims[i].speakers for w in _words(s.name) if len(w) >= 3 and w not in skip}
    if not own:
        return None
    for j in _others(claims, i):
        if claims[j].stance in ALLEGATIONS and own & set(_words(claims[j].text)[:ALLEGED_WINDOW]):
            return j
    return None
