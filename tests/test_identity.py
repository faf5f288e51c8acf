"""One speaker per person across the database: name variants, short names,
ambiguity, and independence from the order articles come in. Invented names."""
import itertools

import pytest
import sqlite_utils

from factdb.db import migrations, open_db
from factdb.identity import name_key, preferred_name, short_form
from factdb.speaker_edits import list_speakers
from factdb.store import ClaimValue, SpeakerValue, store_article

PERSON = "person"


def person(name, mention=None, role=None):
    return SpeakerValue(name, mention or name, PERSON, role)


def store(db, n: int, *speakers: SpeakerValue):
    """An article ``n`` with one claim per speaker."""
    claims = [ClaimValue(speakers=(s,), stance="asserts", text=f"kalimat {n}-{i}", start=i * 10, end=i * 10 + 5)
              for i, s in enumerate(speakers)]
    article = {"source_file": f"a{n}.txt", "title": f"Artikel {n}", "body": f"body {n}", "language": "id"}
    return store_article(db, article, f"hash{n}", claims, [])


def people(db) -> set[frozenset]:
    """Who is who: the names each speaker's claims give, one set per speaker."""
    groups = {}
    for sid, name in db.execute("select speaker_id, name from claim_speakers"):
        groups.setdefault(sid, set()).add(name)
    return {frozenset(g) for g in groups.values()}


def speaker_of(db, name):
    return db.execute("select s.name from claim_speakers cs join speakers s on s.id = cs.speaker_id "
                      "where cs.name = ?", [name]).fetchone()[0]


def test_name_key_leaves_out_case_punctuation_and_initials():
    assert name_key("Jane Q. Roe") == name_key("Jane Q Roe") == name_key("jane roe") == "jane roe"
    assert name_key("M Rudi Hartono") == "rudi hartono"
    assert name_key("Roe") == "roe"


def test_short_form_is_the_first_or_last_word_used_alone():
    assert short_form("Ms. Roe", "Jane Q. Roe") == "roe"
    assert short_form("Menteri Rudi", "Rudi Hartono") == "rudi"
    assert short_form("Jane Roe", "Jane Roe") is None
    assert short_form("dia", "Jane Roe") is None
    assert short_form("Roe", "a Roe supporter") is None


def test_preferred_name_is_the_fullest_whatever_the_order():
    names = ["Jane Roe", "Jane Q Roe", "Jane Q. Roe"]
    assert {preferred_name(list(p)) for p in itertools.permutations(names)} == {"Jane Q. Roe"}


def test_full_name_variants_are_one_speaker(fresh_db):
    store(fresh_db, 1, person("Jane Roe"))
    store(fresh_db, 2, person("Jane Q. Roe"))
    store(fresh_db, 3, person("Jane Q Roe"))
    assert people(fresh_db) == {frozenset({"Jane Roe", "Jane Q. Roe", "Jane Q Roe"})}
    assert speaker_of(fresh_db, "Jane Roe") == "Jane Q. Roe"
    origins = dict(fresh_db.execute("select alias, origin from speaker_aliases"))
    assert origins == {"Jane Roe": "extracted", "Jane Q. Roe": "inferred", "Jane Q Roe": "inferred"}


@pytest.mark.parametrize("first", ["short", "full"])
def test_a_short_name_goes_to_the_one_person_it_can_mean(fresh_db, first):
    articles = [person("Roe"), person("Jane Roe")]
    for n, s in enumerate(articles if first == "short" else articles[::-1]):
        store(fresh_db, n, s)
    assert people(fresh_db) == {frozenset({"Roe", "Jane Roe"})}
    assert fresh_db.execute("select origin from speaker_aliases where alias = 'Roe'").fetchone()[0] == "inferred"
    assert fresh_db.execute("select count(*) from speakers").fetchone()[0] == 1


def test_an_indonesian_short_name_may_be_the_first_name(fresh_db):
    store(fresh_db, 1, person("Rudi Hartono", role="Kepala Dinas"))
    store(fresh_db, 2, person("Rudi"), person("Sutarmi"))
    assert people(fresh_db) == {frozenset({"Rudi", "Rudi Hartono"}), frozenset({"Sutarmi"})}


def test_a_short_name_two_people_fit_stays_apart_and_is_listed(fresh_db):
    store(fresh_db, 1, person("Jane Roe"), person("Bill Roe"))
    store(fresh_db, 2, person("Roe"))
    assert frozenset({"Roe"}) in people(fresh_db)
    [row] = list_speakers(fresh_db, ambiguous=True)
    assert (row.name, row.ambiguous, set(row.candidates)) == ("Roe", True, {"Jane Roe", "Bill Roe"})


