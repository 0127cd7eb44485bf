"""Who said what: direct, indirect and mixed quotes with their speaker and cue.

Direct quotes are found from quote marks (straight and curly, across paragraphs); the speaker is
the subject of a speech cue outside the marks in the same sentence, or of the attribution next to
it ("...," he said). Indirect speech is a cue verb with a clausal complement ("said that ..."),
or "according to X". Speakers are returned as token spans; the coder resolves them to actors.
"""

from __future__ import annotations

import functools
import re
import sys
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Container, Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import TYPE_CHECKING

from spacy.attrs import LEMMA, LOWER, POS
from spacy.symbols import AUX, NOUN, VERB

from dyad.datafiles import packaged, rows
from dyad.errors import DataError
from dyad.parsed import Parsed, parsed

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

OPEN_MARKS = {"\u201c": "\u201d", '"': '"', "\u00ab": "\u00bb"}
CLOSE_MARKS = frozenset({"\u201d", '"', "\u00bb"})
_MARK_CHARS = "".join(sorted(set(OPEN_MARKS) | CLOSE_MARKS))
_MARK = re.compile("''|[" + re.escape(_MARK_CHARS) + "]")
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
FRAME_TAGS = frozenset({"obj", "to", "for", "on", "to-prep", "about", "of"})
_WORD = re.compile(r"\w+")
_QUOTE_TEXT = frozenset({'"', "\u201c", "\u201d", "''", "'"})
_RUN_ON = 400  # characters: an unattributed quote this close after a quote is the same voice
_FRAME_PREPS = {"for": "for", "on": "on", "to-prep": "to", "about": "about", "of": "of"}
_LAST = sys.maxsize  # past every character offset
_MAX_KNOWN = 200_000  # hashes a CueLexicon remembers the answer for (a long run meets many)


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    speaker_start: int | None
    speaker_end: int | None
    speaker_head: int | None
    cue: str | None
    cue_i: int | None
    start: int
    end: int
    kind: str
    content_start: int
    content_end: int


class CueLexicon:
    """Speech cues from ``data/cues.tsv``: verbs by lemma, phrases and nouns."""

    def __init__(self, verbs: frozenset[str], phrases: tuple[str, ...], nouns: frozenset[str],
                 event_verbs: frozenset[str],
                 frames: dict[str, frozenset[str]] | None = None) -> None:
        self.verbs = verbs
        self.frames = frames or {}  # lemma -> complements besides a clause that hold content
        self.phrases = phrases
        self.nouns = nouns
        self.event_verbs = event_verbs
        # hash -> the cue lemma a string is ("" for none), for verbs_at; whether it is a cue
        # noun, for nouns_at
        self._lemma_hashes: dict[int, str] = {}
        self._form_hashes: dict[int, str] = {}
        self._noun_hashes: dict[int, bool] = {}

    @property
    def speech_verbs(self) -> frozenset[str]:
        return self.verbs

    @functools.cached_property
    def _forms(self) -> dict[str, str]:
        from dyad.lexicon import _irregular_forms, _regular_forms

        irregular = _irregular_forms()
        return {form: lemma for lemma in self.verbs
                for form in (*_regular_forms(lemma), *irregular.get(lemma, ()))}

    def verbs_at(self, doc: Doc, at: list[int], lemmas: list[int],
                 orths: list[int]) -> list[tuple[int, str]]:
        """The tokens ``at`` (with these LEMMA and ORTH, or LOWER, hashes) that are cue verbs,
        with their ``verb_lemma``: worked out once per string met (a string's hash is the same
        in every Doc), so that the tokens are not made nor their strings looked up."""
        strings, known_lemmas, known_forms = doc.vocab.strings, self._lemma_hashes, self._form_hashes
        if len(known_lemmas) + len(known_forms) > _MAX_KNOWN:
            known_lemmas.clear()
            known_forms.clear()
        out = []
        for i, lemma, orth in zip(at, lemmas, orths, strict=True):
            # (verb_lemma's two tests, each answer kept by hash; "" for none)
            cue = known_lemmas.get(lemma)
            if cue is None:
                cue = known_lemmas[lemma] = self._by_lemma(strings[lemma]) or ""
            if not cue:  # a token's lower_ is its text in lower case
                cue = known_forms.get(orth)
                if cue is None:
                    cue = known_forms[orth] = self._by_form(strings[orth].lower()) or ""
            if cue:
                out.append((i, cue))
        return out

    def nouns_at(self, doc: Doc, at: list[int], lemmas: list[int]) -> list[int]:
        """Which of the tokens ``at`` (with these LEMMA hashes) are cue nouns."""
        strings, known = doc.vocab.strings, self._noun_hashes
        if len(known) > _MAX_KNOWN:
            known.clear()
        out = []
        for i, lemma in zip(at, lemmas, strict=True):
            ok = known.get(lemma)
            if ok is None:
                ok = known[lemma] = strings[lemma].lower() in self.nouns
            if ok:
                out.append(i)
        return out

    def verb_lemma(self, tok: Token) -> str | None:
        """The cue verb a token is, also where the lemmatizer errs ('hoped' → 'hop')."""
        return self._by_lemma(tok.lemma_) or self._by_form(tok.lower_)

    def _by_lemma(self, lemma: str) -> str | None:
        low = lemma.lower()
        return low if low in self.verbs else None

    def _by_form(self, lower: str) -> str | None:
        return self._forms.get(lower)

    @classmethod
    def load(cls) -> CueLexicon:
        return _load_cues()

    def __len__(self) -> int:
        return len(self.verbs) + len(self.phrases) + len(self.nouns)


