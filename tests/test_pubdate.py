import pytest

from dyad.errors import InputError
from dyad.pubdate import normalize_pub_date


@pytest.mark.parametrize("value,expected", [
    ("2015-10-20", "2015-10-20"),
    ("2015-10-20T08:30:00Z", "2015-10-20"),
    ("2015-10-20T23:30:00+05:00", "2015-10-20"),
    ("2015-10-20 08:30:00", "2015-10-20"),
    ("8/9/19", "2019-08-09"),
    ("12/30/2017", "2017-12-30"),
    ("Tue, 20 Oct 2015 08:30:00 GMT", "2015-10-20"),
    ("Sun, 01 Nov 2015 23:30:00 -0500", "2015-11-01"),
    ("October 20, 2015", "2015-10-20"),
    ("20 Oct 2015", "2015-10-20"),
    ("", None),
    (None, None),
])
def test_pubdate_normalizes(value, expected):
    assert normalize_pub_date(value) == expected


@pytest.mark.parametrize("value", ["2015-13-01", "yesterday", "31 Foo 2015"])
def test_pubdate_rejects_with_fix(value):
    with pytest.raises(InputError) as e:
        normalize_pub_date(value, where="line 3")
    assert str(e.value) == (f"line 3: date {value!r} is not a valid date; write it as YYYY-MM-DD "
                            "(or a full ISO 8601 timestamp)")


@pytest.mark.parametrize("value", ["20/10/2015", "2/30/2015"])
def test_pubdate_slash_dates_are_month_first_and_never_guessed(value):
    with pytest.raises(InputError) as e:
        normalize_pub_date(value, where="line 3")
    assert str(e.value) == (f"line 3: date {value!r} is not a valid date (slash dates are read "
                            "month/day/year); write it as YYYY-MM-DD (or a full ISO 8601 "
                            "timestamp)")


def test_pubdate_refuses_a_future_date():
    with pytest.raises(InputError) as e:
        normalize_pub_date("2999-01-01", where="line 3")
    assert str(e.value) == ("line 3: date '2999-01-01' is in the future; give the date the "
                            "article was published, as YYYY-MM-DD")
