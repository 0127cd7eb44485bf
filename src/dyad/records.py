"""Plain-data result types with a JSON round trip exactly as DESIGN.md shows.

Every type is a frozen dataclass; sequences are tuples so results are hashable and safe to share
between threads and processes. ``to_dict`` gives JSON-ready dicts, ``from_dict`` reads them back.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from dyad.errors import InputError

STATUSES = ("asserted", "negated", "hypothetical", "future", "reported")
PRECISIONS = ("day", "week", "month", "season", "year", "century", "country", "city", "admin1")


def _none_if_empty(value: Any) -> Any:
    return None if value in ("", None) else value


@dataclass(frozen=True, slots=True)
class Article:
    """One news story: the unit dyad reads and codes."""

    id: str
    text: str
    title: str | None = None
    date: str | None = None
    outlet: str | None = None
    url: str | None = None

    @staticmethod
    def make_id(text: str) -> str:
        return "sha1-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]

    @property
    def content_hash(self) -> str:
        basis = "\x1f".join([self.title or "", self.date or "", self.text])
        return hashlib.sha256(basis.encode("utf-8")).hexdigest()

    @classmethod
    def from_dict(cls, data: dict[str, Any], *, where: str = "record") -> Article:
        if not isinstance(data, dict):
            raise InputError(f"{where}: expected a JSON object with a 'text' field, got "
                             f"{type(data).__name__}; write one article object per line")
        text = data.get("text")
        if not isinstance(text, str) or not text.strip():
            raise InputError(f"{where}: field 'text' is missing or empty; every article needs its "
                             "body text in 'text' (or the name of its file in 'text_file')")
        raw_id = data.get("id")
        art_id = str(raw_id) if raw_id not in (None, "") else cls.make_id(text)
        def opt(name: str) -> str | None:
            value = data.get(name)
            return None if value in (None, "") else str(value)
        return cls(id=art_id, text=text, title=opt("title"), date=opt("date"),
                   outlet=opt("outlet"), url=opt("url"))

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "date": self.date, "outlet": self.outlet,
                "url": self.url, "text": self.text}


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor as it takes part in an event or a quote: the words and what they resolve to."""

    text: str
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    start: int | None = None
    end: int | None = None

    @property
    def known(self) -> bool:
        return self.code is not None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "name": self.name, "country": self.country,
                "sector": self.sector, "code": self.code, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Actor:
        return cls(text=data["text"], name=data.get("name"), country=data.get("country"),
                   sector=data.get("sector"), code=data.get("code"), start=data.get("start"),
                   end=data.get("end"))


