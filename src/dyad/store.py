"""The embedded store: SQLite in WAL mode, numbered migrations, one transaction per article.

An article is keyed by its id and content hash: storing the same article twice changes nothing,
and changed text replaces the article's results in the same transaction. The full coded article
is kept as JSON beside flat tables for querying, so nothing dyad found is lost.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dyad.errors import StoreError
from dyad.records import FLAT_EVENT_COLUMNS, Article, CodedArticle, flatten_event

MIGRATIONS: tuple[tuple[int, str], ...] = (
    (1, """
    CREATE TABLE articles (
        id TEXT PRIMARY KEY, content_hash TEXT NOT NULL, date TEXT, outlet TEXT, title TEXT,
        url TEXT, text TEXT NOT NULL, coded_json TEXT NOT NULL, coded_at REAL NOT NULL);
    CREATE TABLE events (
        event_id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        """ + ",\n        ".join(f"{c} {'REAL' if c in ('goldstein', 'lat', 'lon', 'confidence') else 'TEXT'}"
                               for c in FLAT_EVENT_COLUMNS if c not in ("article_id", "event_id"))
     + """);
    CREATE INDEX events_article ON events(article_id);
    CREATE INDEX events_date ON events(date);
    CREATE TABLE quotes (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, n INTEGER,
        speaker_code TEXT, speaker_text TEXT, cue TEXT, kind TEXT, start INTEGER, end_ INTEGER,
        text TEXT, PRIMARY KEY (article_id, n));
    CREATE TABLE actors (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, name TEXT,
        country TEXT, sector TEXT, code TEXT, mentions INTEGER);
    CREATE INDEX actors_article ON actors(article_id);
    CREATE TABLE times (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, text TEXT,
        start INTEGER, end_ INTEGER, value TEXT, precision TEXT, kind TEXT);
    CREATE INDEX times_article ON times(article_id);
    CREATE TABLE places (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, text TEXT,
        start INTEGER, end_ INTEGER, name TEXT, country TEXT, lat REAL, lon REAL,
        geonameid INTEGER);
    CREATE INDEX places_article ON places(article_id);
    CREATE TABLE runs (
        id INTEGER PRIMARY KEY AUTOINCREMENT, started REAL, finished REAL, sources TEXT,
        read INTEGER, new INTEGER, unchanged INTEGER, recoded INTEGER, events INTEGER,
        errors INTEGER);
    CREATE TABLE errors (
        run_id INTEGER REFERENCES runs(id), source TEXT, line INTEGER, message TEXT);
    """),
)


class Store:
    """One SQLite database file; a single writer, any number of readers."""

    def __init__(self, path: str | Path = "dyad.db") -> None:
        self.path = str(path)
        try:
            self.db = sqlite3.connect(self.path, timeout=30.0, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.Error as e:
            raise StoreError(f"{self.path}: cannot open the store ({e}); check the path is a "
                             "writable dyad database") from e

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _migrate(self) -> None:
        self.db.execute("CREATE TABLE IF NOT EXISTS migrations (n INTEGER PRIMARY KEY, "
                        "applied REAL)")
        done = {row[0] for row in self.db.execute("SELECT n FROM migrations")}
        for n, sql in MIGRATIONS:
            if n in done:
                continue
            self.db.execute("BEGIN IMMEDIATE")
            try:
                for statement in sql.split(";"):
                    if statement.strip():
                        self.db.execute(statement)
                self.db.execute("INSERT INTO migrations VALUES (?, ?)", (n, time.time()))
                self.db.execute("COMMIT")
            except sqlite3.Error:
                self.db.execute("ROLLBACK")
                raise

    # -- articles ---------------------------------------------------------------------------
    def status(self, article: Article) -> str:
        """'new', 'unchanged' or 'changed' for an article about to be stored."""
        row = self.db.execute("SELECT content_hash FROM articles WHERE id = ?",
                              (article.id,)).fetchone()
        if row is None:
            return "new"
        return "unchanged" if row[0] == article.content_hash else "changed"

    def put(self, article: Article, coded: CodedArticle) -> None:
        """Write an article and all its results in one transaction (replacing older ones)."""
        db = self.db
        try:
            db.execute("BEGIN IMMEDIATE")
            db.execute("DELETE FROM articles WHERE id = ?", (article.id,))
            db.execute("INSERT INTO articles VALUES (?,?,?,?,?,?,?,?,?)", (
                article.id, article.content_hash, article.date, article.outlet, article.title,
                article.url, article.text, json.dumps(coded.to_dict(), ensure_ascii=False),
                time.time()))
            cols = FLAT_EVENT_COLUMNS
            marks = ",".join("?" * len(cols))
            rows = []
            for e in coded.events:
                flat = flatten_event(article.id, e)
                if not flat["date"] and article.date:  # an undated event takes its article's
                    flat["date"], flat["date_precision"] = article.date, "day"
                rows.append(tuple(_cell(flat[c]) for c in cols))
            db.executemany(f"INSERT INTO events ({','.join(cols)}) VALUES ({marks})", rows)
            db.executemany("INSERT INTO quotes VALUES (?,?,?,?,?,?,?,?,?)", [
                (article.id, n, q.speaker.code if q.speaker else None,
                 q.speaker.text if q.speaker else None, q.cue, q.kind, q.start, q.end, q.text)
                for n, q in enumerate(coded.quotes)])
            db.executemany("INSERT INTO actors VALUES (?,?,?,?,?,?)", [
                (article.id, a.name, a.country, a.sector, a.code, len(a.mentions))
                for a in coded.actors])
            db.executemany("INSERT INTO times VALUES (?,?,?,?,?,?,?)", [
                (article.id, t.text, t.start, t.end, t.value, t.precision, t.kind)
                for t in coded.times])
            db.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?)", [
                (article.id, p.text, p.start, p.end, p.name, p.country, p.lat, p.lon,
                 p.geonameid) for p in coded.places])
            db.execute("COMMIT")
        except sqlite3.Error as e:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise StoreError(f"{self.path}: cannot store article {article.id} ({e})") from e

    def count(self, table: str) -> int:
        if table not in ("articles", "events", "quotes", "actors", "times", "places", "runs",
                         "errors"):
            raise StoreError(f"no table {table!r} in the store")
        return int(self.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])

    def coded(self) -> Iterator[CodedArticle]:
        for (data,) in self.db.execute("SELECT coded_json FROM articles ORDER BY date, id"):
            yield CodedArticle.from_dict(json.loads(data))

    def events(self, *, since: str | None = None, until: str | None = None,
               country: str | None = None, type_: str | None = None,
               actor: str | None = None, quad: int | None = None,
               outlet: str | None = None) -> list[dict[str, Any]]:
        where, args = [], []
        if since:
            where.append("e.date >= ?")
            args.append(since)
        if until:
            where.append("e.date <= ?")
            args.append(until)
        if country:
            where.append("(e.source_country = ? OR e.target_country = ?)")
            args += [country, country]
        if actor:
            where.append("(e.source_code = ? OR e.target_code = ?)")
            args += [actor, actor]
        if type_:
            where.append("e.type = ?")
            args.append(type_.upper())
        if quad is not None:
            where.append("e.quad = ?")
            args.append(str(quad))
        if outlet:
            where.append("a.outlet = ?")
            args.append(outlet)
        sql = ("SELECT e.*, a.outlet AS outlet, a.url AS url FROM events e JOIN articles a ON "
               "a.id = e.article_id")
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY e.date, e.article_id, e.event_id"
        cur = self.db.execute(sql, args)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=False)) for row in cur]

    # -- runs -------------------------------------------------------------------------------
    def start_run(self, sources: list[str]) -> int:
        cur = self.db.execute("INSERT INTO runs (started, sources) VALUES (?, ?)",
                              (time.time(), json.dumps(sources)))
        return int(cur.lastrowid or 0)

    def finish_run(self, run_id: int, **counts: int) -> None:
        self.db.execute("UPDATE runs SET finished=?, read=?, new=?, unchanged=?, recoded=?, "
                        "events=?, errors=? WHERE id=?",
                        (time.time(), counts.get("read", 0), counts.get("new", 0),
                         counts.get("unchanged", 0), counts.get("recoded", 0),
                         counts.get("events", 0), counts.get("errors", 0), run_id))

    def add_error(self, run_id: int, source: str, line: int | None, message: str) -> None:
        self.db.execute("INSERT INTO errors VALUES (?,?,?,?)", (run_id, source, line, message))


def _cell(value: object) -> object:
    return None if value == "" else value


__all__ = ["MIGRATIONS", "Store"]
