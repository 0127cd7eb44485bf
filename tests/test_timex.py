import datetime as dt

import pytest

from dyad.timex import event_date, find_times, normalize

PUB = dt.date(2015, 10, 20)  # a Tuesday, ISO week 43


@pytest.mark.parametrize("text,expected", [
    ("October 1", ("2015-10-01", "day", "date")),
    ("on 3 March 2014", ("2014-03-03", "day", "date")),
    ("Oct. 5", ("2015-10-05", "day", "date")),
    ("last week", ("2015-W42", "week", "date")),
    ("next week", ("2015-W44", "week", "date")),
    ("this summer", ("2015-SU", "season", "date")),
    ("last winter", ("2015-WI", "season", "date")),
    ("earlier this month", ("2015-10", "month", "date")),
    ("last month", ("2015-09", "month", "date")),
    ("next year", ("2016", "year", "date")),
    ("two days ago", ("2015-10-18", "day", "date")),
    ("three weeks ago", ("2015-W40", "week", "date")),
    ("yesterday", ("2015-10-19", "day", "date")),
    ("Sunday", ("2015-10-18", "day", "date")),
    ("Tuesday", ("2015-10-20", "day", "date")),
    ("in 2014", ("2014", "year", "date")),
    ("March", ("2015-03", "month", "date")),
    ("more than a year", ("P1Y", None, "duration")),
    ("two weeks", ("P2W", None, "duration")),
    ("every year", ("P1Y", None, "set")),
    ("daily", ("P1D", None, "set")),
    ("last year's", ("2014", "year", "date")),
    ("mid-2013", ("2013", "year", "date")),
    ("the end of November", ("2015-11", "month", "date")),
    ("almost two years ago", ("2013", "year", "date")),
    ("third-quarter", ("2015-Q3", "quarter", "date")),
    ("the latest quarter", ("2015-Q3", "quarter", "date")),
    ("the current quarter", ("2015-Q4", "quarter", "date")),
    ("the year-ago quarter", ("2014-Q3", "quarter", "date")),
    ("the 2012 second quarter", ("2012-Q2", "quarter", "date")),
    ("the past few weeks", ("PXW", None, "duration")),
    ("several years", ("PXY", None, "duration")),
    ("years", ("PXY", None, "duration")),
    ("a month", ("P1M", None, "duration")),
    ("recent years", ("PAST_REF", None, "date")),
    ("the coming months", ("FUTURE_REF", None, "date")),
    ("nineteen ninety-one", ("1991", "year", "date")),
    ("January nineteen ninety-seven", ("1997-01", "month", "date")),
    ("the year two thousand", ("2000", "year", "date")),
    ("the winter of 2011", ("2011-WI", "season", "date")),
    ("the nineties", ("199", "decade", "date")),
    ("the '80s", ("198", "decade", "date")),
    ("20th century", ("19", "century", "date")),
    ("June last year", ("2014-06", "month", "date")),
    ("Sunday night", ("2015-10-18TNI", "day", "date")),
    ("10 p.m. Monday", ("2015-10-19T22:00", "day", "date")),
    ("noon Sunday", ("2015-10-18T12:00", "day", "date")),
    ("37 years old", ("P37Y", None, "duration")),
    ("the third quarter", ("2015-Q3", "quarter", "date")),
    ("fiscal 2013", ("2013", "year", "date")),
    ("the current fiscal year", ("2015", "year", "date")),
    ("last August", ("2015-08", "month", "date")),
    ("next March", ("2016-03", "month", "date")),
    ("last Wednesday", ("2015-10-14", "day", "date")),
    ("Saturday, October 17", ("2015-10-17", "day", "date")),
    ("the past three years", ("P3Y", None, "duration")),
    ("twenty years", ("P20Y", None, "duration")),
    ("16-hour", ("PT16H", None, "duration")),
    ("10:35 a.m.", ("2015-10-20T10:35", "day", "date")),
    ("tonight", ("2015-10-20TNI", "day", "date")),
    ("the 1990s", ("199", "decade", "date")),
])
def test_timex_normalize_against_publication(text, expected):
    assert normalize(text, PUB) == expected


