"""Scoring dyad against the shared gold sets: events (PLOVER GSR), quad classes, actors.

Each task has a reader (gold file → plain records), a pure scorer (gold + coded articles →
frozen report) and an ``evaluate_*`` function that reads, codes and scores. Reports render as a
table for people (``table()``) and one JSON object of headline figures (``to_json()``); the CLI
prints the table and then the JSON on one line.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dyad.errors import InputError
from dyad.lexicon import PLOVER_TYPES
from dyad.records import Article, CodedArticle, Event

if TYPE_CHECKING:
    from dyad.coder import Coder

# PLOVER GSR predates PLOVER 2.0 (ONTOLOGY.md, "The shared gold sets use older names").
OLD_TYPES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE",
             "FIGHT": "ASSAULT"}
# CAMEO country codes that differ from ISO 3166 alpha-3. JAP, ITL and VTN occur in the dev set;
# the rest are CAMEO's other non-ISO codes, kept so a bigger gold set scores the same way.
CAMEO_COUNTRIES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "ROM": "ROU", "YUG": "SRB",
                   "SER": "SRB", "ZAR": "COD", "ZAI": "COD", "DRC": "COD", "BUR": "MMR",
                   "TMP": "TLS", "KOS": "XKX", "PAL": "PSE", "GZS": "PSE", "WSB": "PSE",
                   "UKG": "GBR", "GMY": "DEU"}
# Older gold codes UN bodies and the EU as IGO; dyad may put UNO or EUR at the country level.
IGO_LIKE = frozenset({"UNO", "EUR"})
# The gold writes civilians CIV and adds ethnic/religious suffixes (REBalb, GOVMOS): the first
# three letters are the sector; a bare religion code is the religious sector; *** is unknown.
CAMEO_SECTORS = {"CIV": "CVL", "MOS": "REL", "CHR": "REL", "JEW": "REL", "BUD": "REL",
                 "HIN": "REL", "***": None}

Key = Any  # a country code, or a (country, sector) pair in the "+sector" variants
Triple = tuple[str, Key, Key]


def gold_country(code: str | None) -> str | None:
    """A gold actor code as the ISO alpha-3 (or international) code dyad produces."""
    if not code or not code.strip():
        return None
    c = code.strip().upper()[:3]
    return CAMEO_COUNTRIES.get(c, c)


def gold_sector(sector: str | None) -> str | None:
    if not sector or not sector.strip():
        return None
    s = sector.strip()[:3].upper()
    return CAMEO_SECTORS.get(s, s)


def pred_country(country: str | None) -> str | None:
    return "IGO" if country in IGO_LIKE else country


# -- gold readers ------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class GoldActor:
    text: str
    country: str | None
    sector: str | None


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One gold sentence with its one event; several sources or targets form a compound actor."""

    id: str
    text: str
    date: str | None
    type: str
    sources: tuple[GoldActor, ...] = ()
    targets: tuple[GoldActor, ...] = ()

    def triples(self, *, sectors: bool = False) -> frozenset[Triple]:
        """The cross product of sources and targets; no target (or source) means None."""
        srcs = [_key(a.country, a.sector, sectors) for a in self.sources] or [None]
        tgts = [_key(a.country, a.sector, sectors) for a in self.targets] or [None]
        return frozenset((self.type, s, t) for s in srcs for t in tgts)


def _key(country: str | None, sector: str | None, sectors: bool) -> Key:
    return (country, sector) if sectors else country


def _gold_actors(value: Any) -> tuple[GoldActor, ...]:
    # "" / null / missing / a stray string all mean: no actor in this role
    if not isinstance(value, list):
        return ()
    return tuple(GoldActor(str(a.get("actorText") or ""), gold_country(a.get("code")),
                           gold_sector(a.get("sector")))
                 for a in value if isinstance(a, dict))


def _lines(path: Path, fix: str) -> Iterator[tuple[int, str]]:
    if not path.is_file():
        raise InputError(f"{path}: gold file not found; {fix}")
    with path.open("r", encoding="utf-8") as fh:
        yield from enumerate(fh, start=1)


def read_plover_gold(path: str | Path) -> list[GoldEvent]:
    """PLOVER GSR JSON Lines: ``text``, ``event``, ``source``/``target`` lists, ``date``."""
    p = Path(path)
    rows: list[GoldEvent] = []
    for lineno, line in _lines(p, "pass a PLOVER gold JSON Lines file, e.g. "
                                  "../shared/data/gold/plover-gsr-dev.jsonl"):
        if not line.strip():
            continue
        try:
            r = json.loads(line)
            text, event = r["text"], r["event"]
        except (json.JSONDecodeError, KeyError, TypeError) as e:
            raise InputError(f"{p}:{lineno}: not a PLOVER gold record ({type(e).__name__}: {e});"
                             " each line must be a JSON object with 'text' and 'event'") from e
        etype = OLD_TYPES.get(str(event), str(event))
        if etype not in PLOVER_TYPES:
            raise InputError(f"{p}:{lineno}: unknown event type {event!r}; use one of the 16 "
                             "PLOVER types (or DEMAND, DISAPPROVE, INVESTIGATE, FIGHT)")
        rows.append(GoldEvent(id=str(r.get("id") or f"{p.name}:{lineno}"), text=str(text),
                              date=r.get("date") or None, type=etype,
                              sources=_gold_actors(r.get("source")),
                              targets=_gold_actors(r.get("target"))))
    return rows