@dataclass(frozen=True, slots=True)
class ActorEntity:
    """An actor of the story with every place it is mentioned."""

    name: str
    country: str | None
    sector: str | None
    code: str | None
    mentions: tuple[tuple[int, int], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "sector": self.sector,
                "code": self.code, "mentions": [list(m) for m in self.mentions]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ActorEntity:
        return cls(name=data["name"], country=data.get("country"), sector=data.get("sector"),
                   code=data.get("code"),
                   mentions=tuple((int(a), int(b)) for a, b in data.get("mentions", ())))


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A time expression normalised to a TIMEX3 value."""

    text: str
    start: int
    end: int
    value: str | None
    precision: str | None
    kind: str = "date"  # date | duration | set

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "value": self.value,
                "precision": self.precision, "kind": self.kind}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TimeExpr:
        return cls(text=data["text"], start=data["start"], end=data["end"],
                   value=data.get("value"), precision=data.get("precision"),
                   kind=data.get("kind", "date"))


@dataclass(frozen=True, slots=True)
class EventDate:
    """The date an event takes: from a governing time expression or the publication date."""

    value: str
    precision: str
    text: str | None = None
    historical: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "precision": self.precision, "text": self.text,
                "historical": self.historical}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EventDate:
        return cls(value=data["value"], precision=data["precision"], text=data.get("text"),
                   historical=bool(data.get("historical", False)))


@dataclass(frozen=True, slots=True)
class Place:
    """A geocoded place; ``text``/``start``/``end`` are set when it comes from the article."""

    name: str
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    precision: str | None = None
    text: str | None = None
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "name": self.name,
                "country": self.country, "admin1": self.admin1, "lat": self.lat,
                "lon": self.lon, "geonameid": self.geonameid, "precision": self.precision}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Place:
        return cls(name=data["name"], country=data.get("country"), admin1=data.get("admin1"),
                   lat=data.get("lat"), lon=data.get("lon"), geonameid=data.get("geonameid"),
                   precision=data.get("precision"), text=data.get("text"),
                   start=data.get("start"), end=data.get("end"))


@dataclass(frozen=True, slots=True)
class TextSpan:
    """A stretch of the article's text; offsets are characters, end exclusive."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TextSpan:
        return cls(text=data["text"], start=data["start"], end=data["end"])


@dataclass(frozen=True, slots=True)
class SentenceRef:
    index: int
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"index": self.index, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SentenceRef:
        return cls(index=data["index"], start=data["start"], end=data["end"])


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event with its evidence."""

    event_id: str
    type: str
    cameo: str
    quad: int
    goldstein: float
    trigger: TextSpan
    sentence: SentenceRef
    rule: str
    source: Actor | None = None
    target: Actor | None = None
    mode: str | None = None
    contexts: tuple[str, ...] = ()
    status: str = "asserted"
    date: EventDate | None = None
    place: Place | None = None
    confidence: float = 0.5

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id, "type": self.type, "mode": self.mode,
            "contexts": list(self.contexts), "cameo": self.cameo, "quad": self.quad,
            "goldstein": self.goldstein,
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "status": self.status,
            "date": self.date.to_dict() if self.date else None,
            "place": self.place.to_dict() if self.place else None,
            "trigger": self.trigger.to_dict(), "sentence": self.sentence.to_dict(),
            "rule": self.rule, "confidence": self.confidence,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        return cls(
            event_id=data["event_id"], type=data["type"], mode=data.get("mode"),
            contexts=tuple(data.get("contexts", ())), cameo=data["cameo"], quad=data["quad"],
            goldstein=data["goldstein"],
            source=Actor.from_dict(data["source"]) if data.get("source") else None,
            target=Actor.from_dict(data["target"]) if data.get("target") else None,
            status=data.get("status", "asserted"),
            date=EventDate.from_dict(data["date"]) if data.get("date") else None,
            place=Place.from_dict(data["place"]) if data.get("place") else None,
            trigger=TextSpan.from_dict(data["trigger"]),
            sentence=SentenceRef.from_dict(data["sentence"]),
            rule=data["rule"], confidence=data.get("confidence", 0.5),
        )


@dataclass(frozen=True, slots=True)
class Quote:
    """Who said what: a speaker, the cue that introduces the words, and the words."""

    speaker: Actor | None
    cue: str | None
    text: str
    start: int
    end: int
    kind: str  # direct | indirect | mixed
    events: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"speaker": self.speaker.to_dict() if self.speaker else None, "cue": self.cue,
                "text": self.text, "start": self.start, "end": self.end, "kind": self.kind,
                "events": list(self.events)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quote:
        return cls(speaker=Actor.from_dict(data["speaker"]) if data.get("speaker") else None,
                   cue=data.get("cue"), text=data["text"], start=data["start"],
                   end=data["end"], kind=data["kind"], events=tuple(data.get("events", ())))


@dataclass(frozen=True, slots=True)
class CodedArticle:
    """Everything dyad found in one article."""

    id: str
    date: str | None = None
    outlet: str | None = None
    title: str | None = None
    url: str | None = None
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    actors: tuple[ActorEntity, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    places: tuple[Place, ...] = ()
    content_hash: str | None = field(default=None, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "date": self.date, "outlet": self.outlet, "title": self.title,
            "url": self.url,
            "events": [e.to_dict() for e in self.events],
            "quotes": [q.to_dict() for q in self.quotes],
            "actors": [a.to_dict() for a in self.actors],
            "times": [t.to_dict() for t in self.times],
            "places": [p.to_dict() for p in self.places],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CodedArticle:
        return cls(
            id=data["id"], date=data.get("date"), outlet=data.get("outlet"),
            title=data.get("title"), url=data.get("url"),
            events=tuple(Event.from_dict(e) for e in data.get("events", ())),
            quotes=tuple(Quote.from_dict(q) for q in data.get("quotes", ())),
            actors=tuple(ActorEntity.from_dict(a) for a in data.get("actors", ())),
            times=tuple(TimeExpr.from_dict(t) for t in data.get("times", ())),
            places=tuple(Place.from_dict(p) for p in data.get("places", ())),
        )



def flatten_event(article_id: str, event: Event) -> dict[str, Any]:
    """One flat row per event, for TSV and CSV tables."""
    src, tgt = event.source, event.target
    return {
        "article_id": article_id, "event_id": event.event_id, "type": event.type,
        "mode": event.mode or "", "contexts": ";".join(event.contexts), "cameo": event.cameo,
        "quad": event.quad, "goldstein": event.goldstein, "status": event.status,
        "source_text": src.text if src else "", "source_code": (src.code or "") if src else "",
        "source_country": (src.country or "") if src else "",
        "source_sector": (src.sector or "") if src else "",
        "target_text": tgt.text if tgt else "", "target_code": (tgt.code or "") if tgt else "",
        "target_country": (tgt.country or "") if tgt else "",
        "target_sector": (tgt.sector or "") if tgt else "",
        "date": event.date.value if event.date else "",
        "date_precision": event.date.precision if event.date else "",
        "place": event.place.name if event.place else "",
        "place_country": (event.place.country or "") if event.place else "",
        "lat": event.place.lat if event.place and event.place.lat is not None else "",
        "lon": event.place.lon if event.place and event.place.lon is not None else "",
        "trigger": event.trigger.text, "trigger_start": event.trigger.start,
        "trigger_end": event.trigger.end, "sentence_index": event.sentence.index,
        "rule": event.rule, "confidence": event.confidence,
    }


FLAT_EVENT_COLUMNS: tuple[str, ...] = tuple(
    flatten_event("", Event(event_id="", type="", cameo="", quad=0, goldstein=0.0,
                            trigger=TextSpan("", 0, 0), sentence=SentenceRef(0, 0, 0),
                            rule="")).keys())



__all__ = [
    "FLAT_EVENT_COLUMNS",
    "PRECISIONS",
    "STATUSES",
    "Actor",
    "ActorEntity",
    "Article",
    "CodedArticle",
    "Event",
    "EventDate",
    "Place",
    "Quote",
    "SentenceRef",
    "TextSpan",
    "TimeExpr",
    "flatten_event",
]
