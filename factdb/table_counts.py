"""Row counts of every table, as Datasette's database page shows them, kept between
requests while the database is unchanged.

Datasette counts every table of a database each time its database page is asked
for (it keeps the counts only for immutable databases): at a million claims that
is half of the page's time, for figures that change only when something is
written. Here they are counted again as soon as the database file or its
write-ahead log changes (any committed write touches one of them), and only then.
"""
from __future__ import annotations

import os


def file_state(path: str) -> tuple:
    """What changes whenever a write is committed: size and modification time of the
    database file and of its write-ahead log."""
    state = []
    for name in (path, path + "-wal"):
        try:
            stat = os.stat(name)
            state.append((stat.st_mtime_ns, stat.st_size))
        except FileNotFoundError:
            state.append(None)
    return tuple(state)


def keep_table_counts(db) -> None:
    """Make ``db.table_counts`` (a Datasette database) answer from its last count
    while :func:`file_state` is unchanged. The state is read before counting, so a
    write during a count makes the next call count again."""
    count = db.table_counts
    kept: dict[int, tuple[tuple, dict]] = {}  # by time limit: (file state, counts)

    async def table_counts(limit=10):
        state = file_state(db.path)
        if limit not in kept or kept[limit][0] != state:
            kept[limit] = (state, await count(limit))
        return dict(kept[limit][1])

    db.table_counts = table_counts
