"""factdb's command line: parses arguments, calls the library, prints."""
from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

import click

from . import __version__
from .db import DatabaseError, open_db
from .claimreview import export_claimreview
from .export import export_json
from .ingest import Progress, ingest_paths, iter_files, reextract_stored, stored_count
from .models import RELATION_TYPES, STANCE_IDS
from . import speaker_edits
from .store import ClaimValue, SpeakerValue, add_manual_claim

DEFAULT_DB = "factdb.db"


def db_option(f):
    return click.option("--db", "db_path", default=DEFAULT_DB, show_default=True,
                        type=click.Path(dir_okay=False), help="SQLite database file")(f)


def fail(message: str) -> None:
    click.echo(f"Error: {message}", err=True)
    sys.exit(1)


def connect(db_path: str, create: bool = True, readonly: bool = False):
    try:
        return open_db(db_path, create=create, readonly=readonly)
    except DatabaseError as e:
        fail(str(e))


def existing_db(db_path: str, readonly: bool = False):
    """A database that must already exist (commands that change or read one, not create it)."""
    return connect(db_path, create=False, readonly=readonly)


def edit(fn, *args, **kwargs):
    try:
        return fn(*args, **kwargs)
    except ValueError as e:
        fail(str(e))


def names_line(db, speaker_id: int) -> str:
    name = db.execute("select name from speakers where id = ?", [speaker_id]).fetchone()[0]
    names = [r[0] for r in db.execute(
        "select alias from speaker_aliases where speaker_id = ? and alias != ? order by alias", [speaker_id, name])]
    return f"{name}: {', '.join(names) or '(no other names)'}"


@click.group()
@click.version_option(__version__, prog_name="factdb")
def cli():
    """Who claimed what, with what stance: a claims database for news articles."""


@cli.command()
@db_option
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--replace", is_flag=True,
              help="Extract articles already stored again (claims added by hand are kept); "
                   "with no PATH, every stored article, from its stored text")
def ingest(db_path, paths, replace):
    """Ingest article files (or directories of .txt files) into the database.

    Each file is UTF-8 text: the first non-empty line is the title, with
    optional YAML front matter (url, outlet, published, language) between
    '---' lines. Ingesting the same text again changes nothing.
    """
    if not paths and not replace:
        fail("give the articles to ingest (files or directories), or --replace to extract the stored ones again")
    if not paths:
        db = existing_db(db_path)
        progress = Progress(stored_count(db), sys.stderr) if sys.stderr.isatty() else None
        summary = reextract_stored(db, on_progress=progress.update if progress else None)
        if progress:
            progress.clear()
        click.echo(summary.line().replace("Ingested", "Extracted again"))
        return
    db = connect(db_path)
    # on a terminal, a progress bar (cleared before each error line); in a pipe, only the summary
    progress = Progress(sum(1 for _ in iter_files(paths)), sys.stderr) if sys.stderr.isatty() else None

    def report(path, error):
        if progress:
            progress.clear()
        click.echo(f"Error: {path}: {error}", err=True)

    summary = ingest_paths(db, paths, replace=replace, on_error=report,
                           on_progress=progress.update if progress else None)
    if progress:
        progress.clear()
    for path, language in summary.not_extracted:
        click.echo(f"Note: {path}: language {language!r} has no lexicon; stored without claims", err=True)
    click.echo(summary.line())
    if summary.errors:
        sys.exit(1)


@cli.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["json", "claimreview"]), default="json", show_default=True,
              help="json: articles, claims and relations (docs/claims.md); claimreview: schema.org "
                   "ClaimReview JSON-LD for every claim with a verdict")
def export(db_path, fmt):
    """Export articles, claims and relations, or fact-check verdicts as ClaimReview."""
    db = existing_db(db_path, readonly=True)
    if fmt == "claimreview":
        text, skipped = export_claimreview(db)
        click.echo(text)
        if skipped:
            click.echo(f"Note: {skipped} verdict{'s' * (skipped != 1)} without --url left out: "
                       "ClaimReview needs the address of the review", err=True)
        return
    click.echo(export_json(db))


@cli.command()
@db_option
@click.option("--speaker", "speakers", multiple=True, required=True,
              help="Who made the claim (repeat for several speakers)")
