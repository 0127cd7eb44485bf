"""Time expressions normalised to TIMEX3 values against the publication date.

Candidates are the model's DATE and TIME entities, split at range words ("from May 3 to
Friday") and trimmed of words that are no part of a time; ``timenorm`` gives their values,
with the clause's tense deciding which way an unanchored date points. Each event then takes
the time expression that governs its clause, else the publication date.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy import symbols

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
        words = _Words(ent)
        for start, end in _split_range(words, _trim(words), ent.end):
            out.append(_read(words, start, end, pub))
    return out


class _Words:
    """The words of one entity, read from spaCy only as they are needed: most entities are
    read whole, and the parts of one (trimmed, cut at a range word, or tried word by word)
    are read by token positions, with no Span made for each try (each costs microseconds)."""

    __slots__ = ("span", "doc", "_spaced")

    def __init__(self, span: Span) -> None:
        self.span = span
        self.doc = span.doc
        self._spaced: list[str] | None = None  # text_with_ws of each token, read on first use

    def whole(self, start: int, end: int) -> bool:
        return start == self.span.start and end == self.span.end

    def lower_at(self, i: int) -> str:
        return self.doc[i].lower_

    def text_of(self, start: int, end: int) -> str:
        """``doc[start:end].text``: the words with the spaces between them."""
        if end - start == 1:
            return self.doc[start].text
        if self.whole(start, end):
            return self.span.text
        if self._spaced is None:
            self._spaced = [t.text_with_ws for t in self.span]
        first = self.span.start
        return "".join(self._spaced[start - first:end - 1 - first]) + self.doc[end - 1].text

    def chars(self, start: int, end: int) -> tuple[int, int]:
        """``doc[start:end]``'s start_char and end_char."""
        if self.whole(start, end):
            return self.span.start_char, self.span.end_char
        last = self.doc[end - 1]
        return self.doc[start].idx, last.idx + len(last)

    def root(self, start: int, end: int) -> Token:
        if end - start == 1:
            return self.doc[start]
        return self.span.root if self.whole(start, end) else self.doc[start:end].root


_RANGE_WORDS = {"to", "through", "thru", "until", "till", "-", "\u2013", "and"}


def _split_range(words: _Words, start: int, end: int) -> list[tuple[int, int]]:
    """'Sept. 14 to Thursday' is two expressions; each side must read as a time on its own."""
    for i in range(start + 1, end - 1):
        if words.lower_at(i) in _RANGE_WORDS:
            left, right = words.text_of(start, i), words.text_of(i + 1, end)
            if normalize(left, None, fallback=False)[2] == "date" and _reads(left) \
                    and _reads(right):
                return [(start, i), (i + 1, end)]
    return [(start, end)]


def _reads(text: str) -> bool:
    return normalize(text, dt.date(2000, 6, 15), fallback=False)[0] is not None


def _mention(span: Span, pub: dt.date | None) -> TimeMention:
    """The time expression a span reads as (the words of it that read as one)."""
    return _read(_Words(span), span.start, span.end, pub)


def _read(words: _Words, start: int, end: int, pub: dt.date | None) -> TimeMention:
    tense = _tense(words.root(start, end))
    text = words.text_of(start, end)
    value, precision, kind = normalize(text, pub, tense=tense)
    if value is None and 1 < end - start <= 8:
        # the model's span may carry words that are no part of the time ("d'etat last year",
        # "the first nine months of 1997"): the longest end or start that reads as one wins
        for sub in [(i, end) for i in range(start + 1, end)] + \
                   [(start, j) for j in range(end - 1, start, -1)]:
            sub_text = words.text_of(*sub)
            got = normalize(sub_text, pub, tense=tense, fallback=False)
            if got[0] is not None:
                value, precision, kind = got
                (start, end), text = sub, sub_text
                break
    start_char, end_char = words.chars(start, end)
    return TimeMention(start, end, TimeExpr(text=text, start=start_char, end=end_char,
                                            value=value, precision=precision, kind=kind))


def _tense(root: Token) -> str | None:
    """Past or future of the clause a time expression belongs to, from its governing verb."""
    node = root
    for _ in range(4):
        if node.pos in _VERBAL:
            break
        head = node.head
        if head.i == node.i:
            return None
        node = head
    else:
        return None
    aux = {c.lower_ for c in node.children if c.dep in _AUX_DEPS}
    if aux & {"will", "shall", "'ll", "wo"} or "going" in aux:
        return "future"
    tag = node.tag_
    if aux & {"had", "was", "were", "did", "has", "have"} or tag == "VBD":
        return "past"
    if tag == "VBN" and not aux & {"is", "are", "am", "be", "being", "'s", "'re"}:
        return "past"
    # "plans to meet on Thursday", "is expected to vote Monday": the outer verb looks ahead
    if node.dep == _XCOMP:
        head = node.head
        if head.lemma_ in _AHEAD or head.lower_ in _AHEAD:
            return "future"
    return None


# Token.pos and Token.dep are the labels' numbers, spaCy's symbols; pos_ and dep_ look the
# strings up on every read
_VERBAL = (symbols.VERB, symbols.AUX)
_AUX_DEPS = (symbols.aux, symbols.auxpass)
_XCOMP = symbols.xcomp
_AHEAD = {"plan", "expect", "schedule", "intend", "due", "hope", "aim", "prepare", "promise",
          "vow", "pledge", "set", "likely", "going", "threaten", "want"}


def _trim(words: _Words) -> int:
    """Where the expression starts once the leading words no part of a time are left out."""
    start, end = words.span.start, words.span.end
    while start < end - 1 and words.lower_at(start) in ("the", "on", "in", "since", "until"):
        start += 1
    return start


def event_date(doc: Doc, trigger_i: int, times: Sequence[TimeMention], *,
               pub_date: str | None, sent: Span | None = None) -> EventDate | None:
    """The date of the time expression that governs the trigger's clause, else publication;
    ``sent`` is the trigger's sentence when the caller has it (``Token.sent`` seeks it)."""
    trigger = None  # read only once a dated expression is there to try
    for tm in times:
        if tm.expr.kind != "date" or tm.expr.value is None:
            continue
        if trigger is None:
            trigger = doc[trigger_i]
        if sent is None:
            sent = trigger.sent
        if not (sent.start <= tm.start < sent.end):
            continue
        root = doc[tm.start] if tm.end - tm.start == 1 else doc[tm.start:tm.end].root
        if _governs(root, trigger):
            return EventDate(value=tm.expr.value, precision=tm.expr.precision or "day",
                             text=tm.expr.text, historical=_historical(tm.expr.value, pub_date))
    if pub_date is None:
        return None
    return _published(pub_date)


@functools.lru_cache(maxsize=16)
def _published(pub_date: str) -> EventDate:
    """The publication date as the date of an event: one record for a story's undated events."""
    return EventDate(value=pub_date, precision="day", text=None, historical=False)


def _governs(time_root: Token, trigger: Token) -> bool:
    """True when the time phrase hangs off the trigger's clause, not a clause inside it."""
    node = time_root.head
    steps = 0
    while steps < 4:
        if node.i == trigger.i:
            return True
        if node.pos in _VERBAL and node.dep not in _AUX_DEPS:
            return False
        head = node.head
        if head.i == node.i:
            return False
        node, steps = head, steps + 1
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
