"""The per-Doc columns hold spaCy's own values, and one Doc's columns are built once."""

from __future__ import annotations

import pytest
from spacy.attrs import ENT_TYPE, IDX, LEMMA, LOWER, ORTH, POS, TAG

from dyad.parsed import Parsed, parsed

TEXTS = [
    "Iraqi Prime Minister Haider al-Abadi said on Tuesday he would welcome Russian strikes.",
    "Rebels shelled the port city overnight , officials in Aden told reporters.\n\nTalks "
    "between the two sides were put off until Monday, the U.N. envoy's office said.",
    "   Kenya's parliament voted 120-43 to send troops; the opposition walked out.  ",
]


@pytest.fixture(scope="module")
def docs(nlp):
    return [nlp(t) for t in TEXTS]


def _check(doc):
    p = Parsed(doc)
    assert p.n == len(doc)
    assert p.toks == list(doc)
    assert p.pos == [t.pos_ for t in doc]
    assert p.dep == [t.dep_ for t in doc]
    assert p.head == [t.head.i for t in doc]
    assert p.idx == [t.idx for t in doc]
    assert [(s.start, s.end) for s in p.sents] == [(s.start, s.end) for s in doc.sents]
    assert p.words(LEMMA) == [t.lemma_ for t in doc]
    assert p.words(LOWER) == [t.lower_ for t in doc]
    assert p.words(ORTH) == [t.text for t in doc]
    assert p.words(TAG) == [t.tag_ for t in doc]
    assert p.words(ENT_TYPE) == [t.ent_type_ for t in doc]
    for attr in (POS, LEMMA, IDX):
        assert p.array(attr).tolist() == doc.to_array(attr).tolist()


def test_every_column_is_spacys_value(docs):
    for doc in docs:
        _check(doc)


def test_columns_of_news_articles(news_docs):
    """On real parses too (non-projective trees, odd whitespace, many labels)."""
    for doc in news_docs[:8]:
        _check(doc)


def test_the_last_docs_columns_are_shared(docs):
    first = parsed(docs[0])
    assert parsed(docs[0]) is first
    assert first.dep is first.dep  # each column is built once
    assert first.array(POS) is first.array(POS)
    assert first.words(LEMMA) is first.words(LEMMA)
    other = parsed(docs[1])
    assert other is not first and other.doc is docs[1]
    assert parsed(docs[0]) is not first  # only the last Doc is kept
