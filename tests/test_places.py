from dyad.places import Geocoder, event_place


def test_places_city_and_country_coordinates():
    geo = Geocoder.load()
    mosul = geo.lookup("Mosul")
    assert (mosul.country, mosul.precision) == ("IRQ", "city")
    assert abs(mosul.lat - 36.34) < 0.1 and abs(mosul.lon - 43.13) < 0.1
    iraq = geo.lookup("Iraq")
    assert (iraq.country, iraq.precision, iraq.geonameid) == ("IRQ", "country", 99237)


def test_places_story_countries_disambiguate():
    geo = Geocoder.load()
    assert geo.lookup("Paris").country == "FRA"
    assert geo.lookup("Paris", countries={"USA"}).country == "USA"


def test_places_event_place_is_the_locative_of_its_clause(nlp):
    doc = nlp("Kenyan troops attacked militants in Kismayo, officials in Nairobi said.")
    places = Geocoder.load().find_places(doc)
    attacked = next(t.i for t in doc if t.text == "attacked")
    said = next(t.i for t in doc if t.text == "said")
    assert event_place(doc, attacked, places).name == "Kismayo"
    assert event_place(doc, said, places) is None
