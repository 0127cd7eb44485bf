"""One read of a parsed Doc, shared by every finder that walks it.

spaCy makes a new ``Token`` object on every ``doc[i]``, ``token.head`` or ``token.children``
and looks its strings up anew on every ``token.dep_`` or ``token.lemma_``. The coder walks the
same phrases many times over (actors, events, quotes and times each read the same heads), so
the hot walks read these instead: the Doc's tokens made once, and each column of the parse
as a Python list, built on first use with one ``Doc.to_array`` call. ``parsed(doc)`` keeps the
last Doc's columns, so the finders that code one Doc share them.

The values are spaCy's own: ``Parsed.dep[i] == doc[i].dep_``, ``Parsed.head[i] ==
doc[i].head.i``, ``Parsed.toks[i] == doc[i]`` (tests check every column on real parses). A
column costs 5-40 ms per 150 news articles to build: it pays only where it replaces more than
about one read of every token, so only the columns the walks read often are here.
``Parsed.array(attr)`` is the raw ``Doc.to_array(attr)`` (about 25 us per attribute for a news
article, whether read alone or with others): read once here, it serves every finder that
selects tokens by part of speech, lemma or form with numpy.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

import numpy as np
from spacy.attrs import DEP, HEAD, IDX, POS
from spacy.parts_of_speech import NAMES as POS_NAMES

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_POS_NAMES = {int(k): v for k, v in POS_NAMES.items()}  # Token.pos_ of each POS number
_STRINGS: dict[int, str] = {}  # hash -> string, shared by every Doc of one vocabulary
_MAX_STRINGS = 1_000_000  # forget them all past this (a long run's vocabulary keeps growing)


class Parsed:
    """The columns of one Doc; each is a list indexed by token position."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.n = len(doc)
        self._arrays: dict[int, np.ndarray] = {}
        self._words: dict[int, list[str]] = {}

    def array(self, attr: int) -> np.ndarray:
        """``doc.to_array(attr)``, a 1-d array of uint64 (hashes, symbols or offsets), read
        once per Doc; the caller must not write to it."""
        out = self._arrays.get(attr)
        if out is None:
            out = self._arrays[attr] = self.doc.to_array(attr)
        return out

    @functools.cached_property
    def toks(self) -> list[Token]:
        return list(self.doc)

    @functools.cached_property
    def sents(self) -> list[Span]:
        return list(self.doc.sents)

    @functools.cached_property
    def pos(self) -> list[str]:
        names = _POS_NAMES  # a part of speech is a small symbol number, not a string hash
        return [names[k] for k in self.array(POS).tolist()]

    @functools.cached_property
    def dep(self) -> list[str]:
        return self.words(DEP)

    @functools.cached_property
    def head(self) -> list[int]:
        rel = self.array(HEAD).astype(np.int64)  # offsets, stored unsigned
        return (rel + np.arange(self.n, dtype=np.int64)).tolist()

    @functools.cached_property
    def idx(self) -> list[int]:
        return self.array(IDX).tolist()

    def words(self, attr: int) -> list[str]:
        """The strings of a string attribute (``LEMMA``, ``LOWER``, ``ORTH``, ``TAG``, ``DEP``,
        ``ENT_TYPE``), one per token: ``words(LEMMA)[i] == doc[i].lemma_``; built once per Doc
        (about 60 us for a news article: worth it where most tokens are read)."""
        out = self._words.get(attr)
        if out is None:
            out = self._words[attr] = self._strings(attr)
        return out

    def _strings(self, attr: int) -> list[str]:
        unique, inverse = np.unique(self.array(attr), return_inverse=True)
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
