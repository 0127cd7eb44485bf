"""Who said what: direct, indirect and mixed quotes with their speaker and cue.

Direct quotes are found from quote marks (straight and curly, across paragraphs); the speaker is
the subject of a speech cue outside the marks in the same sentence, or of the attribution next to
it ("...," he said). Indirect speech is a cue verb with a clausal complement ("said that ..."),
or "according to X". Speakers are returned as token spans; the coder resolves them to actors.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dyad.datafiles import packaged, rows
from dyad.errors import DataError

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

OPEN_MARKS = {"\u201c": "\u201d", '"': '"', "\u00ab": "\u00bb"}
CLOSE_MARKS = frozenset({"\u201d", '"', "\u00bb"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
FRAME_TAGS = frozenset({"obj", "to", "for", "on", "to-prep"})
_FRAME_PREPS = {"for": "for", "on": "on", "to-prep": "to"}


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

    @property
    def speech_verbs(self) -> frozenset[str]:
        return self.verbs

    def is_cue_verb(self, lemma: str) -> bool:
        return lemma in self.verbs

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


def _quote_char_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the words inside quote marks; an unclosed quote runs to the paragraph
    end and, when the next paragraph opens with a mark, on into it (newspaper convention)."""
    spans: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in OPEN_MARKS and (ch != '"' or i == 0 or not text[i - 1].isalnum()):
            close = OPEN_MARKS[ch]
            j = i + 1
            start = j
            while j < n:
                c = text[j]
                if c == close or (close == '"' and c in CLOSE_MARKS) or (c == "\u201d"):
                    break
                if c == "\n":
                    k = j
                    while k < n and text[k] in "\n \t":
                        k += 1
                    if k < n and text[k] in OPEN_MARKS:
                        j = k + 1  # the quote continues into the next paragraph
                        continue
                    break
                j += 1
            end = j
            if end - start >= 2:
                spans.append((start, end))
            i = j + 1
        else:
            i += 1
    return spans


def _speaker_of(cue: Token) -> Token | None:
    for c in cue.children:
        if c.dep_ in SUBJECT_DEPS:
            return c
    if cue.dep_ in ("conj", "xcomp", "advcl") and cue.head is not cue:
        return _speaker_of(cue.head)  # "..., saying that": the subject of the main verb
    if cue.dep_ == "acl" and cue.head.pos_ in ("NOUN", "PROPN"):
        return cue.head  # "a statement saying that ..."
    return None


def _speaker_span(tok: Token) -> tuple[int, int]:
    return tok.left_edge.i, tok.i + 1


def _cue_in(sent: Span, cues: CueLexicon, outside: tuple[int, int] | None) -> Token | None:
    best = None
    for tok in sent:
        if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in cues.verbs:
            continue
        if outside is not None and outside[0] <= tok.idx < outside[1]:
            continue
        if _speaker_of(tok) is None:
            continue
        if best is None or tok.dep_ == "ROOT":
            best = tok
    return best


def _according_to(sent: Span) -> tuple[Token, Token] | None:
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.nbor().lower_ == "to":
            to = tok.nbor()
            pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
            if pobj is None:
                pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return tok, pobj
    return None


