"""``dyad bench``: the coder's throughput against spaCy alone, on the same texts, in one run.

Three timed passes over the same articles, after a warm-up of both on a few articles:

1. spaCy alone: ``nlp.pipe`` over the texts;
2. the whole coder: ``Coder.pipe`` (the same parse plus coding);
3. the coding stage alone: ``Coder.code_doc`` on the docs of the last pass,
   ``coding_rounds`` times (it is short: a few seconds), the fastest kept; its CPU time is
   kept too.

Passes 1 and 2 run ``rounds`` times, interleaved (1, 2, 1, 2, ...), and the fastest of each is
kept, so a passing load on the machine hurts both alike; the ratio of the two is the figure to
watch. Memory is the process's peak resident set (``ru_maxrss``), before and after loading and
after the passes.

On a virtual machine the host may run other guests on our cores: that time ("steal", in
``/proc/stat``) passes on the wall clock but not in the process's CPU time. The report gives the
CPU seconds stolen during the run, where Linux tells them, so that a slow run can be told from
slow code.
"""

from __future__ import annotations

import gzip
import json
import resource
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dyad.errors import InputError
from dyad.records import Article

if TYPE_CHECKING:
    from dyad.coder import Coder

WARMUP = 3
CODING_ROUNDS = 5


@dataclass(frozen=True, slots=True)
class BenchReport:
    articles: int
    words: int           # whitespace-separated words of the texts
    sentences: int       # spaCy sentences of the parsed docs
    events: int
    batch_size: int
    rounds: int
    spacy_seconds: float   # fastest spaCy-alone pass
    coder_seconds: float   # fastest whole-coder pass
    coding_seconds: float  # fastest coding-stage pass
    coding_cpu_seconds: float  # least CPU time of a coding-stage pass
    coding_rounds: int
    stolen_seconds: float | None  # CPU time the host gave other guests during the run
    model_load_seconds: float
    kb_load_seconds: float
    actor_kb_load_seconds: float   # ... of which the actor knowledge base
    gazetteer_load_seconds: float  # ... and the offline gazetteer
    rss_start_mb: float    # peak RSS when run_bench started
    rss_loaded_mb: float   # ... after the model and knowledge were loaded
    rss_peak_mb: float     # ... after all passes

    @property
    def spacy_articles_per_s(self) -> float:
        return _per(self.articles, self.spacy_seconds)

    @property
    def coder_articles_per_s(self) -> float:
        return _per(self.articles, self.coder_seconds)

    @property
    def ratio(self) -> float:
        """Coder throughput over spaCy-alone throughput (1.0: coding costs nothing)."""
        return self.coder_articles_per_s / self.spacy_articles_per_s \
            if self.spacy_articles_per_s else 0.0

    @property
    def coding_sentences_per_s(self) -> float:
        return _per(self.sentences, self.coding_seconds)

    @property
    def coding_cpu_sentences_per_s(self) -> float:
        return _per(self.sentences, self.coding_cpu_seconds)

    def to_json(self) -> dict[str, Any]:
        return {
            "task": "bench", "articles": self.articles, "words": self.words,
            "sentences": self.sentences, "events": self.events, "batch_size": self.batch_size,
            "rounds": self.rounds,
            "spacy_seconds": round(self.spacy_seconds, 3),
            "coder_seconds": round(self.coder_seconds, 3),
            "coding_seconds": round(self.coding_seconds, 3),
            "spacy_articles_per_s": round(self.spacy_articles_per_s, 2),
            "spacy_words_per_s": round(_per(self.words, self.spacy_seconds), 1),
            "coder_articles_per_s": round(self.coder_articles_per_s, 2),
            "coder_words_per_s": round(_per(self.words, self.coder_seconds), 1),
            "ratio": round(self.ratio, 3),
            "coding_articles_per_s": round(_per(self.articles, self.coding_seconds), 2),
            "coding_sentences_per_s": round(self.coding_sentences_per_s, 1),
            "coding_rounds": self.coding_rounds,
            "coding_cpu_seconds": round(self.coding_cpu_seconds, 3),
            "coding_cpu_sentences_per_s": round(self.coding_cpu_sentences_per_s, 1),
            "stolen_seconds": None if self.stolen_seconds is None
            else round(self.stolen_seconds, 2),
            "model_load_seconds": round(self.model_load_seconds, 3),
            "kb_load_seconds": round(self.kb_load_seconds, 3),
            "actor_kb_load_seconds": round(self.actor_kb_load_seconds, 3),
            "gazetteer_load_seconds": round(self.gazetteer_load_seconds, 3),
            "rss_peak_mb": round(self.rss_peak_mb, 1),
            "rss_load_delta_mb": round(self.rss_loaded_mb - self.rss_start_mb, 1),
            "rss_run_delta_mb": round(self.rss_peak_mb - self.rss_loaded_mb, 1),
        }

    def table(self) -> str:
        j = self.to_json()
        return "\n".join([
            f"dyad bench: {self.articles} articles, {self.words:,} words, {self.sentences:,} "
            f"sentences, {self.events:,} events; batch size {self.batch_size}",
            f"order: warm-up, then spaCy and coder interleaved x{self.rounds} (fastest kept), "
            f"then the coding stage on the spaCy docs x{self.coding_rounds} (fastest kept)",
            f"{'spaCy alone':<24}{j['spacy_articles_per_s']:>9.2f} articles/s"
            f"{j['spacy_words_per_s']:>10,.0f} words/s {self.spacy_seconds:>8.2f} s",
            f"{'whole coder':<24}{j['coder_articles_per_s']:>9.2f} articles/s"
            f"{j['coder_words_per_s']:>10,.0f} words/s {self.coder_seconds:>8.2f} s",
            f"{'coder / spaCy':<24}{j['ratio']:>9.3f}   (throughput ratio)",
            f"{'coding stage alone':<24}{j['coding_articles_per_s']:>9.2f} articles/s"
            f"{j['coding_sentences_per_s']:>10,.0f} sent/s  {self.coding_seconds:>8.2f} s",
            f"{'  in CPU time':<24}{'':>20}{j['coding_cpu_sentences_per_s']:>10,.0f} sent/s  "
            f"{self.coding_cpu_seconds:>8.2f} s",
            f"{'model load':<24}{self.model_load_seconds:>9.2f} s",
            f"{'knowledge load':<24}{self.kb_load_seconds:>9.2f} s  (actor KB "
            f"{self.actor_kb_load_seconds:.2f} s, gazetteer {self.gazetteer_load_seconds:.2f} s)",
            f"{'peak RSS':<24}{self.rss_peak_mb:>9.0f} MB  (+{j['rss_load_delta_mb']:.0f} MB "
            f"loading, +{j['rss_run_delta_mb']:.0f} MB running)",
            f"{'CPU stolen by the host':<24}" + (
                "    unknown (no /proc/stat)" if self.stolen_seconds is None else
                f"{self.stolen_seconds:>9.2f} s  (time other guests of this virtual machine "
                "ran on its cores; wall-clock figures include it)"),
        ])


