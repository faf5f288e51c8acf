"""`factdb eval` scores a set the way docs/claims.md describes; the seed scores in full."""
import json
import shutil
from pathlib import Path

from factdb.cli import cli
from factdb.evaluate import token_f1

from .conftest import SEED

GOLD = Path(__file__).resolve().parent.parent / "examples" / "eval-seed" / "gold" / "000_466ab87c043aefd1.json"


def make_set(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "gold").mkdir()
    shutil.copy(SEED, tmp_path / "articles")
    shutil.copy(GOLD, tmp_path / "gold")
    return tmp_path


def test_seed_scores_full_marks(runner, tmp_path):
    result = runner.invoke(cli, ["eval", str(make_set(tmp_path)), "--json"], catch_exceptions=False)
    scores = json.loads(result.output)
    assert scores["full"]["f1"] == 1.0
    assert scores["relations"]["f1"] == 1.0
    assert scores["articles_missing"] == []


def test_eval_counts_misses(runner, tmp_path):
    root = make_set(tmp_path)
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    gold["claims"].append({"gid": "gx", "speakers": [["Nobody"]], "stance": ["asserts"], "text": ["nothing here"]})
    (root / "gold" / GOLD.name).write_text(json.dumps(gold), encoding="utf-8")
    scores = json.loads(runner.invoke(cli, ["eval", str(root), "--json"]).output)
    assert scores["full"]["fn"] == 1 and scores["full"]["recall"] < 1.0


def test_eval_needs_articles_and_gold(runner, tmp_path):
    result = runner.invoke(cli, ["eval", str(tmp_path)])
    assert result.exit_code == 1
    assert "expected an 'articles' and a 'gold' directory" in result.output


def test_token_f1():
    assert token_f1("tuduhan tersebut", "tuduhan tersebut.") == 1.0
    assert token_f1("a b", "c d") == 0.0
    assert round(token_f1("a b c d", "a b"), 3) == 0.667
