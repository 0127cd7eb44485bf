"""Web-page furniture in scraped news: captions' counters and credits, sign-up and share prompts,
advertisements, contributors' credits (``data/furniture.tsv``), and a photo gallery's title
repeated before every caption.

:func:`blank` returns the text with the furniture replaced by whitespace of the same length, so
the parser never joins it to the story and every offset still points into the article;
:func:`spans` gives the blanked character spans, to drop what an already parsed document found
in them (the spaCy component parses the text as given).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from dyad.datafiles import packaged, rows
from dyad.errors import DataError

COLUMNS = ("name", "pattern", "needs", "example")
# a gallery's title stands after "Photos:" before each caption; it is the words all of them share
_GALLERY = re.compile(r"\bPhotos: ")
_MAX_TITLE_WORDS = 12


@dataclass(frozen=True, slots=True)
class Furniture:
    name: str
    pattern: re.Pattern[str]
    needs: tuple[str, ...]  # one of these is in every match: the pattern is tried only then
    example: str
    reach: int | None = None  # the most characters a match spans, None when unbounded

    def find(self, text: str) -> Iterator[tuple[int, int]]:
        """The spans to blank: each match's, or its group named 'blank' where it has one."""
        firsts = [i for i in (text.find(n) for n in self.needs) if i >= 0]
        if not firsts:
            return
        lo, hi = 0, len(text)
        if self.reach is not None:
            # every match holds one of the needs and spans at most `reach` characters, so it
            # lies within `reach` of their first and last occurrence: the pattern (slow where
            # it scans far from each start) is tried there only; one more character at the end
            # so that no end-of-text test ($, \b) can hold where the text goes on
            last = max(text.rfind(n) for n in self.needs)
            lo, hi = max(0, min(firsts) - self.reach), min(len(text), last + self.reach + 1)
        group = "blank" if "blank" in self.pattern.groupindex else 0
        for m in self.pattern.finditer(text, lo, hi):
            start, end = m.span(group)
            if end > start:
                yield start, end


@lru_cache(maxsize=1)
def load() -> tuple[Furniture, ...]:
    where, lines = packaged("furniture.tsv")
    out = []
    for lineno, row in rows(where, lines, COLUMNS, required=COLUMNS):
        try:
            pattern = re.compile(row["pattern"], re.MULTILINE)
        except re.error as e:
            raise DataError(where, lineno, f"the pattern is no regular expression ({e})") from e
        if pattern.fullmatch(row["example"]) is None:
            raise DataError(where, lineno, "the example does not match the pattern whole; fix "
                                           "one of them")
        needs = tuple(n for n in row["needs"].split("|") if n)
        if not any(n in row["example"] for n in needs):
            raise DataError(where, lineno, "none of the words in 'needs' is in the example; "
                                           "give words that every match contains")
        out.append(Furniture(row["name"], pattern, needs, row["example"], _reach(pattern)))
    return tuple(out)


_UNBOUNDED = 1_000_000


def _reach(pattern: re.Pattern[str]) -> int | None:
    """The most characters a match of the pattern can span, from Python's own regex parser
    (a private module: None, no window, if it is not there), None when it is unbounded."""
    try:
        from re import _parser  # type: ignore[attr-defined]

        width: int = _parser.parse(pattern.pattern, pattern.flags).getwidth()[1]
    except (ImportError, AttributeError):
        return None
    return width if width < _UNBOUNDED else None


def spans(text: str) -> list[tuple[int, int]]:
    """The character spans of furniture in ``text``, in order, not overlapping."""
    found = [span for f in load() for span in f.find(text)]
    found.extend(_gallery_titles(text))
    found.sort()
    merged: list[tuple[int, int]] = []
    for start, end in found:
        if merged and (start <= merged[-1][1] or not text[merged[-1][1]:start].strip()):
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _gallery_titles(text: str) -> list[tuple[int, int]]:
    """'Photos: <title>' before each caption of a gallery, where <title> is the longest run of
    words it shares with another caption's (a page may hold several galleries; a lone 'Photos:'
    gives no title: its words cannot be told from the caption's)."""
    if text.count("Photos: ") < 2:  # the common case, told at once (the pattern scans slowly)
        return []
    starts = [m.end() for m in _GALLERY.finditer(text)]
    if len(starts) < 2:
        return []
    words = [text[s:s + 200].split(" ")[:_MAX_TITLE_WORDS + 1] for s in starts]
    out = []
    for s, mine in zip(starts, words, strict=True):
        shared = max(_shared_prefix(mine, other) for other in words if other is not mine)
        if shared:
            out.append((s - len("Photos: "), s + len(" ".join(mine[:shared]))))
    return out


def _shared_prefix(a: list[str], b: list[str]) -> int:
    """How many leading words two captions share, leaving each at least one word of its own."""
    n = 0
    while n < _MAX_TITLE_WORDS and n + 1 < len(a) and n + 1 < len(b) and a[n] == b[n]:
        n += 1
    return n


def blank(text: str, found: Sequence[tuple[int, int]] | None = None) -> str:
    """``text`` with its furniture replaced by a paragraph break and spaces, same length."""
    found = spans(text) if found is None else found
    if not found:
        return text
    parts: list[str] = []
    last = 0
    for start, end in found:
        parts.append(text[last:start])
        width = end - start
        if _continues(text, end):  # inside a sentence ("President X <card> said"): spaces only
            parts.append(" " * width)
        else:
            parts.append("\n\n"[:width] + " " * max(0, width - 2))
        last = end
    parts.append(text[last:])
    return "".join(parts)


def _continues(text: str, end: int) -> bool:
    """Whether the words after ``end`` go on with the sentence before the furniture."""
    j = end
    while j < len(text) and text[j] == " ":
        j += 1
    return j < len(text) and (text[j].islower() or text[j] in ",.;:'\u2019)")


def inside(offset: int, found: Sequence[tuple[int, int]]) -> bool:
    """Whether a character offset falls in one of the spans."""
    return any(start <= offset < end for start, end in found)


__all__ = ["Furniture", "blank", "inside", "load", "spans"]