def stolen_seconds(stat: str) -> float | None:
    """The CPU time stolen by the host, summed over cores, from the text of ``/proc/stat``
    (its first line: ``cpu user nice system idle iowait irq softirq steal ...``, in clock
    ticks); None when the text has no steal count."""
    first = stat.split("\n", 1)[0].split()
    if len(first) < 9 or first[0] != "cpu" or not first[8].isdigit():
        return None
    return int(first[8]) / _TICKS


def _read_stolen() -> float | None:
    try:
        return stolen_seconds(Path("/proc/stat").read_text(encoding="ascii"))
    except (OSError, UnicodeDecodeError):
        return None


def _ticks() -> int:
    import os

    try:
        return os.sysconf("SC_CLK_TCK")
    except (AttributeError, ValueError, OSError):
        return 100


_TICKS = _ticks()


def _per(count: int, seconds: float) -> float:
    return count / seconds if seconds > 0 else 0.0


def _peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux reports kilobytes, macOS bytes
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def read_corpus(path: str | Path, *, n: int) -> list[Article]:
    """The first ``n`` readable articles of a JSON Lines file (``.gz`` allowed)."""
    p = Path(path)
    if not p.is_file():
        raise InputError(f"{p}: corpus not found; pass a JSON Lines file (.jsonl or .jsonl.gz) "
                         "of articles with a 'text' field")
    out: list[Article] = []
    with (gzip.open(p, "rt", encoding="utf-8") if p.suffix == ".gz"
          else p.open("r", encoding="utf-8")) as fh:
        for lineno, line in enumerate(fh, start=1):
            if len(out) >= n:
                break
            if not line.strip():
                continue
            try:
                out.append(Article.from_dict(json.loads(line), where=f"{p}:{lineno}"))
            except (json.JSONDecodeError, InputError):
                continue  # a benchmark skips unusable records rather than dying on one
    if not out:
        raise InputError(f"{p}: no readable articles; each line must be a JSON object with "
                         "a non-empty 'text'")
    return out


