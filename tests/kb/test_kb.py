"""The knowledge base tables load and answer look-ups."""

from dyad import kb


def test_countries_by_name_alias_and_demonym():
    c = kb.countries()
    assert c.lookup("DPRK") == "PRK"
    assert c.lookup("North Korean") == "PRK"
    assert c.lookup("Türkiye") == "TUR"
    assert c.capitals["Kyiv"] == "UKR"
    assert len(c.by_iso3) > 240


def test_every_sovereign_state_news_names_by_nationality_has_its_demonym():
    c = kb.countries()
    assert c.lookup("Burundian") == "BDI"
    assert c.lookup("Fijian") == "FJI"
    assert c.lookup("Salvadoran") == "SLV"
    assert c.lookup("East Timor") == "TLS"
    assert c.lookup("Swaziland") == "SWZ"
    assert c.lookup("Dominican") == "DOM"  # in the news, the Dominican Republic, not Dominica


def test_titles_find_the_most_specific_phrase():
    t = kb.titles()
    assert t.find("First Deputy Prime Minister").phrase == "prime minister"
    assert t.find("Foreign Minister").phrase == "foreign minister"
    assert t.find("the weather") is None


def test_known_people_and_surnames_alone():
    assert kb.people()[kb.fold("Sergey Lavrov")].name == "Sergei Lavrov"
    assert kb.person_alone("Putin").country == "RUS"
    assert kb.person_alone("Kim") is None  # too many Kims


def test_gazetteer_prefers_large_cities():
    from dyad.kb.gazetteer import gazetteer

    first = gazetteer().candidates("Moscow")[0]
    assert first.country == "RUS" and first.population > 10_000_000
