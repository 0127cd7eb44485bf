"""Scoring of events, quad classes and actors on small hand-made gold and fake predictions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyad.errors import InputError
from dyad.evaluation import (
    ActorReport,
    ErrorCase,
    GoldActor,
    GoldEvent,
    SpanScore,
    SpanSentence,
    TypeRow,
    evaluate_events,
    evaluate_quad,
    gold_country,
    gold_sector,
    predicted_quad,
    read_plover_gold,
    read_quad_gold,
    read_span_gold,
    score_events,
    score_quad,
    score_spans,
    span_errors,
)
from dyad.lexicon import PLOVER_TYPES
from dyad.records import Actor, CodedArticle, Event, SentenceRef, TextSpan

SHARED = Path(__file__).resolve().parents[2] / "shared"
GOLD = SHARED / "data" / "gold"


def actor(code: str | None, text: str = "x", start: int | None = None,
          end: int | None = None) -> Actor:
    country = code[:3] if code else None
    sector = code[3:6] or None if code else None
    return Actor(text=text, country=country, sector=sector, code=code, start=start, end=end)


def event(etype: str, src: str | None, tgt: str | None, *, conf: float = 0.5,
          quad: int | None = None, src_span: tuple[int, int] | None = None,
          tgt_span: tuple[int, int] | None = None) -> Event:
    s = actor(src, "x", *(src_span or (None, None))) if src or src_span else None
    t = actor(tgt, "x", *(tgt_span or (None, None))) if tgt or tgt_span else None
    return Event(event_id="e", type=etype, cameo="000", quad=quad or PLOVER_TYPES[etype],
                 goldstein=0.0, trigger=TextSpan("did", 0, 3), sentence=SentenceRef(0, 0, 10),
                 rule=f"test>{etype}", source=s, target=t, confidence=conf)


def coded(*events: Event) -> CodedArticle:
    return CodedArticle(id="a", events=tuple(events))


def gold(gid: str, etype: str, sources: list[tuple[str, str | None]],
         targets: list[tuple[str, str | None]]) -> GoldEvent:
    return GoldEvent(id=gid, text=f"sentence {gid}", date=None, type=etype,
                     sources=tuple(GoldActor("x", c, s) for c, s in sources),
                     targets=tuple(GoldActor("x", c, s) for c, s in targets))


# -- gold readers ------------------------------------------------------------------------------
def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_evaluation_read_plover_gold_maps_old_names(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "g.jsonl", [
        {"id": "r1", "date": "1999-05-02", "event": "DEMAND",
         "text": "Tokyo pressed Rome for an answer.",
         "source": [{"actorText": "Tokyo", "code": "JAP", "sector": "GOV"}],
         "target": [{"actorText": "Rome", "code": "ITL", "sector": "CIV"}]},
        {"id": "r2", "event": "FIGHT", "text": "Rebels fought soldiers.", "target": "",
         "source": [{"actorText": "Rebels", "code": "MKD", "sector": "REBalb"}]},
        {"event": "DISAPPROVE", "text": "They scolded him.", "target": None, "source": None},
    ])
    rows = read_plover_gold(path)
    assert [r.type for r in rows] == ["REQUEST", "ASSAULT", "ACCUSE"]
    assert rows[0].sources == (GoldActor("Tokyo", "JPN", "GOV"),)
    assert rows[0].targets == (GoldActor("Rome", "ITA", "CVL"),)
    assert rows[0].date == "1999-05-02"
    assert rows[1].sources == (GoldActor("Rebels", "MKD", "REB"),)
    assert rows[1].targets == () and rows[1].date is None
    assert rows[2].id == "g.jsonl:3" and rows[2].sources == () and rows[2].targets == ()


@pytest.mark.parametrize(("code", "want"), [("VTN", "VNM"), ("ROM", "ROU"), ("YUG", "SRB"),
                                            ("USA", "USA"), ("IGO", "IGO"), ("", None)])
def test_evaluation_gold_country_maps_cameo_codes(code: str, want: str | None) -> None:
    assert gold_country(code) == want


@pytest.mark.parametrize(("sector", "want"), [("***", None), ("CIVsrp", "CVL"),
                                              ("GOVMOS", "GOV"), ("MOS", "REL"), (None, None)])
def test_evaluation_gold_sector_normalises(sector: str | None, want: str | None) -> None:
    assert gold_sector(sector) == want


def test_evaluation_read_plover_gold_errors_name_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"event": "AGREE", "text": "ok."}\n{"event": "AGREE"}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.jsonl:2: not a PLOVER gold record"):
        read_plover_gold(path)
    write_jsonl(path, [{"event": "DANCE", "text": "They danced."}])
    with pytest.raises(InputError, match=r"bad\.jsonl:1: unknown event type 'DANCE'"):
        read_plover_gold(path)
    with pytest.raises(InputError, match=r"nope\.jsonl: gold file not found; pass a PLOVER"):
        read_plover_gold(tmp_path / "nope.jsonl")


def test_evaluation_gold_triples_cross_compound_actors() -> None:
    g = gold("g", "AGREE", [("USA", "GOV"), ("GBR", None)], [("IRN", None)])
    assert g.triples() == {("AGREE", "USA", "IRN"), ("AGREE", "GBR", "IRN")}
    assert g.triples(sectors=True) == {("AGREE", ("USA", "GOV"), ("IRN", None)),
                                       ("AGREE", ("GBR", None), ("IRN", None))}
    assert gold("h", "PROTEST", [], []).triples() == {("PROTEST", None, None)}


def test_evaluation_read_quad_gold(tmp_path: Path) -> None:
    path = tmp_path / "q.tsv"
    path.write_text("Troops shelled the town.\t4\n\nThe minister smiled.\t0\n", encoding="utf-8")
    assert read_quad_gold(path) == [("Troops shelled the town.", 4), ("The minister smiled.", 0)]
    path.write_text("No label here\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"q\.tsv:1: expected 'sentence<TAB>quad'"):
        read_quad_gold(path)


def test_evaluation_read_span_gold(tmp_path: Path) -> None:
    path = tmp_path / "s.txt"
    path.write_text("Kenyan B-S\npolice I-S\nbeat O\nstudents B-T\n. O\n\n"
                    "Crowds I-S\nmarched O\n", encoding="utf-8")
    sents = read_span_gold(path)
    assert [s.tokens for s in sents] == [("Kenyan", "police", "beat", "students", "."),
                                         ("Crowds", "marched")]
    first = sents[0]
    assert first.text == "Kenyan police beat students ."
    assert first.offsets[1] == (7, 13) and first.offsets[3] == (19, 27)
    assert first.spans("S") == {(0, 2)} and first.spans("T") == {(3, 4)}
    assert sents[1].spans("S") == {(0, 1)}  # I- without B- opens a span
    path.write_text("word\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"s\.txt:1: expected 'token TAG'"):
        read_span_gold(path)


def test_evaluation_span_gold_text_rejoins_split_words(tmp_path: Path) -> None:
    # The span file splits written words; the coder must see them as written, and each token's
    # offsets must still point at it.
    toks = ["Kenya", "’", "s", "rebel", "-", "held", "town", "lost", "2", ",", "500", "of",
            "6", ".", "3", "million", "U", ".", "K", ".", "pounds", ",", "300", "said", "-", "-",
            "Mr", ".", "Andr", "é", "s", "R", ".", "Soto", "of", "citizens", "’", "rights", "’",
            "."]
    path = tmp_path / "s.txt"
    path.write_text("".join(f"{t} O\n" for t in toks), encoding="utf-8")
    sent = read_span_gold(path)[0]
    assert sent.text == ("Kenya’s rebel-held town lost 2,500 of 6.3 million U.K. pounds , 300 "
                         "said - - Mr. Andrés R. Soto of citizens’ rights ’ .")
    assert all(sent.text[a:b] == t for (a, b), t in zip(sent.offsets, toks, strict=True))


# -- events scoring ----------------------------------------------------------------------------
GOLD_ROWS = [
    gold("g1", "AGREE", [("USA", "GOV"), ("GBR", "GOV")], [("IRN", None)]),
    gold("g2", "ASSAULT", [("RUS", "MIL")], []),
    gold("g3", "PROTEST", [("FRA", "CVL")], [("FRA", "GOV")]),
    gold("g4", "ACCUSE", [("DEU", None)], [("TUR", None)]),
]
PREDICTED = [
    coded(event("AGREE", "USAGOV", "IRN", conf=0.8), event("REQUEST", "USA", "IRN", conf=0.9)),
    coded(event("ASSAULT", "RUSMIL", "SYR", conf=0.7)),
    coded(),
    coded(event("REJECT", "DEU", "TUR")),
]


def test_evaluation_score_events_headline_figures() -> None:
    j = score_events(GOLD_ROWS, PREDICTED).to_json()
    assert j["sentences"] == 4
    assert j["type_accuracy"] == 0.5          # g1, g2
    assert j["type_accuracy_top"] == 0.25     # g2 only: g1's most confident is REQUEST
    assert j["source_country_accuracy"] == 1.0
    assert j["target_country_accuracy"] == 0.5  # g2 has no gold target but SYR was coded
    assert j["source_sector_accuracy"] == 1.0
    assert j["target_sector_accuracy"] == 0.0  # no gold target sector: nothing scored
    assert j["gold_triples"] == 5 and j["predicted_events"] == 4
    assert j["triple_recall"] == 0.2 and j["triple_precision"] == 0.25
    assert j["triple_f1"] == 0.2222
    assert j["triple_recall_sector"] == 0.2 and j["triple_precision_sector"] == 0.25
    assert j["errors"] == {"missed event": 1, "wrong type": 1, "wrong source": 0,
                           "wrong target": 1, "false event": 1}


def test_evaluation_score_events_counts() -> None:
    r = score_events(GOLD_ROWS, PREDICTED)
    assert r.source_country == (2, 2) and r.target_country == (1, 2)
    assert r.source_sector == (2, 2) and r.target_sector == (0, 0)
    assert r.per_type == {
        "AGREE": TypeRow(1, 1, 1, 1, 1), "REQUEST": TypeRow(0, 0, 1, 0, 0),
        "ASSAULT": TypeRow(1, 1, 1, 1, 0), "PROTEST": TypeRow(1, 0, 0, 0, 0),
        "ACCUSE": TypeRow(1, 0, 0, 0, 0), "REJECT": TypeRow(0, 0, 1, 0, 0)}
    assert [c.gold_id for c in r.errors["missed event"]] == ["g3"]
    assert [c.gold_id for c in r.errors["wrong type"]] == ["g4"]
    assert r.errors["wrong target"] == (ErrorCase(
        "g2", "sentence g2", "ASSAULT RUSMIL -> -",
        "ASSAULT RUSMIL(x) -> SYR(x)  trigger 'did'  rule test>ASSAULT  conf 0.70"),)
    assert r.errors["false event"][0].predicted.startswith("REQUEST USA(x) -> IRN(x)")


def test_evaluation_score_events_sector_variant_needs_both_sectors() -> None:
    g = [gold("g", "COERCE", [("EGY", "COP")], [("EGY", "CVL")])]
    r = score_events(g, [coded(event("COERCE", "EGYCOP", "EGYOPP"))]).to_json()
    assert r["triple_recall"] == 1.0 and r["triple_recall_sector"] == 0.0
    assert r["target_sector_accuracy"] == 0.0 and r["source_sector_accuracy"] == 1.0


def test_evaluation_score_events_igo_codes_match_gold_igo() -> None:
    g = [gold("g", "SUPPORT", [("IGO", None)], [("KEN", None)])]
    r = score_events(g, [coded(event("SUPPORT", "UNO", "KEN"))])
    assert r.to_json()["triple_recall"] == 1.0


def test_evaluation_score_events_picks_best_matching_event_of_gold_type() -> None:
    g = [gold("g", "ASSAULT", [("ISR", None)], [("LBN", None)])]
    preds = [coded(event("ASSAULT", "LBN", "ISR", conf=0.9), event("ASSAULT", "ISR", "LBN"))]
    r = score_events(g, preds)
    assert r.source_country == (1, 1) and r.target_country == (1, 1)
    assert r.to_json()["triple_precision"] == 0.5
    assert len(r.errors["false event"]) == 1  # the reversed one


def test_evaluation_score_events_table_shows_errors_on_request() -> None:
    r = score_events(GOLD_ROWS, PREDICTED)
    assert "sentence g3" not in r.table()
    table = r.table(errors=1)
    assert "-- missed event (1; first 1)" in table
    assert "  [g3] gold PROTEST FRACVL -> FRAGOV\n      got nothing\n      | sentence g3" in table
    assert "AGREE           1      1    1.00     1      1   1.00       1" in table


def test_evaluation_score_events_length_mismatch() -> None:
    with pytest.raises(InputError, match="4 gold rows but 1 coded articles"):
        score_events(GOLD_ROWS, PREDICTED[:1])


# -- quad --------------------------------------------------------------------------------------
def test_evaluation_predicted_quad_is_most_confident_event() -> None:
    assert predicted_quad(coded()) == 0
    assert predicted_quad(coded(event("CONSULT", None, None, conf=0.4),
                                event("ASSAULT", None, None, conf=0.8))) == 4
    # equal confidence: the first, in the coder's order
    assert predicted_quad(coded(event("ACCUSE", None, None), event("AID", None, None))) == 3


def test_evaluation_score_quad_figures() -> None:
    r = score_quad([0, 0, 1, 2, 3, 4, 4], [0, 3, 1, 0, 3, 4, 0])
    assert r.confusion[0] == (1, 0, 0, 1, 0) and r.confusion[4] == (1, 0, 0, 0, 1)
    j = r.to_json()
    assert j["sentences"] == 7 and j["accuracy"] == 0.5714
    assert j["precision"] == [0.3333, 1.0, 0.0, 0.5, 1.0]
    assert j["recall"] == [0.5, 1.0, 0.0, 1.0, 0.5]
    # F1: 0.4, 1, 0, 0.6667, 0.6667
    assert j["macro_f1"] == 0.5467 and j["macro_f1_events"] == 0.5833
    assert "gold\\pred     0     1     2     3     4" in r.table()


def test_evaluation_score_quad_length_mismatch() -> None:
    with pytest.raises(InputError, match="2 gold labels but 1 predictions"):
        score_quad([1, 2], [1])


# -- spans -------------------------------------------------------------------------------------
def test_evaluation_score_spans_exact_and_overlap() -> None:
    sent = SpanSentence(("The", "Kenyan", "police", "beat", "striking", "students"),
                        ("B-S", "I-S", "I-S", "O", "B-T", "I-T"))
    # "Kenyan police" [4, 17) overlaps gold S "The Kenyan police"; "students" [33, 41)
    pred = coded(event("ASSAULT", None, None, src_span=(4, 17), tgt_span=(33, 41)),
                 event("COERCE", None, None, src_span=(0, 17)))
    assert score_spans(sent, pred, "S") == SpanScore(predicted=2, gold=1, exact=1,
                                                      overlap_pred=2, overlap_gold=1)
    assert score_spans(sent, pred, "T") == SpanScore(predicted=1, gold=1, exact=0,
                                                      overlap_pred=1, overlap_gold=1)
    f = (score_spans(sent, pred, "S") + score_spans(sent, pred, "T")).figures()
    assert f == {"precision": 0.3333, "recall": 0.5, "f1": 0.4, "overlap_f1": 1.0}


def test_evaluation_span_errors_group_extent_false_and_missed() -> None:
    sent = SpanSentence(("The", "Kenyan", "police", "beat", "striking", "students", "in", "Nairobi"),
                        ("B-S", "I-S", "I-S", "O", "B-T", "I-T", "O", "O"))
    # source "Kenyan police" [4, 17) is too short; target "Nairobi" [47, 54) meets no gold span
    pred = coded(event("ASSAULT", None, None, src_span=(4, 17), tgt_span=(47, 54)))
    assert [(e.role, e.group, e.predicted, e.gold) for e in span_errors(sent, pred, "S")] == [
        ("S", "extent", "Kenyan police", "The Kenyan police")]
    assert [(e.role, e.group, e.predicted, e.gold) for e in span_errors(sent, pred, "T")] == [
        ("T", "false", "Nairobi", "striking students"), ("T", "missed", "", "striking students")]
    report = ActorReport(resolution={}, in_context={}, spans={"S": SpanScore(1, 1, 0, 1, 1)},
                         span_sentences=1, span_errors=tuple(span_errors(sent, pred, "T")))
    table = report.table(errors=1)
    assert "T false 1, T missed 1" in table and "predicted: Nairobi    gold: striking students" \
        in table


# -- with the real coder -----------------------------------------------------------------------
def test_evaluation_evaluate_events_codes_each_row(tmp_path: Path, coder) -> None:
    path = write_jsonl(tmp_path / "g.jsonl", [
        {"id": "a", "date": "2019-03-04", "event": "FIGHT",
         "text": "Russian warplanes bombed rebel positions near Idlib on Monday.",
         "source": [{"actorText": "Russian warplanes", "code": "RUS", "sector": "MIL"}],
         "target": [{"actorText": "rebel positions", "code": "SYR", "sector": "REB"}]},
        {"id": "b", "date": "2019-03-04", "event": "PROTEST",
         "text": "The weather was mild in Oslo.", "source": [], "target": ""},
    ])
    r = evaluate_events(path, coder=coder)
    assert r.sentences == 2 and r.type_found == 1
    assert [c.gold_id for c in r.errors["missed event"]] == ["b"]


def test_evaluation_evaluate_quad_limit(tmp_path: Path, coder) -> None:
    path = tmp_path / "q.tsv"
    path.write_text("Police arrested forty protesters in Lagos.\t4\nThe sky is grey.\t0\n"
                    "Nobody came.\t0\n", encoding="utf-8")
    r = evaluate_quad(path, coder=coder, limit=2)
    assert r.to_json()["sentences"] == 2 and r.confusion[0][0] == 1


def test_evaluation_evaluate_quad_lists_each_error_with_its_sentence(tmp_path: Path,
                                                                     coder) -> None:
    path = tmp_path / "q.tsv"
    path.write_text("The harbour was quiet on Sunday.\t2\n"
                    "Police arrested forty protesters in Lagos.\t0\n"
                    "Police arrested forty protesters in Lagos.\t1\n"
                    "Police arrested forty protesters in Lagos.\t4\n", encoding="utf-8")
    r = evaluate_quad(path, coder=coder)
    assert [(c.index, c.gold, c.predicted, c.group) for c in r.cases] == [
        (1, 2, 0, "missed event"), (2, 0, 4, "false event"), (3, 1, 4, "wrong class")]
    assert r.cases[0].event == "-" and r.cases[1].event.startswith("COERCE ")
    assert r.to_json()["errors"] == {"missed event": 1, "false event": 1, "wrong class": 1}
    table = r.table(errors=5)
    assert "-- missed event (1; first 1)" in table
    assert "[#3] gold 1, predicted 4: COERCE" in table
    assert "| The harbour was quiet on Sunday." in table
    assert "-- wrong class" not in r.table()


# -- the shared gold sets ----------------------------------------------------------------------
@pytest.mark.skipif(not GOLD.is_dir(), reason="../shared gold sets are absent")
def test_evaluation_shared_plover_gold_codes_are_known() -> None:
    import pycountry

    from dyad.actors import INTERNATIONAL

    known = {c.alpha_3 for c in pycountry.countries} | set(INTERNATIONAL) | {"XKX"}
    rows = read_plover_gold(GOLD / "plover-gsr-dev.jsonl")
    assert len(rows) == 164
    codes = {a.country for r in rows for a in (*r.sources, *r.targets)}
    assert codes - known == set()


@pytest.mark.skipif(not GOLD.is_dir(), reason="../shared gold sets are absent")
def test_evaluation_shared_quad_and_span_gold_read() -> None:
    quads = read_quad_gold(GOLD / "conflibert-cameo-train.tsv")
    assert len(quads) == 1349 and {q for _, q in quads} == {0, 1, 2, 3, 4}
    sents = read_span_gold(GOLD / "conflibert-cameo-train-spans.txt")
    assert len(sents) >= 1000 and all(len(s.tokens) == len(s.tags) for s in sents)
