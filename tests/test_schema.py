"""The schema: migrations create it once; the SQLModel models agree with the real tables."""
from factdb.db import migrations, open_db
from factdb.models import MODELS, STANCE_IDS

def test_models_match_tables(fresh_db):
    for model in MODELS:
        table = fresh_db[model.__tablename__]
        assert table.exists(), model.__tablename__
        real = {c.name: (c.type, not c.notnull) for c in table.columns}
        declared = {}
        for column in model.__table__.columns:
            sql_type = {int: "INTEGER", float: "REAL"}.get(column.type.python_type, "TEXT")
            declared[column.name] = sql_type
        assert set(real) == set(declared), model.__tablename__
        for name, sql_type in declared.items():
            assert real[name][0] == sql_type, (model.__tablename__, name)
        real_pks = set(table.pks)
        assert real_pks == {c.name for c in model.__table__.primary_key.columns}, model.__tablename__
        real_fks = {(fk.column, fk.other_table, fk.other_column) for fk in table.foreign_keys}
        declared_fks = {(c.name, fk.column.table.name, fk.column.name)
                        for c in model.__table__.columns for fk in c.foreign_keys}
        assert real_fks == declared_fks, model.__tablename__


def test_migrations_are_applied_once(tmp_path):
    path = tmp_path / "x.db"
    db = open_db(path)
    schema = db.schema
    db.conn.close()
    db = open_db(path)
    assert db.schema == schema
    assert [m.name for m in migrations.applied(db)] == ["m001_initial", "m002_alias_origin", "m003_speaker_identity",
                                                            "m004_browse_at_scale", "m005_verdicts", "m006_claim_groups",
                                                            "m007_claim_sources", "m008_edits",
                                                            "m009_sentence_offsets", "m010_claim_rowids",
                                                                "m011_group_indexes", "m012_speaker_link_copies", "m013_speaker_pairs",
                                                                "m014_sketches_follow_speakers"]


def test_stances_vocabulary(fresh_db):
    rows = list(fresh_db["stances"].rows)
    assert [r["id"] for r in rows] == STANCE_IDS
    assert all(r["label"] and r["description"] and r["polarity"] in {"positive", "negative", "neutral"} for r in rows)


def test_indexes_on_foreign_keys_and_facets(fresh_db):
    def indexed(table):
        return {tuple(i.columns)[0] for i in fresh_db[table].indexes} | {fresh_db[table].pks[0]}
    for table in ("claims", "claim_speakers", "claim_relations", "speaker_aliases", "articles"):
        for fk in fresh_db[table].foreign_keys:
            assert fk.column in indexed(table), (table, fk.column)
    assert {"stance", "origin", "article_id"} <= indexed("claims")
    assert {"outlet", "language", "published"} <= indexed("articles")


def test_full_text_search_and_view(fresh_db):
    assert fresh_db["claims"].detect_fts() == "claims_fts"
    assert fresh_db["articles"].detect_fts() == "articles_fts"
    assert "claims_view" in fresh_db.view_names()
    assert [c.name for c in fresh_db["claims_view"].columns] == [
        "id", "published", "stance", "verdict", "verdict_inherited", "speakers", "text", "quote", "article", "outlet", "language", "cue",
        "origin", "superseded", "article_id", "sentence", "start", "end", "claim_rowid", "group_id", "speakers_json", "answers_json"]


def test_vacuum_keeps_the_rowids_search_and_speaker_links_use(seed_db):
    """claims has a text key, so its rowids are implicit; the full-text index and
    claim_speakers.claim_rowid point at them. VACUUM (after deletions leave gaps)
    keeps them: search and the speaker links still find the same claims."""
    db = open_db(seed_db)
    db.execute("delete from claim_speakers where claim_id in (select id from claims where rowid % 2 = 0)")
    db.execute("delete from claim_relations")
    db.execute("delete from claims where rowid % 2 = 0")
    db.conn.commit()
    before = db.execute("select id, rowid from claims order by id").fetchall()
    found = db.execute("select rowid from claims_fts where claims_fts match 'Beijing' order by rowid").fetchall()
    assert found and max(before, key=lambda r: r[1])[1] > len(before)  # gaps that a renumbering would close
    db.execute("vacuum")
    assert db.execute("select id, rowid from claims order by id").fetchall() == before
    assert db.execute("select rowid from claims_fts where claims_fts match 'Beijing' order by rowid").fetchall() == found
    assert db.execute("select count(*) from claim_speakers cs join claims c on c.id = cs.claim_id "
                      "where cs.claim_rowid is not c.rowid").fetchone()[0] == 0
