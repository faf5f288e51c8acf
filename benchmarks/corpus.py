"""A synthetic news corpus of any size, assembled from the development articles.

    python benchmarks/corpus.py OUT_DIR (--articles N | --claims N) [--eval-dir DIR] [--seed S]

Reads the articles of the development sets (``dev``, ``dev-quotes-id`` and
``dev-en`` under EVAL_DIR, default ``../shared/eval``) and writes N articles
to ``OUT_DIR/id/`` and ``OUT_DIR/en/``, Indonesian and English apart, in about
the proportion of the development sets. Each article is made of runs of
consecutive paragraphs (sentences, in ``dev-quotes-id``) of real articles of
its language, so claims, quotes, denials and the pronouns that refer back
within a run stay as written; its title is the headline of the first run's
article, or the start of that run's first sentence when the article has none;
its front matter sets ``published`` (2016-2024), ``outlet`` (one of a few
invented outlets per language), ``url`` and ``language``.

People are renamed: the first and last words of the person names the gold
files give (``Benediktus Sarkol``, ``Maria Espinoza``) are swapped, article by
article, for first and last words of other people of the same language, some
names drawn much more often than others, as in the news. So the corpus has
many distinct speakers, a few of them busy, and an article that writes
"Presiden Joko Widodo" and later "Widodo" renames both alike.

Article i depends only on i, the seed and the development articles
(``random.Random`` seeded with both): the same N and seed give byte-identical
files, and a smaller corpus is the start of a larger one.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import math
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_EVAL_DIR = HERE.parent.parent / "shared" / "eval"
SETS = {"dev": "id", "dev-quotes-id": "id", "dev-en": "en"}

# Claims factdb extracts per article of this corpus, measured by ingesting
# 2,000 articles (seed 0): sizes a corpus for a number of claims.
CLAIMS_PER_ARTICLE = 12.3

# Runs of consecutive lines per article, and lines per run, by language; the
# Indonesian sets have a sentence or a short paragraph a line, the English one
# longer paragraphs.
RUNS = {"id": (3, 5), "en": (3, 4)}
RUN_LINES = {"id": (5, 12), "en": (4, 7)}
OUTLETS = {  # invented, with how often each publishes
    "id": [("Harian Sukamaju", 5), ("Kabar Nusa", 3), ("Warta Bahari", 2), ("Suara Pagi Raya", 1)],
    "en": [("The Ledger", 3), ("Daily Courier", 2), ("Capitol Wire", 1)],
}
FIRST_DAY = dt.date(2016, 1, 1)
DAYS = (dt.date(2024, 12, 31) - FIRST_DAY).days + 1
NAME_SKEW = 0.9  # the k-th most drawn name word has weight 1 / k**NAME_SKEW

# "AMBON, KOMPAS — ", "KONTAN.CO.ID - BEIJING. ": the sources' datelines, left out
DATELINE_RE = re.compile(r"^(?:[A-Z][A-Z .'-]{1,40}, [A-Z][A-Za-z.]+\s*[-–—]\s*"
                         r"|[A-Z][A-Za-z]*(?:\.[A-Za-z]+)+\s*[-–—]\s*[A-Z][A-Z .'-]{1,40}?\.\s+)")
FURNITURE_RE = re.compile(r"^(?:Baca [Jj]uga|BACA JUGA|Selanjutnya|Menarik Dibaca|Lihat Juga|Simak Juga)\s*:")
NAME_WORD_RE = re.compile(r"^[A-Z][a-z]*(?:['’][A-Z]?[a-z]+)?$")
# Lexicon entries whose words are not names, though written like them
NOT_NAME_KEYS = ("titles", "place_titles", "title_modifiers", "honorifics", "title_abbreviations", "places",
                 "countries", "regions", "governments", "institution_words", "days", "months", "abbreviations")
LEXICONS = HERE.parent / "factdb" / "extract" / "lexicons"
PLACE_WORDS = {"id": ("di", "ke", "dari"), "en": ("in", "at", "from")}


@dataclass(frozen=True)
class Source:
    """A development article: its language, headline (if it has one) and lines."""

    name: str
    language: str
    title: str | None
    lines: tuple[str, ...]


@dataclass(frozen=True)
class NamePool:
    """The words of people's names in one language: first words and the others,
    each list in the order of how often articles draw it, with cumulative weights."""

    first: tuple[str, ...]
    last: tuple[str, ...]
    first_weights: tuple[float, ...]
    last_weights: tuple[float, ...]
    pattern: re.Pattern


def load_sources(eval_dir: Path) -> dict[str, list[Source]]:
    """The development articles by language, each text once (``dev`` and
    ``dev-quotes-id`` share some articles)."""
    seen, sources = set(), {"id": [], "en": []}
    for set_name, language in SETS.items():
        paths = sorted((eval_dir / set_name / "articles").glob("*.txt"))
        if not paths:
            raise SystemExit(f"{eval_dir / set_name / 'articles'}: no articles")
        for path in paths:
            text = path.read_text(encoding="utf-8")
            lines = [" ".join(line.split()) for line in text.splitlines()]
            lines = [line for line in lines if line and not FURNITURE_RE.match(line)]
            key = hashlib.sha256("\n".join(lines).encode()).hexdigest()
            if key in seen or not lines:
                continue
            seen.add(key)
            title = None
            if not DATELINE_RE.match(lines[0]) and len(lines) > 1 and len(lines[0].split()) <= 25:
                title, lines = lines[0], lines[1:]
            lines = [DATELINE_RE.sub("", line, count=1) for line in lines]
            sources[language].append(Source(f"{set_name}/{path.name}", language, title, tuple(lines)))
    return sources


def person_names(eval_dir: Path, language: str) -> list[list[str]]:
    """Person names of the gold files, as lists of words: for each speaker, the
    shortest name of several capitalised words whose last word (or else first
    word) is also one of its names alone ("Benediktus Sarkol" with "Sarkol";
    not "Komnas HAM")."""
    names = set()
    for set_name, lang in SETS.items():
        if lang != language:
            continue
        for path in sorted((eval_dir / set_name / "gold").glob("*.json")):
            for claim in json.loads(path.read_text(encoding="utf-8"))["claims"]:
                for aliases in claim["speakers"]:
                    singles = {a for a in aliases if " " not in a.strip()}
                    full = [a.split() for a in aliases if len(a.split()) >= 2
                            and all(NAME_WORD_RE.match(w) for w in a.split())
                            and (a.split()[0] in singles or a.split()[-1] in singles)]
                    if full:
                        names.add(tuple(min(full, key=lambda w: (w[-1] not in singles, len(w), " ".join(w)))))
    return [list(n) for n in sorted(names)]


def not_names() -> set[str]:
    """Words of the lexicons' titles, places, institutions, days and months,
    casefolded: a gold name that holds one ("Presiden Joko Widodo", "Rusdy
    Ambon") keeps it."""
    import yaml  # here, so that --help needs only the standard library

    words = set()

    def walk(value):
        if isinstance(value, dict):
            for k, v in value.items():
                walk(k)
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)
        elif isinstance(value, str):
            words.update(value.casefold().replace(".", " ").split())

    for path in sorted(LEXICONS.glob("*.yml")):
        lexicon = yaml.safe_load(path.read_text(encoding="utf-8"))
        for key in NOT_NAME_KEYS:
            walk(lexicon.get(key))
    return words