def test_a_short_name_the_articles_nearly_always_use_for_one_person(fresh_db):
    store(fresh_db, 1, *[person("Jane Roe", mention="Roe")] * 1, person("Bill Roe"))
    for n in range(2, 12):  # the articles that name Jane call her "Roe" ten times
        store(fresh_db, n, person("Jane Roe", mention="Ms. Roe"))
    store(fresh_db, 20, person("Roe"))
    assert speaker_of(fresh_db, "Roe") == "Jane Roe"
    # and once Bill is called "Roe" as often, nobody can tell
    for n in range(30, 40):
        store(fresh_db, n, person("Bill Roe", mention="Mr. Roe"))
    assert speaker_of(fresh_db, "Roe") == "Roe"
    assert list_speakers(fresh_db, ambiguous=True)[0].name == "Roe"


def test_words_that_are_no_proper_name_are_never_a_short_name(fresh_db):
    store(fresh_db, 1, person("a Roe supporter"), person("Roe"), person("warga"))
    assert people(fresh_db) == {frozenset({"a Roe supporter"}), frozenset({"Roe"}), frozenset({"warga"})}


def test_institutions_are_not_people_a_short_name_can_mean(fresh_db):
    store(fresh_db, 1, SpeakerValue("Roe Foundation", "Roe Foundation", "institution"))
    store(fresh_db, 2, person("Roe"))
    assert frozenset({"Roe"}) in people(fresh_db)


ARTICLES = [
    [person("Roe")],
    [person("Jane Q. Roe", mention="Ms. Roe")],
    [person("Jane Roe")],
    [person("Rudi")],
    [person("Rudi Hartono"), person("Bill Roe")],
    [person("Jane Q Roe"), person("Hartono")],
]


def test_ingest_order_does_not_change_who_is_who(tmp_path):
    results = set()
    for k, order in enumerate(itertools.permutations(range(len(ARTICLES)))):
        if k % 37:  # a spread of the 720 orders keeps the test short
            continue
        db = open_db(tmp_path / f"{k}.db")
        for n in order:
            store(db, n, *ARTICLES[n])
        names = {r[0] for r in db.execute("select name from speakers")}
        ambiguous = {r[0] for r in db.execute("select name from speakers where ambiguous = 1")}
        results.add((frozenset(people(db)), frozenset(names), frozenset(ambiguous)))
        db.conn.close()
    assert len(results) == 1
    groups, names, ambiguous = results.pop()
    assert frozenset({"Jane Q. Roe", "Jane Roe", "Jane Q Roe", "Roe"}) in groups
    assert frozenset({"Rudi", "Rudi Hartono", "Hartono"}) in groups
    assert "Jane Q. Roe" in names and ambiguous == set()  # "Roe": Jane, whom the articles call so


def test_a_database_from_before_is_resolved_when_opened(tmp_path):
    path = tmp_path / "old.db"
    db = sqlite_utils.Database(path)
    migrations.apply(db, stop_before="m003_speaker_identity")
    db["articles"].insert({"id": 1, "source_file": "a.txt", "title": "t", "body": "b", "language": "en",
                           "content_hash": "h", "ingested_at": "2026-01-01"})
    for i, name in enumerate(["Jane Q. Roe", "Jane Roe", "Roe", "Presiden"]):
        db["speakers"].insert({"id": i + 1, "name": name, "kind": "person"})
        db["claims"].insert({"id": f"c{i}", "article_id": 1, "stance": "asserts", "text": "x", "origin": "extracted",
                             "created_at": "2026-01-01"})
        db["claim_speakers"].insert({"claim_id": f"c{i}", "speaker_id": i + 1, "mention": name, "position": 0})
    db["speaker_aliases"].insert_all([{"speaker_id": 1, "alias": "Presiden", "origin": "extracted"},
                                      {"speaker_id": 2, "alias": "JR", "origin": "manual"}])
    db.conn.close()
    db = open_db(path)
    assert people(db) == {frozenset({"Jane Q. Roe", "Jane Roe", "Roe"}), frozenset({"Presiden"})}
    aliases = dict(db.execute("select alias, origin from speaker_aliases"))
    assert aliases["JR"] == "manual" and aliases["Presiden"] == "extracted"  # its own speaker's name only


def test_a_name_no_claim_gives_any_more_is_forgotten(fresh_db):
    store(fresh_db, 1, person("Jane Roe"), person("Roe Jr Foundation Desk"))
    # the same article extracted again, without the second speaker
    claims = [ClaimValue(speakers=(person("Jane Roe"),), stance="asserts", text="kalimat 1-0", start=0, end=5)]
    article = {"source_file": "a1.txt", "title": "Artikel 1", "body": "body 1", "language": "id"}
    store_article(fresh_db, article, "hash1", claims, [], replace=True)
    assert [r[0] for r in fresh_db.execute("select name from speakers")] == ["Jane Roe"]
    assert [r[0] for r in fresh_db.execute("select alias from speaker_aliases")] == ["Jane Roe"]
