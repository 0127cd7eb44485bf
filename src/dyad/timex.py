"""Time expressions normalised to TIMEX3 values against the publication date.

Candidates are the model's DATE and TIME entities. Our rules read what dateparser gets wrong or
cannot say (seasons, ISO weeks, "earlier this month", weekdays relative to publication,
durations); dateparser reads the remaining absolute dates. Each event then takes the time
expression that governs its clause, else the publication date.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dyad.records import EventDate, TimeExpr

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
MONTHS.update({k[:3]: v for k, v in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday",
                                        "saturday", "sunday"])}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
           "several": 3, "few": 3, "a few": 3, "dozen": 12, "thirteen": 13, "fourteen": 14,
           "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
           "hundred": 100, "a hundred": 100, "a couple of": 2, "couple of": 2, **TENS}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
            "4th": 4}
UNITS = {"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "DE", "hour": "H",
         "minute": "MIN"}
HISTORICAL_DAYS = 365  # events dated more than a year before publication are flagged historical

_LEAD = re.compile(r"^(on|in|at|by|since|from|until|till|during|the|of|early|late|mid|around|"
                   r"about|as of|before|after)\s+", re.IGNORECASE)
_MONTH_DAY = re.compile(r"^(?P<m>[a-z]+)\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<y>\d{4}))?$")
_DAY_MONTH = re.compile(r"^(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>[a-z]+)\.?(?:,?\s+(?P<y>\d{4}))?$")
_MONTH_YEAR = re.compile(r"^(?P<m>[a-z]+)\.?(?:,?\s+(?P<y>\d{4}))?$")
_YEAR = re.compile(r"^(?P<y>(1[89]|20)\d\d)$")
_ISO = re.compile(r"^(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})$")
_AGO = re.compile(r"^(?P<n>\w+(?: few)?)\s+(?P<u>day|week|month|year)s?\s+(ago|earlier|before)$")
_REL = re.compile(r"^(?P<w>last|next|this|past|coming|previous|earlier this|later this)\s+"
                  r"(?P<u>week|month|year|weekend|spring|summer|autumn|fall|winter)$")
_SPAN_OF = re.compile(r"^(?:the\s+)?(?:last|past|next|previous|coming|first|final)\s+"
                      r"(?P<n>\w+)\s+(?P<u>day|week|month|year|decade|hour|minute)s$")
_HYPHEN_DURATION = re.compile(r"^(?P<n>\w+)-(?P<u>day|week|month|year|hour|minute)(?:-long|-old)?$")
_CLOCK = re.compile(r"^(?P<h>\d{1,2})(?::(?P<m>\d{2}))?\s*(?P<ap>a\.?m\.?|p\.?m\.?)?$")
_DECADE = re.compile(r"^(?:the\s+)?(?P<c>1[89]|20)(?P<d>\d)0'?s$")
PARTS_OF_DAY = {"this morning": "MO", "this afternoon": "AF", "this evening": "EV",
                "tonight": "NI", "last night": "NI", "yesterday morning": "MO",
                "yesterday afternoon": "AF", "yesterday evening": "EV"}
_QUARTER = re.compile(r"^(?:the\s+)?(?:fiscal\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)"
                      r"(?:[\s-]+fiscal)?\s+quarter(?:\s+of\s+(?:fiscal\s+)?(?P<y>\d{4}))?$")
_THIS_YEAR = re.compile(r"^(?:the\s+)?(?:current\s+|full\s+|this\s+)?(?:fiscal\s+|calendar\s+)?year$")
_FISCAL = re.compile(r"^fiscal\s+(?:year\s+)?(?P<y>\d{4})$")
_REL_NAMED = re.compile(r"^(?P<w>last|this|next|this coming|coming|past)\s+(?P<n>[a-z]+)$")
_WEEKDAY_LEAD = re.compile(r"^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+"
                           r"(?P<rest>.*\d.*)$")
_DURATION = re.compile(r"^(?:more than|less than|nearly|almost|over|about|some|at least|up to|"
                       r"the past|the last|the next|another|for)?\s*"
                       r"(?P<n>a couple of|couple of|a hundred|[\w-]+|\d+)?\s*"
                       r"(?P<u>day|week|month|year|decade|hour|minute)s?$")


@dataclass(frozen=True, slots=True)
class TimeMention:
    start: int
    end: int
    expr: TimeExpr


def _iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _add_months(d: dt.date, n: int) -> dt.date:
    m = d.month - 1 + n
    return dt.date(d.year + m // 12, m % 12 + 1, 1)


def _number(word: str | None) -> int | None:
    if word is None:
        return 1
    if word.isdigit():
        return int(word)
    tens, _, unit = word.partition("-")  # "forty-five"
    if unit and tens in TENS and NUMBERS.get(unit, 10) < 10:
        return TENS[tens] + NUMBERS[unit]
    return NUMBERS.get(word)


def normalize(text: str, pub: dt.date | None, *, tense: str | None = None
              ) -> tuple[str | None, str | None, str]:
    """(value, precision, kind) of one time expression; kind is date, duration or set.

    ``tense`` ("past" or "future") of the clause decides which way an unanchored date points:
    "on Thursday" in "will meet on Thursday" is the next Thursday.
    """
    t = " ".join(text.lower().replace("\u2019", "'").split()).strip(" .,")
    while True:
        stripped = _LEAD.sub("", t)
        if stripped == t:
            break
        t = stripped
    if not t:
        return None, None, "date"
    if t in ("every day", "daily", "weekly", "monthly", "annually", "each year", "every year"):
        return None, None, "set"
    m = _ISO.match(t)
    if m:
        return t, "day", "date"
    m = _DECADE.match(t)
    if m:
        return f"{m['c']}{m['d']}", "decade", "date"
    m = _WEEKDAY_LEAD.match(t)
    if m:  # "Saturday, April 25": the date says it all
        return normalize(m["rest"], pub, tense=tense)
    m = _FISCAL.match(t)
    if m:
        return m["y"], "year", "date"
    m = _QUARTER.match(t)
    if m and (m["y"] or pub is not None):
        q = ORDINALS[m["q"]]
        if m["y"] or pub is None:
            return f"{m['y']}-Q{q}", "quarter", "date"
        year = pub.year - 1 if tense == "past" and q > (pub.month - 1) // 3 + 1 else pub.year
        return f"{year}-Q{q}", "quarter", "date"
    if pub is not None and _THIS_YEAR.match(t):
        return str(pub.year), "year", "date"
    m = _REL_NAMED.match(t) if pub is not None else None
    if m and pub is not None and (m["n"] in MONTHS or m["n"] in WEEKDAYS):
        which = m["w"]
        if m["n"] in WEEKDAYS:
            wd = WEEKDAYS[m["n"]]
            if which in ("last", "past"):
                back = (pub.weekday() - wd) % 7 or 7
                return (pub - dt.timedelta(days=back)).isoformat(), "day", "date"
            ahead = (wd - pub.weekday()) % 7 or 7
            if which == "this" and tense != "future":
                return normalize(m["n"], pub, tense=tense)
            return (pub + dt.timedelta(days=ahead)).isoformat(), "day", "date"
        month = MONTHS[m["n"]]
        if which in ("last", "past"):
            year = pub.year if month < pub.month else pub.year - 1
        elif which in ("next", "coming", "this coming"):
            year = pub.year if month > pub.month else pub.year + 1
        else:
            year = pub.year
        return f"{year}-{month:02d}", "month", "date"
    for rx in (_SPAN_OF, _HYPHEN_DURATION):
        m = rx.match(t)
        if m and _number(m["n"]) is not None:
            n_units = _number(m["n"]) or 1
            unit = UNITS[m["u"]]
            if unit in ("H", "MIN"):
                return f"PT{n_units}{unit[0]}", None, "duration"
            if unit == "DE":
                return f"P{n_units * 10}Y", None, "duration"
            return f"P{n_units}{unit}", None, "duration"
    if pub is not None:
        if t in PARTS_OF_DAY:
            day = pub - dt.timedelta(days=1) if t.startswith(("yesterday", "last")) else pub
            return f"{day.isoformat()}T{PARTS_OF_DAY[t]}", "day", "date"
        m = _CLOCK.match(t)
        if m and (m["m"] or m["ap"]):
            hour = int(m["h"]) % 12 + (12 if m["ap"] and m["ap"].startswith("p") else 0) \
                if m["ap"] else int(m["h"])
            if hour < 24:
                return f"{pub.isoformat()}T{hour:02d}:{m['m'] or '00'}", "day", "date"
        if t in ("today", "now"):
            return pub.isoformat(), "day", "date"
        if t in ("yesterday", "last night"):
            return (pub - dt.timedelta(days=1)).isoformat(), "day", "date"
        if t == "tomorrow":
            return (pub + dt.timedelta(days=1)).isoformat(), "day", "date"
        if t in WEEKDAYS:
            if tense == "future":
                ahead = (WEEKDAYS[t] - pub.weekday()) % 7 or 7
                return (pub + dt.timedelta(days=ahead)).isoformat(), "day", "date"
            back = (pub.weekday() - WEEKDAYS[t]) % 7
            return (pub - dt.timedelta(days=back)).isoformat(), "day", "date"
        m = _AGO.match(t)
        if m and _number(m["n"]) is not None:
            n: int = _number(m["n"]) or 1
            unit = m["u"]
            if unit == "day":
                return (pub - dt.timedelta(days=n)).isoformat(), "day", "date"
            if unit == "week":
                return _iso_week(pub - dt.timedelta(weeks=n)), "week", "date"
            if unit == "month":
                return _add_months(pub, -n).strftime("%Y-%m"), "month", "date"
            return str(pub.year - n), "year", "date"
        m = _REL.match(t)
        if m:
            which, unit = m["w"], m["u"]
            step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(which, 0)
            if unit in ("week", "weekend"):
                return _iso_week(pub + dt.timedelta(weeks=step)), "week", "date"
            if unit == "month":
                return _add_months(pub, step).strftime("%Y-%m"), "month", "date"
            if unit == "year":
                return str(pub.year + step), "year", "date"
            season = SEASONS[unit]
            year = pub.year + step
            if step == -1 and season == "WI":
                year = pub.year if pub.month > 3 else pub.year - 1
            return f"{year}-{season}", "season", "date"
        if t in SEASONS:
            return f"{pub.year}-{SEASONS[t]}", "season", "date"
    for rx in (_MONTH_DAY, _DAY_MONTH):
        m = rx.match(t)
        if m and m["m"] in MONTHS:
            day_year: int | None = int(m["y"]) if m["y"] else (pub.year if pub else None)
            if day_year is None:
                return None, "day", "date"
            if not m["y"] and pub is not None:
                day_year = _pick_year(pub, MONTHS[m["m"]], tense)
            try:
                return dt.date(day_year, MONTHS[m["m"]], int(m["d"])).isoformat(), "day", "date"
            except ValueError:
                return None, None, "date"
    m = _MONTH_YEAR.match(t)
    if m and m["m"] in MONTHS and (m["y"] or pub is not None):
        year = int(m["y"]) if m["y"] else _pick_year(pub, MONTHS[m["m"]], tense)  # type: ignore[arg-type]
        return f"{year}-{MONTHS[m['m']]:02d}", "month", "date"
    m = _YEAR.match(t)
    if m:
        return t, "year", "date"
    m = _DURATION.match(t)
    if m and (m["n"] is None or _number(m["n"]) is not None):
        n = _number(m["n"]) or 1
        unit = UNITS[m["u"]]
        if unit == "DE":
            return f"P{n * 10}Y", None, "duration"
        if unit in ("H", "MIN"):
            return f"PT{n}{unit[0]}", None, "duration"
        return f"P{n}{unit}", None, "duration"
    if re.search(r"\d{4}", t) and any(w in MONTHS for w in re.findall(r"[a-z]+", t)):
        return _dateparser(t, pub)
    return None, None, "date"


def _pick_year(pub: dt.date, month: int, tense: str | None) -> int:
    """A month without a year: in a past-tense clause it is not after publication; in a
    future one not before; otherwise the publication year."""
    if tense == "past" and month > pub.month:
        return pub.year - 1
    if tense == "future" and month < pub.month:
        return pub.year + 1
    return pub.year


@functools.lru_cache(maxsize=4096)
def _dateparser(text: str, pub: dt.date | None) -> tuple[str | None, str | None, str]:
    import dateparser

    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["year"]}
    if pub is not None:
        settings["RELATIVE_BASE"] = dt.datetime(pub.year, pub.month, pub.day)
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    if parsed is None:
        return None, None, "date"
    return parsed.date().isoformat(), "day", "date"


def _pub(pub_date: str | None) -> dt.date | None:
    return dt.date.fromisoformat(pub_date) if pub_date else None


def find_times(doc: Doc, *, pub_date: str | None) -> list[TimeMention]:
    """Time expressions in the Doc with TIMEX3 values against ``pub_date``."""
    pub = _pub(pub_date)
    out: list[TimeMention] = []
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        span = _trim(ent)
        value, precision, kind = normalize(span.text, pub, tense=_tense(span))
        out.append(TimeMention(span.start, span.end, TimeExpr(
            text=span.text, start=span.start_char, end=span.end_char, value=value,
            precision=precision, kind=kind)))
    return out


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
    if node.tag_ in ("VBD", "VBN") or aux & {"had", "was", "were", "did"}:
        return "past"
    return None


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
