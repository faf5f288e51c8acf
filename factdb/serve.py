"""Datasette on a factdb database: the metadata, the settings, the app.

``metadata.yml`` at the root of the project is the one copy of the
Datasette metadata (the package ships it as ``factdb/metadata.yml``).
"""
from __future__ import annotations

import json
from pathlib import Path

import yaml

PACKAGE_DIR = Path(__file__).parent
TEMPLATES_DIR = PACKAGE_DIR / "templates"
STATIC_DIR = PACKAGE_DIR / "static"
STATIC_MOUNT = "factdb-static"  # served at /factdb-static/

# Settings that keep facet pages fast and visitors read-only. A query stops after
# sql_time_limit_ms; the pages' queries get SQL threads of their own while a few slow
# queries hold theirs (with Datasette's 3 threads, eight slow queries at once made the
# home page wait minutes: benchmarks/serve_load.py). What one query may allocate is
# bounded in factdb.datasette_plugin.prepare_connection.
SETTINGS = {
    "suggest_facets": False,
    "sql_time_limit_ms": 2000,
    "facet_time_limit_ms": 500,
    "num_sql_threads": 16,
    "default_page_size": 50,
    "max_returned_rows": 1000,
    "allow_download": False,
    "truncate_cells_html": 300,
    "default_allow_sql": True,
}


def metadata_path() -> Path:
    """``factdb/metadata.yml``: a link to the root ``metadata.yml`` in a
    checkout, a copy of it in an installed package."""
    return PACKAGE_DIR / "metadata.yml"


def load_metadata(db_path: str | None = None) -> dict:
    """The metadata, with its database section under the name Datasette gives
    ``db_path`` (the file name without extension)."""
    metadata = yaml.safe_load(metadata_path().read_text(encoding="utf-8"))
    if db_path:
        databases = metadata.get("databases", {})
        if len(databases) == 1:
            (section,) = databases.values()
            metadata["databases"] = {Path(db_path).stem: section}
    return metadata


def write_metadata(db_path: str, directory: str) -> Path:
    path = Path(directory) / "metadata.json"
    path.write_text(json.dumps(load_metadata(db_path), ensure_ascii=False), encoding="utf-8")
    return path


def datasette_args(db_path: str, metadata: Path, host: str, port: int, immutable: bool = False) -> list[str]:
    """Arguments for ``datasette serve`` on this database."""
    args = ["serve"]
    args += ["-i", db_path] if immutable else [db_path]
    args += ["--metadata", str(metadata), "--host", host, "--port", str(port)]
    args += ["--template-dir", str(TEMPLATES_DIR), "--static", f"{STATIC_MOUNT}:{STATIC_DIR}"]
    for key, value in SETTINGS.items():
        args += ["--setting", key, str(value).lower() if isinstance(value, bool) else str(value)]
    return args


def make_datasette(db_path: str, immutable: bool = False):
    """An in-process Datasette with factdb's metadata and settings (tests use it)."""
    from datasette.app import Datasette

    kwargs = {"immutables": [db_path]} if immutable else {"files": [db_path]}
    return Datasette(metadata=load_metadata(db_path), settings=SETTINGS, template_dir=str(TEMPLATES_DIR),
                     static_mounts=[(STATIC_MOUNT, str(STATIC_DIR))], **kwargs)
