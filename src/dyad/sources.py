"""Reading articles: text files, JSON Lines (also .gz), CSV, HTML pages, RSS/Atom feeds, WARC.

Every reader yields :class:`~dyad.records.Article`; a bad record is reported to an
:class:`ErrorSink` with its source and line, counted, and skipped, so one bad record never costs
a good one.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from dyad.errors import InputError
from dyad.pubdate import normalize_pub_date
from dyad.records import Article

MAX_TEXT_CHARS = 1_000_000
TEXT_SUFFIXES = (".txt", ".text")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
JSON_SUFFIXES = (".json",)
HTML_SUFFIXES = (".html", ".htm")
FEED_SUFFIXES = (".rss", ".atom", ".xml")
WARC_SUFFIXES = (".warc",)
ENGLISH_HINTS = frozenset({
    "the", "of", "and", "to", "in", "a", "an", "is", "are", "was", "were", "be", "been", "that",
    "for", "on", "said", "with", "by", "as", "it", "its", "at", "from", "has", "have", "had",
    "against", "after", "over", "into", "their", "his", "her", "they", "he", "she", "we", "will",
    "would", "not", "but", "or", "this", "which", "who", "than", "about", "also", "says"})
# common words of the languages news most often arrives in besides English
FOREIGN_HINTS = frozenset({
    "le", "la", "les", "des", "du", "et", "est", "une", "dans", "pour", "avec", "sur", "qui",
    "el", "los", "las", "del", "y", "es", "en", "por", "con", "para", "una", "que", "der",
    "die", "das", "und", "ist", "den", "mit", "nicht", "ein", "eine", "il", "di", "che", "per",
    "sono", "della", "os", "não", "uma", "com", "het", "een", "van", "dat", "yang", "dan",
    "dengan", "ve", "bir", "bu", "ile", "için"})


@dataclass(frozen=True, slots=True)
class RecordError:
    source: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.message}"


@dataclass(slots=True)
class ErrorSink:
    """Collects bad records; ``echo`` gets one line per record as it happens."""

    echo: Callable[[str], None] | None = None
    errors: list[RecordError] = field(default_factory=list)

    def report(self, source: str, line: int | None, message: str) -> None:
        err = RecordError(source, line, message)
        self.errors.append(err)
        if self.echo is not None:
            self.echo(f"dyad: skipped {err}")

    @property
    def count(self) -> int:
        return len(self.errors)


def read_articles(paths: Sequence[str], *, date: str | None = None,
                  errors: ErrorSink | None = None) -> Iterator[Article]:
    """Articles from files, directories (walked in name order) or '-' (stdin)."""
    sink = errors if errors is not None else ErrorSink()
    for raw in paths:
        if raw == "-":
            yield from _from_stream("<stdin>", sys.stdin, date, sink)
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                yield from _from_file(child, date, sink)
        elif path.is_file():
            yield from _from_file(path, date, sink)
        else:
            raise InputError(f"{raw}: no such file or directory; give files, directories or '-'")


def estimate_records(paths: Sequence[str]) -> int | None:
    """How many records ``paths`` hold, for a progress bar: lines of JSON Lines and CSV, one per
    text or HTML file; None when a source cannot be counted cheaply (stdin, feeds, WARC)."""
    total = 0
    for raw in paths:
        path = Path(raw)
        if raw == "-" or not path.exists():
            return None
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for f in files:
            base = f.name.lower().removesuffix(".gz")
            if base.endswith(JSONL_SUFFIXES) or base.endswith((".csv", ".tsv")):
                try:
                    with _open_text(f) as fh:
                        lines = sum(1 for line in fh if line.strip())
                except (OSError, EOFError, gzip.BadGzipFile):
                    continue
                total += lines - (1 if base.endswith((".csv", ".tsv")) and lines else 0)
            elif base.endswith(HTML_SUFFIXES + TEXT_SUFFIXES) or "." not in base:
                total += 1
            else:
                return None
    return total


def _from_file(path: Path, date: str | None, sink: ErrorSink) -> Iterator[Article]:
    name = path.name.lower()
    base = name.removesuffix(".gz")
    try:
        if base.endswith(JSONL_SUFFIXES):
            with _open_text(path) as fh:
                yield from _jsonl(str(path), fh, date, sink, folder=path.parent)
        elif base.endswith(JSON_SUFFIXES):
            yield from _json(path, date, sink)
        elif base.endswith(".csv") or base.endswith(".tsv"):
            with _open_text(path) as fh:
                yield from _csv(str(path), fh, date, sink, delimiter="\t" if base.endswith(".tsv") else ",")
        elif base.endswith(HTML_SUFFIXES):
            yield from _html(path, date, sink)
        elif base.endswith(FEED_SUFFIXES):
            yield from _feed(path, date, sink)
        elif base.endswith(WARC_SUFFIXES) or name.endswith(".warc.gz"):
            yield from _warc(path, date, sink)
        elif base.endswith(TEXT_SUFFIXES) or "." not in base:
            yield from _text_file(path, date, sink)
        else:
            sink.report(str(path), None, "unknown file type; use .txt, .jsonl, .csv, .html, "
                                         ".rss/.xml or .warc (optionally .gz)")
    except (OSError, EOFError, gzip.BadGzipFile) as e:
        sink.report(str(path), None, f"cannot read the file ({e}); check it is complete")


def _open_text(path: Path) -> IO[str]:
    if path.name.lower().endswith(".gz"):
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8", errors="replace")
    return path.open("r", encoding="utf-8", errors="replace", newline="")


def _from_stream(source: str, fh: IO[str], date: str | None, sink: ErrorSink) -> Iterator[Article]:
    head = fh.read(1)
    rest = fh.read()
    data = head + rest
    if data.lstrip().startswith("{"):
        yield from _jsonl(source, io.StringIO(data), date, sink)
    else:
        art = _make(source, None, {"id": "stdin", "text": data}, date, sink)
        if art is not None:
            yield art


def _make(source: str, line: int | None, data: dict, date: str | None,
          sink: ErrorSink) -> Article | None:
    """Validate one record; report and return None when it is bad."""
    where = f"{source}:{line}" if line is not None else source
    try:
        art = Article.from_dict(data, where=where)
        pub = normalize_pub_date(art.date, where=where) or date
    except InputError as e:
        sink.report(source, line, str(e).split(": ", 1)[-1])
        return None
    text = art.text
    if "\x00" in text[:2000]:
        sink.report(source, line, "the text is binary, not plain text; give UTF-8 text")
        return None
    if len(text) > MAX_TEXT_CHARS:
        sink.report(source, line, f"the text has {len(text):,} characters, over the "
                                  f"{MAX_TEXT_CHARS:,} limit; split it into articles")
        return None
    if not _looks_english(text):
        sink.report(source, line, "the text does not look like English; dyad codes English "
                                  "news only")
        return None
    return Article(id=art.id, text=text, title=art.title, date=pub, outlet=art.outlet,
                   url=art.url)


def _looks_english(text: str) -> bool:
    """English unless the letters are mostly of another script or the common words are another
    language's: short headlines with no function words ("Rebels shelled troops near Idlib")
    pass."""
    sample = text[:3000]
    letters = [ch for ch in sample if ch.isalpha()]
    if letters and sum(ch.isascii() for ch in letters) / len(letters) < 0.7:
        return False
    words = [w.strip(".,;:!?\"'()") for w in sample.lower().split()]
    english = sum(1 for w in words if w in ENGLISH_HINTS)
    foreign = sum(1 for w in words if w in FOREIGN_HINTS)
    if len(words) >= 20 and english / len(words) < 0.04:
        return False
    return not (foreign >= 2 and foreign > english)


def _json(path: Path, date: str | None, sink: ErrorSink) -> Iterator[Article]:
    """A .json file: one article object, a list of them, or JSON Lines under a .json name."""
    with _open_text(path) as fh:
        data = fh.read()
    try:
        whole = json.loads(data)
    except json.JSONDecodeError:
        yield from _jsonl(str(path), io.StringIO(data), date, sink, folder=path.parent)
        return
    records = whole if isinstance(whole, list) else [whole]
    for n, record in enumerate(records, start=1):
        line = n if isinstance(whole, list) else None
        record = _with_text_file(record, path.parent, str(path), line, sink)
        if record is None:
            continue
        art = _make(str(path), line, record, date, sink)
        if art is not None:
            yield art


def _with_text_file(data: Any, folder: Path | None, source: str, line: int | None,
                    sink: ErrorSink) -> Any:
    """A record without 'text' may name the file that holds it ('text_file', relative to the
    record's own file): metadata beside the story, as in dyad's shared examples."""
    if (not isinstance(data, dict) or folder is None or data.get("text")
            or not isinstance(data.get("text_file"), str)):
        return data
    target = folder / data["text_file"]
    try:
        text = target.read_text(encoding="utf-8", errors="replace")
    except OSError as e:
        sink.report(source, line, f"cannot read its text_file {target} ({e.strerror}); put the "
                                  "text file beside the record or give 'text'")
        return None
    return {**data, "text": text}


def _jsonl(source: str, fh: IO[str], date: str | None, sink: ErrorSink, *,
           folder: Path | None = None) -> Iterator[Article]:
    for lineno, line in enumerate(fh, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as e:
            sink.report(source, lineno, f"malformed JSON ({e.msg} at column {e.colno}); write "
                                        "one JSON object per line")
            continue
        data = _with_text_file(data, folder, source, lineno, sink)
        if data is None:
            continue
        art = _make(source, lineno, data, date, sink)
        if art is not None:
            yield art


def _csv(source: str, fh: IO[str], date: str | None, sink: ErrorSink, *,
         delimiter: str) -> Iterator[Article]:
    csv.field_size_limit(MAX_TEXT_CHARS * 4)
    reader = csv.DictReader(fh, delimiter=delimiter)
    if reader.fieldnames is None or "text" not in reader.fieldnames:
        sink.report(source, 1, "the header has no 'text' column; name the columns id, text, "
                               "title, date, outlet, url")
        return
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            sink.report(source, reader.line_num, f"malformed CSV ({e}); check the quoting")
            continue
        if None in row:
            sink.report(source, reader.line_num, "the row has more cells than the header; check "
                                                 "the quoting")
            continue
        art = _make(source, reader.line_num, dict(row), date, sink)
        if art is not None:
            yield art


def _text_file(path: Path, date: str | None, sink: ErrorSink) -> Iterator[Article]:
    raw = path.read_bytes()
    if b"\x00" in raw[:2000]:
        sink.report(str(path), None, "the file is binary, not text; give a UTF-8 text file")
        return
    art = _make(str(path), None, {"id": path.stem, "text": raw.decode("utf-8", "replace")},
                date, sink)
    if art is not None:
        yield art


def _html(path: Path, date: str | None, sink: ErrorSink) -> Iterator[Article]:
    import trafilatura

    html = path.read_text(encoding="utf-8", errors="replace")
    text = trafilatura.extract(html, include_comments=False, include_tables=False)
    meta = trafilatura.extract_metadata(html)
    if not text:
        sink.report(str(path), None, "no article text found in the HTML page")
        return
    data = {"id": path.stem, "text": text,
            "title": getattr(meta, "title", None) if meta else None,
            "date": getattr(meta, "date", None) if meta else None,
            "url": getattr(meta, "url", None) if meta else None}
    art = _make(str(path), None, data, date, sink)
    if art is not None:
        yield art


def _feed(path: Path, date: str | None, sink: ErrorSink) -> Iterator[Article]:
    import feedparser

    feed = feedparser.parse(path.read_bytes())
    if feed.bozo and not feed.entries:
        sink.report(str(path), None, f"not a readable RSS/Atom feed ({feed.bozo_exception})")
        return
    outlet = feed.feed.get("title")
    for n, entry in enumerate(feed.entries, start=1):
        body = ""
        if entry.get("content"):
            body = entry.content[0].get("value", "")
        body = body or entry.get("summary", "")
        text = _strip_html(body)
        published = entry.get("published_parsed") or entry.get("updated_parsed")
        pub = f"{published.tm_year:04d}-{published.tm_mon:02d}-{published.tm_mday:02d}" \
            if published else None
        data = {"id": entry.get("id") or entry.get("link") or f"{path.stem}-{n}", "text": text,
                "title": entry.get("title"), "date": pub, "url": entry.get("link"),
                "outlet": outlet}
        art = _make(str(path), n, data, date, sink)
        if art is not None:
            yield art


def _strip_html(html: str) -> str:
    if "<" not in html:
        return html
    import lxml.html

    try:
        return lxml.html.fromstring(html).text_content().strip()
    except Exception:  # lxml raises several types on fragments it cannot parse
        return html


def _warc(path: Path, date: str | None, sink: ErrorSink) -> Iterator[Article]:
    import trafilatura
    from warcio.archiveiterator import ArchiveIterator

    with path.open("rb") as fh:
        for n, record in enumerate(ArchiveIterator(fh), start=1):
            if record.rec_type != "response":
                continue
            ctype = record.http_headers.get_header("Content-Type") if record.http_headers else ""
            if ctype and "html" not in ctype:
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            html = record.content_stream().read().decode("utf-8", "replace")
            text = trafilatura.extract(html)
            if not text:
                sink.report(str(path), n, f"no article text in the page {url}")
                continue
            wdate = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
            art = _make(str(path), n, {"id": url or f"{path.stem}-{n}", "text": text,
                                       "url": url, "date": wdate}, date, sink)
            if art is not None:
                yield art


__all__ = ["ErrorSink", "RecordError", "read_articles"]
