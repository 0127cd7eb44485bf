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

__all__ = [
    "Actor", "ActorEntity", "Article", "CodedArticle", "DataError", "DyadError", "Event",
    "EventDate", "InputError", "ModelError", "Place", "Quote", "StoreError", "TimeExpr",
    "__version__",
]
