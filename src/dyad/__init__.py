"""dyad: political event data from news text."""

from dyad.errors import DataError, DyadError, InputError, ModelError, StoreError
from dyad.records import (
    Actor,
    ActorEntity,
    Article,
    CodedArticle,
    Event,
    EventDate,
    Place,
    Quote,
    TimeExpr,
)

__version__ = "0.1.0"


def __getattr__(name: str) -> object:
    # the Coder pulls in spaCy and the knowledge base: load it only when asked for
    if name == "Coder":
        from dyad.coder import Coder

        return Coder
    raise AttributeError(f"module 'dyad' has no attribute {name!r}")


__all__ = [
    "Actor", "ActorEntity", "Article", "CodedArticle", "Coder", "DataError", "DyadError", "Event",
    "EventDate", "InputError", "ModelError", "Place", "Quote", "StoreError", "TimeExpr",
    "__version__",
]