def run_bench(corpus: str | Path | Sequence[Article], *, n: int = 500, batch_size: int = 16,
              coder: Coder | None = None, model: str | None = None,
              rounds: int = 2, coding_rounds: int = CODING_ROUNDS) -> BenchReport:
    """Benchmark the coder against spaCy alone on the first ``n`` articles of ``corpus``.

    Without a ``coder`` one is built here and the model and knowledge loads are timed; with one
    given, both load times are 0.
    """
    if n < 1 or batch_size < 1 or rounds < 1 or coding_rounds < 1:
        raise InputError(f"n, batch size, rounds and coding rounds must be at least 1 (got {n}, "
                         f"{batch_size}, {rounds}, {coding_rounds})")
    articles = (read_corpus(corpus, n=n) if isinstance(corpus, (str, Path))
                else list(corpus)[:n])
    if not articles:
        raise InputError("no articles to benchmark; give a corpus with at least one article")
    rss_start = _peak_rss_mb()
    stolen_start = _read_stolen()
    model_s = kb_s = actor_s = gaz_s = 0.0
    if coder is None:
        from dyad.coder import Coder
        from dyad.model import load_model

        t0 = time.perf_counter()
        nlp = load_model(model)
        t1 = time.perf_counter()
        coder = Coder(nlp=nlp)
        model_s, kb_s = t1 - t0, time.perf_counter() - t1
        actor_s, gaz_s = coder.load_seconds["actors"], coder.load_seconds["gazetteer"]
    rss_loaded = _peak_rss_mb()
    nlp = coder.nlp
    texts = [a.text for a in articles]

    warm = articles[:WARMUP]
    list(nlp.pipe([a.text for a in warm], batch_size=batch_size))
    list(coder.pipe(warm, batch_size=batch_size))

    spacy_s, coder_s = float("inf"), float("inf")
    docs: list[Any] = []
    events = 0
    for _ in range(rounds):
        t0 = time.perf_counter()
        docs = list(nlp.pipe(texts, batch_size=batch_size))
        spacy_s = min(spacy_s, time.perf_counter() - t0)
        t0 = time.perf_counter()
        coded = list(coder.pipe(articles, batch_size=batch_size))
        coder_s = min(coder_s, time.perf_counter() - t0)
        events = sum(len(c.events) for c in coded)

    coding_s = coding_cpu = float("inf")
    for _ in range(coding_rounds):  # the shared machine is noisy: the fastest pass, as above
        t0, c0 = time.perf_counter(), time.process_time()
        for art, doc in zip(articles, docs, strict=True):
            coder.code_doc(doc, article_id=art.id, date=art.date, article=art)
        coding_s = min(coding_s, time.perf_counter() - t0)
        coding_cpu = min(coding_cpu, time.process_time() - c0)
    stolen_end = _read_stolen()

    return BenchReport(
        articles=len(articles), words=sum(len(t.split()) for t in texts),
        sentences=sum(1 for d in docs for _ in d.sents), events=events,
        batch_size=batch_size, rounds=rounds, spacy_seconds=spacy_s, coder_seconds=coder_s,
        coding_seconds=coding_s, coding_cpu_seconds=coding_cpu, coding_rounds=coding_rounds,
        stolen_seconds=None if stolen_start is None or stolen_end is None
        else stolen_end - stolen_start,
        model_load_seconds=model_s, kb_load_seconds=kb_s,
        actor_kb_load_seconds=actor_s, gazetteer_load_seconds=gaz_s,
        rss_start_mb=rss_start, rss_loaded_mb=rss_loaded, rss_peak_mb=_peak_rss_mb())


__all__ = ["BenchReport", "read_corpus", "run_bench", "stolen_seconds"]
