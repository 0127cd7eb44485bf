"""Time expressions normalised to TIMEX3 values against the publication date.

Candidates are the model's DATE and TIME entities, split at range words ("from May 3 to
Friday") and trimmed of words that are no part of a time; ``timenorm`` gives their values,
with the clause's tense deciding which way an unanchored date points. Each event then takes
the time expression that governs its clause, else the publication date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dyad.records import EventDate, TimeExpr
from dyad.timenorm import normalize

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

HISTORICAL_DAYS = 365  # events dated more than a year before publication are flagged historical


@dataclass(frozen=True, slots=True)
class TimeMention:
    start: int
    end: int
    expr: TimeExpr


def _pub(pub_date: str | None) -> dt.date | None:
    return dt.date.fromisoformat(pub_date) if pub_date else None


def find_times(doc: Doc, *, pub_date: str | None,
               ents: Sequence[Span] | None = None) -> list[TimeMention]:
    """Time expressions in the Doc with TIMEX3 values against ``pub_date``; ``ents`` is
    ``doc.ents`` when the caller has it already (spaCy builds it anew on every read)."""
    pub = _pub(pub_date)
    out: list[TimeMention] = []
    for ent in doc.ents if ents is None else ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        for part in _split_range(_trim(ent)):
            out.append(_mention(part, pub))
    return out


_RANGE_WORDS = {"to", "through", "thru", "until", "till", "-", "\u2013", "and"}


def _split_range(span: Span) -> list[Span]:
    """'Sept. 14 to Thursday' is two expressions; each side must read as a time on its own."""
    for tok in span[1:-1]:
        if tok.lower_ in _RANGE_WORDS:
            left, right = span.doc[span.start:tok.i], span.doc[tok.i + 1:span.end]
            if normalize(left.text, None, fallback=False)[2] == "date" and _reads(left) \
                    and _reads(right):
                return [left, right]
    return [span]


def _reads(span: Span) -> bool:
    return normalize(span.text, dt.date(2000, 6, 15), fallback=False)[0] is not None


def _mention(span: Span, pub: dt.date | None) -> TimeMention:
    tense = _tense(span)
    value, precision, kind = normalize(span.text, pub, tense=tense)
    if value is None and 1 < len(span) <= 8:
        # the model's span may carry words that are no part of the time ("d'etat last year",
        # "the first nine months of 1997"): the longest end or start that reads as one wins
        for sub in [span[i:] for i in range(1, len(span))] + \
                   [span[:j] for j in range(len(span) - 1, 0, -1)]:
            got = normalize(sub.text, pub, tense=tense, fallback=False)
            if got[0] is not None:
                value, precision, kind = got
                span = sub
                break
    return TimeMention(span.start, span.end, TimeExpr(
        text=span.text, start=span.start_char, end=span.end_char, value=value,
        precision=precision, kind=kind))


def _tense(span: Span) -> str | None:
    """Past or future of the clause a time expression belongs to, from its governing verb."""
    node = span.root
    for _ in range(4):
        if node.pos_ in ("VERB", "AUX"):
            break
        if node.head.i == node.i:
            return None
        node = node.head
    else:
        return None
    aux = {c.lower_ for c in node.children if c.dep_ in ("aux", "auxpass")}
    if aux & {"will", "shall", "'ll", "wo"} or "going" in aux:
        return "future"
    if aux & {"had", "was", "were", "did", "has", "have"} or node.tag_ == "VBD":
        return "past"
    if node.tag_ == "VBN" and not aux & {"is", "are", "am", "be", "being", "'s", "'re"}:
        return "past"
    # "plans to meet on Thursday", "is expected to vote Monday": the outer verb looks ahead
    head = node.head
    if node.dep_ == "xcomp" and (head.lemma_ in _AHEAD or head.lower_ in _AHEAD):
        return "future"
    return None


_AHEAD = {"plan", "expect", "schedule", "intend", "due", "hope", "aim", "prepare", "promise",
          "vow", "pledge", "set", "likely", "going", "threaten", "want"}


def _trim(span: Span) -> Span:
    start, end = span.start, span.end
    doc = span.doc
    while start < end - 1 and doc[start].lower_ in ("the", "on", "in", "since", "until"):
        start += 1
    return doc[start:end]


def event_date(doc: Doc, trigger_i: int, times: Sequence[TimeMention], *,
               pub_date: str | None) -> EventDate | None:
    """The date of the time expression that governs the trigger's clause, else publication."""
    trigger = doc[trigger_i]
    sent = trigger.sent
    for tm in times:
        if tm.expr.kind != "date" or tm.expr.value is None:
            continue
        if not (sent.start <= tm.start < sent.end):
            continue
        if _governs(doc[tm.start:tm.end].root, trigger):
            return EventDate(value=tm.expr.value, precision=tm.expr.precision or "day",
                             text=tm.expr.text, historical=_historical(tm.expr.value, pub_date))
    if pub_date is None:
        return None
    return EventDate(value=pub_date, precision="day", text=None, historical=False)


def _governs(time_root: Token, trigger: Token) -> bool:
    """True when the time phrase hangs off the trigger's clause, not a clause inside it."""
    node = time_root.head
    steps = 0
    while steps < 4:
        if node.i == trigger.i:
            return True
        if node.pos_ in ("VERB", "AUX") and node.dep_ not in ("aux", "auxpass"):
            return False
        if node.head.i == node.i:
            return False
        node, steps = node.head, steps + 1
    return False


def _historical(value: str, pub_date: str | None) -> bool:
    if pub_date is None:
        return False
    try:
        year = int(value[:4])
    except ValueError:
        return False
    pub = dt.date.fromisoformat(pub_date)
    if len(value) >= 10 and value[4] == "-" and value[7] == "-":
        return (pub - dt.date.fromisoformat(value[:10])).days > HISTORICAL_DAYS
    return year < pub.year - 1


__all__ = ["HISTORICAL_DAYS", "TimeMention", "event_date", "find_times", "normalize"]
