"""TIMEX3 values for time phrases, against the publication date.

``normalize("last week", pub)`` gives the value, its precision and its kind (date, duration or
set). The rules read what dateparser gets wrong or cannot say: seasons, ISO weeks, quarters,
"earlier this month", weekdays relative to publication, parts of day, spoken years
("nineteen ninety-one"), vague spans ("the past few weeks" is PXW) and the TimeML references
PAST_REF, PRESENT_REF and FUTURE_REF. dateparser reads the remaining absolute dates.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
MONTHS.update({k[:3]: v for k, v in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday",
                                        "saturday", "sunday"])}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
           "dozen": 12, "a dozen": 12, "thirteen": 13, "fourteen": 14,
           "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
           "hundred": 100, "a hundred": 100, "a couple of": 2, "couple of": 2, "couple": 2,
           "a couple": 2, **TENS}
VAGUE = {"few", "a few", "several", "many", "some", "recent", "various", "the"}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
            "4th": 4}
UNITS = {"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "DE", "hour": "H",
         "minute": "MIN", "quarter": "Q", "century": "CE", "centurie": "CE"}
SETS = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M", "quarterly": "P1Q",
        "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H"}
REFS = {
    "PRESENT_REF": ("now", "right now", "currently", "these days", "the present", "present",
                    "at present", "nowadays", "today's", "the moment"),
    "PAST_REF": ("the past", "recently", "previously", "formerly", "once", "earlier",
                 "in the past", "lately", "past"),
    "FUTURE_REF": ("the future", "future", "the near future", "the near term", "near term",
                   "a later date", "later", "soon", "the long term", "long term",
                   "the coming days", "eventually"),
}
_REF = {phrase: ref for ref, phrases in REFS.items() for phrase in phrases}

# Words before a time phrase that do not change its value ("almost two years ago", "mid-1996",
# "the end of November" is November, at the precision the gold standards use).
_LEAD = re.compile(
    r"^(?:on|in|at|by|since|from|until|till|during|the|of|early|late|mid|around|about|as of|"
    r"before|after|almost|nearly|barely|just|only|roughly|approximately|sometime|some time|"
    r"as early as|as late as|as recently as|more than|less than|at least|over|under|up to|"
    r"no more than|no later than|within|for|throughout|beginning|starting|its|his|her|their|"
    r"this coming(?= (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)|"
    r"(?:the )?(?:end|beginning|start|middle|first half|second half|last half|rest|"
    r"remainder|close|turn) of)\s+")
_MONTH_DAY = re.compile(r"^(?P<m>[a-z]+)\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<y>\d{4}))?$")
_DAY_MONTH = re.compile(r"^(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>[a-z]+)\.?(?:,?\s+(?P<y>\d{4}))?$")
_MONTH_YEAR = re.compile(r"^(?P<m>[a-z]+)\.?(?:,?\s+(?:of\s+)?(?P<y>\d{4}))?$")
_MONTH_REL_YEAR = re.compile(r"^(?P<m>[a-z]+)\.?\s+(?P<w>last|this|next)\s+year$")
_SEASON_YEAR = re.compile(r"^(?P<s>spring|summer|autumn|fall|winter)\s+(?:of\s+)?(?P<y>\d{4})$")
_YEAR = re.compile(r"^(?P<y>(1[0-9]|20)\d\d)$")
_ISO = re.compile(r"^(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})$")
_AGO = re.compile(r"^(?P<n>[\w-]+(?: few| couple of)?)\s+(?P<u>day|week|month|year|decade)s?"
                  r"\s+(?:ago|earlier|before|back)$")
_REL = re.compile(r"^(?P<w>last|next|this|past|coming|previous|earlier this|later this|"
                  r"early this|late this|earlier|late last|early last|early next|late next)\s+"
                  r"(?P<u>week|month|year|weekend|spring|summer|autumn|fall|winter)$")
_SPAN_OF = re.compile(r"^(?:the\s+)?(?:last|past|next|previous|coming|first|final|following|"
                      r"preceding|recent)\s+(?P<n>[\w-]+(?: few| couple of)?)\s+"
                      r"(?P<u>day|week|month|year|decade|hour|minute|quarter|centurie|century)s?$")
_HYPHEN_DURATION = re.compile(r"^(?P<n>[\w.]+)-(?P<u>day|week|month|year|hour|minute|quarter)"
                              r"(?:s?-long|s?-old)?$")
_AGE = re.compile(r"^(?P<n>[\w-]+)[\s-]+(?P<u>day|week|month|year)s?[\s-]+old$")
_CLOCK = re.compile(r"^(?P<h>\d{1,2})(?::(?P<m>\d{2}))?\s*(?P<ap>a\.?m\.?|p\.?m\.?)?"
                    r"(?:\s+(?:est|edt|cst|cdt|pst|pdt|gmt|utc|et|bst|cet|local time))?$")
_CLOCK_FIRST = re.compile(r"^(?P<clock>\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)?"
                          r"(?:\s+(?:est|edt|cst|cdt|pst|pdt|gmt|utc|et|bst|cet))?|noon|midnight)"
                          r",?\s+(?:on\s+)?(?P<day>.+)$")
_IN_THE = re.compile(r"^(?P<h>\d{1,2})\s+in\s+the\s+(?P<p>morning|afternoon|evening)$")
_DECADE = re.compile(r"^(?:the\s+)?(?:'|(?P<c>1[0-9]|20))(?P<d>\d)0'?s$")
_CENTURY = re.compile(r"^(?:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)[\s-]+century$")
_QUARTER = re.compile(r"^(?:the\s+)?(?:(?P<y0>\d{4})\s+)?(?:fiscal[\s-]+)?"
                      r"(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)"
                      r"(?:[\s-]+fiscal)?[\s-]+quarter(?:\s+of\s+(?:fiscal\s+)?(?P<y>\d{4}))?$")
_THIS_QUARTER = re.compile(r"^(?:the\s+|this\s+|that\s+)?(?P<w>latest|current|most recent|"
                           r"recent|last|previous|past|year-earlier|year-ago|comparable year-ago|"
                           r"year-earlier [a-z]+|year-ago [a-z]+|\d{4})?\s*quarter$")
_THIS_YEAR = re.compile(r"^(?:the\s+)?(?:current\s+|full\s+|this\s+)?(?:fiscal\s+|calendar\s+)?"
                        r"(?:year|year-end|year end)$")
_FISCAL = re.compile(r"^fiscal\s+(?:year\s+)?(?P<y>\d{4})$")
_REL_NAMED = re.compile(r"^(?P<w>last|this|next|this coming|coming|past)\s+(?P<n>[a-z]+)$")
_WEEKDAY_LEAD = re.compile(r"^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+"
                           r"(?P<rest>.*\d.*)$")
_DAY_PART = re.compile(r"^(?P<day>.+?)\s+(?P<p>morning|afternoon|evening|night)$")
_DURATION = re.compile(r"^(?:the past|the last|the next|another|an additional|the|a)?\s*"
                       r"(?P<n>a couple of|couple of|a hundred|a few|[\w.-]+|\d+)?\s*"
                       r"(?P<u>day|week|month|year|decade|hour|minute|quarter|centurie|century)"
                       r"s?(?P<or> or so| and a half)?$")
_SET = re.compile(r"^(?:each|every|per)\s+(?:(?P<n>[\w-]+)\s+)?(?P<u>day|week|month|year|"
                  r"hour|quarter)s?$")
_SPOKEN_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9}
_SPOKEN_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
                 "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
_SPOKEN_YEAR = re.compile(
    r"\b(?:(?P<hi>nineteen|eighteen|twenty)\s+(?P<lo>(?:twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|"
    r"twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
    r"oh[\s-](?:one|two|three|four|five|six|seven|eight|nine))"
    r"|two\s+thousand(?:\s+(?:and\s+)?(?P<k>one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen))?)\b")
_HALF = re.compile(r"\d+\.5")
_YEAR_WORD = re.compile(r"^(?:the\s+)?year\s+(\d{4})$")
_MID = re.compile(r"^mid-(?=[a-z0-9])")
_THIS_DATE = re.compile(r"^(?:this|a|an)\s+(?=[a-z]+\.? \d)")
_DIGIT = re.compile(r"\d")
_FOUR_DIGITS = re.compile(r"\d{4}")
_WORD = re.compile(r"[a-z]+")
_DECADE_PLURAL = re.compile(r"(?:the\s+)?[a-z]+ies")
_VAGUE_SPAN = re.compile(r"(?:the\s+)?(?P<w>recent|past|coming|future|next|last|upcoming)\s+"
                         r"(?P<u>days|weeks|months|years|decades|quarters)(?: and \w+)?")
_VAGUE_AGO = re.compile(r"(?P<n>several|a few|few|many|some)\s+(?:days|weeks|months|years|"
                        r"decades)\s+(?:ago|earlier|before|back)")
_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                 "seventies": 7, "eighties": 8, "nineties": 9}

Value = tuple[str | None, str | None, str]


def _iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _add_months(d: dt.date, n: int) -> dt.date:
    m = d.month - 1 + n
    return dt.date(d.year + m // 12, m % 12 + 1, 1)


def _number(word: str | None) -> int | None:
    """The count a number word or numeral names; None when it is no number ("several")."""
    if word is None:
        return 1
    if word.isdigit():
        return int(word)
    if _HALF.fullmatch(word):
        return None
    tens, _, unit = word.partition("-")  # "forty-five"
    if unit and tens in TENS and NUMBERS.get(unit, 10) < 10:
        return TENS[tens] + NUMBERS[unit]
    return NUMBERS.get(word)


def _spoken_years(t: str) -> str:
    """'january nineteen ninety-seven' -> 'january 1997'; 'the year two thousand' -> '2000'."""
    def one(m: re.Match[str]) -> str:
        if m["hi"] is None:
            return str(2000 + (NUMBERS.get(m["k"]) or _SPOKEN_TEENS.get(m["k"] or "", 0)))
        century = {"eighteen": 18, "nineteen": 19, "twenty": 20}[m["hi"]] * 100
        lo = m["lo"].replace("-", " ").split()
        if lo[0] == "oh":
            return str(century + _SPOKEN_UNITS[lo[1]])
        if lo[0] in _SPOKEN_TEENS:
            return str(century + _SPOKEN_TEENS[lo[0]])
        return str(century + TENS[lo[0]] + (_SPOKEN_UNITS[lo[1]] if len(lo) > 1 else 0))
    # the tests before each substitution only skip it where its pattern cannot match
    if "teen" in t or "tw" in t:  # nineteen, eighteen, twenty, two
        t = _SPOKEN_YEAR.sub(one, t)
    return _YEAR_WORD.sub(r"\1", t) if "year" in t else t


def _clean(text: str) -> str:
    t = " ".join(text.lower().replace("\u2019", "'").replace("\u2013", "-").split()).strip(" .,")
    # (the string tests before each pattern only skip it where it cannot match)
    if t.endswith("'s"):  # "last year's"
        t = t[:-2]
    if t.startswith("mid-"):  # "mid-1996", "mid-November"
        t = _MID.sub("", t)
    if t.startswith(("this", "a")):  # "this May 30, 2020"
        t = _THIS_DATE.sub("", t)
    lead = _LEAD.match(t)
    while lead:
        t = t[lead.end():]
        lead = _LEAD.match(t)
    if not _DIGIT.search(t):
        t = _spoken_years(t)
    return t


def _unit_value(n: int | None, unit: str) -> str:
    """Duration value of n units; n None means an unknown number (TIMEX3 'X')."""
    count = "X" if n is None else str(n)
    if unit in ("H", "MIN"):
        return f"PT{count}{unit[0]}"
    if unit == "DE":
        return f"P{n * 10}Y" if n is not None else "PXDE"
    if unit == "CE":
        return f"P{n}CE" if n is not None else "PXCE"
    return f"P{count}{unit}"


def _quarter_of(d: dt.date) -> tuple[int, int]:
    return d.year, (d.month - 1) // 3 + 1


def _last_quarter(pub: dt.date) -> tuple[int, int]:
    """The most recently completed quarter: the one business news reports on."""
    year, q = _quarter_of(pub)
    return (year, q - 1) if q > 1 else (year - 1, 4)


def normalize(text: str, pub: dt.date | None, *, tense: str | None = None,
              fallback: bool = True) -> Value:
    """(value, precision, kind) of one time expression; kind is date, duration or set.

    ``tense`` ("past" or "future") of the clause decides which way an unanchored date points:
    "on Thursday" in "will meet on Thursday" is the next Thursday. ``fallback`` False skips
    dateparser (slow), for callers that only probe whether words read as a time.
    """
    t = _clean(text)
    if not t:
        return None, None, "date"
    bare = _bare(t, pub, tense)
    if bare is not None:
        return bare
    return _rules(t, pub, tense, fallback)


def _bare(t: str, pub: dt.date | None, tense: str | None) -> Value | None:
    """A bare number, weekday or month name, the commonest time words in news, read at once:
    none of the rules before its own matches one, so this is what :func:`_rules` gives it."""
    if t.isdigit() and t.isascii():
        return (t, "year", "date") if _YEAR.match(t) else (None, None, "date")
    if t in WEEKDAYS:
        return _weekday(t, pub, tense) if pub is not None else (None, None, "date")
    if t in MONTHS:
        if pub is None:
            return None, None, "date"
        return f"{_pick_year(pub, MONTHS[t], tense)}-{MONTHS[t]:02d}", "month", "date"
    return None


def _rules(t: str, pub: dt.date | None, tense: str | None, fallback: bool) -> Value:
    """The rules in turn on a cleaned phrase; the first that reads it gives its value."""
    if t in SETS:
        return SETS[t], None, "set"
    m = _SET.match(t)
    if m and (m["n"] is None or _number(m["n"]) is not None):
        return _unit_value(_number(m["n"]), UNITS[m["u"]]), None, "set"
    if t in _REF:
        return _REF[t], None, "date"
    m = _ISO.match(t)
    if m:
        return t, "day", "date"
    m = _DECADE.match(t)
    if m:
        century = m["c"] or (str(pub.year)[:2] if pub and int(m["d"]) <= pub.year % 100 // 10
                             else "19")
        return f"{century}{m['d']}", "decade", "date"
    if t.endswith("ies") and _DECADE_PLURAL.fullmatch(t) and t.split()[-1] in _DECADE_WORDS:
        return f"19{_DECADE_WORDS[t.split()[-1]]}", "decade", "date"
    m = _CENTURY.match(t)
    if m:
        return f"{int(m['n']) - 1:02d}", "century", "date"
    m = _WEEKDAY_LEAD.match(t)
    if m:  # "Saturday, April 25": the date says it all
        return normalize(m["rest"], pub, tense=tense)
    m = _FISCAL.match(t)
    if m:
        return m["y"], "year", "date"
    m = _SEASON_YEAR.match(t)
    if m:
        return f"{m['y']}-{SEASONS[m['s']]}", "season", "date"
    quarter = _quarter(t, pub, tense)
    if quarter is not None:
        return quarter
    if pub is not None and _THIS_YEAR.match(t):
        return str(pub.year), "year", "date"
    ref = _vague(t)
    if ref is not None:
        return ref
    m = _REL_NAMED.match(t) if pub is not None else None
    if m and pub is not None and (m["n"] in MONTHS or m["n"] in WEEKDAYS):
        return _rel_named(m["w"], m["n"], pub, tense)
    for rx in (_SPAN_OF, _HYPHEN_DURATION, _AGE):
        m = rx.match(t)
        if m and (_number(m["n"]) is not None or m["n"] in VAGUE):
            return _unit_value(_number(m["n"]), UNITS[m["u"]]), None, "duration"
    if pub is not None:
        got = _relative(t, pub, tense)
        if got is not None:
            return got
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
    if m and (m["n"] is None or _number(m["n"]) is not None or m["n"] in VAGUE):
        n = _number(m["n"]) if m["n"] is not None else (1 if not t.endswith("s") else None)
        if m["n"] is not None and _HALF.fullmatch(m["n"]):
            return None, None, "duration"
        return _unit_value(n, UNITS[m["u"]]), None, "duration"
    if fallback and len(t) <= 40 and _FOUR_DIGITS.search(t) \
            and any(w in MONTHS for w in _WORD.findall(t)):
        return _dateparser(t, pub)
    return None, None, "date"


def _quarter(t: str, pub: dt.date | None, tense: str | None) -> Value | None:
    m = _QUARTER.match(t)
    if m and (m["y"] or m["y0"] or pub is not None):
        q = ORDINALS[m["q"]]
        year_text = m["y"] or m["y0"]
        if year_text or pub is None:
            return f"{year_text}-Q{q}", "quarter", "date"
        cur_year, cur_q = _quarter_of(pub)
        year = cur_year - 1 if tense == "past" and q > cur_q else cur_year
        return f"{year}-Q{q}", "quarter", "date"
    m = _THIS_QUARTER.match(t)
    if m and pub is not None:
        which = m["w"] or ""
        if which == "current" or (not which and tense == "future"):
            year, q = _quarter_of(pub)
        else:
            year, q = _last_quarter(pub)
        if which.startswith(("year-", "comparable")):  # the same quarter a year before
            year -= 1
        if which.isdigit():
            year = int(which)
        return f"{year}-Q{q}", "quarter", "date"
    return None


def _vague(t: str) -> Value | None:
    """Plural spans with no number: 'recent years' is PAST_REF, 'the coming months' FUTURE_REF,
    'several years ago' PAST_REF."""
    m = _VAGUE_SPAN.fullmatch(t)
    if m:
        return ("FUTURE_REF" if m["w"] in ("coming", "future", "next", "upcoming")
                else "PAST_REF"), None, "date"
    m = _VAGUE_AGO.fullmatch(t)
    if m:
        return "PAST_REF", None, "date"
    return None


def _rel_named(which: str, name: str, pub: dt.date, tense: str | None) -> Value:
    if name in WEEKDAYS:
        wd = WEEKDAYS[name]
        if which in ("last", "past"):
            back = (pub.weekday() - wd) % 7 or 7
            return (pub - dt.timedelta(days=back)).isoformat(), "day", "date"
        ahead = (wd - pub.weekday()) % 7 or 7
        if which == "this" and tense != "future":
            return normalize(name, pub, tense=tense)
        return (pub + dt.timedelta(days=ahead)).isoformat(), "day", "date"
    month = MONTHS[name]
    if which in ("last", "past"):
        year = pub.year if month < pub.month else pub.year - 1
    elif which in ("next", "coming", "this coming"):
        year = pub.year if month > pub.month else pub.year + 1
    else:
        year = pub.year
    return f"{year}-{month:02d}", "month", "date"


def _relative(t: str, pub: dt.date, tense: str | None) -> Value | None:
    """Phrases that need the publication date: today, weekdays, ago, last/next, clocks."""
    m = _MONTH_REL_YEAR.match(t)
    if m and m["m"] in MONTHS:
        year = pub.year + {"last": -1, "this": 0, "next": 1}[m["w"]]
        return f"{year}-{MONTHS[m['m']]:02d}", "month", "date"
    if t == "tonight":
        return f"{pub.isoformat()}TNI", "day", "date"
    m = _DAY_PART.match(t)
    if m:
        day = m["day"]
        day = {"this": "today", "last": "yesterday", "later this": "today", "early this": "today",
               "late this": "today", "earlier this": "today", "mid": "today"}.get(day, day)
        got = normalize(day, pub, tense=tense)
        if got[0] is not None and got[1] == "day" and "T" not in got[0]:
            return f"{got[0]}T{PARTS[m['p']]}", "day", "date"
    if t in PARTS or t in ("mid afternoon", "mid-afternoon", "midday"):
        part = PARTS.get(t, "AF" if "afternoon" in t else "MI")
        return f"{pub.isoformat()}T{part}", "day", "date"
    m = _IN_THE.match(t)
    if m:
        hour = int(m["h"]) % 12 + (12 if m["p"] in ("afternoon", "evening") else 0)
        return f"{pub.isoformat()}T{hour:02d}:00", "day", "date"
    m = _CLOCK_FIRST.match(t)
    if m:
        got = normalize(m["day"], pub, tense=tense)
        clock = _clock(m["clock"])
        if got[0] is not None and got[1] == "day" and clock is not None and "T" not in got[0]:
            return f"{got[0]}T{clock}", "day", "date"
    clock = _clock(t)
    if clock is not None:
        return f"{pub.isoformat()}T{clock}", "day", "date"
    if t in ("today", "this day"):
        return pub.isoformat(), "day", "date"
    if t in ("yesterday", "last night"):
        day = pub - dt.timedelta(days=1)
        return (f"{day.isoformat()}TNI" if t == "last night" else day.isoformat()), "day", "date"
    if t == "tomorrow":
        return (pub + dt.timedelta(days=1)).isoformat(), "day", "date"
    if t in ("the weekend", "weekend", "this weekend"):
        return f"{_iso_week(pub)}-WE", "week", "date"
    if t in WEEKDAYS:
        return _weekday(t, pub, tense)
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
        if unit == "decade":
            return str(pub.year - 10 * n), "year", "date"
        return str(pub.year - n), "year", "date"
    m = _REL.match(t)
    if m:
        which, unit = m["w"], m["u"]
        step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1,
                "late last": -1, "early last": -1, "early next": 1,
                "late next": 1}.get(which, 0)
        if unit == "weekend":
            return f"{_iso_week(pub + dt.timedelta(weeks=step))}-WE", "week", "date"
        if unit == "week":
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
    return None


def _weekday(name: str, pub: dt.date, tense: str | None) -> Value:
    """A weekday alone is the last one up to publication, or in a future clause the next."""
    if tense == "future":
        ahead = (WEEKDAYS[name] - pub.weekday()) % 7 or 7
        return (pub + dt.timedelta(days=ahead)).isoformat(), "day", "date"
    back = (pub.weekday() - WEEKDAYS[name]) % 7
    return (pub - dt.timedelta(days=back)).isoformat(), "day", "date"


def _clock(t: str) -> str | None:
    if t == "noon":
        return "12:00"
    if t == "midnight":
        return "24:00"
    m = _CLOCK.match(t)
    if not m or not (m["m"] or m["ap"]):
        return None
    hour = int(m["h"]) % 12 + (12 if m["ap"] and m["ap"].startswith("p") else 0) \
        if m["ap"] else int(m["h"])
    return f"{hour:02d}:{m['m'] or '00'}" if hour < 24 else None


def _pick_year(pub: dt.date, month: int, tense: str | None) -> int:
    """A month without a year. In a past-tense clause it is not after publication, in a future
    one not before; with no tense, news looks back: a month more than two months after the
    publication month is last year's."""
    if tense == "past" and month > pub.month:
        return pub.year - 1
    if tense == "future" and month < pub.month:
        return pub.year + 1
    if tense is None and month > pub.month + 2:
        return pub.year - 1
    return pub.year


@functools.lru_cache(maxsize=4096)
def _dateparser(text: str, pub: dt.date | None) -> Value:
    import dateparser

    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["year"]}
    if pub is not None:
        settings["RELATIVE_BASE"] = dt.datetime(pub.year, pub.month, pub.day)
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    if parsed is None:
        return None, None, "date"
    return parsed.date().isoformat(), "day", "date"


__all__ = ["MONTHS", "SEASONS", "WEEKDAYS", "normalize"]
