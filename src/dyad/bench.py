"""``dyad bench``: the coder's throughput against spaCy alone, on the same texts, in one run.

Three timed passes over the same articles: (1) spaCy alone (``nlp.pipe``), (2) the whole coder
(``Coder.pipe``: parse + coding), and (3) the coding stage alone on the docs of pass 1. Passes 1
and 2 are run twice, interleaved (1, 2, 1, 2), and the faster of each pair is kept, so a
passing load on the machine hurts both alike. Figures are ratios within the run.
"""

from __future__ import annotations

import gzip
import json
import resource
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dyad.errors import InputError
from dyad.records import Article

if TYPE_CHECKING:
    from dyad.coder import Coder


@dataclass(frozen=True, slots=True)
class BenchReport:
    articles: int
    words: int
    sentences: int
    events: int
    spacy_seconds: float
    coder_seconds: float
    coding_seconds: float
    load_seconds: float
    peak_rss_mb: float

    @property
    def spacy_articles_per_s(self) -> float:
        return self.articles / self.spacy_seconds if self.spacy_seconds else 0.0

    @property
    def coder_articles_per_s(self) -> float:
        return self.articles / self.coder_seconds if self.coder_seconds else 0.0

    @property
    def ratio(self) -> float:
        """Coder throughput as a share of spaCy-alone throughput (1.0 = no cost)."""
        return self.spacy_seconds / self.coder_seconds if self.coder_seconds else 0.0

    @property
    def coding_sentences_per_s(self) -> float:
        return self.sentences / self.coding_seconds if self.coding_seconds else 0.0

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out.update(task="bench", spacy_articles_per_s=round(self.spacy_articles_per_s, 2),
                   coder_articles_per_s=round(self.coder_articles_per_s, 2),
                   spacy_words_per_s=round(self.words / self.spacy_seconds, 1)
                   if self.spacy_seconds else 0.0,
                   coder_words_per_s=round(self.words / self.coder_seconds, 1)
                   if self.coder_seconds else 0.0,
                   ratio=round(self.ratio, 3),
                   coding_sentences_per_s=round(self.coding_sentences_per_s, 1))
        return out

    def table(self) -> str:
        j = self.to_json()
        return "\n".join([
            f"dyad bench: {self.articles} articles, {self.words:,} words, {self.sentences:,} "
            f"sentences, {self.events:,} events",
            f"{'spaCy alone':<26}{j['spacy_articles_per_s']:>10.2f} articles/s"
            f"{j['spacy_words_per_s']:>12,.0f} words/s",
            f"{'whole coder':<26}{j['coder_articles_per_s']:>10.2f} articles/s"
            f"{j['coder_words_per_s']:>12,.0f} words/s",
            f"{'coder / spaCy':<26}{j['ratio']:>10.3f}",
            f"{'coding stage alone':<26}{j['coding_sentences_per_s']:>10,.0f} sentences/s",
            f"{'knowledge + model load':<26}{self.load_seconds:>10.2f} s",
            f"{'peak memory (RSS)':<26}{self.peak_rss_mb:>10.0f} MB",
        ])


def read_corpus(path: str | Path, n: int) -> list[Article]:
    p = Path(path)
    if not p.is_file():
        raise InputError(f"{p}: corpus not found; pass a JSON Lines file (.jsonl or .jsonl.gz) "
                         "with a 'text' field")
    opener = gzip.open if p.name.endswith(".gz") else open
    out: list[Article] = []
    with opener(p, "rt", encoding="utf-8") as fh:  # type: ignore[operator]
        for lineno, line in enumerate(fh, start=1):
            if len(out) >= n:
                break
            try:
                out.append(Article.from_dict(json.loads(line), where=f"{p}:{lineno}"))
            except (json.JSONDecodeError, InputError):
                continue
    if not out:
        raise InputError(f"{p}: no readable articles; each line must be a JSON object with 'text'")
    return out


def run_bench(articles: list[Article], *, coder: "Coder", batch_size: int = 16,
              load_seconds: float = 0.0) -> BenchReport:
    nlp = coder.nlp
    texts = [a.text for a in articles]
    warm = articles[: min(3, len(articles))]
    list(coder.pipe(warm, batch_size=batch_size))
    spacy_times, coder_times = [], []
    docs = []
    for _ in range(2):
        t0 = time.perf_counter()
        docs = list(nlp.pipe(texts, batch_size=batch_size))
        spacy_times.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        coded = list(coder.pipe(articles, batch_size=batch_size))
        coder_times.append(time.perf_counter() - t0)
    t0 = time.perf_counter()
    for art, doc in zip(articles, docs):
        coder.code_doc(doc, article_id=art.id, date=art.date, article=art)
    coding = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return BenchReport(articles=len(articles), words=sum(len(d) for d in docs),
                       sentences=sum(1 for d in docs for _ in d.sents),
                       events=sum(len(c.events) for c in coded),
                       spacy_seconds=round(min(spacy_times), 4),
                       coder_seconds=round(min(coder_times), 4), coding_seconds=round(coding, 4),
                       load_seconds=round(load_seconds, 3), peak_rss_mb=round(peak, 1))


__all__ = ["BenchReport", "read_corpus", "run_bench"]