def find_quotes(doc: Doc, *, cues: CueLexicon | None = None,
                text: str | None = None) -> list[QuoteSpan]:
    """Every attributed (or unattributed direct) quote in the Doc, in text order."""
    cues = cues or CueLexicon.load()
    text = doc.text if text is None else text  # doc.text is rebuilt on every read
    sents = list(doc.sents)
    found: list[QuoteSpan] = []
    direct = _quote_char_spans(text) if ('"' in text or "\u201c" in text) else []
    covered: list[tuple[int, int]] = []
    sent_attr: dict[int, tuple[Token, Token]] = {}
    # attribution per sentence, for quotes that stand alone next to an attributed one
    for n, sent in enumerate(sents):
        cue = _cue_in(sent, cues, None)
        if cue is not None:
            speaker = _speaker_of(cue)
            if speaker is not None and not _inside(speaker.idx, direct) \
                    and not _inside(cue.idx, direct):
                sent_attr[n] = (cue, speaker)  # "I said" inside a quote attributes nothing
    sent_starts = [s.start_char for s in sents]
    for start, end in direct:
        n = _sentence_at(sent_starts, start)
        sent = sents[n]
        cue = _cue_in(sent, cues, (start, end))
        speaker = _speaker_of(cue) if cue is not None else None
        if speaker is not None and start <= speaker.idx < end:
            speaker = None
        if speaker is None:
            for m in (n - 1, n + 1):
                if m in sent_attr and not (start <= sent_attr[m][0].idx < end):
                    cue, speaker = sent_attr[m]
                    break
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        sp = _speaker_span(speaker) if speaker is not None else (None, None)
        found.append(QuoteSpan(sp[0], sp[1], speaker.i if speaker is not None else None,
                               _cue_text(cue), cue.i if cue is not None else None, start, end,
                               "direct", span.start, span.end))
        covered.append((start, end))
    for sent in sents:
        for tok in sent:
            if tok.lemma_.lower() not in cues.verbs or tok.pos_ not in ("VERB", "AUX"):
                continue
            speaker = _speaker_of(tok)
            if speaker is None:
                continue
            content = _content(tok, cues.frames.get(tok.lemma_.lower(), frozenset()))
            if content is None:
                continue
            c_start, c_end = content
            cs, ce = doc[c_start].idx, doc[c_end - 1].idx + len(doc[c_end - 1])
            if any(min(ce, b) - max(cs, a) >= (ce - cs) / 2 for a, b in covered):
                continue  # a direct quote already holds most of it
            kind = "mixed" if any(cs <= a and b <= ce for a, b in covered) else "indirect"
            sp = _speaker_span(speaker)
            found.append(QuoteSpan(sp[0], sp[1], speaker.i, tok.text, tok.i, cs, ce, kind,
                                   c_start, c_end))
        acc = _according_to(sent)
        if acc is not None:
            according, pobj = acc
            phrase_end = pobj.right_edge.i + 1
            if according.i == sent.start:
                c_start, c_end = phrase_end, sent.end
            else:
                c_start, c_end = sent.start, according.i
            while c_start < c_end and doc[c_start].is_punct:
                c_start += 1
            while c_end > c_start and doc[c_end - 1].is_punct:
                c_end -= 1
            if c_end - c_start >= 3:
                cs, ce = doc[c_start].idx, doc[c_end - 1].idx + len(doc[c_end - 1])
                sp = _speaker_span(pobj)
                found.append(QuoteSpan(sp[0], sp[1], pobj.i, "according to", according.i, cs,
                                       ce, "indirect", c_start, c_end))
    turns = _transcript_turns(doc, text)
    if turns:  # a turn's words are its speaker's, also when the paragraph opens a quote mark
        found = [q for q in found
                 if not any(t.start < q.end and q.start < t.end for t in turns)] + turns
    found.sort(key=lambda q: q.start)
    return _merge_split(doc, text, _drop_inner(found, text))


_TURN = re.compile(r'(?m)^["\u201c]?(?P<who>(?:[A-Z][A-Za-z.\'-]+\s){0,2}[A-Z][A-Za-z.\'-]+):\s+'
                   r'(?P<said>[^\n]{12,})$')


def _transcript_turns(doc: Doc, text: str) -> list[QuoteSpan]:
    """Interview transcripts: a paragraph opening 'PENCE: Well, look, ...' is Pence's words."""
    out: list[QuoteSpan] = []
    if ":" not in text:
        return out
    for m in _TURN.finditer(text):
        who, said = m.span("who"), m.span("said")
        if not (m["who"].isupper() or len(m["who"].split()) >= 2):
            continue  # "Update: ..." and "Note: ..." are no speakers; upper case or full names
        speaker = doc.char_span(who[0], who[1], alignment_mode="expand")
        content = doc.char_span(said[0], said[1], alignment_mode="contract")
        if speaker is None or content is None or len(content) < 3:
            continue
        out.append(QuoteSpan(speaker.start, speaker.end, speaker.end - 1, ":", None, said[0],
                             said[1], "direct", content.start, content.end))
    return out


