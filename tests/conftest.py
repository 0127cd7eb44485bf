"""Shared fixtures: the model and the coder once per session, the shared data when present."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EXAMPLES = REPO / "examples"


@pytest.fixture(scope="session")
def nlp():
    from dyad.model import load_model

    return load_model()


@pytest.fixture(scope="session")
def coder(nlp):
    from dyad.coder import Coder

    return Coder(nlp=nlp)


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is absent: the shared data sets are not beside this checkout")
    return SHARED


@pytest.fixture(scope="session")
def news_docs(nlp, shared) -> list:
    """The first 12 articles of the news sample, parsed once: real parses (long sentences,
    non-projective trees, odd whitespace) for the tests that check a fast walk against spaCy's
    own objects."""
    import gzip
    import json

    with gzip.open(shared / "data" / "news" / "allsides-10k.jsonl.gz", "rt") as fh:
        texts = [json.loads(next(fh))["text"] for _ in range(12)]
    return list(nlp.pipe(texts))
