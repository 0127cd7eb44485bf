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
