"""Extraction speed against spaCy's bare tokenizer, on the same text.

    python benchmarks/extract.py [ARTICLES_DIR ...]

Runs factdb's extractor (segmentation, attribution, coreference, relations)
and spaCy's blank-language tokenizer (tokens only, no model) over the same
articles, and prints characters per second for each and their ratio. spaCy is
not a dependency of factdb: ``pip install spacy`` to get the comparison.
Without arguments it uses the seed article, repeated.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

from factdb.articles import read_article
from factdb.ingest import extract_article

ROOT = Path(__file__).resolve().parent.parent


def load(paths: list[str]):
    files = []
    for p in paths or [str(ROOT / "seeds")]:
        path = Path(p)
        files += sorted(path.rglob("*.txt")) if path.is_dir() else [path]
    articles = [read_article(f) for f in files]
    while sum(len(a.body) for a in articles) < 500_000:  # enough text to time
        articles = articles * 2
    return articles


def timed(fn, articles) -> float:
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        for a in articles:
            fn(a)
        best = min(best, time.perf_counter() - t0)
    return best


def main(paths: list[str]) -> None:
    articles = load(paths)
    chars = sum(len(a.body) for a in articles)
    ours = timed(extract_article, articles)
    claims = sum(len(extract_article(a).claims) for a in articles if extract_article(a))
    print(f"{len(articles)} articles, {chars:,} characters, {claims:,} claims")
    print(f"factdb extract_claims:     {chars / ours / 1e6:6.2f} M chars/s ({len(articles) / ours:,.0f} articles/s)")
    try:
        import spacy
    except ImportError:
        print("spaCy is not installed: pip install spacy to compare with its tokenizer")
        return
    tokenizers = {lang: spacy.blank(lang).tokenizer for lang in {a.language for a in articles} if lang in ("id", "en")}
    theirs = timed(lambda a: tokenizers[a.language](a.body) if a.language in tokenizers else None, articles)
    print(f"spaCy blank tokenizer:     {chars / theirs / 1e6:6.2f} M chars/s")
    print(f"ratio (factdb / tokenizer time): {ours / theirs:.2f}x")


if __name__ == "__main__":
    main(sys.argv[1:])
