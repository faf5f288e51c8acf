"""Where and with what a benchmark's figures were measured: saved with each result."""
from __future__ import annotations

import os
import platform
import subprocess
from pathlib import Path


def machine() -> dict:
    return {"node": platform.node(), "machine": platform.machine(), "python": platform.python_version(),
            "cpus": os.cpu_count()}


def code_version() -> str | None:
    """The commit of the checkout factdb is imported from (+ if it has changes), if any."""
    import factdb

    root = Path(factdb.__file__).resolve().parent.parent
    try:
        commit = subprocess.run(["git", "-C", str(root), "rev-parse", "--short", "HEAD"], capture_output=True,
                                text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(root), "status", "--porcelain", "--", "factdb"],
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    return commit + ("+" if dirty else "")
