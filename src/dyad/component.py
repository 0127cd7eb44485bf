"""The spaCy pipeline component: ``nlp.add_pipe("dyad")`` puts the coded article on ``doc._.dyad``.

The component runs the same code as :class:`dyad.Coder` on a Doc that is already parsed, so a
user's own pipeline gets dyad's results with no second parse. ``doc._.dyad`` holds plain JSON-like
data (the dict of a :class:`~dyad.records.CodedArticle`), which survives DocBin and pickling.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc

if TYPE_CHECKING:
    from dyad.coder import Coder

EXTENSION = "dyad"

if not Doc.has_extension(EXTENSION):
    Doc.set_extension(EXTENSION, default=None)


class DyadComponent:
    """Codes each Doc it sees; the article date comes from ``doc.user_data['dyad_date']``."""

    def __init__(self, nlp: Language, name: str = "dyad", *, actors: str | None = None,
                 date: str | None = None) -> None:
        self.name = name
        self.nlp = nlp
        self.date = date
        self._actors = actors
        self._coder: Coder | None = None

    @property
    def coder(self) -> Coder:
        if self._coder is None:
            from dyad.coder import Coder

            self._coder = Coder(nlp=self.nlp, actors=(self._actors,) if self._actors else ())
        return self._coder

    def __call__(self, doc: Doc) -> Doc:
        date = doc.user_data.get("dyad_date", self.date)
        art_id = doc.user_data.get("dyad_id", "doc")
        coded = self.coder.code_doc(doc, article_id=str(art_id), date=date)
        doc._.set(EXTENSION, coded.to_dict())
        return doc


def make_dyad_component(nlp: Language, name: str, actors: str | None,
                        date: str | None) -> DyadComponent:
    return DyadComponent(nlp, name, actors=actors, date=date)


Language.factory("dyad", default_config={"actors": None, "date": None},
                 func=make_dyad_component)

__all__ = ["EXTENSION", "DyadComponent", "make_dyad_component"]
