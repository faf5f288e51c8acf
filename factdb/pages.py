"""The data behind factdb's pages: the claim, article, speaker and home pages.

Each ``*_page`` function runs read-only queries on a Datasette database and
returns a dict for the templates. Text from the database stays plain
strings (the templates escape it); the only markup made here comes from
:func:`factdb.highlight.highlight`, which escapes the text itself.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from urllib.parse import urlencode

from datasette.utils import tilde_encode

from .highlight import Span, highlight, locate, paragraph_bounds, safe_url, sentence_bounds, shift
from .models import STANCE_IDS
from .search import fts_query

FACTDB_TABLES = {"claims", "articles", "speakers", "claim_groups"}
RELATED_SHOWN = 100  # accusations and denials listed on a speaker page, per list
NAMES_SHOWN = 30  # mentions and roles listed on a speaker page
RANKED = 10_000  # a search ranks the claims added last among its matches, at most this many

# How a relation reads from each end: (from the relating claim, from the related one).
RELATION_LABELS = {
    "denies": ("Denies", "Denied by"),
    "responds_to": ("Responds to", "Responded to by"),
    "supports": ("Supports", "Supported by"),
    "contradicts": ("Contradicts", "Contradicted by"),
}

SAFE_KEY = re.compile(r"[A-Za-z0-9_-]*")  # keys tilde-encoding leaves as they are


def url_key(pk) -> str:
    """A primary key as a row URL writes it (Datasette's tilde encoding), at no cost for
    the ids factdb makes (hex digests, integers): a page links hundreds of them."""
    key = str(pk)
    return key if SAFE_KEY.fullmatch(key) else tilde_encode(key)


CLAIM_SQL = """
select claims.id, claims.article_id, claims.stance, claims.text, claims.quote, claims.cue,
  coalesce(claims.sentence, substr(articles.body, claims.sentence_start + 1,
    claims.sentence_end - claims.sentence_start)) as sentence,
  claims.start, claims."end", claims.paragraph, claims.origin, claims.note,
  claims.created_at, claims.group_id, claims.verdict, claims.verdict_inherited,
  articles.title as article_title, articles.outlet as outlet,
  articles.published as published,
  (select json_group_array(json_object('id', id, 'name', name, 'mention', mention)) from (
     select speakers.id as id, speakers.name as name, claim_speakers.mention as mention
     from claim_speakers join speakers on speakers.id = claim_speakers.speaker_id
     where claim_speakers.claim_id = claims.id order by claim_speakers.position)) as speakers_json
from claims left join articles on articles.id = claims.article_id
"""

# Stances per speaker as a SQL query, and the fragment that makes datasette-vega
# draw it as stacked bars (the plugin reads its settings from the URL fragment).
STANCES_PER_SPEAKER_SQL = """select speakers.name as speaker, claims.stance as stance, count(*) as claims
from claim_speakers
join speakers on speakers.id = claim_speakers.speaker_id
join claims on claims.id = claim_speakers.claim_id
group by speakers.name, claims.stance
order by speakers.name, claims.stance"""
VEGA_FRAGMENT = ("g.mark=bar&g.x_column=speaker&g.x_type=ordinal&g.y_column=claims"
                 "&g.y_type=quantitative&g.color_column=stance")


class Pages:
    """Queries for one database of one Datasette instance."""

    def __init__(self, datasette, database: str):
        self.datasette = datasette
        self.database = database
        self.db = datasette.get_database(database)
        self._stances = None
        self._table_urls: dict[str, str] = {}

    async def rows(self, sql: str, params=None) -> list[dict]:
        results = await self.db.execute(sql, params or [])
        return [dict(zip(results.columns, row)) for row in results.rows]

    def url(self, table: str, pk) -> str:
        return f"{self.table_url(table)}/{url_key(pk)}"

    def table_url(self, table: str) -> str:
        if table not in self._table_urls:
            self._table_urls[table] = self.datasette.urls.table(self.database, table)
        return self._table_urls[table]

    async def stances(self) -> dict[str, dict]:
        if self._stances is None:
            rows = await self.rows("select id, label, description, polarity from stances")
            found = {r["id"]: r for r in rows}
            order = [s for s in STANCE_IDS if s in found] + sorted(set(found) - set(STANCE_IDS))
            self._stances = {s: found[s] for s in order}
        return self._stances

    async def stance(self, stance_id: str) -> dict:
        return (await self.stances()).get(
            stance_id, {"id": stance_id, "label": stance_id, "description": "", "polarity": "neutral"})

    async def claims(self, where: str, params=None, order: str = "claims.article_id, claims.start, claims.id",
                     limit: int | None = None) -> list[dict]:
        """Claims with their speakers (linked), stance, article and page url."""
        sql = f"{CLAIM_SQL} where {where} order by {order}"
        if limit is not None:
            sql += f" limit {int(limit)}"
        rows = await self.rows(sql, params)
        for row in rows:
            await self._decorate(row)
        return rows

    async def _decorate(self, claim: dict) -> None:
        speakers = json.loads(claim.pop("speakers_json") or "[]")
        for s in speakers:
            s["url"] = self.url("speakers", s["id"])
        claim["speakers"] = speakers
        claim["speakers_display"] = " + ".join(s["name"] for s in speakers) or "(no speaker)"
        claim["stance_info"] = await self.stance(claim["stance"])
        claim["url"] = self.url("claims", claim["id"])
        claim["article_url"] = self.url("articles", claim["article_id"]) if claim["article_id"] is not None else None

    def claim_span(self, claim: dict, body: str, **extra) -> Span | None:
        where = locate(body, claim["text"], claim["start"], claim["end"])
        if where is None:
            return None
        stance = claim["stance_info"]
        tip = f"{claim['speakers_display']} \u2014 {stance['label']}"
        return Span(
            where[0], where[1],
            attrs=(("class", f"claim-mark stance-{claim['stance']}"), ("data-claim", claim["id"]),
                   ("data-stance", claim["stance"]), ("data-tip", tip)),
            first_attrs=(("id", f"claim-{claim['id']}"), ("tabindex", "0")),
            **extra,
        )

    # -- pages -------------------------------------------------------------

    async def claim_page(self, claim_id: str) -> dict | None:
        found = await self.claims("claims.id = ?", [claim_id])
        if not found:
            return None
        claim = found[0]
        page = {"kind": "claim", "claim": claim, "article": None, "paragraph": None, "sentence": None}
        if claim["article_id"] is not None:
            articles = await self.rows(
                "select id, title, outlet, published, url, dateline, language, body from articles where id = ?",
                [claim["article_id"]])
            if articles:
                article = articles[0]
                article["link"] = safe_url(article.pop("url"))
                article["url"] = self.url("articles", article["id"])
                page["article"] = article
                page["paragraph"] = self._paragraph(claim, article.pop("body"))
        if page["paragraph"] is None and claim["sentence"]:
            mark = self.claim_span(claim, claim["sentence"])
            page["sentence"] = highlight(claim["sentence"], [mark] if mark else [])
        page["relations"] = await self._relations(claim_id)
        page["verdicts"] = await self.verdicts(claim_id)
        page["group"] = None
        if claim.get("group_id") is not None:
            group = await self.rows("select id, claims, articles, outlets, first_published from claim_groups "
                                    "where id = ?", [claim["group_id"]])
            if group:
                page["group"] = {**group[0], "url": self.url("claim_groups", claim["group_id"])}
                page["inherited"] = [] if page["verdicts"] else await self.rows(
                    "select v.rating, v.author, v.date, v.claim_id from verdicts v join claims m on m.id = v.claim_id "
                    "where m.group_id = ? order by coalesce(v.date, substr(v.created_at, 1, 10)) desc, v.id desc",
                    [claim["group_id"]])
        return page

    async def group_page(self, group_id) -> dict | None:
        """The same claim across articles: its appearances in time order."""
        groups = await self.rows("select * from claim_groups where id = ?", [group_id])
        if not groups:
            return None
        group = groups[0]
        claims = await self.claims("claims.group_id = ?", [group["id"]],
                                   order="claims.published is null, claims.published, claims.article_id, claims.id")
        verdicts = []
        for c in claims:
            for v in await self.verdicts(c["id"]):
                verdicts.append({**v, "claim": c})
        return {"kind": "group", "group": group, "claims": claims, "verdicts": verdicts,
                "outlets": sorted({c["outlet"] for c in claims if c["outlet"]})}

    async def verdicts(self, claim_id: str) -> list[dict]:
        """The claim's verdicts, latest first."""
        rows = await self.rows(
            "select rating, score, best, worst, author, url, date, note from verdicts where claim_id = ? "
            "order by coalesce(date, substr(created_at, 1, 10)) desc, id desc", [claim_id])
        for r in rows:
            r["link"] = safe_url(r.pop("url"))
        return rows

    def _paragraph(self, claim: dict, body: str):
        mark = self.claim_span(claim, body, order=1)
        if mark is None:
            return None
        left, right = paragraph_bounds(body, mark.start, mark.end)
        spans = [shift(mark, left)]
        sentence = sentence_bounds(body, claim["sentence"], mark.start, mark.end)
        if sentence:
            spans.append(Span(sentence[0] - left, sentence[1] - left,
                              attrs=(("class", "claim-sentence"),), tag="span"))
        return highlight(body[left:right], spans)

    async def _relations(self, claim_id: str) -> list[dict]:
        out = []
        for column, other_column, side in (("from_claim_id", "to_claim_id", 0), ("to_claim_id", "from_claim_id", 1)):
            links = await self.rows(
                f"select {other_column} as other, type, origin from claim_relations where {column} = ? order by type, other",
                [claim_id])
            for link in links:
                others = await self.claims("claims.id = ?", [link["other"]])
                labels = RELATION_LABELS.get(link["type"], (link["type"], f"{link['type']} (from)"))
                out.append({"label": labels[side], "type": link["type"], "origin": link["origin"],
                            "direction": "to" if side == 0 else "from",
                            "claim": others[0] if others else None, "claim_id": link["other"],
                            "claim_url": self.url("claims", link["other"])})
        return out

    async def article_page(self, article_id) -> dict | None:
        articles = await self.rows(
            "select id, title, outlet, published, url, dateline, language, body, source_file from articles where id = ?",
            [article_id])
        if not articles:
            return None
        article = articles[0]
        article["link"] = safe_url(article.pop("url"))
        claims = await self.claims("claims.article_id = ?", [article["id"]],
                                   order="claims.start is null, claims.start, claims.\"end\" desc, claims.id")
        spans = []
        for i, claim in enumerate(claims):
            span = self.claim_span(claim, article["body"], order=i)
            claim["highlighted"] = span is not None
            if span:
                spans.append(span)
        body = highlight(article["body"], spans)
        counts = Counter(c["stance"] for c in claims)
        stances = await self.stances()
        legend = [{**stances[s], "count": counts[s]} for s in stances if counts[s]]
        return {"kind": "article", "article": article, "body": body, "claims": claims, "legend": legend}

    async def latest_claims_by_stance(self, speaker_id: int, stances: list[str], per_stance: int) -> list[dict]:
        """A speaker's latest claims (by date, undated last) of each of ``stances``: each
        stance's few rowids picked from its range of the index on the speaker's links
        (``speaker_id, stance, ...``), then only those claims read in full."""
        if not stances:
            return []
        picks = " union all ".join(
            f"select * from (select claim_rowid from claim_speakers where speaker_id = :sid and stance = :s{i} "
            f"order by published desc limit :n)" for i in range(len(stances)))
        rowids = [r["claim_rowid"] for r in await self.rows(
            picks, {"sid": speaker_id, "n": per_stance, **{f"s{i}": s for i, s in enumerate(stances)}})]
        return await self.claims("claims.rowid in (select value from json_each(?))", [json.dumps(rowids)],
                                 order="claims.published is null, claims.published desc, claims.article_id, claims.start")

    async def speaker_page(self, speaker_id, per_stance: int = 20) -> dict | None:
        speakers = await self.rows(
            "select id, name, kind, description, ambiguous from speakers where id = ?", [speaker_id])
        if not speakers:
            return None
        speaker = speakers[0]
        sid = speaker["id"]
        stances = await self.stances()
        counts = Counter({r["stance"]: r["claims"] for r in await self.rows(
            "select stance, claims from speaker_counts where speaker_id = ? and stance != '*'", [sid])})
        claims = await self.latest_claims_by_stance(sid, [s for s in stances if counts[s]], per_stance)
        groups = [{"stance": stance, "claims": in_group, "total": counts[stance_id],
                   "all_url": self._facet_link(sid)(stance_id)}
                  for stance_id, stance in stances.items()
                  if (in_group := [c for c in claims if c["stance"] == stance_id])]
        related = await self._speaker_denials(sid, claims)
        return {"kind": "speaker", "speaker": speaker, **await self._speaker_names(speaker),
                "ratings": await self._speaker_ratings(sid), "claims": claims, "per_stance": per_stance,
                "total": sum(counts.values()), "groups": groups,
                "chart": stance_bars(counts, stances, link=self._facet_link(sid)),
                **{name: items[:RELATED_SHOWN] for name, items in related.items()},
                "related_totals": {name: len(items) for name, items in related.items()},
                "relations_url": self.datasette.urls.query(self.database, "accusations_and_denials"),
                "all_claims_url": f"{self.table_url('claims_view')}?{urlencode({'_speaker': sid})}"}

    async def _speaker_names(self, speaker: dict) -> dict:
        """A speaker's other names, the mentions and roles the articles give them, and
        the people a one-word name could mean."""
        sid, name = speaker["id"], speaker["name"]
        could_be = await self.rows(
            "select id, name from speakers where kind = 'person' and ? in (first_word, last_word) order by name",
            [name.casefold()]) if speaker["ambiguous"] else []
        for person in could_be:
            person["url"] = self.url("speakers", person["id"])
        return {
            "aliases": await self.rows(
                "select alias, origin, merged_from from speaker_aliases where speaker_id = ? and alias != ? "
                "order by alias collate nocase", [sid, name]),
            "appears": await self.rows(
                f"select mention, count(*) as n from claim_speakers where speaker_id = ? and mention is not null "
                f"and mention != ? group by mention order by n desc, mention limit {NAMES_SHOWN}", [sid, name]),
            "roles": await self.rows(
                f"select role, count(*) as n from claim_speakers where speaker_id = ? and role is not null "
                f"group by role order by n desc, role limit {NAMES_SHOWN}", [sid]),
            "could_be": could_be,
        }

    async def _speaker_ratings(self, sid: int) -> list[dict]:
        """Verdicts on a speaker's claims, by rating (from the verdicts' side: few claims have one)."""
        ratings = await self.rows(
            "select verdict as rating, count(*) as n from claims indexed by idx_claims_verdict "
            "where verdict is not null and rowid in "
            "(select claim_rowid from claim_speakers where speaker_id = ?) group by verdict order by n desc, rating",
            [sid])
        for r in ratings:
            r["url"] = f"{self.table_url('claims_view')}?{urlencode({'_speaker': sid, 'verdict': r['rating']})}"
        return ratings

    async def _speaker_denials(self, sid: int, claims: list[dict]) -> dict[str, list[dict]]:
        """Their accusations (of ``claims``) with the denials answering them, who denied
        what they said, and their denials of others' claims. Read from the denials' side:
        there are far fewer denials than a busy speaker's claims."""
        links = await self.rows(
            "select from_claim_id, to_claim_id from claim_relations r where type = 'denies' and "
            "(exists (select 1 from claim_speakers where claim_id = r.to_claim_id and speaker_id = ?) "
            " or exists (select 1 from claim_speakers where claim_id = r.from_claim_id and speaker_id = ?)) "
            "order by to_claim_id, from_claim_id", [sid, sid])
        ids = sorted({link["from_claim_id"] for link in links} | {link["to_claim_id"] for link in links})
        marks = ", ".join("?" for _ in ids)
        related = {c["id"]: c for c in await self.claims(f"claims.id in ({marks})", ids)} if ids else {}
        mine = {r["claim_id"] for r in await self.rows(
            f"select claim_id from claim_speakers where speaker_id = ? and claim_id in ({marks})",
            [sid, *ids])} if ids else set()
        accusations = [{"claim": c, "denials": [related[link["from_claim_id"]] for link in links
                                                if link["to_claim_id"] == c["id"] and link["from_claim_id"] in related]}
                       for c in claims if c["stance"] == "accuses"]
        denied_by, denials = [], []
        for link in links:
            denial, target = related.get(link["from_claim_id"]), related.get(link["to_claim_id"])
            if denial is None or target is None:
                continue
            if target["id"] in mine and denial["id"] not in mine:
                denied_by.append({"claim": target, "denial": denial})
            if denial["id"] in mine:
                denials.append({"claim": denial, "target": target})
        return {"accusations": accusations, "denied_by": denied_by, "denials": denials}

    async def home(self, actor=None, top: int = 15) -> dict:
        # whole-database figures come from the count tables the triggers keep (see db.py)
        counts = {}
        for name, sql in (
            ("articles", "select count(*) from articles"),
            ("claims", "select coalesce(sum(claims), 0) from claim_counts where facet = 'stance'"),
            ("speakers", "select count(*) from speaker_counts where stance = '*'"),
            ("relations", "select count(*) from claim_relations"),
            ("outlets", "select count(*) from claim_counts where facet = 'outlet'"),
        ):
            counts[name] = (await self.db.execute(sql)).rows[0][0]
        stances = await self.stances()
        per_stance = Counter({r["value"]: r["claims"] for r in await self.rows(
            "select value, claims from claim_counts where facet = 'stance'")})
        top_rows = await self.rows(
            "select speaker_counts.speaker_id as id, speakers.name as name, speaker_counts.claims as total "
            "from speaker_counts join speakers on speakers.id = speaker_counts.speaker_id "
            "where speaker_counts.stance = '*' order by speaker_counts.claims desc, speakers.name limit ?", [top])
        ids = [r["id"] for r in top_rows]
        by_speaker: dict[int, Counter] = {sid: Counter() for sid in ids}
        if ids:
            for r in await self.rows(
                    f"select speaker_id, stance, claims from speaker_counts where stance != '*' "
                    f"and speaker_id in ({', '.join('?' * len(ids))})", ids):
                by_speaker[r["speaker_id"]][r["stance"]] = r["claims"]
        scale = max((r["total"] for r in top_rows), default=0)
        speakers_chart = [{
            "id": r["id"], "name": r["name"], "url": self.url("speakers", r["id"]), "total": r["total"],
            "bars": stance_bars(by_speaker[r["id"]], stances, link=self._facet_link(r["id"]), scale=scale),
        } for r in top_rows]
        queries = await self.datasette.get_canned_queries(self.database, actor)
        chart_query = f"{self.datasette.urls.database(self.database)}?{urlencode({'sql': STANCES_PER_SPEAKER_SQL})}#{VEGA_FRAGMENT}"
        return {
            "database": self.database,
            "counts": counts,
            "stance_chart": stance_bars(per_stance, stances, link=self._facet_link(None)),
            "speakers_chart": speakers_chart,
            "speakers_total": counts["speakers"],
            "queries": [{"name": name, "title": q.get("title") or name, "description": q.get("description"),
                         "url": self.datasette.urls.query(self.database, name)}
                        for name, q in queries.items()],
            "search_url": self.datasette.urls.path("/-/search"),
            "chart_query_url": chart_query,
            "urls": {t: self.table_url(t) for t in
                     ("claims_view", "claims", "articles", "speakers", "claim_relations", "stances")},
            "database_url": self.datasette.urls.database(self.database),
        }

    async def search(self, text: str, shown: int = 10) -> dict:
        """Claims, speakers and articles that match what was typed (the home page's
        search box): the best few of each, ranked, with a link to all of them."""
        q = fts_query(text)
        speakers = await self.rows(
            "select speakers.id as id, speakers.name as name, speakers.kind as kind, speakers.description as description, "
            "coalesce((select claims from speaker_counts where speaker_id = speakers.id and stance = '*'), 0) as claims "
            "from speakers_fts join speakers on speakers.rowid = speakers_fts.rowid "
            f"where speakers_fts match ? order by rank limit {int(shown)}", [q])
        for sp in speakers:
            sp["url"] = self.url("speakers", sp["id"])
        articles = await self.rows(
            "select articles.id as id, articles.title as title, articles.outlet as outlet, articles.published as published "
            "from articles_fts join articles on articles.rowid = articles_fts.rowid "
            f"where articles_fts match ? order by rank limit {int(shown)}", [q])
        for a in articles:
            a["url"] = self.url("articles", a["id"])
        claims = await self.claims(
            "claims.rowid in (select rowid from claims_fts where claims_fts match ?1 and rowid >= coalesce(("
            "select rowid from claims_fts where claims_fts match ?1 order by rowid desc limit 1 "
            f"offset {RANKED - 1}), 0) order by rank limit {2 * int(shown)})", [q],
            order="claims.published desc, claims.id")
        return {"text": text, "speakers": speakers, "articles": articles, "claims": claims,
                "all": {t: f"{self.table_url(t)}?{urlencode({'_search': text})}"
                        for t in ("claims_view", "speakers", "articles")}}

    def _facet_link(self, speaker: int | None):
        base = self.table_url("claims_view")

        def link(stance_id: str) -> str:
            params = {"stance": stance_id}
            if speaker is not None:
                params["_speaker"] = speaker
            return f"{base}?{urlencode(params)}"
        return link


def stance_bars(counts: Counter, stances: dict, link=None, scale: int | None = None) -> list[dict]:
    """One bar per stance with a count: label, count, width in percent of ``scale``
    (the largest count by default), polarity and an optional link."""
    present = [s for s in stances if counts.get(s)]
    scale = scale or max((counts[s] for s in present), default=0) or 1
    return [{"id": s, "label": stances[s]["label"], "polarity": stances[s]["polarity"],
             "count": counts[s], "width": round(100 * counts[s] / scale, 1),
             "url": link(s) if link else None} for s in present]


async def is_factdb(datasette, database: str | None) -> bool:
    if not database or database == "_internal":
        return False
    try:
        db = datasette.get_database(database)
    except KeyError:
        return False
    return {"claims", "articles", "speakers", "stances"} <= set(await db.table_names())


async def factdb_database(datasette) -> str | None:
    """The first database served that is a factdb database."""
    for name in datasette.databases:
        if await is_factdb(datasette, name):
            return name
    return None
