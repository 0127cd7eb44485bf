"""The event pattern dictionary: verbs and nouns that trigger PLOVER/CAMEO events.

The data lives in ``data/events.tsv`` (and any user files): one pattern a line,

    pattern  type  mode  cameo  goldstein  targets  contexts  example

where ``pattern`` is ``v:LEMMA``, ``v:LEMMA PARTICLE``, ``v:LEMMA >OBJECT``, ``n:LEMMA`` or
``n:MODIFIER LEMMA``. Light verbs (``type`` LIGHT: "launch", "carry out") take the type of their
object noun; a NONE pattern names a sense that is no event ("v:deny >charge"). The loader validates every line and names file and line in every error.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from dyad.errors import DataError

PLOVER_TYPES: dict[str, int] = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3, "SANCTION": 3,
    "PROTEST": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}
LIGHT = "LIGHT"
# A sense that codes no event ("denied the charges" is a statement, CAMEO 016; "released her
# album"): the more specific pattern wins over the verb's event sense and the word is skipped.
NONE = "NONE"

# CAMEO roots each PLOVER type may carry (ONTOLOGY.md).
TYPE_ROOTS: dict[str, tuple[str, ...]] = {
    "AGREE": ("03",), "CONSULT": ("04",), "SUPPORT": ("05",),
    "CONCEDE": ("081", "082", "083", "08"), "COOPERATE": ("06",), "AID": ("07",),
    "RETREAT": ("084", "085", "086", "087", "08"), "REQUEST": ("10", "02"),
    "ACCUSE": ("09", "11"), "REJECT": ("12",), "THREATEN": ("13",), "SANCTION": ("16",),
    "PROTEST": ("14",), "MOBILIZE": ("15",), "COERCE": ("17",),
    "ASSAULT": ("18", "19", "20"),
}

TARGET_SLOTS = frozenset({"dobj", "dative", "poss", "agent"})
DEFAULT_VERB_TARGETS: tuple[str, ...] = ("dobj",)
DEFAULT_NOUN_TARGETS: tuple[str, ...] = ("prep:against", "prep:on", "prep:with", "prep:of",
                                         "prep:to")
COLUMNS = ("pattern", "type", "mode", "cameo", "goldstein", "targets", "contexts", "example")


@dataclass(frozen=True, slots=True)
class Pattern:
    """One trigger pattern and what it codes."""

    id: str
    pos: str  # "verb" | "noun"
    lemma: str
    particle: str | None
    obj: str | None
    modifier: str | None
    type: str
    mode: str | None
    cameo: str
    goldstein: float
    targets: tuple[str, ...]
    contexts: tuple[str, ...]
    example: str
    source: str  # file:line, for error messages and provenance

    @property
    def quad(self) -> int:
        return PLOVER_TYPES.get(self.type, 0)

    @property
    def light(self) -> bool:
        return self.type == LIGHT

    @property
    def none(self) -> bool:
        return self.type == NONE

    @property
    def specificity(self) -> int:
        return (self.particle is not None) + (self.obj is not None) + (self.modifier is not None)


def _parse_pattern(raw: str, where: tuple[str, int]) -> tuple[str, str, str | None, str | None,
                                                             str | None]:
    path, line = where
    if raw[:2] not in ("v:", "n:"):
        raise DataError(path, line, f"pattern {raw!r} must start with 'v:' (verb) or 'n:' (noun)")
    pos = "verb" if raw[0] == "v" else "noun"
    words = raw[2:].strip().lower().split()
    if not words:
        raise DataError(path, line, f"pattern {raw!r} names no word")
    particle = obj = modifier = None
    if pos == "verb":
        lemma = words[0]
        for extra in words[1:]:
            if extra.startswith(">"):
                if obj is not None or len(extra) < 2:
                    raise DataError(path, line, f"pattern {raw!r}: one '>OBJECT' at most")
                obj = extra[1:]
            elif particle is None:
                particle = extra
            else:
                raise DataError(path, line, f"pattern {raw!r}: write 'v:LEMMA [PARTICLE] [>OBJECT]'")
    else:
        if len(words) > 2:
            raise DataError(path, line, f"pattern {raw!r}: write 'n:LEMMA' or 'n:MODIFIER LEMMA'")
        lemma = words[-1]
        modifier = words[0] if len(words) == 2 else None
    return pos, lemma, particle, obj, modifier


def _check_target(slot: str, path: str, line: int) -> str:
    if slot in TARGET_SLOTS or (slot.startswith("prep:") and len(slot) > 5):
        return slot
    raise DataError(path, line, f"unknown target slot {slot!r}; use dobj, dative, poss, agent or "
                                "prep:WORD")


def parse_lines(lines: Iterable[str], path: str) -> list[Pattern]:
    """Parse and validate pattern lines; raise DataError naming ``path`` and the line."""
    patterns: list[Pattern] = []
    header_seen = False
    seen: dict[str, int] = {}
    for lineno, raw_line in enumerate(lines, start=1):
        line = raw_line.rstrip("\n").rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.split("\t")
        if not header_seen:
            header_seen = True
            if cells[0].strip() == "pattern":
                if tuple(c.strip() for c in cells) != COLUMNS:
                    raise DataError(path, lineno, "header must be: " + "\\t".join(COLUMNS))
                continue
        if len(cells) != len(COLUMNS):
            raise DataError(path, lineno, f"expected {len(COLUMNS)} tab-separated columns "
                                          f"({', '.join(COLUMNS)}), found {len(cells)}")
        pat_s, type_s, mode_s, cameo_s, gold_s, targets_s, ctx_s, example = (c.strip() for c in cells)
        pos, lemma, particle, obj, modifier = _parse_pattern(pat_s, (path, lineno))
        type_s = type_s.upper()
        if type_s not in (LIGHT, NONE) and type_s not in PLOVER_TYPES:
            raise DataError(path, lineno, f"unknown type {type_s!r}; use one of the 16 PLOVER types, "
                                          "LIGHT or NONE")
        if type_s == NONE and obj is None and particle is None and modifier is None:
            raise DataError(path, lineno, f"pattern {pat_s!r}: a NONE sense needs a particle, "
                                          "'>OBJECT' or modifier that tells it from the event sense")
        goldstein = 0.0
        if type_s not in (LIGHT, NONE):
            if not cameo_s.isdigit() or not 2 <= len(cameo_s) <= 4:
                raise DataError(path, lineno, f"CAMEO code {cameo_s!r} must be 2-4 digits")
            if not cameo_s.startswith(TYPE_ROOTS[type_s]):
                raise DataError(path, lineno, f"CAMEO code {cameo_s} does not belong to {type_s} "
                                              f"(roots {', '.join(TYPE_ROOTS[type_s])})")
            try:
                goldstein = float(gold_s)
            except ValueError:
                raise DataError(path, lineno, f"Goldstein weight {gold_s!r} is not a number") from None
            if not -10.0 <= goldstein <= 10.0:
                raise DataError(path, lineno, f"Goldstein weight {goldstein} is outside -10..10")
        key = pat_s.lower()
        if key in seen:
            raise DataError(path, lineno, f"pattern {pat_s!r} repeats line {seen[key]}")
        seen[key] = lineno
        targets = tuple(_check_target(t.strip(), path, lineno)
                        for t in targets_s.split(",") if t.strip())
        if not targets:
            targets = DEFAULT_VERB_TARGETS if pos == "verb" else DEFAULT_NOUN_TARGETS
        patterns.append(Pattern(
            id=f"{pat_s[:2]}{' '.join(pat_s[2:].split()).lower()}", pos=pos, lemma=lemma,
            particle=particle, obj=obj, modifier=modifier, type=type_s,
            mode=mode_s or None, cameo=cameo_s, goldstein=goldstein, targets=targets,
            contexts=tuple(c.strip() for c in ctx_s.split(",") if c.strip()),
            example=example, source=f"{path}:{lineno}"))
    return patterns


class Lexicon:
    """Patterns indexed by lemma; the most specific matching pattern wins."""

    def __init__(self, patterns: Sequence[Pattern]) -> None:
        self.patterns = tuple(patterns)
        self.verbs: dict[str, list[Pattern]] = {}
        self.nouns: dict[str, list[Pattern]] = {}
        for p in self.patterns:
            table = self.verbs if p.pos == "verb" else self.nouns
            table.setdefault(p.lemma, []).append(p)
        for table in (self.verbs, self.nouns):
            for plist in table.values():
                # later files override earlier ones at equal specificity (user files come last)
                plist.sort(key=lambda p: -p.specificity)
        # inflected form -> lemma, for tokens the lemmatizer gets wrong ("staged" -> "stag")
        self.verb_forms: dict[str, str] = {}
        irregular = _irregular_forms()
        for lemma in self.verbs:
            for form in (*_regular_forms(lemma), *irregular.get(lemma, ())):
                self.verb_forms.setdefault(form, lemma)

    @classmethod
    def load(cls, extra_files: Sequence[str | Path] = ()) -> Lexicon:
        return _load_cached(tuple(str(f) for f in extra_files))

    def __len__(self) -> int:
        return len(self.patterns)


def _regular_forms(lemma: str) -> tuple[str, ...]:
    """Regular English inflections of a verb (with the doubled final consonant as well)."""
    if " " in lemma or not lemma.isalpha():
        return ()
    third = lemma + "es" if lemma.endswith(("s", "x", "z", "ch", "sh", "o")) else lemma + "s"
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return (lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing")
    if lemma.endswith("e"):
        return (third, lemma + "d", lemma[:-1] + "ing")
    doubled = lemma + lemma[-1]
    return (third, lemma + "ed", lemma + "ing", doubled + "ed", doubled + "ing")


@functools.lru_cache(maxsize=1)
def _irregular_forms() -> dict[str, tuple[str, ...]]:
    from dyad.datafiles import packaged, rows

    where, lines = packaged("irregular_verbs.tsv")
    return {row["lemma"]: tuple(f for f in row["forms"].split("|") if f)
            for _, row in rows(where, lines, ("lemma", "forms"), required=("lemma", "forms"))}


def _read_default() -> list[Pattern]:
    ref = resources.files("dyad") / "data" / "events.tsv"
    with ref.open("r", encoding="utf-8") as fh:
        return parse_lines(fh, "dyad/data/events.tsv")


@functools.lru_cache(maxsize=8)
def _load_cached(extra_files: tuple[str, ...]) -> Lexicon:
    patterns = _read_default()
    for name in extra_files:
        path = Path(name)
        try:
            with path.open("r", encoding="utf-8") as fh:
                user = parse_lines(fh, str(path))
        except OSError as e:
            raise DataError(str(path), 0, f"cannot read pattern file: {e.strerror}") from e
        overridden = {p.id for p in user}
        patterns = [p for p in patterns if p.id not in overridden] + user
    return Lexicon(patterns)


__all__ = ["LIGHT", "NONE", "PLOVER_TYPES", "TYPE_ROOTS", "Lexicon", "Pattern", "parse_lines"]