@functools.lru_cache(maxsize=1)
def _load_cues() -> CueLexicon:
    where, lines = packaged("cues.tsv")
    verbs: set[str] = set()
    events: set[str] = set()
    phrases: list[str] = []
    nouns: set[str] = set()
    frames: dict[str, frozenset[str]] = {}
    for lineno, row in rows(where, lines, ("cue", "kind", "note"), required=("cue", "kind")):
        cue, kind = row["cue"].lower(), row["kind"]
        tags = {t.strip() for t in row["note"].split(",") if t.strip()}
        if tags - FRAME_TAGS - {"event"}:
            raise DataError(where, lineno, f"unknown note tag(s) {sorted(tags - FRAME_TAGS - {'event'})};"
                            f" use event, {', '.join(sorted(FRAME_TAGS))}")
        if kind == "verb":
            lemma = cue.split()[0]
            verbs.add(lemma)
            if "event" in tags:
                events.add(lemma)
            if tags & FRAME_TAGS:
                frames[lemma] = frozenset(tags & FRAME_TAGS)
        elif kind == "phrase":
            phrases.append(cue)
        elif kind == "noun":
            nouns.add(cue)
        else:
            raise DataError(where, lineno, f"kind {kind!r} must be verb, phrase or noun")
    return CueLexicon(frozenset(verbs), tuple(phrases), frozenset(nouns), frozenset(events),
                      frames)


def _marks(text: str) -> list[tuple[int, int, str]]:
    """(position, width, closing mark) of every quote mark; two apostrophes ('') are a mark in
    wire copy that lacks double quotes, opening and closing alike."""
    if "''" not in text:  # (most texts: each mark found with str.find, four times faster)
        at = sorted(k for ch in _MARK_CHARS for k in _positions(text, ch))
        return [(k, 1, OPEN_MARKS.get(text[k], text[k])) for k in at]
    return [(m.start(), 2, "''") if m.group() == "''"
            else (m.start(), 1, OPEN_MARKS.get(m.group(), m.group()))
            for m in _MARK.finditer(text)]


def _quote_char_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the words inside quote marks; an unclosed quote runs to the paragraph
    end and, when the next paragraph opens with a mark, on into it (newspaper convention)."""
    spans: list[tuple[int, int]] = []
    marks = _marks(text)
    n, k = len(text), 0
    while k < len(marks):
        pos, width, close = marks[k]
        ch = text[pos]
        opens = ch in OPEN_MARKS or close == "''"
        if not opens or ((ch == '"' or close == "''") and pos > 0 and text[pos - 1].isalnum()):
            k += 1
            continue
        start = pos + width
        end, nxt, j, m = n, len(marks), start, k + 1
        while m < len(marks):
            mpos, _, mclose = marks[m]
            br = text.find("\n", j, mpos)
            if br >= 0:  # a paragraph break ends the quote unless the next paragraph reopens it
                q = br
                while q < n and text[q] in "\n \t":
                    q += 1
                if q == mpos and text[mpos] not in CLOSE_MARKS - set(OPEN_MARKS):
                    j, m = mpos + 1, m + 1
                    continue
                end, nxt = br, m
                break
            if (mclose == close or (close == '"' and text[mpos] in CLOSE_MARKS)
                    or text[mpos] == "\u201d"):
                end, nxt = mpos, m + 1
                break
            m += 1
        else:
            br = text.find("\n", j)
            end = br if br >= 0 else n
        if end - start >= 2:
            spans.append((start, end))
        k = max(nxt, k + 1)
    return spans


class _Tree:
    """One Doc's parse by token index, for the walks below: ``toks``, ``head``, ``dep``,
    ``pos`` and ``idx`` are the shared columns of ``parsed(doc)``, and ``kids(i)`` is ``[c.i
    for c in doc[i].children]`` (spaCy makes every child anew, 1.7 us a token; the walks ask
    for the children of the same cues up to five times)."""

    __slots__ = ("doc", "toks", "head", "dep", "pos", "idx", "_kids")

    def __init__(self, p: Parsed) -> None:
        self.doc, self.toks, self.head, self.dep, self.pos, self.idx = \
            p.doc, p.toks, p.head, p.dep, p.pos, p.idx
        self._kids: dict[int, list[int]] = {}

    def kids(self, i: int) -> list[int]:
        out = self._kids.get(i)
        if out is None:
            out = self._kids[i] = self._children(i)
        return out

    def _children(self, i: int) -> list[int]:
        # spaCy counts a token's children on either side: the left ones are sought back from
        # the token, the right ones with list.index (a scan in C) among the heads
        tok, head = self.toks[i], self.head
        out = []
        n, j = tok.n_lefts, i - 1
        while n:
            if head[j] == i:
                out.append(j)
                n -= 1
            j -= 1
        out.reverse()
        j = i + 1
        for _ in range(tok.n_rights):
            j = head.index(i, j)
            out.append(j)
            j += 1
        return out

    def left(self, i: int) -> int:
        """``doc[i].left_edge.i``."""
        return self.toks[i].left_edge.i

    def right(self, i: int) -> int:
        """``doc[i].right_edge.i``."""
        return self.toks[i].right_edge.i

    def end_char(self, i: int) -> int:
        """Where token ``i``'s text ends."""
        return self.idx[i] + len(self.toks[i])

    def strip(self, start: int, end: int) -> tuple[int, int]:
        """Tokens ``start`` to ``end`` without the punctuation and space at either end."""
        toks = self.toks
        while start < end and (toks[start].is_punct or toks[start].is_space):
            start += 1
        while end > start and (toks[end - 1].is_punct or toks[end - 1].is_space):
            end -= 1
        return start, end


