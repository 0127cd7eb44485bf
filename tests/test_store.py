import csv
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pyarrow.parquet as pq
import pytest

from dyad.export import GDELT_COLUMNS, POLECAT_COLUMNS, export
from dyad.ingest import ingest
from dyad.records import Actor, CodedArticle, Event, SentenceRef, TextSpan
from dyad.store import Store

TEXT = "Chilean police arrested {n} protesters in Santiago on Friday, officials said."


class FakeCoder:
    """Codes every article as one COERCE event; counts what it was asked to code."""

    def __init__(self):
        self.coded = 0

    def pipe(self, articles, *, n_process=1, batch_size=16):
        for art in articles:
            self.coded += 1
            ev = Event(event_id=f"{art.id}:1", type="COERCE", cameo="173", quad=4,
                       goldstein=-5.0, trigger=TextSpan("arrested", 15, 23),
                       sentence=SentenceRef(0, 0, len(art.text)), rule="v:arrest>COERCE",
                       source=Actor("Chilean police", "Chile", "CHL", "COP", "CHLCOP", 0, 14),
                       target=Actor("protesters", None, None, "CVL", "CVL", 33, 43))
            yield CodedArticle(id=art.id, date=art.date, events=(ev,))


def _corpus(path, n, *, offset=0):
    with path.open("w", encoding="utf-8") as fh:
        for i in range(offset, offset + n):
            fh.write(json.dumps({"id": f"a{i}", "date": f"2016-01-0{1 + i % 9}",
                                 "outlet": "Wire", "text": TEXT.format(n=i + 2)}) + "\n")


def test_store_ingest_twice_changes_nothing(tmp_path):
    src = tmp_path / "c.jsonl"
    _corpus(src, 5)
    coder = FakeCoder()
    with Store(tmp_path / "s.db") as store:
        first = ingest([str(src)], store, coder)
        second = ingest([str(src)], store, coder)
        assert (first.new, first.events, second.new, second.unchanged) == (5, 5, 0, 5)
        assert coder.coded == 5
        assert (store.count("articles"), store.count("events"), store.count("runs")) == (5, 5, 2)


def test_store_changed_text_is_recoded_in_place(tmp_path):
    src = tmp_path / "c.jsonl"
    _corpus(src, 3)
    with Store(tmp_path / "s.db") as store:
        ingest([str(src)], store, FakeCoder())
        src.write_text(src.read_text().replace("arrested 3", "arrested 30"), encoding="utf-8")
        again = ingest([str(src)], store, FakeCoder())
        assert (again.recoded, again.unchanged, store.count("articles")) == (1, 2, 3)
        assert store.count("events") == 3


def test_store_migrations_are_recorded_once(tmp_path):
    Store(tmp_path / "s.db").close()
    Store(tmp_path / "s.db").close()
    db = sqlite3.connect(tmp_path / "s.db")
    assert db.execute("SELECT n FROM migrations").fetchall() == [(1,)]
    assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_store_bad_records_are_logged_with_the_run(tmp_path):
    src = tmp_path / "c.jsonl"
    src.write_text(json.dumps({"id": "a", "text": TEXT.format(n=2)}) + "\n{bad\n",
                   encoding="utf-8")
    with Store(tmp_path / "s.db") as store:
        summary = ingest([str(src)], store, FakeCoder())
        assert (summary.new, summary.errors) == (1, 1)
        rows = store.db.execute("SELECT source, line FROM errors").fetchall()
        assert rows == [(str(src), 2)]


def test_store_query_filters(tmp_path):
    src = tmp_path / "c.jsonl"
    _corpus(src, 6)
    with Store(tmp_path / "s.db") as store:
        ingest([str(src)], store, FakeCoder())
        assert len(store.events(country="CHL")) == 6
        assert len(store.events(country="IRQ")) == 0
        assert len(store.events(since="2016-01-04", until="2016-01-05")) == 2
        assert len(store.events(type_="coerce", quad=4, outlet="Wire")) == 6


