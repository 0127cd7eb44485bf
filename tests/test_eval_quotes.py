import pytest

from dyad.errors import InputError
from dyad.eval_quotes import (
    GoldAttribution,
    PredictedQuote,
    QuoteReport,
    evaluate_quotes,
    read_brat,
    score_article,
)

TEXT = 'The governor said that the bridge would reopen soon. "It is safe," the engineer added.'
ANN = ("T1\tSource 0 12\tThe governor\nT2\tCue 13 17\tsaid\nT3\tContent 18 51\t"
       "that the bridge would reopen soon\nE1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n"
       "T4\tContent 54 64\tIt is safe\nT5\tSource 67 79\tthe engineer\n"
       "E2\tAttribution:T2 Content:T4 Source:T5\n")


def test_eval_quotes_reads_brat_relations(tmp_path):
    f = tmp_path / "a_x1.ann"
    f.write_text(ANN, encoding="utf-8")
    assert read_brat(f) == [GoldAttribution(((18, 51),), ((0, 12),)),
                            GoldAttribution(((54, 64),), ((67, 79),))]


def test_eval_quotes_scoring_needs_content_and_speaker():
    gold = [GoldAttribution(((18, 51),), ((0, 12),)), GoldAttribution(((54, 64),), ((67, 79),))]
    predicted = [PredictedQuote((18, 51), (4, 12)),   # right content, right speaker
                 PredictedQuote((54, 65), (0, 3)),    # right content, wrong speaker
                 PredictedQuote((80, 85), None)]      # nothing
    report = QuoteReport()
    score_article(report, TEXT, gold, predicted)
    j = report.to_json()
    assert (j["content_recall"], j["recall"], j["precision"]) == (1.0, 0.5, 0.3333)


def test_eval_quotes_end_to_end(tmp_path, nlp):
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text").mkdir()
    (tmp_path / "text" / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "attributions" / "a_x1.ann").write_text(ANN, encoding="utf-8")
    j = evaluate_quotes(tmp_path, nlp=nlp).to_json()
    assert (j["articles"], j["gold"], j["content_recall"], j["recall"]) == (1, 2, 1.0, 1.0)


def test_eval_quotes_wrong_folder_is_a_clear_error(tmp_path, nlp):
    with pytest.raises(InputError, match="expected 'attributions/' and 'text/' folders"):
        evaluate_quotes(tmp_path, nlp=nlp)


def test_eval_quotes_a_speaker_resolved_to_the_named_person_is_right():
    text = 'Mayor Lina Ortiz spoke first. "We are ready," she said. Ortiz later left.'
    gold = [GoldAttribution(((31, 43),), ((56, 61),))]  # the source marked at "Ortiz" later
    right = [PredictedQuote((31, 43), (46, 49), "Lina Ortiz")]  # "she", bound to Lina Ortiz
    wrong = [PredictedQuote((31, 43), (46, 49), "Lina Marsh")]
    for predicted, recall in ((right, 1.0), (wrong, 0.0)):
        report = QuoteReport()
        score_article(report, text, gold, predicted)
        assert report.to_json()["recall"] == recall


def test_eval_quotes_span_text_running_over_two_lines_is_read(tmp_path):
    f = tmp_path / "b_x1.ann"
    f.write_text("T1\tSource 0 12\tThe governor\nT2\tContent 18 60\tthat the bridge\n"
                 "The rest of the span text on its own line\nT3\tCue 13 17\tsaid\n"
                 "E1\tAttribution:T3 Content:T2 Cue:T3 Source:T1\n", encoding="utf-8")
    assert read_brat(f) == [GoldAttribution(((18, 60),), ((0, 12),))]
