"""Extraction speed against spaCy's bare tokenizer, on the same text, per language.

    python benchmarks/extract.py [ARTICLES_DIR_OR_FILE ...] [--runs 3] [--no-save]

Runs factdb's extractor (segmentation, attribution, coreference, relations)
and spaCy's blank-language tokenizer (tokens only, no model) over the same
articles, language by language, and prints characters per second for each and
the ratio of their times (the targets: at most 1.0 for English, and at most
the tokenizer's time for Indonesian). Each is timed ``--runs`` times over at
least 500,000 characters, interleaved, and the best time of each counts. spaCy
is not a dependency of factdb: ``pip install spacy`` to get the comparison.
Without arguments it uses the seed article, repeated. Appends the figures to
``benchmarks/results/extract.jsonl`` with the machine and date.

    python benchmarks/extract.py ../shared/eval/dev/articles ../shared/eval/dev-en/articles
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from provenance import code_version, machine  # noqa: E402

from factdb.articles import read_article  # noqa: E402
from factdb.ingest import extract_article  # noqa: E402

ROOT = HERE.parent
MIN_CHARS = 500_000  # enough text to time


def load(paths: list[str]) -> dict[str, list]:
    """The articles of ``paths`` by language, each language's repeated to MIN_CHARS."""
    files = []
    for p in paths or [str(ROOT / "seeds")]:
        path = Path(p)
        files += sorted(path.rglob("*.txt")) if path.is_dir() else [path]
    by_language = defaultdict(list)
    for f in files:
        article = read_article(f)
        by_language[article.language].append(article)
    for language, articles in by_language.items():
        while sum(len(a.body) for a in articles) < MIN_CHARS:
            articles += articles
    return dict(by_language)


def once(fn, articles) -> float:
    t0 = time.perf_counter()
    for a in articles:
        fn(a)
    return time.perf_counter() - t0


def measure(language: str, articles: list, tokenizer, runs: int) -> dict:
    chars = sum(len(a.body) for a in articles)
    ours, theirs = [], []
    for _ in range(runs):  # interleaved: other work on the machine weighs on both alike
        ours.append(once(extract_article, articles))
        if tokenizer is not None:
            theirs.append(once(lambda a: tokenizer(a.body), articles))
    result = {"language": language, "articles": len(articles), "chars": chars,
              "claims": sum(len(e.claims) for a in articles if (e := extract_article(a))),
              "factdb_seconds": round(min(ours), 3), "factdb_chars_per_s": round(chars / min(ours))}
    if theirs:
        result.update({"tokenizer_seconds": round(min(theirs), 3), "tokenizer_chars_per_s": round(chars / min(theirs)),
                       "ratio": round(min(ours) / min(theirs), 2)})
    return result


def report(r: dict) -> None:
    print(f"{r['language']}: {r['articles']} articles, {r['chars']:,} characters, {r['claims']:,} claims")
    print(f"  factdb extraction:      {r['factdb_chars_per_s'] / 1e6:6.2f} M chars/s")
    if "ratio" in r:
        print(f"  spaCy blank tokenizer:  {r['tokenizer_chars_per_s'] / 1e6:6.2f} M chars/s")
        print(f"  ratio (factdb time / tokenizer time): {r['ratio']:.2f}x")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", help="article files or directories (default: the seed)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each (default: %(default)s)")
    parser.add_argument("--no-save", action="store_true", help="do not append to benchmarks/results/extract.jsonl")
    args = parser.parse_args(argv)
    try:
        import spacy
    except ImportError:
        spacy = None
        print("spaCy is not installed: pip install spacy to compare with its tokenizer")
    results = []
    for language, articles in sorted(load(args.paths).items()):
        tokenizer = spacy.blank(language).tokenizer if spacy is not None else None
        results.append(measure(language, articles, tokenizer, args.runs))
        report(results[-1])
    if not args.no_save:
        record = {"date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), "machine": machine(),
                  "factdb": code_version(), "spacy": getattr(spacy, "__version__", None), "runs": args.runs,
                  "paths": [Path(p).name if Path(p).is_file() else str(p) for p in args.paths], "results": results}
        out = HERE / "results" / "extract.jsonl"
        with out.open("a", encoding="utf-8") as f:
            f.write(json.dumps(record) + "\n")
        print(f"Appended to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