def _speaker_of(t: _Tree, cue: int, text: str) -> int | None:
    dep = t.dep
    kids = t.kids(cue)
    for c in kids:
        d = dep[c]
        if d == "nsubjpass":  # "was reported by the Post": the agent said it
            agent = next((a for a in kids if dep[a] == "agent"), None)
            return next((o for o in t.kids(agent) if dep[o] == "pobj"), None) \
                if agent is not None else None
        if d == "nsubj":
            speaker = _past_label(t, c, cue, text)
            if speaker is not None:
                return speaker
    d, up = dep[cue], t.head[cue]
    if d in ("conj", "xcomp", "advcl") and up != cue:
        return _speaker_of(t, up, text)  # "..., saying that": the subject of the main verb
    if d == "pcomp" and dep[up] == "prep" and t.pos[t.head[up]] in ("VERB", "AUX"):
        return _speaker_of(t, t.head[up], text)  # "published the results by announcing that ..."
    if d == "acl" and t.pos[up] in ("NOUN", "PROPN") and t.toks[cue].tag_ in ("VBG", "VBN"):
        return _past_label(t, up, cue, text)  # "a statement saying that ..." ("pressure to show"
        # progress is no one speaking)
    return None


def _past_label(t: _Tree, subj: int, cue: int, text: str) -> int | None:
    """'The Latest: Trump urges ...', '12:15 p.m. Trump says ...': a label or time before a
    colon or a paragraph break is no speaker; the subject is what stands between it and the
    cue."""
    if subj > cue:
        return subj
    toks = t.toks
    # the words between them (and the one space at most that spaCy keeps after a token): most
    # gaps hold no break, and their tokens are not read
    words = text[t.end_char(subj):t.idx[cue]]
    breaks = [i for i in range(subj + 1, cue) if ":" in toks[i].text or "\n" in toks[i].text] \
        if ":" in words or "\n" in words else []
    if not breaks:
        tok = toks[subj]
        if tok.ent_type_ == "TIME" or tok.like_num:
            return None
        return subj
    first, pos, head = breaks[-1] + 1, t.pos, t.head
    return next((i for i in range(first, cue) if pos[i] in ("NOUN", "PROPN", "PRON")
                 and not (first <= head[i] < cue)), None)


def _speaker_span(t: _Tree, tok: int) -> tuple[int, int]:
    return t.left(tok), tok + 1


_SIGNED = re.compile(r"[\"\u201d\u00bb',.]{0,3}[^\S\n]*(?:[\u2014\u2015\u2013]|--)[^\S\n]*"
                     r"(?P<name>[A-Z][\w.'-]+(?:[^\S\n]+[A-Z][\w.'-]+){1,4})[^\S\n.]*\.?"
                     r"[^\S\n]*(?:\n|$)")


def _signed(doc: Doc, text: str, end: int) -> Span | None:
    """A quote signed with a dash and a name to the end of its line, as in reader roundups and
    epigraphs."""
    m = _SIGNED.match(text, end)
    if m is None:
        return None
    name_end = m.end("name") - (1 if m["name"].endswith(".") else 0)
    return doc.char_span(m.start("name"), name_end, alignment_mode="contract")


def _right_after(t: _Tree, end: int, first: int, verbs: Sequence[int],
                 direct: Sequence[tuple[int, int]],
                 speaker_of: Callable[[int], int | None]) -> tuple[int | None, int | None]:
    """'"...," Trump added.' / '"...," said the ruling.': the attribution that follows the
    closing mark within a few words speaks for the quote, whatever came before it. ``first``:
    the sentence's first token."""
    idx = t.idx
    cue = next((v for v in verbs if idx[v] >= end), None)
    if cue is None or _inside(idx[cue], direct):
        return None, None
    words: list[int] = []  # those between the mark and the cue, read back from the cue and no further
    i, toks = cue - 1, t.toks
    while i >= first and len(words) <= 5:
        if idx[i] < end:
            break
        tok = toks[i]
        if not tok.is_punct and not tok.is_space:
            words.append(i)
        i -= 1
    if len(words) > 5:
        return None, None
    for w in words:
        if _inside(idx[w], direct):
            return None, None
    speaker = speaker_of(cue)
    if speaker is not None and idx[speaker] >= end and not _inside(idx[speaker], direct):
        return cue, speaker
    return None, None


def _cue_in(t: _Tree, verbs: Sequence[int], speaker_of: Callable[[int], int | None],
            outside: Sequence[tuple[int, int]] = ()) -> int | None:
    """The sentence's attribution among its cue verbs: the main verb's, else the last."""
    best = None
    idx, dep = t.idx, t.dep
    for tok in verbs:
        if outside and _inside(idx[tok], outside):
            continue  # "I think" inside a quote attributes nothing outside it
        if speaker_of(tok) is None:
            continue
        if best is None or dep[tok] == "ROOT":
            best = tok
    return best