def name_pool(eval_dir: Path, language: str, sources: list[Source], seed: int) -> NamePool:
    """The name words of one language, first words and the others (a word
    goes where the gold names have it most). Left out: words the articles also
    write in lower case ("Besar", "Control"), lexicon words (titles, places),
    plurals of a capitalised word ("Republicans"), words written after "di",
    "in", ... a quarter of the time or more (places), and names left with one
    word without those ("Maybe Trump", "Grab Indonesia"). The order of the
    words, which sets how often each is drawn, is shuffled by the seed."""
    text = "\n".join(line for s in sources for line in (s.title or "",) + s.lines)
    lower = set(re.findall(r"\b[a-z][a-z'’-]*\b", text))
    capital = set(re.findall(r"\b[A-Z][a-z]+\b", text))
    excluded = not_names()
    place_re = re.compile(r"(?<!\w)(" + "|".join(PLACE_WORDS[language]) + r")? ?([A-Z][^\W\d_]+)(?!\w)")
    seen, after_place = Counter(), Counter()
    for m in place_re.finditer(text):
        seen[m.group(2)] += 1
        after_place[m.group(2)] += bool(m.group(1))
    position = {}
    for name in person_names(eval_dir, language):
        words = [w for w in name if len(w) >= 3 and w.casefold() not in lower and w.casefold() not in excluded
                 and not (w.endswith("s") and w[:-1] in capital) and after_place[w] * 4 < max(1, seen[w])]
        if len(words) < 2:  # "Maybe Trump", "Grab Indonesia": not a name of several words
            continue
        for i, w in enumerate(words):
            position.setdefault(w, Counter())["first" if i == 0 else "last"] += 1
    first = {w for w, c in position.items() if c["first"] > c["last"]}
    last = set(position) - first
    rng = random.Random(f"factdb-corpus:{seed}:names:{language}")
    first_list, last_list = sorted(first), sorted(last)
    rng.shuffle(first_list)
    rng.shuffle(last_list)

    def cumulative(n: int) -> tuple[float, ...]:
        total, out = 0.0, []
        for k in range(n):
            total += 1 / (k + 1) ** NAME_SKEW
            out.append(total)
        return tuple(out)

    words = sorted(first | last, key=lambda w: (-len(w), w))
    pattern = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, words)) + r")(?!\w)")
    return NamePool(tuple(first_list), tuple(last_list), cumulative(len(first_list)),
                    cumulative(len(last_list)), pattern)


