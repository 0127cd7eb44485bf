"""The story the mission is written around (DEVELOPERS.md lists what it must yield)."""

from __future__ import annotations

import pytest

from dyad.records import CodedArticle


@pytest.fixture(scope="module")
def seed(coder, shared) -> tuple[str, CodedArticle]:
    text = (shared / "data/examples/rferl-2015-10-20-dunford-iraq.txt").read_text("utf-8")
    return text, coder.code(text, date="2015-10-20")


def _events(coded: CodedArticle, type_: str, src: str, tgt: str):
    return [e for e in coded.events if e.type == type_ and e.source and e.target
            and e.source.country == src and e.target.country == tgt]


def test_seed_iraq_assures_the_us(seed):
    _, coded = seed
    assert _events(coded, "AGREE", "IRQ", "USA")


def test_seed_dunford_threatens_baghdad_not_asserted(seed):
    _, coded = seed
    threats = _events(coded, "THREATEN", "USA", "IRQ")
    assert threats and threats[0].source.code == "USAMIL" and threats[0].target.code == "IRQGOV"
    assert all(e.status != "asserted" for e in threats)
    assert threats[0].trigger.text == "warned"


@pytest.mark.parametrize("src", ["RUS", "USA"])
def test_seed_air_campaigns_against_islamic_state(seed, src):
    _, coded = seed
    assaults = _events(coded, "ASSAULT", src, "IMG")
    assert assaults and assaults[0].mode == "aerial"


def test_seed_would_not_seek_is_negated(seed):
    _, coded = seed
    seek = [e for e in coded.events if e.trigger.text == "seek"]
    assert [(e.source.code, e.target.code, e.status) for e in seek] == [("IRQ", "RUS", "negated")]


def test_seed_abadi_would_welcome_russian_strikes(seed):
    _, coded = seed
    welcome = [e for e in coded.events if e.trigger.text == "welcome"]
    assert [(e.type, e.source.code, e.target.country) for e in welcome] == \
        [("SUPPORT", "IRQGOV", "RUS")]
    assert welcome[0].status != "asserted"


def test_seed_nothing_coded_from_said_alone(seed):
    _, coded = seed
    assert not [e for e in coded.events if e.trigger.text.lower() in ("said", "told", "say")]


def test_seed_evidence_offsets_point_at_the_words(seed):
    text, coded = seed
    for e in coded.events:
        assert text[e.trigger.start:e.trigger.end] == e.trigger.text
        assert e.sentence.start <= e.trigger.start < e.trigger.end <= e.sentence.end
        for actor in (e.source, e.target):
            if actor is not None and actor.start is not None:
                assert text[actor.start:actor.end] == actor.text


def test_seed_dunford_quotes_are_his(seed):
    _, coded = seed
    direct = [q for q in coded.quotes if q.kind == "direct" and q.text.startswith("We can't")]
    assert direct and direct[0].speaker is not None
    assert (direct[0].speaker.code, direct[0].speaker.name) == ("USAMIL", "Joseph Dunford")
    # every quote whose cue follows a mention of Dunford as its subject is his, "he" included
    relationship = next(q for q in coded.quotes
                        if q.speaker is not None and "can't have a relationship" in q.text)
    assert (relationship.speaker.text, relationship.speaker.name) == ("he", "Joseph Dunford")
    assert all(q.speaker.name == "Joseph Dunford" for q in coded.quotes
               if q.speaker is not None and q.speaker.text in ("Dunford", "he")
               and q.speaker.code == "USAMIL")
    assert not any(q.speaker.text == "pressure" for q in coded.quotes if q.speaker is not None)
    # "America's top general said", a sentence before Dunford is named, is Dunford too
    first = coded.quotes[0]
    assert (first.speaker.text, first.speaker.name) == ("America's top general", "Joseph Dunford")
    assert all(q.speaker.name == "Joseph Dunford" for q in coded.quotes
               if q.speaker is not None and q.speaker.code == "USAMIL")


def test_seed_times_resolve_against_publication(seed):
    _, coded = seed
    values = {t.text: (t.value, t.precision) for t in coded.times}
    assert values["October 1"] == ("2015-10-01", "day")
    assert values["October 20"] == ("2015-10-20", "day")
    assert values["last week"] == ("2015-W42", "week")
    assert values["this summer"] == ("2015-SU", "season")


def test_seed_places_on_the_map(seed):
    _, coded = seed
    places = {p.text: p for p in coded.places}
    assert places["Baghdad"].country == "IRQ"
    assert abs(places["Baghdad"].lat - 33.34) < 0.05 and abs(places["Baghdad"].lon - 44.40) < 0.05
    assert places["Syria"].country == "SYR" and places["Syria"].precision == "country"


def test_seed_actors_resolve_as_the_issue_lists(seed):
    text, coded = seed
    codes = {(a.name, a.code) for a in coded.actors}
    assert {("Joseph Dunford", "USAMIL"), ("Haider al-Abadi", "IRQGOV"),
            ("Khaled al-Obeidi", "IRQGOV"), ("Islamic State", "IMG")} <= codes

    def words(actor) -> list[str]:
        return [text[s:e] for s, e in actor.mentions]
    # "Baghdad" acting is Iraq's government, "Washington" the US government
    iraq_gov = next(a for a in coded.actors if a.code == "IRQGOV" and a.name == "Iraq")
    assert "Baghdad" in words(iraq_gov)
    us_gov = next(a for a in coded.actors if a.code == "USAGOV" and a.name == "United States")
    assert "Washington" in words(us_gov)
    assert {"IS", "Islamic State"} <= set(
        words(next(a for a in coded.actors if a.code == "IMG")))