_DISOWN = frozenset({"dismiss", "reject", "deny", "dispute", "question", "refute", "rebut", "mock",
                     "ridicule", "challenge", "counter", "doubt", "debunk", "ignore"})


def _noun_cues(t: _Tree, nouns: Sequence[int]) -> list[tuple[int, int, tuple[int, int]]]:
    """'his claim that the vote was rigged', 'issued a warning that ...': a cue noun with a
    that-clause reports it; the speaker is the possessor, else the subject of the verb that
    makes or holds the noun ('Democrats persisted in arguments that ...')."""
    out = []
    toks, dep, head, pos = t.toks, t.dep, t.head, t.pos
    for tok in nouns:
        kids = t.kids(tok)
        clause = next((c for c in kids if dep[c] in ("acl", "ccomp") and c > tok
                       and any(dep[m] == "mark" and toks[m].lower_ == "that" for m in t.kids(c))),
                      None)
        if clause is None:
            continue
        speaker = next((c for c in kids if dep[c] == "poss"), None)
        if speaker is None or pos[speaker] == "PRON":  # "Farmers repeated their claim"
            up = head[tok]
            verb = up if dep[tok] == "dobj" else \
                head[up] if dep[tok] == "pobj" and dep[up] == "prep" else None
            if verb is not None and pos[verb] in ("VERB", "AUX") \
                    and toks[verb].lemma_.lower() not in _DISOWN:
                speaker = next((c for c in t.kids(verb) if dep[c] == "nsubj"), speaker)
        if speaker is None or toks[speaker].lower_ in ("it", "which", "that"):
            continue
        start, end = t.left(clause), t.right(clause) + 1
        while end > start and toks[end - 1].is_punct:
            end -= 1
        if end - start >= 4:
            out.append((tok, speaker, (start, end)))
    return out


def _according_to(t: _Tree, at: Sequence[int]) -> tuple[int, int] | None:
    """The first of the tokens ``at`` (a sentence's 'according', in order) that opens
    'according to X', and X."""
    toks, dep = t.toks, t.dep
    for tok in at:
        if tok + 1 < len(toks) and toks[tok + 1].lower_ == "to":
            pobj = next((c for c in t.kids(tok + 1) if dep[c] == "pobj"), None)
            if pobj is None:
                pobj = next((c for c in t.kids(tok) if dep[c] == "pobj"), None)
            if pobj is not None:
                return tok, pobj
    return None