def read_quad_gold(path: str | Path) -> list[tuple[str, int]]:
    """``sentence<TAB>quad`` lines, quad 0 (no event) to 4."""
    p = Path(path)
    out: list[tuple[str, int]] = []
    for lineno, line in _lines(p, "pass a TSV of sentence<TAB>quad, e.g. "
                                  "../shared/data/gold/conflibert-cameo-train.tsv"):
        if not line.strip():
            continue
        text, _, label = line.rstrip("\r\n").rpartition("\t")
        if not text.strip() or label.strip() not in {"0", "1", "2", "3", "4"}:
            raise InputError(f"{p}:{lineno}: expected 'sentence<TAB>quad' with quad 0-4, got "
                             f"{line.strip()[:60]!r}")
        out.append((text, int(label)))
    return out


_CLITICS = frozenset({"s", "t", "re", "ve", "ll", "d", "m"})


def _glued(tokens: Sequence[str]) -> tuple[bool, ...]:
    """For each token, whether it was written against the one before it.

    The span file splits written words into tokens: "Russia’s" into ``Russia ’ s``, "rebel-held"
    into ``rebel - held``, "2,374" into ``2 , 374``, "6.3" into ``6 . 3``, "U.K." into
    ``U . K .``, "Mr." into ``Mr .``, "Andrés" into ``Andr é s``. Joining every token with a space would hand the coder text no newspaper
    prints; these are joined back as written.
    """
    n = len(tokens)
    glue = [False] * n

    def word(i: int) -> bool:
        return 0 <= i < n and tokens[i][:1].isalnum() and tokens[i][-1:].isalnum()

    def initial(i: int) -> bool:
        return 0 <= i < n and len(tokens[i]) == 1 and tokens[i].isupper()

    for i in range(1, n):
        tok, prev, nxt = tokens[i], tokens[i - 1], tokens[i + 1] if i + 1 < n else ""
        if tok in ("’", "'") and word(i - 1) and nxt in _CLITICS:
            glue[i] = True
            glue[i + 1] = True
        elif tok == "’" and prev.endswith("s") and word(i - 1) and word(i + 1):
            glue[i] = True  # "citizens’ rights"; a closing quote is no apostrophe
        elif tok == "-" and word(i - 1) and word(i + 1):
            glue[i] = True
            glue[i + 1] = True
        elif (tok == "," and prev.isdigit() and len(prev) <= 3 and len(nxt) == 3
              and nxt.isdigit()) or (tok == "." and prev.isdigit() and nxt.isdigit()):
            glue[i] = True
            glue[i + 1] = True
        elif tok == "." and initial(i - 1):
            # "U . K .", "George H . W . Bush", "John R . Bass"
            glue[i] = initial(i + 1) or (i >= 2 and glue[i - 1]) or nxt[:1].isupper()
            glue[i + 1 if i + 1 < n else i] |= initial(i + 1)
        elif tok == "." and prev[:1].isupper() and prev[1:].islower() and len(prev) <= 4 \
                and nxt[:1].isupper():
            glue[i] = True  # "Mr . Sisi", "Sen . Mitch McConnell": an abbreviated title
        elif len(tok) == 1 and tok.isalpha() and not tok.isascii() and prev.isalpha():
            glue[i] = True  # "Andr é s", "K ı r ı kkale": a letter the file split off
            glue[i + 1 if i + 1 < n else i] |= nxt.isalpha() and nxt[:1].islower()
    return tuple(glue)


@dataclass(frozen=True, slots=True)
class SpanSentence:
    """A BIO-tagged sentence; ``text`` is the tokens joined by single spaces, except where the
    file split a written word (see ``_glued``)."""

    tokens: tuple[str, ...]
    tags: tuple[str, ...]

    @property
    def text(self) -> str:
        return "".join(tok if glue or i == 0 else " " + tok
                       for i, (tok, glue) in enumerate(zip(self.tokens, _glued(self.tokens),
                                                           strict=True)))

    @property
    def offsets(self) -> tuple[tuple[int, int], ...]:
        out, pos = [], 0
        for i, (tok, glue) in enumerate(zip(self.tokens, _glued(self.tokens), strict=True)):
            pos += 0 if glue or i == 0 else 1
            out.append((pos, pos + len(tok)))
            pos += len(tok)
        return tuple(out)

    def spans(self, role: str) -> frozenset[tuple[int, int]]:
        """Token spans [start, end) tagged ``role`` (an I- without a B- starts a span)."""
        out: set[tuple[int, int]] = set()
        start: int | None = None
        for i, tag in enumerate([*self.tags, "O"]):
            inside = tag == f"I-{role}"
            if start is not None and not inside:
                out.add((start, i))
                start = None
            if tag == f"B-{role}" or (inside and start is None):
                start = i
        return frozenset(out)


