"""Scoring dyad against the gold sets: events (PLOVER GSR), quad classes (ConfliBERT), actors.

Every report renders as a table for people (``table()``) and one JSON object (``to_json()``);
the CLI prints both, the JSON last, on one line.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Sequence

from dyad.errors import InputError
from dyad.lexicon import PLOVER_TYPES
from dyad.records import Article, CodedArticle, Event

if TYPE_CHECKING:
    from dyad.coder import Coder

# PLOVER GSR predates PLOVER 2.0 (ONTOLOGY.md).
OLD_TYPES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE",
             "FIGHT": "ASSAULT"}
# CAMEO-style country codes in the gold that differ from ISO 3166 alpha-3.
OLD_COUNTRIES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "ROM": "ROU", "YUG": "SRB",
                 "ZAR": "COD", "DRC": "COD", "BUR": "MMR", "SER": "SRB", "TMP": "TLS"}
OLD_SECTORS = {"CIV": "CVL", "***": None, "": None}


def _gold_country(code: str | None) -> str | None:
    if not code:
        return None
    code = code.strip().upper()[:3]
    return OLD_COUNTRIES.get(code, code)


def _gold_sector(sector: str | None) -> str | None:
    if not sector:
        return None
    sec = sector.strip()[:3].upper()
    return OLD_SECTORS.get(sec, sec)


@dataclass(frozen=True, slots=True)
class GoldActor:
    text: str
    country: str | None
    sector: str | None


@dataclass(frozen=True, slots=True)
class GoldEvent:
    id: str
    text: str
    date: str | None
    type: str
    sources: tuple[GoldActor, ...]
    targets: tuple[GoldActor, ...]

    def triples(self, *, sectors: bool = False) -> set[tuple]:
        srcs = [_key(a.country, a.sector, sectors) for a in self.sources] or [None]
        tgts = [_key(a.country, a.sector, sectors) for a in self.targets] or [None]
        return {(self.type, s, t) for s in srcs for t in tgts}


def _key(country: str | None, sector: str | None, sectors: bool) -> Any:
    return (country, sector) if sectors else country


def _actors(value: Any) -> tuple[GoldActor, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(GoldActor(a.get("actorText", ""), _gold_country(a.get("code")),
                           _gold_sector(a.get("sector"))) for a in value if isinstance(a, dict))


def read_plover_gold(path: Path) -> list[GoldEvent]:
    rows: list[GoldEvent] = []
    with _open(path) as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                r = json.loads(line)
                event = OLD_TYPES.get(r["event"], r["event"])
                rows.append(GoldEvent(id=str(r.get("id", lineno)), text=r["text"],
                                      date=r.get("date") or None, type=event,
                                      sources=_actors(r.get("source")),
                                      targets=_actors(r.get("target"))))
            except (json.JSONDecodeError, KeyError, TypeError) as e:
                raise InputError(f"{path}:{lineno}: not a PLOVER gold record ({e}); each line "
                                 "needs 'text' and 'event'") from e
    return rows


def _open(path: Path):  # type: ignore[no-untyped-def]
    if not path.is_file():
        raise InputError(f"{path}: gold file not found; pass the path to a gold set, e.g. "
                         "../shared/data/gold/plover-gsr-dev.jsonl")
    return path.open("r", encoding="utf-8")


def _pred_triple(ev: Event, *, sectors: bool) -> tuple:
    s = _key(ev.source.country if ev.source else None,
             ev.source.sector if ev.source else None, sectors)
    t = _key(ev.target.country if ev.target else None,
             ev.target.sector if ev.target else None, sectors)
    return (ev.type, s, t)


@dataclass
class EventReport:
    n: int = 0
    type_found: int = 0
    type_top: int = 0
    src_country: list[int] = field(default_factory=lambda: [0, 0])
    tgt_country: list[int] = field(default_factory=lambda: [0, 0])
    src_sector: list[int] = field(default_factory=lambda: [0, 0])
    tgt_sector: list[int] = field(default_factory=lambda: [0, 0])
    gold_triples: int = 0
    gold_matched: int = 0
    pred_events: int = 0
    pred_matched: int = 0
    gold_triples_s: int = 0
    gold_matched_s: int = 0
    pred_matched_s: int = 0
    per_type: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0, 0]))
    errors: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def headline(self) -> dict[str, Any]:
        def r(a: int, b: int) -> float:
            return round(a / b, 4) if b else 0.0
        return {
            "task": "events", "sentences": self.n,
            "type_accuracy": r(self.type_found, self.n),
            "type_accuracy_top": r(self.type_top, self.n),
            "source_country_accuracy": r(*self.src_country),
            "target_country_accuracy": r(*self.tgt_country),
            "source_sector_accuracy": r(*self.src_sector),
            "target_sector_accuracy": r(*self.tgt_sector),
            "triple_recall": r(self.gold_matched, self.gold_triples),
            "triple_precision": r(self.pred_matched, self.pred_events),
            "triple_recall_sector": r(self.gold_matched_s, self.gold_triples_s),
            "triple_precision_sector": r(self.pred_matched_s, self.pred_events),
            "predicted_events": self.pred_events,
        }

    def to_json(self) -> dict[str, Any]:
        return self.headline()

    def table(self, *, errors: int = 0) -> str:
        h = self.headline()
        lines = [
            "dyad eval events: one gold sentence = one article; dated by the gold row's date.",
            "type accuracy: some predicted event has the gold type; top: the most confident one.",
            "actor accuracy: among sentences whose type is found, the predicted event of that "
            "type's source/target country (sector) is among the gold ones.",
            "triple = (type, source country, target country); recall over gold triples (compound "
            "actors cross), precision over predicted events; '+sector' adds sectors.", "",
            f"{'sentences':<28}{h['sentences']:>8}",
        ]
        for k in ("type_accuracy", "type_accuracy_top", "source_country_accuracy",
                  "target_country_accuracy", "source_sector_accuracy", "target_sector_accuracy",
                  "triple_recall", "triple_precision", "triple_recall_sector",
                  "triple_precision_sector"):
            lines.append(f"{k:<28}{h[k]:>8.3f}")
        lines += ["", f"{'type':<12}{'gold':>6}{'found':>7}{'recall':>8}{'pred':>6}{'prec':>7}"]
        for t in sorted(PLOVER_TYPES):
            gold, found, pred, pred_ok = self.per_type.get(t, [0, 0, 0, 0])
            if gold or pred:
                rec = found / gold if gold else 0.0
                prec = pred_ok / pred if pred else 0.0
                lines.append(f"{t:<12}{gold:>6}{found:>7}{rec:>8.2f}{pred:>6}{prec:>7.2f}")
        if errors:
            for group in ("missed event", "wrong type", "wrong source", "wrong target",
                          "false event"):
                items = self.errors.get(group, [])
                lines += ["", f"-- {group}: {len(items)}"]
                lines += [f"   {x}" for x in items[:errors]]
        return "\n".join(lines)


def evaluate_events(coder: "Coder", gold_path: str | Path, *, limit: int | None = None,
                    batch_size: int = 32) -> EventReport:
    gold = read_plover_gold(Path(gold_path))[:limit]
    arts = [Article(id=g.id, text=g.text, date=g.date) for g in gold]
    report = EventReport()
    for g, coded in zip(gold, coder.pipe(arts, batch_size=batch_size)):
        _score_event_row(report, g, coded)
    return report


def _score_event_row(report: EventReport, g: GoldEvent, coded: CodedArticle) -> None:
    report.n += 1
    events = list(coded.events)
    pt = report.per_type
    pt[g.type][0] += 1
    typed = [e for e in events if e.type == g.type]
    gold_c = g.triples()
    gold_s = g.triples(sectors=True)
    for e in events:
        pt[e.type][2] += 1
        if e.type == g.type:
            pt[e.type][3] += 1
    if typed:
        report.type_found += 1
        pt[g.type][1] += 1
    if events and max(events, key=lambda e: e.confidence).type == g.type:
        report.type_top += 1
    if typed:
        best = max(typed, key=lambda e: (_pred_triple(e, sectors=False) in gold_c, e.confidence))
        src_c = {a.country for a in g.sources}
        tgt_c = {a.country for a in g.targets} or {None}
        ok_s = (best.source.country if best.source else None) in src_c
        ok_t = (best.target.country if best.target else None) in tgt_c
        report.src_country[0] += ok_s
        report.src_country[1] += 1
        report.tgt_country[0] += ok_t
        report.tgt_country[1] += 1
        src_sec = {a.sector for a in g.sources if a.sector}
        if src_sec:
            report.src_sector[0] += (best.source.sector if best.source else None) in src_sec
            report.src_sector[1] += 1
        tgt_sec = {a.sector for a in g.targets if a.sector}
        if tgt_sec:
            report.tgt_sector[0] += (best.target.sector if best.target else None) in tgt_sec
            report.tgt_sector[1] += 1
        if not ok_s:
            report.errors["wrong source"].append(_err(g, best))
        if not ok_t:
            report.errors["wrong target"].append(_err(g, best))
    elif events:
        report.errors["wrong type"].append(_err(g, max(events, key=lambda e: e.confidence)))
    else:
        report.errors["missed event"].append(f"[{g.type}] {g.text}")
    pred_c = {_pred_triple(e, sectors=False) for e in events}
    pred_s = {_pred_triple(e, sectors=True) for e in events}
    report.gold_triples += len(gold_c)
    report.gold_matched += len(gold_c & pred_c)
    report.gold_triples_s += len(gold_s)
    report.gold_matched_s += len(gold_s & pred_s)
    report.pred_events += len(events)
    for e in events:
        hit = _pred_triple(e, sectors=False) in gold_c
        report.pred_matched += hit
        report.pred_matched_s += _pred_triple(e, sectors=True) in gold_s
        if not hit and e.type != g.type:
            report.errors["false event"].append(_err(g, e))


def _err(g: GoldEvent, e: Event) -> str:
    src = e.source.code if e.source and e.source.code else (e.source.text if e.source else "-")
    tgt = e.target.code if e.target and e.target.code else (e.target.text if e.target else "-")
    gs = "/".join(str(a.country) for a in g.sources) or "-"
    gt = "/".join(str(a.country) for a in g.targets) or "-"
    return (f"gold {g.type} {gs}->{gt} | got {e.type} {src}->{tgt} '{e.trigger.text}' "
            f"({e.rule}) | {g.text}")


# -- quad classes ------------------------------------------------------------------------------
@dataclass
class QuadReport:
    confusion: list[list[int]] = field(default_factory=lambda: [[0] * 5 for _ in range(5)])

    def per_class(self) -> list[tuple[float, float, float, int]]:
        out = []
        for k in range(5):
            tp = self.confusion[k][k]
            gold = sum(self.confusion[k])
            pred = sum(row[k] for row in self.confusion)
            p = tp / pred if pred else 0.0
            r = tp / gold if gold else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            out.append((p, r, f, gold))
        return out

    def to_json(self) -> dict[str, Any]:
        n = sum(map(sum, self.confusion))
        correct = sum(self.confusion[k][k] for k in range(5))
        pc = self.per_class()
        return {"task": "quad", "sentences": n, "accuracy": round(correct / n, 4) if n else 0.0,
                "macro_f1": round(sum(f for _, _, f, _ in pc) / 5, 4),
                "class0_precision": round(pc[0][0], 4),
                "per_class_f1": [round(f, 4) for _, _, f, _ in pc],
                "confusion": self.confusion}

    def table(self) -> str:
        j = self.to_json()
        lines = ["dyad eval quad: a sentence's quad is that of its most confident event, 0 when "
                 "none.", "", f"sentences {j['sentences']}  accuracy {j['accuracy']:.3f}  "
                 f"macro-F1 {j['macro_f1']:.3f}", "", f"{'class':<7}{'P':>7}{'R':>7}{'F1':>7}"
                 f"{'gold':>7}"]
        for k, (p, r, f, gold) in enumerate(self.per_class()):
            lines.append(f"{k:<7}{p:>7.3f}{r:>7.3f}{f:>7.3f}{gold:>7}")
        lines += ["", "confusion (rows gold, columns predicted)", "      " +
                  "".join(f"{k:>6}" for k in range(5))]
        for k, row in enumerate(self.confusion):
            lines.append(f"{k:>6}" + "".join(f"{v:>6}" for v in row))
        return "\n".join(lines)


def read_quad_gold(path: Path) -> list[tuple[str, int]]:
    out = []
    with _open(path) as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            text, _, label = line.rstrip("\n").rpartition("\t")
            if not text or label.strip() not in {"0", "1", "2", "3", "4"}:
                raise InputError(f"{path}:{lineno}: expected 'sentence<TAB>quad' with quad 0-4")
            out.append((text, int(label)))
    return out


def predicted_quad(coded: CodedArticle) -> int:
    if not coded.events:
        return 0
    return max(coded.events, key=lambda e: e.confidence).quad


def evaluate_quad(coder: "Coder", gold_path: str | Path, *, limit: int | None = None,
                  batch_size: int = 64) -> QuadReport:
    gold = read_quad_gold(Path(gold_path))[:limit]
    arts = [Article(id=f"q{i}", text=t) for i, (t, _) in enumerate(gold)]
    report = QuadReport()
    for (_, label), coded in zip(gold, coder.pipe(arts, batch_size=batch_size)):
        report.confusion[label][predicted_quad(coded)] += 1
    return report


# -- actors ------------------------------------------------------------------------------------
@dataclass
class ActorReport:
    resolve: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    spans: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0]))

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"task": "actors"}
        for k, (ok, n) in sorted(self.resolve.items()):
            out[f"{k}_accuracy"] = round(ok / n, 4) if n else 0.0
        for k, (tp, pred, gold) in sorted(self.spans.items()):
            p = tp / pred if pred else 0.0
            r = tp / gold if gold else 0.0
            out[f"span_f1_{k}"] = round(2 * p * r / (p + r), 4) if p + r else 0.0
        return out

    def table(self) -> str:
        lines = ["dyad eval actors: resolution of gold actor phrases (dyad actor), and exact "
                 "source (S) / target (T) span F1 from coded events.", ""]
        for k, v in self.to_json().items():
            if k != "task":
                lines.append(f"{k:<32}{v:>8.3f}")
        return "\n".join(lines)


def read_span_gold(path: Path) -> list[tuple[list[str], list[str]]]:
    sents: list[tuple[list[str], list[str]]] = []
    words: list[str] = []
    tags: list[str] = []
    with _open(path) as fh:
        for lineno, line in enumerate(fh, start=1):
            line = line.rstrip("\n")
            if not line.strip():
                if words:
                    sents.append((words, tags))
                words, tags = [], []
                continue
            word, _, tag = line.rpartition(" ")
            if not word:
                raise InputError(f"{path}:{lineno}: expected 'token TAG'")
            words.append(word)
            tags.append(tag)
    if words:
        sents.append((words, tags))
    return sents


def _bio_spans(tags: Sequence[str], offsets: Sequence[tuple[int, int]]) -> dict[str, set]:
    spans: dict[str, set] = {"S": set(), "T": set()}
    cur: tuple[str, int] | None = None
    for i, tag in enumerate([*tags, "O"]):
        kind = tag[2:] if len(tag) > 2 else None
        if cur is not None and not (tag.startswith("I-") and kind == cur[0]):
            if cur[0] in spans:
                spans[cur[0]].add((offsets[cur[1]][0], offsets[i - 1][1]))
            cur = None
        if tag.startswith("B-") or (tag.startswith("I-") and cur is None):
            cur = (kind or "", i)
    return spans


def evaluate_actors(coder: "Coder", *, events_gold: str | Path | None = None,
                    spans_gold: str | Path | None = None, limit: int | None = None) -> ActorReport:
    report = ActorReport()
    if events_gold is not None:
        for g in read_plover_gold(Path(events_gold))[:limit]:
            for role, actors in (("source", g.sources), ("target", g.targets)):
                for a in actors:
                    if not a.text:
                        continue
                    got = coder.resolve_actor(a.text, date=g.date)
                    report.resolve[f"{role}_country"][0] += got.country == a.country
                    report.resolve[f"{role}_country"][1] += 1
                    if a.sector:
                        report.resolve[f"{role}_sector"][0] += got.sector == a.sector
                        report.resolve[f"{role}_sector"][1] += 1
    if spans_gold is not None:
        sents = read_span_gold(Path(spans_gold))[:limit]
        texts, offsets = [], []
        for words, _ in sents:
            pos, offs = 0, []
            for w in words:
                offs.append((pos, pos + len(w)))
                pos += len(w) + 1
            texts.append(" ".join(words))
            offsets.append(offs)
        arts = [Article(id=f"s{i}", text=t) for i, t in enumerate(texts)]
        for (words, tags), offs, coded in zip(sents, offsets, coder.pipe(arts, batch_size=64)):
            gold = _bio_spans(tags, offs)
            pred: dict[str, set] = {"S": set(), "T": set()}
            for e in coded.events:
                for kind, actor in (("S", e.source), ("T", e.target)):
                    if actor is not None and actor.start is not None and actor.end is not None:
                        pred[kind].add((actor.start, actor.end))
            for kind in ("S", "T"):
                stats = report.spans[kind]
                stats[0] += len(pred[kind] & gold[kind])
                stats[1] += len(pred[kind])
                stats[2] += len(gold[kind])
                micro = report.spans["micro"]
                micro[0] += len(pred[kind] & gold[kind])
                micro[1] += len(pred[kind])
                micro[2] += len(gold[kind])
    return report


__all__ = ["EventReport", "QuadReport", "ActorReport", "evaluate_events", "evaluate_quad",
           "evaluate_actors", "read_plover_gold", "read_quad_gold", "read_span_gold",
           "predicted_quad"]