def find_quotes(doc: Doc, *, cues: CueLexicon | None = None, text: str | None = None,
                sents: Sequence[Span] | None = None) -> list[QuoteSpan]:
    """Every attributed (or unattributed direct) quote in the Doc, in text order; ``text`` and
    ``sents`` are the Doc's text and ``list(doc.sents)``, rebuilt by spaCy on every read, when
    the caller has them already."""
    cues = cues or CueLexicon.load()
    text = doc.text if text is None else text
    p = parsed(doc)
    sents = p.sents if sents is None else sents
    t = _Tree(p)  # (one per call: holding it would keep the last Doc's columns alive)
    toks, idx = t.toks, t.idx
    found: list[QuoteSpan] = []
    direct = _quote_char_spans(text) if ('"' in text or "\u201c" in text or "''" in text) else []
    covered: list[tuple[int, int]] = []
    # the cue verbs, cue nouns and 'according' of each sentence, found with whole-Doc arrays:
    # most tokens are none of these, and nothing more of them is read
    firsts, ends = [s.start for s in sents], [s.end for s in sents]
    verbs: list[list[int]] = [[] for _ in sents]
    nouns: list[list[int]] = [[] for _ in sents]
    according: list[list[int]] = [[] for _ in sents]
    pos_of, lemmas, lowers = p.array(POS), p.array(LEMMA), p.array(LOWER)
    at = ((pos_of == VERB) | (pos_of == AUX)).nonzero()[0]
    cue_lemma: dict[int, str] = {}  # token index -> verb_lemma, for the cue verbs
    for i, lemma in cues.verbs_at(doc, at.tolist(), lemmas[at].tolist(), lowers[at].tolist()):
        verbs[bisect_right(firsts, i) - 1].append(i)
        cue_lemma[i] = lemma
    at = (pos_of == NOUN).nonzero()[0]
    for i in cues.nouns_at(doc, at.tolist(), lemmas[at].tolist()):
        nouns[bisect_right(firsts, i) - 1].append(i)
    for i in (lowers == doc.vocab.strings["according"]).nonzero()[0].tolist():
        according[bisect_right(firsts, i) - 1].append(i)
    breaks = _line_breaks(text, idx)
    said_by: dict[int, int | None] = {}

    def speaker_of(cue: int) -> int | None:
        """_speaker_of, worked out once for each cue (one is asked for up to four times)."""
        if cue in said_by:
            return said_by[cue]
        speaker = said_by[cue] = _speaker_of(t, cue, text)
        return speaker

    # the attribution of each sentence, and those of them that a quote standing alone next to
    # an attributed one takes
    attribution = [_cue_in(t, vs, speaker_of, direct) if vs else None for vs in verbs]
    sent_attr: dict[int, tuple[int, int]] = {}
    for n, cue in enumerate(attribution):
        if cue is not None and not cues.frames.get(cue_lemma[cue]):
            # only a verb of saying speaks for a quote next to it ("who support him" does not)
            speaker = speaker_of(cue)
            if speaker is not None and not _inside(idx[speaker], direct) \
                    and not _inside(idx[cue], direct):
                sent_attr[n] = (cue, speaker)  # "I said" inside a quote attributes nothing
    sent_starts = [idx[i] for i in firsts]
    last: tuple[int | None, int, int] | None = None
    for start, end in direct:
        n = _sentence_at(sent_starts, start)
        n_end = _sentence_at(sent_starts, max(start, end - 1))
        cue, speaker = _right_after(t, end, firsts[n_end], verbs[n_end], direct, speaker_of)
        if speaker is None:
            cue = attribution[n]
            speaker = speaker_of(cue) if cue is not None else None
        if speaker is not None and _inside(idx[speaker], direct):
            speaker = None
        if speaker is None:
            for m in (n - 1, n_end + 1):
                if m in sent_attr and not (start <= idx[sent_attr[m][0]] < end):
                    cue, speaker = sent_attr[m]
                    break
        if speaker is None and last is not None and start - last[2] < _RUN_ON:
            cue, speaker = last[0], last[1]  # a quote running on from the speaker's last one
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        signed = _signed(doc, text, end)
        if signed is not None:  # '"...” ― Karen Bobadilla': the name the dash gives
            found.append(QuoteSpan(signed.start, signed.end, signed.end - 1, "\u2015", None,
                                   start, end, "direct", span.start, span.end))
            continue
        sp = _speaker_span(t, speaker) if speaker is not None else (None, None)
        found.append(QuoteSpan(sp[0], sp[1], speaker, toks[cue].text if cue is not None else None,
                               cue, start, end, "direct", span.start, span.end))
        if speaker is not None:
            last = (cue, speaker, end)
        covered.append((start, end))
    # the quotes are in text order and do not overlap: those that overlap a stretch are a slice
    covered_starts, covered_ends = [a for a, _ in covered], [b for _, b in covered]
    for n, first in enumerate(firsts):
        for tok in verbs[n]:
            lemma = cue_lemma[tok]
            speaker = speaker_of(tok)
            if speaker is None or (covered and _inside(idx[tok], covered)):
                continue  # speech reported inside a quote is part of that quote
            content = _parenthetical(t, tok, speaker, first, ends[n], breaks)
            if content is None:
                content = _content(t, tok, cues.frames.get(lemma, frozenset()))
                if content is not None:
                    content = _extended(t, tok, content, cue_lemma, breaks)
            if content is not None:
                content = _in_paragraph(t, tok, content, breaks)
            else:
                content = _after_colon(t, tok, ends[n], text)
            if content is None:
                continue
            c_start, c_end = content
            cs, ce = idx[c_start], t.end_char(c_end - 1)
            near = covered[bisect_right(covered_ends, cs):bisect_left(covered_starts, ce)]
            if near:
                if any(min(ce, b) - max(cs, a) >= (ce - cs) / 2 and _words(text[cs:max(cs, a)]) < 3
                       for a, b in near):
                    continue  # a direct quote already holds most of it; with words of the writer
                    # before the mark ("said she felt X because 'most people ...'") it is mixed
                ends_in = [b for a, b in near if cs <= a < ce]
                if ends_in and max(ends_in) > ce:  # the quote the clause opens runs on: all of it is said
                    ce = max(ends_in)
                    span = doc.char_span(cs, ce, alignment_mode="expand")
                    c_end = span.end if span is not None else c_end
            kind = "mixed" if near and any(cs <= a and b <= ce for a, b in near) else "indirect"
            sp = _speaker_span(t, speaker)
            found.append(QuoteSpan(sp[0], sp[1], speaker, toks[tok].text, tok, cs, ce, kind,
                                   c_start, c_end))
        for noun, speaker, (c_start, c_end) in _noun_cues(t, nouns[n]) if nouns[n] else ():
            cs, ce = idx[c_start], t.end_char(c_end - 1)
            near = covered[bisect_right(covered_ends, cs):bisect_left(covered_starts, ce)]
            if _inside(idx[noun], covered) or \
                    sum(max(0, min(ce, b) - max(cs, a)) for a, b in near) >= (ce - cs) / 2:
                continue
            sp = _speaker_span(t, speaker)
            found.append(QuoteSpan(sp[0], sp[1], speaker, toks[noun].text, noun, cs, ce,
                                   "indirect", c_start, c_end))
        acc = _according_to(t, according[n]) if according[n] else None
        if acc is not None:
            said, pobj = acc
            if said == first:
                c_start, c_end = t.right(pobj) + 1, ends[n]
            else:
                c_start, c_end = first, said
            while c_start < c_end and toks[c_start].is_punct:
                c_start += 1
            while c_end > c_start and toks[c_end - 1].is_punct:
                c_end -= 1
            if c_end - c_start >= 3:
                cs, ce = idx[c_start], t.end_char(c_end - 1)
                sp = _speaker_span(t, pobj)
                found.append(QuoteSpan(sp[0], sp[1], pobj, "according to", said, cs,
                                       ce, "indirect", c_start, c_end))
    turns = _transcript_turns(doc, text)
    if turns:  # a turn's words are its speaker's, also when the paragraph opens a quote mark
        found = [q for q in found
                 if not any(turn.start < q.end and q.start < turn.end for turn in turns)] + turns
    found.sort(key=lambda q: q.start)
    return _merge_split(t, text, _drop_inner(found, text))


_TURN = re.compile(r'(?m)^["\u201c]?(?P<who>(?:[A-Z][A-Za-z.\'-]+\s){0,2}[A-Z][A-Za-z.\'-]+):\s+'
                   r'(?P<said>[^\n]{12,})$')


