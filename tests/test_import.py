"""factdb import: claims from CSV, JSON, JSON Lines and YAML, all or nothing per file;
ingest refuses files that are no articles and points to import."""
import json

import pytest

from factdb.cli import cli
from factdb.db import open_db

from .conftest import SEED


def invoke(runner, *args):
    return runner.invoke(cli, list(args), catch_exceptions=False)


def dump(db_path):
    return "\n".join(open_db(db_path).conn.iterdump())


RECORDS = [
    {"speakers": ["Budi Hendarto"], "stance": "asserts", "text": "Harga beras akan turun bulan depan",
     "date": "2026-03-01", "url": "https://example.org/pidato/1"},
    {"speakers": ["Budi Hendarto", "Kementerian Pangan"], "stance": "pledges", "text": "Stok beras aman sampai Lebaran",
     "quote": "Stok beras aman", "verdict": "Misleading", "verdict_by": "Cek Fakta",
     "verdict_url": "https://example.org/cek/9"},
    {"speakers": ["Beijing"], "stance": "denies", "text": "China tidak mengirim senjata", "article_id": 1},
]


def write(tmp_path, fmt, records):
    path = tmp_path / f"claims.{fmt}"
    if fmt == "json":
        path.write_text(json.dumps(records), encoding="utf-8")
    elif fmt == "jsonl":
        path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    elif fmt == "yaml":
        import yaml
        path.write_text(yaml.safe_dump(records, allow_unicode=True), encoding="utf-8")
    else:
        import csv
        fields = ["speakers", "stance", "text", "quote", "date", "url", "article_id", "verdict", "verdict_by",
                  "verdict_url"]
        with path.open("w", newline="", encoding="utf-8") as f:
            w = csv.DictWriter(f, fields)
            w.writeheader()
            for r in records:
                w.writerow({**r, "speakers": "; ".join(r["speakers"])})
    return str(path)


@pytest.mark.parametrize("fmt", ["csv", "json", "jsonl", "yaml"])
def test_import_each_format_and_again_changes_nothing(runner, seed_db, tmp_path, fmt):
    path = write(tmp_path, fmt, RECORDS)
    result = invoke(runner, "import", "--db", seed_db, path)
    assert result.exit_code == 0 and result.output == f"{path}: 3 claims (3 new), 1 verdict\n"
    before = dump(seed_db)
    assert invoke(runner, "import", "--db", seed_db, path).output == f"{path}: 3 claims (0 new), 0 verdicts\n"
    assert dump(seed_db) == before
    data = json.loads(invoke(runner, "export", "--db", seed_db).output)
    manual = [c for c in data["claims"] if c["origin"] == "manual"]
    by_text = {c["text"]: c for c in manual}
    assert by_text["China tidak mengirim senjata"]["speaker_names"] == ["China"]  # "Beijing" is China
    assert by_text["Stok beras aman sampai Lebaran"]["speaker_names"] == ["Budi Hendarto", "Kementerian Pangan"]
    db = open_db(seed_db)
    assert db.execute("select verdict from claims where text = 'Stok beras aman sampai Lebaran'").fetchone()[0] \
        == "Misleading"
    assert db.execute("select published, source_url from claims where text like 'Harga beras%'").fetchone() == \
        ("2026-03-01", "https://example.org/pidato/1")


def test_one_bad_row_in_a_hundred_writes_nothing_and_is_named(runner, seed_db, tmp_path):
    records = [{"speakers": [f"Warga {i}"], "stance": "asserts", "text": f"Pernyataan nomor {i}"} for i in range(100)]
    records[41]["stance"] = "shouts"
    path = write(tmp_path, "csv", records)
    before = dump(seed_db)
    result = invoke(runner, "import", "--db", seed_db, path)
    assert result.exit_code == 1
    assert f"Error: {path}: line 43: stance 'shouts' is not one of" in result.output
    assert result.output.strip().splitlines()[-1] == "Error: 1 file not imported; nothing of it was written"
    assert dump(seed_db) == before


@pytest.mark.parametrize("content,message", [
    ("a: &x [1]\nb: *x\n", "aliases are not allowed"),
    ("{not json", "not valid JSON"),
    ('{"claims": 3}', "expected a list of claims"),
    ('[{"speakers": ["A"], "stance": "asserts", "text": "x", "colour": "red"}]', "unknown field colour"),
    ('[{"speakers": ["A"], "stance": "asserts", "text": "x", "url": "javascript:alert(1)"}]', "not an http(s) address"),
    ('[{"speakers": ["A"], "stance": "asserts", "text": "x", "verdict": "False"}]', "needs the organisation"),
    ('[{"speakers": ["A"], "stance": "asserts", "text": "x", "article_id": 99}]', "no article with id 99"),
])
def test_bad_files_are_refused_with_a_reason(runner, seed_db, tmp_path, content, message):
    path = tmp_path / ("bad.yaml" if "&x" in content else "bad.json")
    path.write_text(content, encoding="utf-8")
    before = dump(seed_db)
    result = invoke(runner, "import", "--db", seed_db, str(path))
    assert result.exit_code == 1 and message in result.output
    assert "Traceback" not in result.output
    assert dump(seed_db) == before


def test_ingest_says_a_data_file_or_a_web_page_is_no_article(runner, db_path, tmp_path):
    data = tmp_path / "claims.json"
    data.write_text(json.dumps(RECORDS), encoding="utf-8")
    page = tmp_path / "page.txt"
    page.write_text("<!DOCTYPE html><html><body><p>Berita</p></body></html>", encoding="utf-8")
    result = invoke(runner, "ingest", "--db", db_path, str(data), str(page), str(SEED))
    assert result.exit_code == 1
    assert "claims.json: a data file, not an article; to add the claims it holds, use 'factdb import'" in result.output
    assert "page.txt: an HTML or XML page, not an article" in result.output
    assert "Ingested 1 article, 10 claims" in result.output
