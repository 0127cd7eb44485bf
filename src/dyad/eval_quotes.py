"""``dyad eval quotes``: quote attribution against PolNeAR (brat standoff).

Each article with its attributions (Source, Cue, Content; spans may be discontinuous) is scored
against :func:`dyad.quotes.find_quotes`. Where several annotators marked one article, the first
annotation in name order is the gold. Matching is one-to-one in text order:

* content: the predicted quote covers at least half of the gold content's whitespace tokens;
* attribution: content matches and the predicted speaker span overlaps the gold source span, or
  the predicted speaker resolves to the person the gold source names (same surname: "Shah" in
  the gold, "he" bound to Raj Shah in dyad's output).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dyad.errors import InputError

if TYPE_CHECKING:
    from spacy.language import Language

RULE = ("a predicted quote matches a gold attribution when it covers >= 50% of the gold "
        "content's word tokens (punctuation and quotation marks are not tokens); it is attributed "
        "right when, too, its speaker span overlaps the gold source span or its speaker resolves "
        "to the person the gold source names (same surname) (one-to-one, text order; first "
        "annotator per article)")
_TOKEN = re.compile(r"\w+(?:['\u2019.-]\w+)*")  # words: a quote mark is no part of the content
_ANN_LINE = re.compile(r"[TE]\d+\t")
Spans = tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    content: Spans
    source: Spans


@dataclass(frozen=True, slots=True)
class PredictedQuote:
    content: tuple[int, int]
    speaker: tuple[int, int] | None
    speaker_name: str | None = None  # the person the speaker resolves to, if any


def _spans(field_text: str) -> Spans:
    out = []
    for part in field_text.split(";"):
        a, b = part.split()
        out.append((int(a), int(b)))
    return tuple(out)


def read_brat(path: Path) -> list[GoldAttribution]:
    spans: dict[str, tuple[str, Spans]] = {}
    relations: list[dict[str, str]] = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or not _ANN_LINE.match(line):
            continue  # a span's text may run over lines: only 'T12<tab>' / 'E3<tab>' lines count
        try:
            if line.startswith("T"):
                tid, info, _ = line.split("\t", 2)
                label, _, offsets = info.partition(" ")
                spans[tid] = (label, _spans(offsets))
            elif line.startswith("E"):
                _, args = line.split("\t", 1)
                relations.append(dict(a.split(":", 1) for a in args.split()))
        except ValueError as e:
            raise InputError(f"{path}:{lineno}: not a brat standoff line ({e})") from e
    out = []
    for rel in relations:
        content = spans.get(rel.get("Content", ""), ("", ()))[1]
        source = spans.get(rel.get("Source", ""), ("", ()))[1]
        if content:
            out.append(GoldAttribution(content, source))
    return out


def _tokens(text: str, spans: Spans) -> list[tuple[int, int]]:
    toks = []
    for a, b in spans:
        toks += [(a + m.start(), a + m.end()) for m in _TOKEN.finditer(text[a:b])]
    return toks


def _overlaps(a: Spans, b: tuple[int, int]) -> bool:
    return any(s < b[1] and b[0] < e for s, e in a)


@dataclass
class QuoteReport:
    gold: int = 0
    predicted: int = 0
    content_matched: int = 0
    attributed: int = 0
    articles: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        def f1(tp: int) -> tuple[float, float, float]:
            p = tp / self.predicted if self.predicted else 0.0
            r = tp / self.gold if self.gold else 0.0
            return round(p, 4), round(r, 4), round(2 * p * r / (p + r), 4) if p + r else 0.0

        p, r, f = f1(self.attributed)
        cp, cr, cf = f1(self.content_matched)
        return {"task": "quotes", "articles": self.articles, "gold": self.gold,
                "predicted": self.predicted, "precision": p, "recall": r, "f1": f,
                "content_precision": cp, "content_recall": cr, "content_f1": cf,
                "predicted_by_kind": dict(sorted(self.by_kind.items())), "rule": RULE}

    def table(self) -> str:
        j = self.to_json()
        return "\n".join([
            f"dyad eval quotes: {RULE}.", "",
            f"articles {j['articles']}  gold attributions {j['gold']}  predicted {j['predicted']}",
            f"{'':<14}{'P':>8}{'R':>8}{'F1':>8}",
            f"{'attribution':<14}{j['precision']:>8.3f}{j['recall']:>8.3f}{j['f1']:>8.3f}",
            f"{'content only':<14}{j['content_precision']:>8.3f}{j['content_recall']:>8.3f}"
            f"{j['content_f1']:>8.3f}"])


def score_article(report: QuoteReport, text: str, gold: Sequence[GoldAttribution],
                  predicted: Sequence[PredictedQuote]) -> None:
    report.articles += 1
    report.gold += len(gold)
    report.predicted += len(predicted)
    used: set[int] = set()
    for g in sorted(gold, key=lambda g: g.content[0]):
        toks = _tokens(text, g.content)
        if not toks:
            continue
        best, best_cover = None, 0.5
        for k, q in enumerate(predicted):
            if k in used:
                continue
            covered = sum(1 for a, b in toks if q.content[0] <= a and b <= q.content[1])
            if covered / len(toks) >= best_cover:
                best, best_cover = k, covered / len(toks)
        if best is None:
            continue
        used.add(best)
        report.content_matched += 1
        speaker = predicted[best].speaker
        if speaker is not None and g.source and _overlaps(g.source, speaker) or \
                _names(text, g.source, predicted[best].speaker_name):
            report.attributed += 1


_NAME = re.compile(r"[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)*")


def _names(text: str, source: Spans, name: str | None) -> bool:
    """Does the gold source name the person dyad resolved the speaker to? Surnames compared."""
    if not name or not source:
        return False
    surname = _NAME.findall(name)
    words = set(_NAME.findall(" ".join(text[a:b] for a, b in source)))
    return bool(surname) and surname[-1] in words


def evaluate_quotes(gold_dir: str | Path, *, nlp: Language,
                    limit: int | None = None) -> QuoteReport:
    root = Path(gold_dir)
    ann_dir, text_dir = root / "attributions", root / "text"
    if not ann_dir.is_dir() or not text_dir.is_dir():
        raise InputError(f"{root}: expected 'attributions/' and 'text/' folders; pass a PolNeAR "
                         "split such as ../shared/data/gold/polnear/dev")
    chosen: dict[str, Path] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        stem = ann.stem.rsplit("_", 1)[0]  # the annotator's id ends the name
        chosen.setdefault(stem, ann)
    items = [(text_dir / f"{stem}.txt", ann) for stem, ann in sorted(chosen.items())
             if (text_dir / f"{stem}.txt").is_file()][:limit]
    texts = [t.read_text(encoding="utf-8") for t, _ in items]
    from dyad.coder import Coder

    coder = Coder(nlp=nlp)
    report = QuoteReport()
    for (_, ann), text in zip(items, texts, strict=True):
        predicted = []
        for q in coder.code(text, date=None).quotes:
            report.by_kind[q.kind] = report.by_kind.get(q.kind, 0) + 1
            sp = q.speaker
            speaker = (sp.start, sp.end) if sp is not None and sp.start is not None \
                and sp.end is not None else None
            name = sp.name if sp is not None else None
            predicted.append(PredictedQuote((q.start, q.end), speaker, name))
        score_article(report, text, read_brat(ann), predicted)
    return report


__all__ = ["GoldAttribution", "PredictedQuote", "QuoteReport", "RULE", "evaluate_quotes",
           "read_brat", "score_article"]
