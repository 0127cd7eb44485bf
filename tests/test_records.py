import json

import pytest

from dyad.errors import InputError
from dyad.records import (
    FLAT_EVENT_COLUMNS,
    Actor,
    ActorEntity,
    Article,
    CodedArticle,
    Event,
    EventDate,
    Place,
    Quote,
    SentenceRef,
    TextSpan,
    TimeExpr,
    flatten_event,
)


def _sample() -> CodedArticle:
    src = Actor(text="Dunford", name="Joseph Dunford", country="USA", sector="MIL",
                code="USAMIL", start=230, end=237)
    tgt = Actor(text="Baghdad", name="Iraq", country="IRQ", sector="GOV", code="IRQGOV")
    ev = Event(event_id="a:1", type="THREATEN", mode="relations", contexts=("military",),
               cameo="138", quad=3, goldstein=-7.0, source=src, target=tgt,
               status="hypothetical", date=EventDate("2015-10-20", "day", "October 20"),
               place=Place(name="Iraq", country="IRQ", lat=33.0, lon=44.0, geonameid=99237,
                           precision="country"),
               trigger=TextSpan("warned", 412, 418), sentence=SentenceRef(1, 230, 470),
               rule="v:warn>THREATEN", confidence=0.8)
    return CodedArticle(
        id="a", date="2015-10-20", outlet="RFE/RL", events=(ev,),
        quotes=(Quote(speaker=src, cue="said", text="we can", start=5, end=11, kind="direct",
                      events=("a:1",)),),
        actors=(ActorEntity("Joseph Dunford", "USA", "MIL", "USAMIL", ((230, 237),)),),
        times=(TimeExpr("October 1", 40, 49, "2015-10-01", "day"),),
        places=(Place(name="Baghdad", country="IRQ", lat=33.34, lon=44.4, geonameid=98182,
                      text="Baghdad", start=1, end=8),))


def test_records_json_round_trip_is_exact():
    coded = _sample()
    data = json.loads(json.dumps(coded.to_dict()))
    assert CodedArticle.from_dict(data) == coded
    assert CodedArticle.from_dict(data).to_dict() == coded.to_dict()


def test_records_event_dict_has_design_fields():
    ev = _sample().to_dict()["events"][0]
    for key in ("event_id", "type", "mode", "contexts", "cameo", "quad", "goldstein", "source",
                "target", "status", "date", "place", "trigger", "sentence", "rule", "confidence"):
        assert key in ev
    assert ev["source"]["code"] == "USAMIL"
    assert ev["trigger"] == {"text": "warned", "start": 412, "end": 418}


def test_records_article_from_dict_makes_id_from_text_hash():
    a = Article.from_dict({"text": "Troops crossed the border."})
    b = Article.from_dict({"text": "Troops crossed the border."})
    assert a.id == b.id and a.id.startswith("sha1-")


def test_records_article_from_dict_rejects_missing_text_with_record_name():
    with pytest.raises(InputError, match=r"^line 7: field 'text' is missing or empty"):
        Article.from_dict({"id": "x"}, where="line 7")


def test_records_article_content_hash_changes_with_text():
    a = Article(id="x", text="one")
    assert a.content_hash != Article(id="x", text="two").content_hash
    assert a.content_hash == Article(id="y", text="one").content_hash


def test_records_flatten_event_matches_columns():
    coded = _sample()
    row = flatten_event(coded.id, coded.events[0])
    assert tuple(row) == FLAT_EVENT_COLUMNS
    assert row["source_code"] == "USAMIL" and row["target_country"] == "IRQ"