def read_span_gold(path: str | Path) -> list[SpanSentence]:
    """One ``token TAG`` per line (tags O, B-/I- with S source, T target, R other); blank line
    between sentences."""
    p = Path(path)
    sents: list[SpanSentence] = []
    toks: list[str] = []
    tags: list[str] = []
    for lineno, line in _lines(p, "pass a BIO span file, e.g. "
                                  "../shared/data/gold/conflibert-cameo-train-spans.txt"):
        if not line.strip():
            if toks:
                sents.append(SpanSentence(tuple(toks), tuple(tags)))
            toks, tags = [], []
            continue
        tok, _, tag = line.strip().rpartition(" ")
        if not tok or not (tag == "O" or tag[:2] in ("B-", "I-")):
            raise InputError(f"{p}:{lineno}: expected 'token TAG' with TAG O, B-X or I-X, got "
                             f"{line.strip()[:60]!r}")
        toks.append(tok)
        tags.append(tag)
    if toks:
        sents.append(SpanSentence(tuple(toks), tuple(tags)))
    return sents


# -- events ------------------------------------------------------------------------------------
ERROR_GROUPS = ("missed event", "wrong type", "wrong source", "wrong target", "false event")


@dataclass(frozen=True, slots=True)
class ErrorCase:
    gold_id: str
    sentence: str
    gold: str       # "AGREE HUN/ROU -> -"
    predicted: str  # "REQUEST ROUGOV -> ROUGOV 'should' modal:must>REQUEST 0.85"


@dataclass(frozen=True, slots=True)
class TypeRow:
    gold: int       # gold sentences of this type
    found: int      # ... where some predicted event has it
    predicted: int  # predicted events of this type, over all sentences
    correct: int    # ... in a sentence whose gold type it is
    triple_ok: int  # ... whose (type, source, target) countries match a gold triple


@dataclass(frozen=True, slots=True)
class EventReport:
    sentences: int
    type_found: int
    type_top: int
    source_country: tuple[int, int]  # (correct, scored)
    target_country: tuple[int, int]
    source_sector: tuple[int, int]
    target_sector: tuple[int, int]
    gold_triples: int
    gold_triples_found: int
    gold_triples_sector: int
    gold_triples_sector_found: int
    predicted_events: int
    predicted_matched: int
    predicted_matched_sector: int
    per_type: dict[str, TypeRow]
    errors: dict[str, tuple[ErrorCase, ...]]

    def to_json(self) -> dict[str, Any]:
        return {
            "task": "events", "sentences": self.sentences,
            "type_accuracy": _ratio(self.type_found, self.sentences),
            "type_accuracy_top": _ratio(self.type_top, self.sentences),
            "source_country_accuracy": _ratio(*self.source_country),
            "target_country_accuracy": _ratio(*self.target_country),
            "source_sector_accuracy": _ratio(*self.source_sector),
            "target_sector_accuracy": _ratio(*self.target_sector),
            "triple_recall": _ratio(self.gold_triples_found, self.gold_triples),
            "triple_precision": _ratio(self.predicted_matched, self.predicted_events),
            "triple_f1": _f1(self.predicted_matched, self.predicted_events,
                             self.gold_triples_found, self.gold_triples),
            "triple_recall_sector": _ratio(self.gold_triples_sector_found,
                                           self.gold_triples_sector),
            "triple_precision_sector": _ratio(self.predicted_matched_sector,
                                              self.predicted_events),
            "gold_triples": self.gold_triples, "predicted_events": self.predicted_events,
            "errors": {g: len(self.errors.get(g, ())) for g in ERROR_GROUPS},
        }

    def table(self, *, errors: int = 0) -> str:
        j = self.to_json()
        sc, tc, ss, ts = (self.source_country, self.target_country, self.source_sector,
                          self.target_sector)
        lines = [
            f"dyad eval events: {self.sentences} gold sentences, each coded as one article "
            "dated by its gold date",
            "",
            _row("type accuracy", j["type_accuracy"], f"{self.type_found}/{self.sentences}",
                 "some predicted event has the gold type"),
            _row("type accuracy (top)", j["type_accuracy_top"],
                 f"{self.type_top}/{self.sentences}", "the most confident event has it"),
            _row("source country", j["source_country_accuracy"], f"{sc[0]}/{sc[1]}",
                 "sentences whose type is found*"),
            _row("target country", j["target_country_accuracy"], f"{tc[0]}/{tc[1]}",
                 "same; no gold target = None"),
            _row("source sector", j["source_sector_accuracy"], f"{ss[0]}/{ss[1]}",
                 "same, where gold gives a sector"),
            _row("target sector", j["target_sector_accuracy"], f"{ts[0]}/{ts[1]}",
                 "same, where gold gives a sector"),
            _row("triple recall", j["triple_recall"],
                 f"{self.gold_triples_found}/{self.gold_triples}",
                 "gold (type, src country, tgt country)"),
            _row("triple precision", j["triple_precision"],
                 f"{self.predicted_matched}/{self.predicted_events}",
                 "predicted events matching a gold triple"),
            _row("triple F1", j["triple_f1"], "", ""),
            _row("triple recall +sector", j["triple_recall_sector"],
                 f"{self.gold_triples_sector_found}/{self.gold_triples_sector}",
                 "(country, sector) for both actors"),
            _row("triple precision +sector", j["triple_precision_sector"],
                 f"{self.predicted_matched_sector}/{self.predicted_events}", ""),
            "",
            "* scored: the predicted event of the gold type matching most gold actors (then the",
            "  most confident); a country is right when it is one of the gold ones. Compound gold",
            "  actors give several triples (cross product). Precision is over every predicted",
            "  event of every sentence: an event matching no gold triple is a false event.",
            "",
            f"{'type':<11}{'gold':>6}{'found':>7}{'recall':>8}{'pred':>6}{'right':>7}"
            f"{'prec':>7}{'triple':>8}",
        ]
        for t in sorted(self.per_type):
            r = self.per_type[t]
            lines.append(f"{t:<11}{r.gold:>6}{r.found:>7}{_ratio(r.found, r.gold):>8.2f}"
                         f"{r.predicted:>6}{r.correct:>7}{_ratio(r.correct, r.predicted):>7.2f}"
                         f"{r.triple_ok:>8}")
        lines += ["found/recall: gold sentences of the type where it is predicted; right/prec:",
                  "predicted events of the type in a sentence of that gold type; triple: predicted",
                  "events matching a gold triple"]
        counts = ", ".join(f"{g} {len(self.errors.get(g, ()))}" for g in ERROR_GROUPS)
        lines += ["", f"errors: {counts}"]
        if errors:
            for g in ERROR_GROUPS:
                cases = self.errors.get(g, ())
                lines += ["", f"-- {g} ({len(cases)}; first {min(errors, len(cases))})"]
                for c in cases[:errors]:
                    lines += [f"  [{c.gold_id}] gold {c.gold}",
                              f"      got {c.predicted}", f"      | {c.sentence}"]
        return "\n".join(lines)


