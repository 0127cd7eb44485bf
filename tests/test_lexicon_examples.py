"""Every pattern's example sentence (our own) is coded by the whole coder and must show it."""

from __future__ import annotations

import pytest

from dyad.lexicon import Lexicon

PATTERNS = [p for p in Lexicon.load().patterns if p.example]


@pytest.fixture(scope="module")
def coded_examples(coder):
    return dict(zip((p.id for p in PATTERNS),
                    coder.pipe([p.example for p in PATTERNS], batch_size=64), strict=True))


@pytest.mark.parametrize("pattern", PATTERNS, ids=[p.id for p in PATTERNS])
def test_lexicon_example_codes_its_pattern(pattern, coded_examples):
    events = coded_examples[pattern.id].events
    if pattern.none:
        # a sense that is no event: its word must trigger nothing in its example
        prefix = f"{pattern.pos[0]}:{pattern.lemma}"
        assert not [e.rule for e in events if e.rule.startswith(prefix)], \
            f"{pattern.source}: {pattern.example!r} gives {[e.rule for e in events]}"
    elif pattern.light:
        # a light verb carries the event of its object noun: a nominal event must come out
        assert any(e.rule.startswith("n:") for e in events), \
            f"{pattern.source}: {pattern.example!r} gives {[e.rule for e in events]}"
    else:
        assert pattern.type in {e.type for e in events}, \
            f"{pattern.source}: {pattern.example!r} gives {[e.rule for e in events]}"
