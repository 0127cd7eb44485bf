"""One read of a parsed Doc, shared by every finder that walks it.

spaCy makes a new ``Token`` object on every ``doc[i]``, ``token.head`` or ``token.children``
and looks its strings up anew on every ``token.dep_`` or ``token.lemma_``. The coder walks the
same phrases many times over (actors, events, quotes and times each read the same heads), so
the hot walks read these instead: the Doc's tokens made once, and each column of the parse
as a Python list, built on first use with one ``Doc.to_array`` call. ``parsed(doc)`` keeps the
last Doc's columns, so the finders that code one Doc share them.

The values are spaCy's own: ``Parsed.dep[i] == doc[i].dep_``, ``Parsed.head[i] ==
doc[i].head.i``, ``Parsed.toks[i] == doc[i]`` (tests check every column on real parses).
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

import numpy as np
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, IDX, LEMMA, LENGTH, ORTH, POS, SPACY, TAG
from spacy.parts_of_speech import NAMES as POS_NAMES

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_IOB = ("", "I", "O", "B")
_POS_NAMES = {int(k): v for k, v in POS_NAMES.items()}  # Token.pos_ of each POS number  # Token.ent_iob_ for ENT_IOB 0-3
_STRINGS: dict[int, str] = {}  # hash -> string, shared by every Doc of one vocabulary
_MAX_STRINGS = 1_000_000  # forget them all past this (a long run's vocabulary keeps growing)


class Parsed:
    """The columns of one Doc; each is a list indexed by token position."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.n = len(doc)

    @functools.cached_property
    def toks(self) -> list[Token]:
        return list(self.doc)

    @functools.cached_property
    def sents(self) -> list[Span]:
        return list(self.doc.sents)

    @functools.cached_property
    def ents(self) -> tuple[Span, ...]:
        return tuple(self.doc.ents)

    @functools.cached_property
    def text(self) -> list[str]:
        return self._strings(ORTH)

    @functools.cached_property
    def lower(self) -> list[str]:
        return [t.lower() for t in self.text]  # spaCy's LOWER is str.lower of the text

    @functools.cached_property
    def lemma(self) -> list[str]:
        return self._strings(LEMMA)

    @functools.cached_property
    def lemma_lower(self) -> list[str]:
        """Each lemma lowercased (spaCy keeps proper nouns' capitals in the lemma)."""
        return [w.lower() for w in self.lemma]

    @functools.cached_property
    def pos(self) -> list[str]:
        names = _POS_NAMES  # a part of speech is a small symbol number, not a string hash
        return [names[k] for k in self.doc.to_array(POS).tolist()]

    @functools.cached_property
    def tag(self) -> list[str]:
        return self._strings(TAG)

    @functools.cached_property
    def dep(self) -> list[str]:
        return self._strings(DEP)

    @functools.cached_property
    def ent_type(self) -> list[str]:
        return self._strings(ENT_TYPE)

    @functools.cached_property
    def ent_iob(self) -> list[str]:
        return [_IOB[k] for k in self.doc.to_array(ENT_IOB).tolist()]

    @functools.cached_property
    def head(self) -> list[int]:
        rel = self.doc.to_array(HEAD).astype(np.int64)  # offsets, stored unsigned
        return (rel + np.arange(self.n, dtype=np.int64)).tolist()

    @functools.cached_property
    def children(self) -> list[list[int]]:
        """Each token's children in order (``Token.children``, as indices)."""
        kids: list[list[int]] = [[] for _ in range(self.n)]
        for i, h in enumerate(self.head):
            if h != i:
                kids[h].append(i)
        return kids

    @functools.cached_property
    def idx(self) -> list[int]:
        return self.doc.to_array(IDX).tolist()

    @functools.cached_property
    def end_char(self) -> list[int]:
        """Each token's end offset in the text (``idx + len(text)``)."""
        out: list[int] = (self.doc.to_array(IDX).astype(np.int64) +
            self.doc.to_array(LENGTH).astype(np.int64)).tolist()
        return out

    @functools.cached_property
    def text_with_ws(self) -> list[str]:
        spaced = self.doc.to_array(SPACY).tolist()
        return [t + " " if sp else t for t, sp in zip(self.text, spaced, strict=True)]

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text`` without making the Span (``end`` exclusive)."""
        if end - start == 1:
            return self.text[start]
        if end <= start:
            return ""
        return "".join(self.text_with_ws[start:end - 1]) + self.text[end - 1]

    def _strings(self, attr: int) -> list[str]:
        unique, inverse = np.unique(self.doc.to_array(attr), return_inverse=True)
        table, strings = _STRINGS, self.doc.vocab.strings
        if len(table) > _MAX_STRINGS:
            table.clear()
        names = []
        for h in unique.tolist():
            name = table.get(h)
            if name is None:
                name = table[h] = strings[h]
            names.append(name)
        out: list[str] = np.array(names, dtype=object)[inverse].tolist()
        return out


_last: tuple[Doc | None, Parsed | None] = (None, None)


def parsed(doc: Doc) -> Parsed:
    """The columns of ``doc``, shared with the last caller that asked for the same Doc."""
    global _last
    held_doc, held = _last
    if held_doc is doc and held is not None and held.n == len(doc):
        return held
    fresh = Parsed(doc)
    _last = (doc, fresh)
    return fresh


__all__ = ["Parsed", "parsed"]
