"""Subdivisions (ISO 3166-2, built by scripts/build_places.py) and landmarks: the names news uses, safe ones."""

from __future__ import annotations

from dyad import kb


def test_a_subdivision_has_its_english_news_forms_and_country():
    kassala = kb.subdivisions()[kb.fold("Kassala State")]
    assert [(s.name, s.country, s.code) for s in kassala] == [("Kassala", "SDN", "SD-KA")]
    assert kb.subdivisions()[kb.fold("Fujian Province")][0].country == "CHN"


def test_an_oblast_is_named_after_its_centre_and_placed_near_it():
    (kherson,) = kb.subdivisions()[kb.fold("Kherson region")]
    assert kherson.name == "Kherson Oblast" and kherson.country == "UKR" and kherson.code == "UA-65"
    assert 45 < kherson.lat < 48 and 32 < kherson.lon < 35
    (kursk,) = kb.subdivisions()[kb.fold("Kursk Oblast")]  # Kurskaya: Kursk, not a town called Kur
    assert kursk.country == "RUS"


def test_a_name_of_two_countries_subdivisions_keeps_both():
    assert {s.country for s in kb.subdivisions()[kb.fold("Punjab")]} == {"IND", "PAK"}


def test_countries_common_words_and_peoples_are_no_subdivisions():
    for word in ("Georgia", "Lakes", "Unity", "Bay", "Somali", "Delta", "Central"):
        assert kb.fold(word) not in kb.subdivisions(), word


def test_no_subdivision_borrows_a_villages_position():
    # Hainan is also a village in Heilongjiang: a namesake that small gives no coordinates
    (hainan,) = kb.subdivisions()[kb.fold("Hainan")]
    assert hainan.lat is None or hainan.lat < 25


def test_landmarks_with_their_country_and_every_written_form():
    assert kb.landmarks()[kb.fold("Élysée Palace")].country == "FRA"
    assert kb.landmarks()[kb.fold("Great Hall of the People")].country == "CHN"
    assert "White House" in kb.landmark_names() and "Cheong Wa Dae" in kb.landmark_names()


def test_disputed_territories_have_no_single_country():
    assert kb.regions()[kb.fold("Kashmir")].country is None
    assert kb.regions()[kb.fold("Diaoyu Islands")].name == "Senkaku Islands"