class Corpus:
    """Writes article i of the corpus for a seed; see the module docstring."""

    def __init__(self, eval_dir: Path = DEFAULT_EVAL_DIR, seed: int = 0):
        self.seed = seed
        self.sources = load_sources(eval_dir)
        self.pools = {lang: name_pool(eval_dir, lang, self.sources[lang], seed) for lang in self.sources}
        self.id_share = len(self.sources["id"]) / sum(len(s) for s in self.sources.values())
        self.first_words = {lang: set(p.first) for lang, p in self.pools.items()}

    def article(self, i: int, attempt: int = 0) -> tuple[str, str]:
        """(language, file text) of article i."""
        rng = random.Random(f"factdb-corpus:{self.seed}:{i}:{attempt}")
        language = "id" if rng.random() < self.id_share else "en"
        sources = self.sources[language]
        lines, title = [], None
        for source in rng.sample(sources, rng.randint(*RUNS[language])):  # no paragraph twice
            n = min(len(source.lines), rng.randint(*RUN_LINES[language]))
            start = rng.randrange(len(source.lines) - n + 1)
            if title is None:
                title = source.title or headline(source.lines[start])
            lines.extend(source.lines[start:start + n])
        text = self.rename("\n".join([title, *lines]), language, rng)
        title, body = text.split("\n", 1)
        outlet = rng.choices([o for o, _ in OUTLETS[language]], [w for _, w in OUTLETS[language]])[0]
        published = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
        slug = outlet.casefold().replace(" ", "-")
        front = (f"---\nurl: https://{slug}.example/{published:%Y/%m}/{i:07d}\noutlet: {outlet}\n"
                 f"published: {published.isoformat()}\nlanguage: {language}\n---\n")
        return language, front + title + "\n\n" + body.replace("\n", "\n\n") + "\n"

    def rename(self, text: str, language: str, rng: random.Random) -> str:
        """Every name word of the text swapped for another of its kind (first or
        last), the same way throughout the article, two never for one."""
        pool = self.pools[language]
        mapping, used = {}, set()
        for word in dict.fromkeys(m.group(1) for m in pool.pattern.finditer(text)):
            if word in self.first_words[language]:
                words, weights = pool.first, pool.first_weights
            else:
                words, weights = pool.last, pool.last_weights
            for _ in range(50):
                new = rng.choices(words, cum_weights=weights)[0]
                if new not in used:
                    break
            used.add(new)
            mapping[word] = new
        return pool.pattern.sub(lambda m: mapping[m.group(1)], text)


def headline(sentence: str, words: int = 10) -> str:
    """A headline from a lead sentence: up to its first comma or ten words."""
    head = sentence.split(", ")[0].split()
    head = head[:words] if len(head) > 3 else sentence.split()[:words]
    return " ".join(head).strip(" ,.;:”“\"'")


def write_corpus(out_dir: Path, articles: int, eval_dir: Path = DEFAULT_EVAL_DIR, seed: int = 0,
                 progress=None) -> dict:
    """Writes ``articles`` articles under out_dir/id and out_dir/en; returns
    how many of each language. Each body is distinct (factdb stores a text once)."""
    corpus = Corpus(eval_dir, seed)
    counts = {"id": 0, "en": 0}
    seen = set()
    for lang in counts:
        (out_dir / lang).mkdir(parents=True, exist_ok=True)
    for i in range(1, articles + 1):
        attempt = 0
        while True:
            language, text = corpus.article(i, attempt)
            key = hashlib.sha256(text.split("\n---\n", 1)[1].encode()).digest()
            if key not in seen:
                break
            attempt += 1
        seen.add(key)
        counts[language] += 1
        (out_dir / language / f"{i:07d}.txt").write_bytes(text.encode("utf-8"))
        if progress and i % 10000 == 0:
            progress(i)
    return counts


def articles_for(claims: int) -> int:
    """Articles to write for about this many claims."""
    return max(1, math.ceil(claims / CLAIMS_PER_ARTICLE))


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="\n\n".join(__doc__.split("\n\n")[2:]))
    parser.add_argument("out_dir", type=Path, help="directory to write id/ and en/ into")
    size = parser.add_mutually_exclusive_group(required=True)
    size.add_argument("--articles", type=int, help="number of articles")
    size.add_argument("--claims", type=int,
                      help=f"about this many claims (at {CLAIMS_PER_ARTICLE} claims an article)")
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR,
                        help="directory of the development sets (default: %(default)s)")
    parser.add_argument("--seed", type=int, default=0, help="seed (default: %(default)s)")
    args = parser.parse_args(argv)
    n = args.articles if args.articles is not None else articles_for(args.claims)
    counts = write_corpus(args.out_dir, n, args.eval_dir, args.seed,
                          progress=lambda i: print(f"  {i:,} articles", file=sys.stderr))
    print(f"{n:,} articles in {args.out_dir}: {counts['id']:,} Indonesian, {counts['en']:,} English")


if __name__ == "__main__":
    main()
