"""The extractor's cheaper reads of a parse give what the plain spaCy reads give."""

from __future__ import annotations

import pytest

from dyad import events
from dyad.events import _named_by, _target_by_slots, _verb_objects

TEXTS = [
    "The Conference of Catholic Bishops and the National Rally condemned the attack in Paris.",
    "Germany provided 350 million euros to Ethiopia and sent troops to Mali to help.",
    "Kenya violated the ceasefire agreement and found him guilty of thousands of crimes.",
    "The U.S. will allow UN agencies access, Secretary of State Antony Blinken told "
    "reporters on Tuesday.",
    "Russia gave Ukraine a warning about its talks with the European Union.",
]
SLOTS = ("dobj", "dative", "poss", "prep:to", "prep:with", "prep:on", "prep:about", "agent")


@pytest.fixture(scope="module")
def docs(nlp):
    return [nlp(t) for t in TEXTS]


def test_named_by_is_a_word_of_a_longer_entity(docs):
    for doc in docs:
        for tok in doc:
            ent = next((e for e in doc.ents if e.start <= tok.i < e.end), None)
            longer = tok.ent_type_ in events.NAME_ENTS and ent is not None and len(ent) > 1
            assert _named_by(tok) == longer, tok.text


def _objects_plainly(children):
    heads = [c for c in children if c.dep_ in ("dobj", "nsubjpass")]
    heads += [g for c in heads for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
              for g in p.children if g.dep_ == "pobj"]
    heads += [c for c in children if c.dep_ in events.OBJECT_PREDICATE_DEPS and c.pos_ == "ADJ"]
    heads += [c for c in children if c.dep_ == "ccomp" and c.pos_ == "NOUN"]
    heads += [g for c in heads if c.lemma_.lower() in events.KIND_HEADS
              for g in c.children if g.dep_ == "compound"]
    return {w for c in heads for w in (c.lemma_.lower(), c.lower_)}


def test_verb_objects_are_the_plain_reading(docs):
    seen = set()
    for doc in docs:
        for tok in doc:
            children = list(tok.children)
            assert _verb_objects(children) == _objects_plainly(children), tok.text
            seen |= _verb_objects(children)
    assert {"agreement", "ceasefire", "guilty", "euro", "access"} <= seen


def _slots_plainly(tok, slots):
    children = list(tok.children)
    for slot in slots:
        hit = None
        if slot == "dobj":
            hit = next((c for c in children if c.dep_ == "dobj"), None)
        elif slot == "dative":
            hit = next((c for c in children if c.dep_ == "dative" and c.pos_ != "ADP"), None)
            if hit is None:
                prep = next((c for c in children if c.dep_ == "dative" and c.pos_ == "ADP"),
                            None)
                hit = events._pobj(prep) if prep is not None else None
        elif slot == "poss":
            hit = next((c for c in children if c.dep_ == "poss"), None)
        elif slot.startswith("prep:"):
            hit = next((g for c in children if c.dep_ in ("prep", "dative", "agent")
                        and c.lower_ == slot[5:] for g in [events._pobj(c)]
                        if g is not None and g.ent_type_ not in ("DATE", "TIME")), None)
        if hit is not None:
            return hit
    return None


def test_target_by_slots_is_the_plain_reading(docs):
    hits = 0
    for doc in docs:
        for tok in doc:
            for n in range(len(SLOTS)):
                for slots in (SLOTS[n:], SLOTS[n:n + 1], ()):
                    got = _target_by_slots(tok, slots)
                    assert got == _slots_plainly(tok, slots), (tok.text, slots)
                    hits += got is not None
    assert hits > 0


def _children_match(doc):
    for tok in doc:
        assert events._kids(tok) == list(tok.children), tok.text
        assert events._kids(tok) == list(tok.children), tok.text  # kept, and unchanged


def test_kept_children_are_spacys(docs):
    for doc in docs:
        _children_match(doc)
    # reading two Docs in turn keeps each one's children apart
    first, second = docs[0], docs[1]
    assert [events._kids(t) for t in first] == [list(t.children) for t in first]
    assert [events._kids(t) for t in second] == [list(t.children) for t in second]
    assert [events._kids(t) for t in first] == [list(t.children) for t in first]


def test_kept_children_of_news_articles(news_docs):
    """On real parses too (non-projective trees, long sentences)."""
    for doc in news_docs[:5]:
        _children_match(doc)


def test_misses_know_only_what_was_added():
    import numpy as np

    misses = events._Misses()
    slots = 1 << events._Misses.BITS
    a, b = 12345678901234567890, 12345678901234567890 + slots  # the same slot
    words = np.array([a, b, 7], dtype=np.uint64)
    assert misses.unknown(words).tolist() == [True, True, True]
    misses.add(a)
    assert misses.unknown(words).tolist() == [False, True, True]
    misses.add(b)  # takes the slot: a is looked up again, never wrongly skipped
    assert misses.unknown(words).tolist() == [True, False, True]
    misses.clear()
    assert misses.unknown(words).tolist() == [True, True, True]


def test_candidates_are_every_token_the_lexicon_matches(coder, docs):
    """The tokens passed over as known misses are those match_verb / match_noun find nothing
    for, read twice (the second time from the known misses)."""
    ex = coder.extractor
    assert sum(len(ex._candidates(doc)[0]) for doc in docs) > 5
    for _ in range(2):
        for doc in docs:
            cands, _ = ex._candidates(doc)
            got = {i: (is_verb, tuple(pats)) for i, is_verb, pats in cands}
            assert [i for i, _, _ in cands] == sorted(got)
            for tok in doc:
                verbish = tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "ADJ" and tok.tag_ == "VBN")
                nounish = tok.pos_ in ("NOUN", "PROPN")
                if verbish:
                    pats = ex.lexicon.verbs.get(tok.lemma_.lower()) or \
                        ex.lexicon.verbs.get(ex.lexicon.verb_forms.get(tok.lower_, ""))
                elif nounish:
                    pats = ex.lexicon.nouns.get(tok.lemma_.lower())
                else:
                    pats = None
                want = (verbish, tuple(pats)) if pats else None
                assert got.get(tok.i) == want, tok.text


def _depth_plainly(tok):
    depth, steps = 0, 0
    while steps < 12 and tok.head.i != tok.i:
        depth += tok.dep_ in events.SUBORDINATE_DEPS
        tok, steps = tok.head, steps + 1
    return depth


def test_subordinated_counts_the_clauses_above_the_trigger(coder, docs):
    pat = next(iter(coder.lexicon.verbs.values()))[0]
    lowered = 0
    for doc in docs:
        for tok in doc:
            ev = events.RawEvent(pattern=pat, trigger=tok.i, trigger_end=tok.i + 1, sentence=0,
                                 source=None, target=None, source_tok=None, target_tok=None,
                                 status="asserted", rule="", confidence=0.85)
            depth = _depth_plainly(tok)
            want = 0.85 if depth == 0 else \
                round(max(0.1, 0.85 - events.SUBORDINATE_PENALTY * min(depth, 2)), 2)
            assert events._subordinated(doc, ev).confidence == want, tok.text
            lowered += depth > 0
    assert lowered > 0