def _row(name: str, value: float, count: str, note: str) -> str:
    return f"{name:<26}{value:>7.3f}  {count:>9}  {note}".rstrip()


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


def _f1(tp_p: int, pred: int, tp_r: int, gold: int) -> float:
    p = tp_p / pred if pred else 0.0
    r = tp_r / gold if gold else 0.0
    return round(2 * p * r / (p + r), 4) if p + r else 0.0


def _triple(ev: Event, *, sectors: bool) -> Triple:
    src, tgt = ev.source, ev.target
    return (ev.type,
            _key(pred_country(src.country) if src else None, src.sector if src else None,
                 sectors),
            _key(pred_country(tgt.country) if tgt else None, tgt.sector if tgt else None,
                 sectors))


def _top(events: Sequence[Event]) -> Event:
    """The most confident event; the first of equals, as the coder orders them."""
    return max(events, key=lambda e: e.confidence)


def _describe_gold(g: GoldEvent) -> str:
    def side(actors: tuple[GoldActor, ...]) -> str:
        return "/".join(f"{a.country or '?'}{a.sector or ''}" for a in actors) or "-"
    return f"{g.type} {side(g.sources)} -> {side(g.targets)}"


def _describe(ev: Event) -> str:
    def side(a: Any) -> str:
        if a is None:
            return "-"
        return f"{a.code}({a.text})" if a.code else f"?({a.text})"
    return (f"{ev.type} {side(ev.source)} -> {side(ev.target)}  trigger '{ev.trigger.text}'  "
            f"rule {ev.rule}  conf {ev.confidence:.2f}")