def _transcript_turns(doc: Doc, text: str) -> list[QuoteSpan]:
    """Interview transcripts: a paragraph opening 'PENCE: Well, look, ...' is Pence's words."""
    out: list[QuoteSpan] = []
    if ":" not in text:
        return out
    for m in _turns(text):
        who, said = m.span("who"), m.span("said")
        if not _turn_speaker(m["who"], text):
            continue
        speaker = doc.char_span(who[0], who[1], alignment_mode="expand")
        content = doc.char_span(said[0], said[1], alignment_mode="contract")
        if speaker is None or content is None or len(content) < 3:
            continue
        out.append(QuoteSpan(speaker.start, speaker.end, speaker.end - 1, ":", None, said[0],
                             said[1], "direct", content.start, content.end))
    return out


def _turns(text: str) -> Iterator[re.Match[str]]:
    """``_TURN.finditer(text)``, tried at the line starts only, where '^' can match (a regular
    expression anchored at each line is slow to search a whole text with), and of those only
    at the ones with a colon in their line or the next two: the name before the colon has three
    words at most, and only the spaces between them may break a line."""
    starts = set()
    for colon in _positions(text, ":"):
        line = text.rfind("\n", 0, colon) + 1
        starts.add(line)
        for _ in range(2):  # the two lines before
            if line == 0:
                break
            line = text.rfind("\n", 0, line - 1) + 1
            starts.add(line)
    after = 0  # the first line start past the last match
    for at in sorted(starts):
        if at < after:
            continue
        m = _TURN.match(text, at)
        if m is not None:
            yield m
            br = text.find("\n", m.end())  # (the match ends with its line)
            if br < 0:
                return
            after = br + 1


def _turn_speaker(who: str, text: str) -> bool:
    """'PENCE:' and 'Mike Pence:' name a speaker; 'Update:', 'CLARIFICATION:' and 'The Latest:'
    are labels. An upper-case name takes turns in an interview or is met elsewhere in the story
    in its usual case."""
    words = who.split()
    if words[0].lower() in ("the", "a", "an", "this", "our", "your"):
        return False
    if who.isupper():
        return text.count(who + ":") >= 2 or any(w.title() in text for w in words if len(w) > 1)
    return len(words) >= 2


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _at_most_words(text: str, start: int, end: int, most: int) -> bool:
    """``_words(text[start:end]) <= most``, reading no further than the word past ``most``."""
    n = 0
    for _ in _WORD.finditer(text, start, end):
        n += 1
        if n > most:
            return False
    return True


