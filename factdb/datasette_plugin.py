"""factdb's Datasette plugin: loaded by Datasette through the ``datasette``
entry point whenever factdb is installed. Its templates live in
``factdb/templates``."""
from __future__ import annotations

from datasette import hookimpl


@hookimpl
def extra_template_vars(request, datasette):
    return {"factdb": True}