def _inside(char: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(a <= char < b for a, b in spans)


def _title_like(text: str) -> bool:
    """'"Fox News Sunday,"', '"The Apprentice"': a name in quote marks, not words said."""
    words = text.strip(" ,.;:!?").split()
    return 0 < len(words) <= 4 and all(w[:1].isupper() or w.lower() in ("of", "the", "and", "a")
                                        for w in words) and not text.rstrip().endswith(("!", "?"))


def _drop_inner(found: list[QuoteSpan], text: str) -> list[QuoteSpan]:
    """A quoted phrase inside a reported clause is part of that (mixed) quote, not a quote of
    its own; a short quoted phrase with no one saying it is a title or a scare quote."""
    reported = [q for q in found if q.kind != "direct"]
    out = []
    for q in found:
        if q.kind == "direct":
            if any(r.start <= q.start and q.end <= r.end for r in reported):
                continue
            if q.speaker_head is None and q.content_end - q.content_start <= 4:
                continue
            if q.content_end - q.content_start <= 5 and _title_like(text[q.start:q.end]):
                continue
        out.append(q)
    return out


def _merge_split(doc: Doc, text: str, found: list[QuoteSpan]) -> list[QuoteSpan]:
    """One quote split by its attribution ("'We will stay,' he said, 'as long as it takes.'")
    or running on over sentences after it is one quote: merged when the speaker is the same and
    nothing but the attribution and punctuation lies between the pieces."""
    out: list[QuoteSpan] = []
    for q in found:
        prev = out[-1] if out else None
        if (prev is not None and prev.kind == "direct" and q.kind == "direct"
                and prev.speaker_head is not None and prev.speaker_head == q.speaker_head
                and _only_attribution_between(text, doc, prev, q)):
            out[-1] = QuoteSpan(prev.speaker_start, prev.speaker_end, prev.speaker_head, prev.cue,
                                prev.cue_i, prev.start, q.end, "direct", prev.content_start,
                                q.content_end)
            continue
        out.append(q)
    return out


def _only_attribution_between(text: str, doc: Doc, a: QuoteSpan, b: QuoteSpan) -> bool:
    gap = text[a.end:b.start]
    if len(gap) > 120 or "\n\n" in gap.strip():
        return False
    between = doc.char_span(a.end, b.start, alignment_mode="contract")
    if between is None:
        return True
    allowed = {a.speaker_head, a.cue_i}
    for tok in between:
        if tok.is_punct or tok.is_space or tok.i in allowed:
            continue
        if a.speaker_start is not None and a.speaker_end is not None \
                and a.speaker_start <= tok.i < a.speaker_end:
            continue
        if tok.dep_ in ("aux", "neg", "advmod", "cc") and len(tok) < 8:
            continue
        return False
    return True


def _content(cue: Token, frames: frozenset[str]) -> tuple[int, int] | None:
    """Token range of what the cue reports: its clause, else the complement its frame names."""
    comp = next((c for c in cue.children if c.dep_ in ("ccomp", "parataxis")), None)
    if comp is not None:
        start, end = comp.left_edge.i, comp.right_edge.i + 1
        return (start, end) if end - start >= 3 else None
    parts: list[Token] = []
    for c in cue.children:
        if c.i < cue.i:
            continue
        if "obj" in frames and c.dep_ in ("dobj", "oprd") or \
                "to" in frames and c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children):
            parts.append(c)
        elif c.dep_ == "prep" and c.lower_ in {_FRAME_PREPS[f] for f in frames & _FRAME_PREPS.keys()}:
            pobj = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            parts.extend(pobj)
        elif parts and c.dep_ in ("xcomp", "ccomp", "oprd", "prep") and c.i > parts[-1].i:
            parts.append(c)  # "urged Congress to act", "called the charges false"
    if not parts:
        return None
    start = min(p.left_edge.i for p in parts)
    end = max(p.right_edge.i for p in parts) + 1
    return (start, end) if end - start >= 2 else None


def _cue_text(cue: Token | None) -> str | None:
    return cue.text if cue is not None else None


def _sentence_at(starts: Sequence[int], char: int) -> int:
    import bisect

    return max(0, bisect.bisect_right(starts, char) - 1)


__all__ = ["CueLexicon", "QuoteSpan", "find_quotes"]
