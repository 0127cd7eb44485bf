"""``dyad eval times``: time expressions against TempEval-3 TimeML (TimeBank, AQUAINT).

Each .tml file is one article; its creation time (DCT) is the publication date. A predicted
expression matches a gold TIMEX3 when their character spans overlap (one-to-one, in text
order). Extraction precision/recall/F1 count matches; value accuracy is the share of matched
expressions whose TIMEX3 value is exactly the gold one.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dyad.errors import InputError
from dyad.timex import find_times

if TYPE_CHECKING:
    from spacy.language import Language


@dataclass(frozen=True, slots=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class TimeMLDoc:
    name: str
    dct: str | None
    text: str
    timexes: tuple[GoldTimex, ...]


def read_timeml(path: Path) -> TimeMLDoc:
    """The TEXT of a TimeML file as plain text with its TIMEX3 spans, and the DCT date."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        raise InputError(f"{path}: not a TimeML file ({e})") from e
    dct_el = root.find("DCT/TIMEX3")
    dct = (dct_el.get("value") or "")[:10] if dct_el is not None else None
    text_el = root.find("TEXT")
    if text_el is None:
        raise InputError(f"{path}: no <TEXT> element; give TimeML files")
    parts: list[str] = []
    timexes: list[GoldTimex] = []
    pos = 0

    def walk(el: ET.Element) -> None:
        nonlocal pos
        start = pos
        if el.text:
            parts.append(el.text)
            pos += len(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
                pos += len(child.tail)
        if el.tag == "TIMEX3":
            timexes.append(GoldTimex(start, pos, "".join(parts)[start:pos],
                                     el.get("type", ""), el.get("value", "")))

    walk(text_el)
    return TimeMLDoc(path.stem, dct if dct and len(dct) == 10 else None, "".join(parts),
                     tuple(timexes))


@dataclass
class CorpusScore:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    value_correct: int = 0
    by_type: dict[str, list[int]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        p = self.matched / self.predicted if self.predicted else 0.0
        r = self.matched / self.gold if self.gold else 0.0
        return {"gold": self.gold, "predicted": self.predicted, "matched": self.matched,
                "precision": round(p, 4), "recall": round(r, 4),
                "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
                "value_accuracy": round(self.value_correct / self.matched, 4)
                if self.matched else 0.0}


@dataclass
class TimeReport:
    corpora: dict[str, CorpusScore] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"task": "times"}
        for name, score in self.corpora.items():
            for k, v in score.to_json().items():
                out[f"{name}_{k}"] = v
        return out

    def table(self) -> str:
        lines = ["dyad eval times: a predicted expression matches a gold TIMEX3 whose span it "
                 "overlaps (one-to-one); value accuracy is exact TIMEX3 value equality among "
                 "matches; the DCT is the publication date.", "",
                 f"{'corpus':<12}{'gold':>6}{'pred':>6}{'P':>8}{'R':>8}{'F1':>8}{'value':>8}"]
        for name, score in self.corpora.items():
            j = score.to_json()
            lines.append(f"{name:<12}{j['gold']:>6}{j['predicted']:>6}{j['precision']:>8.3f}"
                         f"{j['recall']:>8.3f}{j['f1']:>8.3f}{j['value_accuracy']:>8.3f}")
        return "\n".join(lines)


def score_doc(score: CorpusScore, gold: Sequence[GoldTimex],
              predicted: Sequence[tuple[int, int, str | None]], errors: list[str],
              name: str) -> None:
    """Greedy one-to-one overlap matching in text order."""
    score.gold += len(gold)
    score.predicted += len(predicted)
    used: set[int] = set()
    for g in gold:
        hit = next((k for k, (s, e, _) in enumerate(predicted)
                    if k not in used and s < g.end and g.start < e), None)
        if hit is None:
            continue
        used.add(hit)
        score.matched += 1
        value = predicted[hit][2]
        if _canon(value) == _canon(g.value):
            score.value_correct += 1
        elif len(errors) < 200:
            errors.append(f"{name}: {g.text!r} gold {g.value} got {value}")


def _canon(value: str | None) -> str | None:
    """TIMEX3 values written two ways compare equal: gold sometimes leaves ISO weeks unpadded
    ("2000-W6" is "2000-W06")."""
    return re.sub(r"-W(\d)(?!\d)", r"-W0\1", value) if value else value


def evaluate_times(gold_dir: str | Path, *, nlp: Language) -> TimeReport:
    root = Path(gold_dir)
    corpora = [d for d in sorted(root.iterdir()) if d.is_dir() and any(d.glob("*.tml"))] \
        if root.is_dir() else []
    if not corpora:
        raise InputError(f"{root}: no directories of .tml files; pass the TempEval-3 folder, e.g. "
                         "../shared/data/gold/tempeval3")
    report = TimeReport()
    for corpus in corpora:
        docs = [read_timeml(p) for p in sorted(corpus.glob("*.tml"))]
        score = report.corpora.setdefault(corpus.name, CorpusScore())
        for tml, doc in zip(docs, nlp.pipe(d.text for d in docs), strict=True):
            found = find_times(doc, pub_date=tml.dct)
            predicted = [(t.expr.start, t.expr.end, t.expr.value) for t in found]
            score_doc(score, tml.timexes, predicted, report.errors, tml.name)
    return report


__all__ = ["GoldTimex", "TimeMLDoc", "TimeReport", "evaluate_times", "read_timeml", "score_doc"]