@click.option("--stance", type=click.Choice(STANCE_IDS), required=True)
@click.option("--text", required=True, help="What was claimed")
@click.option("--quote", help="The words in quotation marks, if any")
@click.option("--cue", help="The reporting verb, e.g. 'denied'")
@click.option("--article-id", type=int, help="The article the claim comes from")
@click.option("--note", help="Where this claim comes from, for other readers")
@click.option("--relation", "relations", multiple=True, metavar="TYPE:CLAIM_ID",
              help=f"Link to another claim; TYPE is one of {', '.join(RELATION_TYPES)}")
def add(db_path, speakers, stance, text, quote, cue, article_id, note, relations):
    """Add a claim by hand. It is kept when articles are ingested again."""
    db = existing_db(db_path)
    pairs = []
    for r in relations:
        rtype, _, other = r.partition(":")
        if not other:
            fail(f"--relation {r!r}: expected TYPE:CLAIM_ID")
        pairs.append((rtype, other))
    claim = ClaimValue(speakers=tuple(SpeakerValue(s, s) for s in speakers), stance=stance,
                       text=text, quote=quote, cue=cue, note=note)
    try:
        cid = add_manual_claim(db, claim, article_id, pairs)
    except ValueError as e:
        fail(str(e))
    click.echo(cid)


@cli.command()
@db_option
@click.argument("speaker")
@click.argument("aliases", nargs=-1, required=True)
@click.option("--move", is_flag=True, help="Take a name another speaker has, with its claims")
def alias(db_path, speaker, aliases, move):
    """Record that each ALIAS names SPEAKER ("Mas Bud" for "Budi Hendarto").

    Claims that articles attribute to an alias go to that speaker, now and in
    later ingests. A name that already stands for another speaker is refused
    unless --move."""
    db = existing_db(db_path)
    for a in aliases:
        speaker_id = edit(speaker_edits.add_alias, db, speaker, a, move=move)
    click.echo(names_line(db, speaker_id))


@cli.group()
def speakers():
    """List speakers and fix who is who: merge, split, unmerge, rename."""


@speakers.command(name="list")
@db_option
@click.option("--ambiguous", is_flag=True, help="Only names that several people could be, for you to decide")
@click.option("--limit", type=int, default=50, show_default=True, help="At most this many (0: all)")
@click.option("--json", "as_json", is_flag=True, help="Print JSON")
def speakers_list(db_path, ambiguous, limit, as_json):
    """Speakers with their number of claims and their names, busiest first."""
    rows = speaker_edits.list_speakers(existing_db(db_path, readonly=True), ambiguous=ambiguous, limit=limit or None)
    if as_json:
        click.echo(json.dumps([r.__dict__ for r in rows], ensure_ascii=False, indent=2))
        return
    for r in rows:
        others = [n for n in r.names if n != r.name]
        line = f"{r.id:>6}  {r.name}  ({r.kind or 'unknown'}, {r.claims} claim{'s' * (r.claims != 1)})"
        if others:
            line += f"  also: {', '.join(others)}"
        if r.ambiguous:
            line += f"  could be: {' | '.join(r.candidates)}"
        click.echo(line)


@speakers.command(name="merge")
@db_option
@click.argument("keep")
@click.argument("others", nargs=-1, required=True)
def speakers_merge(db_path, keep, others):
    """Make OTHERS one speaker with KEEP: names, claims and relations follow,
    and later ingests give OTHERS' names to KEEP."""
    db = existing_db(db_path)
    click.echo(names_line(db, edit(speaker_edits.merge, db, keep, list(others))))


@speakers.command(name="unmerge")
@db_option
@click.argument("name")
def speakers_unmerge(db_path, name):
    """Undo a merge: the speaker once called NAME is a speaker of its own again."""
    db = existing_db(db_path)
    click.echo(names_line(db, edit(speaker_edits.unmerge, db, name)))


@speakers.command(name="split")
@db_option
@click.argument("speaker")
@click.argument("names", nargs=-1, required=True)
def speakers_split(db_path, speaker, names):
    """Take NAMES off SPEAKER into a new speaker called by the first of them."""
    db = existing_db(db_path)
    click.echo(names_line(db, edit(speaker_edits.split, db, speaker, list(names))))


@speakers.command(name="rename")
@db_option
@click.argument("speaker")
@click.argument("new_name")
def speakers_rename(db_path, speaker, new_name):
    """Show SPEAKER under NEW_NAME; the old name stays one of its names."""
    db = existing_db(db_path)
    click.echo(names_line(db, edit(speaker_edits.rename, db, speaker, new_name)))


