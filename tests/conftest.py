import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from factdb.cli import cli
from factdb.db import open_db

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_466ab87c043aefd1.txt"


@pytest.fixture
def anyio_backend():
    return "asyncio"


@pytest.fixture(scope="session")
def lex():
    """The lexicons of both languages, by code (tests of the extractor's patterns)."""
    from factdb.extract import load_lexicon

    return {lang: load_lexicon(lang) for lang in ("id", "en")}


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def db_path(tmp_path):
    return str(tmp_path / "factdb.db")


@pytest.fixture
def seed_db(db_path, runner):
    """A database with the seed article ingested through the CLI."""
    result = runner.invoke(cli, ["ingest", "--db", db_path, str(SEED)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return db_path


@pytest.fixture
def fresh_db(tmp_path):
    return open_db(tmp_path / "fresh.db")


@pytest.fixture
def seed_copy(tmp_path):
    target = tmp_path / "articles"
    target.mkdir()
    shutil.copy(SEED, target / SEED.name)
    return target