def test_timex_relative_without_publication_date_has_no_value():
    assert normalize("last week", None) == (None, None, "date")
    assert normalize("2014", None) == ("2014", "year", "date")


def test_timex_event_takes_governing_date_else_publication(nlp):
    doc = nlp("Chilean police arrested two students on Sunday, and the minister resigned.")
    times = find_times(doc, pub_date="2015-10-20")
    arrested = next(t.i for t in doc if t.text == "arrested")
    resigned = next(t.i for t in doc if t.text == "resigned")
    got = event_date(doc, arrested, times, pub_date="2015-10-20")
    assert (got.value, got.precision, got.text) == ("2015-10-18", "day", "Sunday")
    other = event_date(doc, resigned, times, pub_date="2015-10-20")
    assert (other.value, other.text) == ("2015-10-20", None)


def test_timex_event_date_reads_the_sentence_given_as_it_finds_it(nlp):
    doc = nlp("Border guards detained four smugglers on Friday. The governor praised them.")
    times = find_times(doc, pub_date="2016-03-09")
    sents = list(doc.sents)
    for word, sent, value in (("detained", sents[0], "2016-03-04"),
                              ("praised", sents[1], "2016-03-09")):
        i = next(t.i for t in doc if t.text == word)
        given = event_date(doc, i, times, pub_date="2016-03-09", sent=sent)
        assert given == event_date(doc, i, times, pub_date="2016-03-09")
        assert given.value == value


def test_timex_old_events_are_historical(nlp):
    doc = nlp("Iraq invaded Kuwait in 1990.")
    times = find_times(doc, pub_date="2015-10-20")
    got = event_date(doc, 1, times, pub_date="2015-10-20")
    assert (got.value, got.precision, got.historical) == ("1990", "year", True)


@pytest.mark.parametrize("text,tense,expected", [
    ("Thursday", "future", "2015-10-22"),
    ("Thursday", "past", "2015-10-15"),
    ("December 3", "past", "2014-12-03"),
    ("March 3", "future", "2016-03-03"),
])
def test_timex_tense_decides_the_direction(text, tense, expected):
    assert normalize(text, PUB, tense=tense)[0] == expected


def test_timex_range_is_two_expressions(nlp):
    doc = nlp("The fair ran from Sept. 14 to Thursday in the capital.")
    got = [(t.expr.text, t.expr.value) for t in find_times(doc, pub_date="2015-10-20")]
    assert got == [("Sept. 14", "2015-09-14"), ("Thursday", "2015-10-15")]


def test_timex_stray_words_in_the_model_span_are_dropped(nlp):
    from dyad.timex import _mention

    doc = nlp("Officials said the coup d'etat last year failed.")
    span = doc[4:7]  # "d'etat last year", as the model sometimes tags it
    got = _mention(span, dt.date(2015, 10, 20))
    assert (got.expr.text, got.expr.value) == ("last year", "2014")


def test_timex_outer_verb_of_intent_makes_the_clause_future(nlp):
    doc = nlp("The two leaders plan to meet on Thursday in Geneva.")
    assert [t.expr.value for t in find_times(doc, pub_date="2015-10-20")] == ["2015-10-22"]


def test_timex_future_clause_in_a_parsed_sentence(nlp):
    doc = nlp("The ministers will meet again on Thursday.")
    assert [t.expr.value for t in find_times(doc, pub_date="2015-10-20")] == ["2015-10-22"]


def test_timex_bare_words_read_as_the_rules_read_them():
    # _bare reads numbers, weekdays and months before the rules; it must give what they give
    from dyad.timenorm import MONTHS, WEEKDAYS, _bare, _rules

    words = ["0", "7", "16", "90", "999", "1066", "1899", "1999", "2015", "2099", "2100",
             "12345", *WEEKDAYS, *MONTHS]
    for pub in (PUB, dt.date(2016, 1, 3), None):
        for tense in (None, "past", "future"):
            for fallback in (True, False):
                for t in words:
                    assert _bare(t, pub, tense) == _rules(t, pub, tense, fallback), t
    assert _bare("2015s", PUB, None) is None and _bare("last may", PUB, None) is None
