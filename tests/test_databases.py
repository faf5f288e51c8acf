"""factdb and other people's databases: it opens only its own (or an empty file),
never writes with a read-only command, works on read-only files, and gives one
line for a database it cannot use."""
import hashlib
import os
import sqlite3
import stat

import pytest

from factdb.cli import cli
from factdb.db import open_db

from .conftest import SEED


def invoke(runner, *args):
    return runner.invoke(cli, list(args), catch_exceptions=False)


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def foreign(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("create table notes (id integer primary key, body text)")
    conn.execute("insert into notes (body) values ('not ours')")
    conn.commit()
    conn.close()
    return path


@pytest.mark.parametrize("args", [
    ["ingest", str(SEED)], ["export"], ["export", "--format", "claimreview"], ["speakers", "list"],
    ["add", "--speaker", "X", "--stance", "asserts", "--text", "y"], ["alias", "X", "Y"], ["migrate"],
    ["verdict", "c1", "--rating", "False", "--by", "X"], ["serve", "--immutable"],
])
def test_another_applications_database_is_refused_and_left_as_it_was(runner, foreign, args):
    before = digest(foreign)
    name = args[:2] if args[0] == "speakers" else args[:1]
    result = invoke(runner, *name, "--db", str(foreign), *args[len(name):])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"Error: {foreign}: not a factdb database (it holds another application's tables); nothing was changed"]
    assert digest(foreign) == before
    assert not (foreign.parent / "other.db-wal").exists()


def test_read_only_commands_never_write_and_work_on_a_read_only_file(runner, seed_db, tmp_path):
    db = open_db(seed_db)
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.conn.close()
    for extra in ("-wal", "-shm"):
        if os.path.exists(seed_db + extra):
            os.remove(seed_db + extra)
    os.chmod(seed_db, stat.S_IRUSR)
    os.chmod(tmp_path, stat.S_IRUSR | stat.S_IXUSR)  # like read-only media: no new file can be made
    try:
        before, files = digest(tmp_path / "factdb.db"), sorted(os.listdir(tmp_path))
        for args in (["export"], ["export", "--format", "claimreview"], ["speakers", "list"]):
            result = invoke(runner, *args[:2] if args[0] == "speakers" else args[:1], "--db", seed_db,
                            *args[2 if args[0] == "speakers" else 1:])
            assert result.exit_code == 0, (args, result.output)
        assert digest(tmp_path / "factdb.db") == before
        assert sorted(os.listdir(tmp_path)) == files  # no -wal or -shm made
        if os.geteuid() != 0:  # (permissions do not stop root)
            result = invoke(runner, "alias", "--db", seed_db, "Vladimir Putin", "Vova")
            assert result.exit_code == 1 and result.output.count("\n") == 1 and "Traceback" not in result.output
    finally:
        os.chmod(tmp_path, stat.S_IRWXU)
        os.chmod(seed_db, stat.S_IRUSR | stat.S_IWUSR)


def test_a_corrupt_database_is_one_line(runner, tmp_path):
    path = tmp_path / "broken.db"
    path.write_bytes(b"SQLite format 3\x00" + os.urandom(4000))
    for args in (["export"], ["ingest", str(SEED)], ["speakers", "list"]):
        name = args[:2] if args[0] == "speakers" else args[:1]
        result = invoke(runner, *name, "--db", str(path), *args[len(name):])
        assert result.exit_code == 1 and result.output.count("\n") == 1, (args, result.output)
        assert "Traceback" not in result.output


def test_commands_that_need_a_database_do_not_create_one(runner, tmp_path):
    for args in (["export"], ["add", "--speaker", "X", "--stance", "asserts", "--text", "y"],
                 ["verdict", "c1", "--rating", "x", "--by", "y"], ["migrate"]):
        missing = tmp_path / "typo.db"
        result = invoke(runner, args[0], "--db", str(missing), *args[1:])
        assert result.exit_code == 1 and "no such database" in result.output, args
        assert not missing.exists()


def test_an_older_database_is_upgraded_by_migrate_and_refused_by_read_only_commands(runner, tmp_path):
    import sqlite_utils

    from factdb.db import migrations
    path = tmp_path / "old.db"
    db = sqlite_utils.Database(path)
    migrations.apply(db, stop_before="m005_verdicts")
    db.conn.close()
    result = invoke(runner, "export", "--db", str(path))
    assert result.exit_code == 1 and "made by an older factdb; upgrade it first with 'factdb migrate'" in result.output
    result = invoke(runner, "migrate", "--db", str(path))
    assert result.exit_code == 0 and "up to date" in result.output
    assert invoke(runner, "export", "--db", str(path)).exit_code == 0
