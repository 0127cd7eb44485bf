import pytest

from dyad.errors import InputError
from dyad.eval_times import CorpusScore, GoldTimex, evaluate_times, read_timeml, score_doc

TML = """<?xml version="1.0" ?>
<TimeML><DOCID>x</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2015-10-20" functionInDocument="CREATION_TIME">x</TIMEX3></DCT>
<TEXT>Kenya <EVENT eid="e1">closed</EVENT> the border <TIMEX3 tid="t1" type="DATE" value="2015-10-18">on Sunday</TIMEX3> and talks resumed <TIMEX3 tid="t2" type="DATE" value="2015-W42">last week</TIMEX3>.</TEXT>
</TimeML>"""


def test_eval_times_reads_timeml_spans_and_dct(tmp_path):
    f = tmp_path / "doc.tml"
    f.write_text(TML, encoding="utf-8")
    doc = read_timeml(f)
    assert doc.dct == "2015-10-20"
    assert [(doc.text[t.start:t.end], t.value) for t in doc.timexes] == [
        ("on Sunday", "2015-10-18"), ("last week", "2015-W42")]


def test_eval_times_overlap_matching_and_values():
    score = CorpusScore()
    gold = [GoldTimex(0, 9, "on Sunday", "DATE", "2015-10-18"),
            GoldTimex(20, 29, "last week", "DATE", "2015-W42")]
    errors: list[str] = []
    score_doc(score, gold, [(3, 9, "2015-10-18"), (20, 29, "2015-W43"), (40, 44, "2015")],
              errors, "d")
    j = score.to_json()
    assert (j["matched"], j["precision"], j["recall"], j["value_accuracy"]) == (2, 0.6667, 1.0, 0.5)
    assert errors == ["d: 'last week' gold 2015-W42 got 2015-W43"]


def test_eval_times_end_to_end_on_a_small_corpus(tmp_path, nlp):
    corpus = tmp_path / "Mini"
    corpus.mkdir()
    (corpus / "doc.tml").write_text(TML, encoding="utf-8")
    j = evaluate_times(tmp_path, nlp=nlp).to_json()
    assert (j["Mini_gold"], j["Mini_matched"], j["Mini_value_accuracy"]) == (2, 2, 1.0)


def test_eval_times_missing_gold_is_a_clear_error(tmp_path, nlp):
    with pytest.raises(InputError, match="no directories of .tml files"):
        evaluate_times(tmp_path, nlp=nlp)


def test_eval_times_unpadded_gold_weeks_compare_equal():
    from dyad.eval_times import CorpusScore, GoldTimex, score_doc

    score = CorpusScore()
    gold = [GoldTimex(start=0, end=9, text="this week", type="DATE", value="2000-W6")]
    score_doc(score, gold, [(0, 9, "2000-W06")], [], "d")
    score_doc(score, gold, [(0, 9, "2000-W07")], [], "d")
    assert (score.matched, score.value_correct) == (2, 1)
