"""Which files an ingest reads, in what order, what it says of those it cannot read,
and the progress it shows: a bar on a terminal, nothing but the summary elsewhere."""
import os
import pty
import re
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from factdb.cli import cli
from factdb.ingest import Progress, Summary, iter_files

from .conftest import ROOT


def article(i: int) -> str:
    return f"Judul berita {i}\n\nBudi Santoso mengatakan harga beras naik {i} persen.\n"


def tree(root: Path, files: list[str]) -> list[Path]:
    paths = []
    for name in files:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(article(len(paths)), encoding="utf-8")
        paths.append(path)
    return paths


def test_directories_give_their_txt_files_in_sorted_order(tmp_path):
    tree(tmp_path, ["b/2.txt", "a/b/1.txt", "a/b.txt", "a.b/3.txt", "x.txt/4.txt", ".hidden/5.txt", "a b.txt",
                    "A.txt", "notes.md", "z.TXT", "c/d/e/6.txt"])
    (tmp_path / "empty").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "a")  # a link to a directory is not followed
    (tmp_path / "l.txt").symlink_to(tmp_path / "A.txt")  # a link to a file is read
    got = [p for p, error in iter_files([tmp_path]) if error is None]
    assert got == sorted(f for f in tmp_path.rglob("*.txt") if f.is_file())
    assert not any(error for _, error in iter_files([tmp_path]))


def test_the_walk_is_lazy(tmp_path, monkeypatch):
    """Files come as their directory is read, not after every directory is listed."""
    tree(tmp_path, [f"{d}/{i}.txt" for d in "abc" for i in range(3)])
    listed = []
    real = os.scandir

    def scandir(path):
        listed.append(Path(path).name)
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    files = iter_files([tmp_path])
    assert next(files) == (tmp_path / "a" / "0.txt", None)
    assert listed == [tmp_path.name, "a"]
    assert len(list(files)) == 8 and listed == [tmp_path.name, "a", "b", "c"]


def deny(monkeypatch, *unreadable: Path):
    """os.scandir of these directories fails as it does for a directory without
    read permission (chmod 000 does not stop root, who runs the tests)."""
    real = os.scandir

    def scandir(path):
        if Path(path) in unreadable:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)


def test_an_unreadable_subdirectory_is_an_error_and_the_others_are_ingested(runner, db_path, tmp_path, monkeypatch):
    root = tmp_path / "articles"
    tree(root, ["a/1.txt", "b/2.txt", "b/c/3.txt", "d/4.txt"])
    deny(monkeypatch, root / "b")
    result = runner.invoke(cli, ["ingest", "--db", db_path, str(root)])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"Error: {root / 'b'}: cannot be read (permission denied)"]
    assert result.stdout.strip() == "Ingested 2 articles, 2 claims, 1 new speaker, 1 failed"


def test_an_unreadable_directory_named_on_the_command_line(runner, db_path, tmp_path, monkeypatch):
    root = tmp_path / "articles"
    tree(root, ["1.txt"])
    deny(monkeypatch, root)
    result = runner.invoke(cli, ["ingest", "--db", db_path, str(root)])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"Error: {root}: cannot be read (permission denied)"]
    assert "no .txt articles" not in result.output


def test_in_a_pipe_only_the_summary(runner, db_path, tmp_path):
    root = tmp_path / "articles"
    tree(root, ["1.txt", "2.txt"])
    result = runner.invoke(cli, ["ingest", "--db", db_path, str(root)])
    assert result.exit_code == 0
    assert result.stderr == ""
    assert result.stdout == "Ingested 2 articles, 2 claims, 1 new speaker\n"


def screen(raw: str) -> list[str]:
    """The lines a terminal shows after this output (carriage returns and
    erase-to-end-of-line applied)."""
    lines = []
    for text in raw.replace("\r\n", "\n").split("\n"):
        cells, col = [], 0
        for part in re.split(r"(\r|\x1b\[K)", text):
            if part == "\r":
                col = 0
            elif part == "\x1b[K":
                del cells[col:]
            else:
                cells[col:col + len(part)] = part
                col += len(part)
        lines.append("".join(cells))
    return lines


def on_a_terminal(*args) -> tuple[int, str, str]:
    """Run ``factdb ARGS`` with its stderr on a terminal: (exit code, stdout, what it
    wrote to the terminal)."""
    primary, secondary = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "factdb", *args],
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=secondary, cwd=ROOT)
    os.close(secondary)
    raw, deadline = b"", time.monotonic() + 120
    while time.monotonic() < deadline:
        if select.select([primary], [], [], 1)[0]:
            try:
                chunk = os.read(primary, 4096)
            except OSError:  # the other end closed
                break
            if not chunk:
                break
            raw += chunk
        elif proc.poll() is not None:
            break
    os.close(primary)
    stdout = proc.communicate(timeout=60)[0].decode()
    return proc.returncode, stdout, raw.decode()


def test_on_a_terminal_a_progress_bar_that_leaves_error_lines_whole(tmp_path):
    root = tmp_path / "articles"
    tree(root, ["1.txt", "2.txt", "3.txt"])
    (root / "2b.txt").write_text("---\npublished: 2024-13-45\n---\nJudul\n\nIsi.\n", encoding="utf-8")
    code, stdout, err = on_a_terminal("ingest", "--db", str(tmp_path / "f.db"), str(root))
    assert code == 1
    assert "4/4 articles, 3 claims" in err and "articles/s" in err and "left" in err  # the bar was drawn
    assert f"\r\x1b[KError: {root / '2b.txt'}: " in err  # taken off before the error line
    # what stays on the screen: the error line, whole, and no bar (cleared at the end)
    assert [line for line in screen(err) if line] == [f"Error: {root / '2b.txt'}: "
                                                      "front matter: published '2024-13-45' is not a date (YYYY-MM-DD)"]
    assert stdout == "Ingested 3 articles, 3 claims, 1 new speaker, 1 failed\n"


def test_extracting_the_stored_articles_again_shows_the_bar_too(tmp_path):
    root = tmp_path / "articles"
    tree(root, ["1.txt", "2.txt", "3.txt"])
    db = str(tmp_path / "f.db")
    assert on_a_terminal("ingest", "--db", db, str(root))[0] == 0
    code, stdout, err = on_a_terminal("ingest", "--db", db, "--replace")
    assert code == 0 and "3/3 articles, 3 claims" in err and "left" in err
    assert [line for line in screen(err) if line] == []  # cleared at the end
    assert stdout.startswith("Extracted again 3 articles, 3 claims")


def test_the_bar_fits_the_terminal():
    progress = Progress(86000, open(os.devnull, "w"))
    progress.done, progress.claims = 43000, 540000
    progress.start -= 500
    for width in (40, 79, 120):
        assert len(progress.line(width)) <= width
    assert progress.line(120).startswith("[###############---------------] 43,000/86,000 articles, 540,000 claims, ")
    assert progress.line(120).endswith(" articles/s, 8:20 left")
    progress.update(Summary(claims=540012))
    assert progress.done == 43001