def _inside(char: int, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether ``char`` is in one of ``spans``, which are in text order and do not overlap (the
    quotes _quote_char_spans finds, or some of them)."""
    if not spans:  # (most texts quote no one)
        return False
    # the last span starting at or before it (spans compare as tuples: no key function to call)
    k = bisect_right(spans, (char, _LAST)) - 1
    return k >= 0 and char < spans[k][1]


def _title_like(text: str) -> bool:
    """'"Fox News Sunday,"', '"The Apprentice"': a name in quote marks, not words said."""
    words = text.strip(" ,.;:!?").split()
    return 0 < len(words) <= 4 and all(w[:1].isupper() or w.lower() in ("of", "the", "and", "a")
                                        for w in words) and not text.rstrip().endswith(("!", "?"))


def _drop_inner(found: list[QuoteSpan], text: str) -> list[QuoteSpan]:
    """A quoted phrase inside a reported clause is part of that (mixed) quote, not a quote of
    its own, and so is speech reported inside what someone else reports; a short quoted phrase
    with no one saying it is a title or a scare quote."""
    reported = [q for q in found if q.kind != "direct"]
    # ``found`` is in text order: the reported quotes that start at or before a point are a
    # prefix of ``reported``, and one of them holds a quote that ends by the furthest end of it
    starts, furthest = [r.start for r in reported], list(accumulate((r.end for r in reported), max))
    out = []
    for q in found:
        if q.kind == "direct":
            k = bisect_right(starts, q.start)
            if k and furthest[k - 1] >= q.end:
                continue
            if q.speaker_head is None and q.content_end - q.content_start <= 4:
                continue
            if q.cue != ":" and _at_most_words(text, q.start, q.end, 2):
                continue  # "called them 'deplorables'": a phrase quoted in the writer's words
            if q.content_end - q.content_start <= 5 and _title_like(text[q.start:q.end]):
                continue
        elif q.cue_i is not None and _reported_by_another(q, q.cue_i, reported):
            continue  # "she said leaders had agreed to ...": what is reported is hers
        out.append(q)
    return out


def _reported_by_another(q: QuoteSpan, cue: int, reported: Sequence[QuoteSpan]) -> bool:
    """Whether the cue of ``q`` (``cue``) is in what another quote reports, and that quote's
    cue is not in what ``q`` reports."""
    start, end = q.content_start, q.content_end
    for r in reported:  # (a plain loop: the test is made for every pair of them)
        if r.content_start <= cue < r.content_end and r is not q \
                and not (r.cue_i is not None and start <= r.cue_i < end):
            return True
    return False


def _merge_split(t: _Tree, text: str, found: list[QuoteSpan]) -> list[QuoteSpan]:
    """One quote split by its attribution ("'We will stay,' he said, 'as long as it takes.'")
    or running on over sentences after it is one quote: merged when the speaker is the same and
    nothing but the attribution and punctuation lies between the pieces."""
    out: list[QuoteSpan] = []
    for q in found:
        prev = out[-1] if out else None
        if (prev is not None and prev.kind == "direct" and q.kind == "direct"
                and prev.speaker_head is not None and prev.speaker_head == q.speaker_head
                and _only_attribution_between(text, t, prev, q)):
            out[-1] = QuoteSpan(prev.speaker_start, prev.speaker_end, prev.speaker_head, prev.cue,
                                prev.cue_i, prev.start, q.end, "direct", prev.content_start,
                                q.content_end)
            continue
        out.append(q)
    return out


def _only_attribution_between(text: str, t: _Tree, a: QuoteSpan, b: QuoteSpan) -> bool:
    gap = text[a.end:b.start]
    if len(gap) > 300 or "\n\n" in gap.strip():
        return False
    between = t.doc.char_span(a.end, b.start, alignment_mode="contract")
    if between is None:
        return True
    toks, dep = t.toks, t.dep
    allowed = {a.speaker_head, a.cue_i}
    if a.speaker_head is not None:  # "said Peter Morgan, a lawyer who has ... for years."
        allowed |= {w.i for w in toks[a.speaker_head].subtree}
    if a.cue_i is not None:
        for child in t.kids(a.cue_i):  # "said on Fox News", "said Thursday"
            if dep[child] in ("prep", "npadvmod", "advmod", "agent"):
                allowed |= {w.i for w in toks[child].subtree}
    for i in range(between.start, between.end):
        tok = toks[i]
        if tok.is_punct or tok.is_space or i in allowed:
            continue
        if a.speaker_start is not None and a.speaker_end is not None \
                and a.speaker_start <= i < a.speaker_end:
            continue
        if dep[i] in ("aux", "neg", "advmod", "cc") and len(tok) < 8:
            continue
        return False
    return True


def _positions(text: str, ch: str) -> Iterator[int]:
    """Where the character ``ch`` is in ``text``, in order."""
    k = text.find(ch)
    while k >= 0:
        yield k
        k = text.find(ch, k + 1)


def _line_breaks(text: str, starts: Sequence[int]) -> list[int]:
    """The indices of the tokens holding a line break, in order, from the tokens' ``starts`` (a
    line break is always in a whitespace token: spaCy keeps only a space after a word)."""
    out: list[int] = []
    k, n = text.find("\n"), len(starts)
    while k >= 0:
        i = bisect_right(starts, k) - 1
        out.append(i)
        if i + 1 >= n:
            break
        k = text.find("\n", starts[i + 1])  # the next break in a later token
    return out


def _in_paragraph(t: _Tree, cue_i: int, content: tuple[int, int],
                  breaks: Sequence[int]) -> tuple[int, int] | None:
    """The part of a content in the cue's own paragraph: the parser's sentences may run over a
    paragraph break, what one person said in one place does not. ``breaks``: the indices of the
    tokens holding a line break, in order."""
    start, end = content
    k = bisect_left(breaks, min(cue_i, end))  # the last break before the cue, in the content
    if k > 0 and breaks[k - 1] >= start:
        start = breaks[k - 1] + 1
    k = bisect_left(breaks, max(cue_i + 1, start))  # the first break after it
    if k < len(breaks) and breaks[k] < end:
        end = breaks[k]
    start, end = t.strip(start, end)
    return (start, end) if end - start >= 2 else None


def _extended(t: _Tree, cue: int, content: tuple[int, int], cue_verbs: Container[int],
              breaks: Sequence[int]) -> tuple[int, int]:
    """What the parser hung on the cue after its content is still the content ('pointed out that
    X, so Y'; 'hailed him as Z for W'), up to a cue of its own ('..., adding that ...').
    ``cue_verbs``: the Doc's cue verbs; ``breaks``: the indices of the tokens holding a line
    break, in order."""
    start, end = content
    toks, dep, pos = t.toks, t.dep, t.pos
    for c in t.kids(cue):
        if c < end or c < cue:  # (the children after the cue are its rights)
            continue
        tok = toks[c]
        if tok.is_punct or tok.is_space:
            continue
        right = t.right(c) + 1
        k = bisect_left(breaks, end)
        if k < len(breaks) and breaks[k] < right:
            break  # never over a paragraph break
        if pos[c] in ("VERB", "AUX") and c in cue_verbs:
            break
        d = dep[c]
        if d == "conj" and any(dep[g] in SUBJECT_DEPS for g in t.kids(c)):
            break  # "said X, and the ministry denied it": another clause with its own subject
        if d not in ("advcl", "prep", "npadvmod", "conj", "xcomp", "dobj", "oprd"):
            break
        end = right
    return t.strip(start, end)


def _after_colon(t: _Tree, cue: int, sent_end: int, text: str) -> tuple[int, int] | None:
    """'Limbaugh added:' ending its sentence (which ends before ``sent_end``): what follows,
    to the end of the paragraph."""
    toks = t.toks
    rest = 0  # the words after the cue: read up to the second
    for i in range(cue + 1, sent_end):
        tok = toks[i]
        if not tok.is_space:
            rest += 1
            if rest > 1 or tok.text != ":":
                return None
    n = len(toks)
    if not rest or sent_end >= n:
        return None
    start = sent_end
    while start < n and toks[start].is_space:
        start += 1
    if start >= n or toks[start].text in _QUOTE_TEXT:
        return None  # a quote follows: the quote marks make it direct
    br = text.find("\n", t.idx[start])
    last = t.doc.char_span(t.idx[start], br if br >= 0 else len(text),
                           alignment_mode="contract")
    if last is None or len(last) < 3:
        return None
    end = last.end
    while end > start and toks[end - 1].is_punct:
        end -= 1
    return start, end


def _parenthetical(t: _Tree, cue: int, speaker: int, sent_start: int, sent_end: int,
                   breaks: Sequence[int]) -> tuple[int, int] | None:
    """'The talks, the minister said, will resume' and 'The talks will resume, the minister
    said': an attribution set off by commas reports the rest of its sentence (tokens
    ``sent_start`` to ``sent_end``); so does one opened by 'as' ('Hawaii, as one adviser pointed
    out, rarely gets two hurricanes'). ``breaks``: the indices of the tokens holding a line
    break, in order."""
    toks, dep = t.toks, t.dep
    d, kids = dep[cue], t.kids(cue)
    if d == "advcl" and any(dep[c] == "mark" and toks[c].lower_ == "as" for c in kids) \
            and t.head[cue] != cue and not any(dep[c] in ("ccomp", "dobj") for c in kids):
        up = t.head[cue]
        start, end = t.strip(t.left(up), t.right(up) + 1)
        return (start, end) if end - start >= 4 else None
    if d not in ("ROOT", "parataxis") or speaker == cue:
        return None
    lo = min(t.left(speaker), cue)
    hi = max(t.right(speaker), cue)
    for c in kids:  # "said in a June report", "said Wednesday"
        if c > hi and dep[c] in ("prep", "npadvmod", "advmod", "agent"):
            right = t.right(c)
            if right > hi:
                hi = right
    first = sent_start  # a paragraph break inside the parser's sentence starts a new one
    k = bisect_left(breaks, lo) - 1  # the last break before the attribution
    if k >= 0 and breaks[k] >= sent_start:
        first = breaks[k] + 1
    before = lo - 1
    while before >= first and toks[before].text in _QUOTE_TEXT:
        before -= 1
    if before < first + 3 or toks[before].text != ",":
        return None
    after, last = hi + 1, sent_end
    if after < last and toks[after].text == ",":
        start, end = first, last  # the attribution sits inside what it reports
    elif after >= last or _only_punct(toks, after, last):
        start, end = first, before
    else:
        return None
    start, end = t.strip(start, end)
    return (start, end) if end - start >= 3 else None


def _only_punct(toks: Sequence[Token], start: int, end: int) -> bool:
    """Whether the tokens from ``start`` to ``end`` are all punctuation or space."""
    for i in range(start, end):
        tok = toks[i]
        if not (tok.is_punct or tok.is_space):
            return False
    return True


def _content(t: _Tree, cue: int, frames: frozenset[str]) -> tuple[int, int] | None:
    """Token range of what the cue reports: its clause, else the complement its frame names."""
    toks, dep = t.toks, t.dep
    kids = t.kids(cue)
    passive = next((c for c in kids if dep[c] == "nsubjpass"), None)
    if passive is not None:  # "The plan was first reported by the Post": the plan
        start, end = t.left(passive), t.right(passive) + 1
        return (start, end) if end - start >= 2 else None
    comps = [c for c in kids if dep[c] in ("ccomp", "parataxis")]
    if comps:  # "said Trump has respect ... and his comment was ...": every clause it reports,
        comps = [c for c in comps if c > cue] or comps  # those after the cue when there are
        start = min(t.left(c) for c in comps)
        end = max(t.right(c) for c in comps) + 1
        return (start, end) if end - start >= 3 else None
    if dep[cue] == "parataxis" and t.head[cue] != cue:
        # "The benefit, it says, would be $300": the attribution sits inside what it reports
        up = t.head[cue]
        start, end = t.strip(t.left(up), t.right(up) + 1)
        return (start, end) if end - start >= 4 else None
    preps = _frame_preps(frames) if frames else frozenset()
    parts: list[int] = []
    for c in kids:
        if c < cue:
            continue
        d = dep[c]
        if "obj" in frames and d in ("dobj", "oprd") or \
                "to" in frames and d == "xcomp" and any(toks[a].lower_ == "to" for a in t.kids(c)) \
                or d == "xcomp" and toks[c].tag_ == "VBG":  # "proposed allowing parents to ..."
            parts.append(c)
        elif d == "prep" and preps and toks[c].lower_ in preps:
            parts.extend(g for g in t.kids(c) if dep[g] in ("pobj", "pcomp"))
        elif parts and d in ("xcomp", "ccomp", "oprd", "prep") and c > parts[-1]:
            parts.append(c)  # "urged Congress to act", "called the charges false"
    if not parts:
        return None
    start = min(t.left(c) for c in parts)
    end = max(t.right(c) for c in parts) + 1
    return (start, end) if end - start >= 2 else None


@functools.lru_cache(maxsize=64)
def _frame_preps(frames: frozenset[str]) -> frozenset[str]:
    """The prepositions a cue's frame takes its content after."""
    return frozenset(_FRAME_PREPS[f] for f in frames & _FRAME_PREPS.keys())


def _sentence_at(starts: Sequence[int], char: int) -> int:
    return max(0, bisect_right(starts, char) - 1)


__all__ = ["CueLexicon", "QuoteSpan", "find_quotes"]