class _EventTally:
    """The running counts behind an EventReport, one gold sentence at a time."""

    def __init__(self) -> None:
        self.n = self.found = self.top = 0
        self.acc = {k: [0, 0] for k in ("sc", "tc", "ss", "ts")}
        self.triples = [0, 0, 0, 0]  # gold, gold found, gold +sector, gold +sector found
        self.pred = [0, 0, 0]        # predicted events, matched, matched +sector
        self.rows: dict[str, list[int]] = {}
        self.errors: dict[str, list[ErrorCase]] = {g: [] for g in ERROR_GROUPS}

    def row(self, etype: str) -> list[int]:
        return self.rows.setdefault(etype, [0, 0, 0, 0, 0])

    def add(self, g: GoldEvent, art: CodedArticle) -> None:
        self.n += 1
        events = list(art.events)
        gold_c, gold_s = g.triples(), g.triples(sectors=True)
        pred_c = [_triple(e, sectors=False) for e in events]
        pred_s = [_triple(e, sectors=True) for e in events]
        self.row(g.type)[0] += 1
        if events and _top(events).type == g.type:
            self.top += 1
        chosen = self._score_actors(g, events, pred_c)
        self.triples[0] += len(gold_c)
        self.triples[1] += len(gold_c & set(pred_c))
        self.triples[2] += len(gold_s)
        self.triples[3] += len(gold_s & set(pred_s))
        for i, e in enumerate(events):
            ok = pred_c[i] in gold_c
            self.pred[0] += 1
            self.pred[1] += ok
            self.pred[2] += pred_s[i] in gold_s
            r = self.row(e.type)
            r[2] += 1
            r[3] += e.type == g.type
            r[4] += ok
            if not ok and i != chosen:
                self._error("false event", g, _describe(e))

    def _score_actors(self, g: GoldEvent, events: list[Event], pred_c: list[Triple]) -> int | None:
        """Score the actors of the best event of the gold type; return that event's index (or
        the index of the event reported as the wrong type)."""
        typed = [i for i, e in enumerate(events) if e.type == g.type]
        if not typed:
            if events:
                top = events.index(_top(events))
                kinds = ", ".join(sorted({e.type for e in events}))
                self._error("wrong type", g, f"{_describe(events[top])}  (types: {kinds})")
                return top
            self._error("missed event", g, "nothing")
            return None
        self.found += 1
        self.row(g.type)[1] += 1
        src_c = {a.country for a in g.sources} or {None}
        tgt_c = {a.country for a in g.targets} or {None}
        chosen = max(typed, key=lambda i: (int(pred_c[i][1] in src_c) + int(pred_c[i][2] in tgt_c),
                                           events[i].confidence))
        best, (_, s, t) = events[chosen], pred_c[chosen]
        self._count("sc", s in src_c)
        self._count("tc", t in tgt_c)
        src_sec = {a.sector for a in g.sources if a.sector}
        if src_sec:
            self._count("ss", (best.source.sector if best.source else None) in src_sec)
        tgt_sec = {a.sector for a in g.targets if a.sector}
        if tgt_sec:
            self._count("ts", (best.target.sector if best.target else None) in tgt_sec)
        if s not in src_c:
            self._error("wrong source", g, _describe(best))
        if t not in tgt_c:
            self._error("wrong target", g, _describe(best))
        return chosen

    def _count(self, key: str, ok: bool) -> None:
        self.acc[key][0] += ok
        self.acc[key][1] += 1

    def _error(self, group: str, g: GoldEvent, predicted: str) -> None:
        self.errors[group].append(ErrorCase(g.id, g.text, _describe_gold(g), predicted))

    def report(self) -> EventReport:
        def pair(key: str) -> tuple[int, int]:
            return (self.acc[key][0], self.acc[key][1])
        return EventReport(
            sentences=self.n, type_found=self.found, type_top=self.top,
            source_country=pair("sc"), target_country=pair("tc"),
            source_sector=pair("ss"), target_sector=pair("ts"),
            gold_triples=self.triples[0], gold_triples_found=self.triples[1],
            gold_triples_sector=self.triples[2], gold_triples_sector_found=self.triples[3],
            predicted_events=self.pred[0], predicted_matched=self.pred[1],
            predicted_matched_sector=self.pred[2],
            per_type={t: TypeRow(*v) for t, v in self.rows.items()},
            errors={k: tuple(v) for k, v in self.errors.items()})


def score_events(gold: Sequence[GoldEvent], coded: Sequence[CodedArticle]) -> EventReport:
    """Score coded sentences against gold rows, pairwise in order (see EventReport.table)."""
    if len(gold) != len(coded):
        raise InputError(f"{len(gold)} gold rows but {len(coded)} coded articles; code every "
                         "gold sentence once, in order")
    tally = _EventTally()
    for g, art in zip(gold, coded, strict=True):
        tally.add(g, art)
    return tally.report()


def _coder(coder: Coder | None, model: str | None) -> Coder:
    if coder is not None:
        return coder
    from dyad.coder import Coder

    return Coder(model)


def evaluate_events(gold_path: str | Path, *, coder: Coder | None = None,
                    model: str | None = None, limit: int | None = None,
                    batch_size: int = 32) -> EventReport:
    """Code each gold sentence as one article (dated by its gold date) and score it."""
    gold = read_plover_gold(gold_path)[:limit]
    c = _coder(coder, model)
    arts = [Article(id=g.id, text=g.text, date=g.date) for g in gold]
    return score_events(gold, list(c.pipe(arts, batch_size=batch_size)))


# -- quad classes ------------------------------------------------------------------------------
def predicted_quad(coded: CodedArticle) -> int:
    """The quad of the most confident event, 0 when there is none."""
    return _top(coded.events).quad if coded.events else 0


