"""``dyad bench``: the report's fields and counts on three tiny articles (never wall-clock)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from dyad.bench import BenchReport, read_corpus, run_bench, stolen_seconds
from dyad.errors import InputError
from dyad.records import Article

ARTICLES = [
    Article(id="one", text="Iraqi troops shelled the town. Residents fled north.",
            date="2016-05-01"),
    Article(id="two", text="The French president met the German chancellor in Paris."),
    Article(id="three", text="Police in Nairobi arrested twelve protesters on Friday."),
]


@pytest.fixture(scope="module")
def report(coder) -> BenchReport:
    return run_bench(ARTICLES, n=10, batch_size=2, coder=coder, rounds=1, coding_rounds=3)


def test_bench_counts_articles_words_sentences(report: BenchReport, nlp) -> None:
    assert report.articles == 3
    assert report.words == 8 + 9 + 8
    assert report.sentences == sum(len(list(nlp(a.text).sents)) for a in ARTICLES)
    assert report.batch_size == 2 and report.rounds == 1
    assert report.events >= 1


def test_bench_ratio_is_coder_over_spacy_throughput(report: BenchReport) -> None:
    assert report.spacy_articles_per_s == pytest.approx(3 / report.spacy_seconds)
    assert report.coder_articles_per_s == pytest.approx(3 / report.coder_seconds)
    assert report.ratio == pytest.approx(report.spacy_seconds / report.coder_seconds)
    assert report.coding_sentences_per_s == pytest.approx(report.sentences
                                                           / report.coding_seconds)
    assert report.coding_rounds == 3
    assert report.coding_cpu_sentences_per_s == pytest.approx(report.sentences
                                                               / report.coding_cpu_seconds)


def test_bench_reads_the_hosts_stolen_time_from_proc_stat() -> None:
    import os

    ticks = os.sysconf("SC_CLK_TCK")
    stat = (f"cpu  4591723 0 139985 1756301 4431 0 6594 {3 * ticks} 0 0\n"
            "cpu0 2295860 0 69990 878150 2215 0 3297 128409 0 0\n")
    assert stolen_seconds(stat) == pytest.approx(3.0)
    assert stolen_seconds("cpu  1 2 3 4\n") is None  # an old kernel: no steal column
    assert stolen_seconds("") is None


def test_bench_json_and_table(report: BenchReport) -> None:
    j = report.to_json()
    assert j["task"] == "bench" and j["articles"] == 3 and j["ratio"] == round(report.ratio, 3)
    assert j["spacy_words_per_s"] == round(report.words / report.spacy_seconds, 1)
    # a given coder is already loaded: nothing to time
    assert j["model_load_seconds"] == 0.0 and j["kb_load_seconds"] == 0.0
    assert j["actor_kb_load_seconds"] == 0.0 and j["gazetteer_load_seconds"] == 0.0
    assert report.rss_peak_mb >= report.rss_loaded_mb >= report.rss_start_mb > 0
    assert j["rss_run_delta_mb"] == round(report.rss_peak_mb - report.rss_loaded_mb, 1)
    json.dumps(j)
    table = report.table()
    assert table.startswith("dyad bench: 3 articles, 25 words,")
    assert "coder / spaCy" in table and "coding stage alone" in table
    assert "in CPU time" in table and "CPU stolen by the host" in table
    assert j["coding_rounds"] == 3
    assert j["coding_cpu_seconds"] == round(report.coding_cpu_seconds, 3)
    if report.stolen_seconds is not None:  # Linux: the run's own count, never negative
        assert report.stolen_seconds >= 0 and j["stolen_seconds"] == round(
            report.stolen_seconds, 2)


def test_bench_limits_to_n(coder) -> None:
    r = run_bench(ARTICLES, n=1, batch_size=4, coder=coder, rounds=1)
    assert r.articles == 1 and r.words == 8


def test_bench_rejects_bad_options(coder) -> None:
    with pytest.raises(InputError, match=r"at least 1 \(got 0, 16, 2, 5\)"):
        run_bench(ARTICLES, n=0, coder=coder)
    with pytest.raises(InputError, match=r"at least 1 \(got 1, 16, 2, 0\)"):
        run_bench(ARTICLES, n=1, coder=coder, coding_rounds=0)


def test_bench_read_corpus_gz_skips_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl.gz"
    lines = [json.dumps({"id": "a", "text": "Ships docked."}), "not json", "",
             json.dumps({"id": "b", "text": ""}), json.dumps({"id": "c", "text": "Talks ended."}),
             json.dumps({"id": "d", "text": "More."})]
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    assert [a.id for a in read_corpus(path, n=2)] == ["a", "c"]


def test_bench_read_corpus_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"missing\.jsonl: corpus not found"):
        read_corpus(tmp_path / "missing.jsonl", n=5)
    empty = tmp_path / "empty.jsonl"
    empty.write_text("[]\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"empty\.jsonl: no readable articles"):
        read_corpus(empty, n=5)