def test_store_exports_read_back(tmp_path):
    src = tmp_path / "c.jsonl"
    _corpus(src, 4)
    with Store(tmp_path / "s.db") as store:
        ingest([str(src)], store, FakeCoder())
        rows = store.events()
    out = io.StringIO()
    assert export(rows, "gdelt", out) == 4
    lines = out.getvalue().splitlines()
    assert len(GDELT_COLUMNS) == 61
    assert all(len(line.split("\t")) == 61 for line in lines)
    first = dict(zip(GDELT_COLUMNS, lines[0].split("\t"), strict=True))
    assert (first["SQLDATE"], first["Actor1Code"], first["Actor1CountryCode"], first["EventCode"],
            first["EventRootCode"], first["QuadClass"]) == ("20160101", "CHLCOP", "CHL", "173",
                                                            "17", "4")
    out = io.StringIO()
    export(rows, "polecat", out)
    table = list(csv.reader(io.StringIO(out.getvalue()), delimiter="\t"))
    assert tuple(table[0]) == POLECAT_COLUMNS and len(table) == 5
    out = io.StringIO()
    export(rows, "csv", out)
    assert len(list(csv.DictReader(io.StringIO(out.getvalue())))) == 4
    export(rows, "parquet", None, path=str(tmp_path / "e.parquet"))
    table = pq.read_table(tmp_path / "e.parquet")
    assert table.num_rows == 4
    assert (str(table.schema.field("goldstein").type), str(table.schema.field("quad").type),
            str(table.schema.field("source_code").type)) == ("double", "int64", "string")
    assert table.column("goldstein")[0].as_py() == -5.0 and table.column("quad")[0].as_py() == 4


def _children(pid):
    path = f"/proc/{pid}/task/{pid}/children"
    if not os.path.exists(path):
        pytest.skip("needs Linux /proc to see worker processes")
    with open(path) as fh:
        return [int(p) for p in fh.read().split()]


def _alive(pid):
    try:
        with open(f"/proc/{pid}/status") as fh:
            return "\tZ" not in next(line for line in fh if line.startswith("State:"))
    except FileNotFoundError:
        return False


N_KILL = 400  # enough that two workers cannot finish between two polls


@pytest.mark.slow
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_store_kill_during_ingest_then_resume(tmp_path, coder, jobs):
    src = tmp_path / "c.jsonl"
    _corpus(src, N_KILL)
    db = tmp_path / "s.db"
    cmd = [sys.executable, "-m", "dyad", "ingest", str(src), "--db", str(db), "--quiet",
           "--batch-size", "4", "--jobs", jobs]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    seen = 0
    deadline = time.time() + 120
    while time.time() < deadline and proc.poll() is None:
        if db.exists():
            try:
                with Store(db) as reader:  # a reader queries while the writer ingests
                    seen = reader.count("articles")
                    reader.events(country="CHL")
            except Exception:
                seen = 0
        if seen >= 8:
            break
        time.sleep(0.2)
    assert proc.poll() is None, "ingest finished before it could be killed"
    workers = _children(proc.pid)
    assert len(workers) == int(jobs) - (1 if jobs == "1" else 0)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    deadline = time.time() + 10
    while time.time() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.1)
    assert not any(_alive(w) for w in workers), "a worker outlived the killed writer"
    with Store(db) as store:
        partial = store.count("articles")
        assert 8 <= partial < N_KILL and store.count("events") >= partial
    resumed = subprocess.run([*cmd, "--resume"], capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    assert f"{N_KILL - partial} new" in resumed.stdout and f"{partial} unchanged" in resumed.stdout
    with Store(db) as store:
        assert store.count("articles") == N_KILL
        ids = [r[0] for r in store.db.execute("SELECT article_id FROM events")]
        assert len(set(ids)) == N_KILL