QUAD_ERROR_GROUPS = ("missed event", "false event", "wrong class")


@dataclass(frozen=True, slots=True)
class QuadCase:
    """One sentence whose predicted quad differs from the gold one."""

    index: int       # the sentence's number in the gold file, from 1
    gold: int
    predicted: int
    sentence: str
    event: str       # the most confident event, as _describe writes it; "-" when none

    @property
    def group(self) -> str:
        if self.predicted == 0:
            return "missed event"
        return "false event" if self.gold == 0 else "wrong class"


@dataclass(frozen=True, slots=True)
class QuadReport:
    confusion: tuple[tuple[int, ...], ...]  # rows gold 0-4, columns predicted 0-4
    cases: tuple[QuadCase, ...] = ()

    def errors(self, group: str) -> list[QuadCase]:
        return [c for c in self.cases if c.group == group]

    def per_class(self) -> list[tuple[float, float, float, int, int]]:
        """(precision, recall, F1, gold count, predicted count) for classes 0-4."""
        out = []
        for k in range(5):
            tp = self.confusion[k][k]
            gold = sum(self.confusion[k])
            pred = sum(row[k] for row in self.confusion)
            p = tp / pred if pred else 0.0
            r = tp / gold if gold else 0.0
            out.append((p, r, 2 * p * r / (p + r) if p + r else 0.0, gold, pred))
        return out

    def to_json(self) -> dict[str, Any]:
        n = sum(map(sum, self.confusion))
        pc = self.per_class()
        return {"task": "quad", "sentences": n,
                "accuracy": _ratio(sum(self.confusion[k][k] for k in range(5)), n),
                "macro_f1": round(sum(c[2] for c in pc) / 5, 4),
                "macro_f1_events": round(sum(c[2] for c in pc[1:]) / 4, 4),
                "precision": [round(c[0], 4) for c in pc],
                "recall": [round(c[1], 4) for c in pc],
                "f1": [round(c[2], 4) for c in pc],
                "confusion": [list(r) for r in self.confusion],
                "errors": {g: len(self.errors(g)) for g in QUAD_ERROR_GROUPS}}

    def table(self, *, errors: int = 0) -> str:
        j = self.to_json()
        lines = [f"dyad eval quad: {j['sentences']} sentences; a sentence's quad is that of its "
                 "most confident event, 0 when it has none",
                 f"accuracy {j['accuracy']:.3f}   macro-F1 (0-4) {j['macro_f1']:.3f}   "
                 f"macro-F1 (1-4) {j['macro_f1_events']:.3f}", "",
                 f"{'class':<7}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}{'pred':>7}"]
        for k, (p, r, f, gold, pred) in enumerate(self.per_class()):
            lines.append(f"{k:<7}{p:>7.3f}{r:>7.3f}{f:>7.3f}{gold:>7}{pred:>7}")
        lines += ["", "confusion: rows gold, columns predicted",
                  "gold\\pred" + "".join(f"{k:>6}" for k in range(5))]
        lines += [f"{k:>9}" + "".join(f"{v:>6}" for v in row)
                  for k, row in enumerate(self.confusion)]
        if errors:
            for g in QUAD_ERROR_GROUPS:
                cases = self.errors(g)
                lines += ["", f"-- {g} ({len(cases)}; first {min(errors, len(cases))})"]
                for c in cases[:errors]:
                    lines += [f"  [#{c.index}] gold {c.gold}, predicted {c.predicted}: "
                              f"{c.event}", f"      | {c.sentence}"]
        return "\n".join(lines)


def score_quad(gold: Sequence[int], predicted: Sequence[int],
               cases: Sequence[QuadCase] = ()) -> QuadReport:
    if len(gold) != len(predicted):
        raise InputError(f"{len(gold)} gold labels but {len(predicted)} predictions")
    m = [[0] * 5 for _ in range(5)]
    for g, p in zip(gold, predicted, strict=True):
        m[g][p] += 1
    return QuadReport(tuple(tuple(r) for r in m), tuple(cases))


def evaluate_quad(gold_path: str | Path, *, coder: Coder | None = None,
                  model: str | None = None, limit: int | None = None,
                  batch_size: int = 64) -> QuadReport:
    gold = read_quad_gold(gold_path)[:limit]
    c = _coder(coder, model)
    arts = [Article(id=f"quad-{i}", text=t) for i, (t, _) in enumerate(gold, start=1)]
    coded = list(c.pipe(arts, batch_size=batch_size))
    predicted = [predicted_quad(a) for a in coded]
    cases = [QuadCase(i, g, p, text, _describe(_top(a.events)) if a.events else "-")
             for i, ((text, g), p, a) in enumerate(zip(gold, predicted, coded, strict=True),
                                                   start=1) if g != p]
    return score_quad([q for _, q in gold], predicted, cases)