@cli.command(name="import")
@db_option
@click.argument("files", nargs=-1, required=True, type=click.Path())
def import_(db_path, files):
    """Import claims from CSV, JSON, JSON Lines or YAML files (see the README for the fields).

    Each file is imported whole or not at all; every bad record is named with
    its line or index and the reason. Importing a file again changes nothing."""
    from .imports import ImportProblems, import_file

    db = existing_db(db_path)
    failed = 0
    for f in files:
        try:
            r = import_file(db, Path(f))
        except ImportProblems as e:
            failed += 1
            for where, reason in e.problems:
                click.echo(f"Error: {f}: {where}: {reason}" if where != f else f"Error: {f}: {reason}", err=True)
            continue
        click.echo(f"{f}: {r.records} claim{'s' * (r.records != 1)} ({r.new} new), "
                   f"{r.verdicts} verdict{'s' * (r.verdicts != 1)}")
    if failed:
        fail(f"{failed} file{'s' * (failed != 1)} not imported; nothing of {'them' if failed > 1 else 'it'} was written")


@cli.command()
@db_option
@click.argument("claim_id")
@click.option("--rating", required=True, help='The verdict as the organisation words it ("False", "Misleading")')
@click.option("--by", "author", required=True, help="The organisation that gives the verdict")
@click.option("--score", type=float, help="The rating as a number, on the scale of --best and --worst")
@click.option("--best", type=float, help="The best rating on that scale")
@click.option("--worst", type=float, help="The worst rating on that scale")
@click.option("--url", help="Where the fact-check is published")
@click.option("--date", "date", help="When it was published (YYYY-MM-DD)")
@click.option("--note", help="Anything readers should know")
def verdict(db_path, claim_id, rating, author, score, best, worst, url, date, note):
    """Record a fact-check verdict on the claim CLAIM_ID."""
    from .verdicts import Verdict, add_verdict

    db = existing_db(db_path)
    vid = edit(add_verdict, db, Verdict(claim_id, rating, author, score, best, worst, url, date, note))
    latest = db.execute("select verdict from claims where id = ?", [claim_id]).fetchone()[0]
    click.echo(f"Verdict {vid} on {claim_id}: {rating} (by {' '.join(author.split())}); latest: {latest}")


@cli.command()
@db_option
def migrate(db_path):
    """Bring a database made by an earlier factdb up to date (the write commands do it too)."""
    from .db import migrations

    db = existing_db(db_path)
    click.echo(f"{db_path}: up to date ({len(migrations.applied(db))} migrations applied)")


@cli.command(name="eval")
@click.argument("set_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON")
def eval_(set_dir, as_json):
    """Score the extractor on an evaluation set: SET_DIR/articles and SET_DIR/gold.

    Ingests the articles into a temporary database, exports it and compares
    the claims with the gold files (speakers, content and stance; relations).
    """
    from .evaluate import score
    from .export import export_data

    root = Path(set_dir)
    if not (root / "articles").is_dir() or not (root / "gold").is_dir():
        fail(f"{set_dir}: expected an 'articles' and a 'gold' directory in it")
    with tempfile.TemporaryDirectory(prefix="factdb-eval-") as tmp:
        db = connect(str(Path(tmp) / "eval.db"))
        summary = ingest_paths(db, [root / "articles"])
        result = score(export_data(db), root / "gold")
        db.conn.close()
    if as_json:
        click.echo(json.dumps(result, indent=2))
        return
    click.echo(f"{summary.articles} articles, {summary.claims} claims")
    for key in ("attribution", "full", "relations"):
        r = result[key]
        click.echo(f"{key:12s} P={r['precision']:.3f} R={r['recall']:.3f} F1={r['f1']:.3f}  "
                   f"(tp={r['tp']} fp={r['fp']} fn={r['fn']})")


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to listen on; 0.0.0.0 makes it reachable from other machines")
@click.option("-p", "--port", default=8001, show_default=True, type=int)
@click.option("--immutable", is_flag=True, help="Open the database read-only, for publishing")
def serve(db_path, host, port, immutable):
    """Explore the database in the browser with Datasette."""
    from datasette.cli import cli as datasette_cli

    from .serve import datasette_args, write_metadata

    # bring the schema up to date; published read-only, check it without writing
    existing_db(db_path, readonly=immutable).close()
    with tempfile.TemporaryDirectory(prefix="factdb-") as tmp:
        metadata = write_metadata(db_path, tmp)
        click.echo(f"Serving {db_path} on http://{host}:{port}/", err=True)
        datasette_cli.main(datasette_args(db_path, metadata, host, port, immutable), prog_name="factdb serve")
