"""The README cannot drift: the Quickstart, the CI command and every CLI command."""
import re
from pathlib import Path

from factdb.cli import cli

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def quickstart_commands():
    section = README.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```bash\n(.+?)\n```", section)


def test_quickstart_has_exactly_two_commands():
    install_and_serve, tests = quickstart_commands()
    assert "factdb ingest seeds/" in install_and_serve and "factdb serve" in install_and_serve
    assert "pytest" in tests


def test_ci_runs_the_readme_test_command():
    _, tests = quickstart_commands()
    assert tests in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_every_command_is_documented():
    for name in cli.commands:
        assert f"### `factdb {name}" in README, name


def test_seed_is_in_the_repository():
    assert (ROOT / "seeds" / "000_466ab87c043aefd1.txt").exists()
    assert (ROOT / "metadata.yml").exists()