# -- actors ------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class SpanScore:
    """Span counts for one role: exact matches, and token-overlap matches."""

    predicted: int
    gold: int
    exact: int           # predicted spans equal to a gold span (= gold spans matched)
    overlap_pred: int    # predicted spans sharing a token with a gold span
    overlap_gold: int    # gold spans sharing a token with a predicted span

    def __add__(self, o: SpanScore) -> SpanScore:
        return SpanScore(self.predicted + o.predicted, self.gold + o.gold, self.exact + o.exact,
                         self.overlap_pred + o.overlap_pred, self.overlap_gold + o.overlap_gold)

    def figures(self) -> dict[str, float]:
        return {"precision": _ratio(self.exact, self.predicted),
                "recall": _ratio(self.exact, self.gold),
                "f1": _f1(self.exact, self.predicted, self.exact, self.gold),
                "overlap_f1": _f1(self.overlap_pred, self.predicted, self.overlap_gold,
                                  self.gold)}


def predicted_spans(sent: SpanSentence, coded: CodedArticle, role: str
                    ) -> set[tuple[int, int]]:
    """Token spans of the source (role S) or target (T) actors of a sentence's coded events."""
    offsets = sent.offsets
    pred: set[tuple[int, int]] = set()
    for e in coded.events:
        actor = e.source if role == "S" else e.target
        if actor is None or actor.start is None or actor.end is None:
            continue
        toks = [i for i, (a, b) in enumerate(offsets) if a < actor.end and actor.start < b]
        if toks:
            pred.add((toks[0], toks[-1] + 1))
    return pred


def _meets(x: tuple[int, int], ys: Iterable[tuple[int, int]]) -> bool:
    return any(x[0] < y[1] and y[0] < x[1] for y in ys)


def score_spans(sent: SpanSentence, coded: CodedArticle, role: str) -> SpanScore:
    """Compare gold ``role`` spans (S or T) with the source (target) spans of coded events."""
    pred = predicted_spans(sent, coded, role)
    gold = sent.spans(role)
    return SpanScore(predicted=len(pred), gold=len(gold), exact=len(pred & gold),
                     overlap_pred=sum(_meets(p, gold) for p in pred),
                     overlap_gold=sum(_meets(g, pred) for g in gold))


SPAN_ERROR_GROUPS = ("extent", "false", "missed")


@dataclass(frozen=True, slots=True)
class SpanError:
    role: str        # "S" or "T"
    group: str       # extent: overlaps a gold span; false: meets none; missed: a gold span no
    sentence: str    # predicted span meets
    predicted: str   # the predicted span, "" for a missed one
    gold: str        # the gold spans of the role it meets (all of them for a false one)


def span_errors(sent: SpanSentence, coded: CodedArticle, role: str) -> list[SpanError]:
    """The sentence's non-exact predicted spans and its gold spans no predicted span meets."""
    pred = predicted_spans(sent, coded, role)
    gold = sent.spans(role)
    def words(x: tuple[int, int]) -> str:
        return " ".join(sent.tokens[x[0]:x[1]])
    out = []
    for p in sorted(pred - gold):
        near = [g for g in sorted(gold) if _meets(p, [g])]
        out.append(SpanError(role, "extent" if near else "false", sent.text, words(p),
                             " | ".join(words(g) for g in (near or sorted(gold)))))
    for g in sorted(gold):
        if not _meets(g, pred):
            out.append(SpanError(role, "missed", sent.text, "", words(g)))
    return out


@dataclass(frozen=True, slots=True)
class ActorReport:
    resolution: dict[str, tuple[int, int]]  # "source_country" etc. → (correct, scored)
    in_context: dict[str, tuple[int, int]]
    spans: dict[str, SpanScore]             # "S", "T", "micro"
    span_sentences: int = 0
    span_errors: tuple[SpanError, ...] = ()

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"task": "actors", "span_sentences": self.span_sentences}
        for k, (ok, n) in self.resolution.items():
            out[f"resolve_{k}_accuracy"] = _ratio(ok, n)
            out[f"resolve_{k}_n"] = n
        for k, (ok, n) in self.in_context.items():
            out[f"in_context_{k}_accuracy"] = _ratio(ok, n)
        for role, s in self.spans.items():
            for name, v in s.figures().items():
                out[f"span_{role}_{name}"] = v
        return out

    def table(self, *, errors: int = 0) -> str:
        lines = ["dyad eval actors", ""]
        if self.resolution:
            lines.append("resolution: each gold actor phrase alone through Coder.resolve_actor, "
                         "dated by its row (sector only where gold gives one)")
            for k, (ok, n) in self.resolution.items():
                lines.append(f"  {k:<18}{_ratio(ok, n):>7.3f}  {ok:>4}/{n}")
        if self.in_context:
            lines.append("in context: the actors of the coded event of the gold type (as in "
                         "'dyad eval events')")
            for k, (ok, n) in self.in_context.items():
                lines.append(f"  {k:<18}{_ratio(ok, n):>7.3f}  {ok:>4}/{n}")
        if self.spans:
            lines += [f"spans: {self.span_sentences} sentences; predicted S (T) spans are the "
                      "source (target) spans", "of the sentence's coded events; exact: same first "
                      "and last token; overlap: sharing a token",
                      f"  {'role':<8}{'pred':>6}{'gold':>6}{'exact':>7}{'P':>7}{'R':>7}{'F1':>7}"
                      f"{'ovl F1':>8}"]
            for role, s in self.spans.items():
                f = s.figures()
                lines.append(f"  {role:<8}{s.predicted:>6}{s.gold:>6}{s.exact:>7}"
                             f"{f['precision']:>7.3f}{f['recall']:>7.3f}{f['f1']:>7.3f}"
                             f"{f['overlap_f1']:>8.3f}")
        if self.spans:
            kinds = [(r, g) for r in ("S", "T") for g in SPAN_ERROR_GROUPS]
            count = Counter((e.role, e.group) for e in self.span_errors)
            lines += ["", "span errors (extent: overlaps a gold span; false: meets none; "
                      "missed: a gold span no prediction meets): " +
                      ", ".join(f"{r} {g} {count[r, g]}" for r, g in kinds)]
            for r, g in kinds if errors else ():
                cases = [e for e in self.span_errors if (e.role, e.group) == (r, g)]
                lines += ["", f"-- {r} {g} ({len(cases)}; first {min(errors, len(cases))})"]
                for e in cases[:errors]:
                    lines += [f"  {e.sentence}",
                              f"    predicted: {e.predicted or '-'}    gold: {e.gold or '-'}"]
        return "\n".join(lines)


def evaluate_actors(*, events_gold: str | Path | None = None,
                    spans_gold: str | Path | None = None, coder: Coder | None = None,
                    model: str | None = None, limit: int | None = None) -> ActorReport:
    """Actor resolution and in-context accuracy on PLOVER gold; span F1 on a BIO span file."""
    if events_gold is None and spans_gold is None:
        raise InputError("no gold set given; pass --gold-events (PLOVER JSON Lines) and/or "
                         "--gold-spans (BIO span file)")
    gold = read_plover_gold(events_gold)[:limit] if events_gold is not None else []
    sents = read_span_gold(spans_gold)[:limit] if spans_gold is not None else []
    c = _coder(coder, model)
    resolution: dict[str, tuple[int, int]] = {}
    in_context: dict[str, tuple[int, int]] = {}
    if gold:
        tally: Counter[str] = Counter()
        for g in gold:
            for role, actors in (("source", g.sources), ("target", g.targets)):
                for a in actors:
                    if not a.text.strip():
                        continue
                    got = c.resolve_actor(a.text, date=g.date)
                    checks = [("country", pred_country(got.country) == a.country)]
                    if a.sector:
                        checks.append(("sector", got.sector == a.sector))
                    for what, ok in checks:
                        for k in (f"{role}_{what}", f"all_{what}"):
                            tally[k] += ok
                            tally[k + ":n"] += 1
        resolution = {k: (tally[k], tally[k + ":n"])
                      for k in ("source_country", "target_country", "all_country",
                                "source_sector", "target_sector", "all_sector")}
        arts = [Article(id=g.id, text=g.text, date=g.date) for g in gold]
        ev = score_events(gold, list(c.pipe(arts, batch_size=32)))
        in_context = {"source_country": ev.source_country, "target_country": ev.target_country,
                      "source_sector": ev.source_sector, "target_sector": ev.target_sector}
    spans: dict[str, SpanScore] = {}
    if sents:
        arts = [Article(id=f"spans-{i}", text=s.text) for i, s in enumerate(sents, start=1)]
        zero = SpanScore(0, 0, 0, 0, 0)
        spans = {"S": zero, "T": zero}
        errs: list[SpanError] = []
        for s, coded in zip(sents, c.pipe(arts, batch_size=64), strict=True):
            for role in ("S", "T"):
                spans[role] = spans[role] + score_spans(s, coded, role)
                errs += span_errors(s, coded, role)
        spans["micro"] = spans["S"] + spans["T"]
    return ActorReport(resolution=resolution, in_context=in_context, spans=spans,
                       span_sentences=len(sents), span_errors=tuple(errs) if sents else ())


__all__ = ["ActorReport", "CAMEO_COUNTRIES", "ErrorCase", "EventReport", "GoldActor",
           "GoldEvent", "OLD_TYPES", "QuadReport", "SpanError", "SpanScore", "SpanSentence",
           "TypeRow",
           "evaluate_actors", "evaluate_events", "evaluate_quad", "gold_country", "gold_sector",
           "predicted_quad", "read_plover_gold", "read_quad_gold", "read_span_gold",
           "predicted_spans", "score_events", "score_quad", "score_spans", "span_errors"]
