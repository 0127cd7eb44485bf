import pytest

from dyad.errors import InputError
from dyad.pubdate import normalize_pub_date


@pytest.mark.parametrize("value,expected", [
    ("2015-10-20", "2015-10-20"),
    ("2015-10-20T08:30:00Z", "2015-10-20"),
    ("2015-10-20T23:30:00+05:00", "2015-10-20"),
    ("", None),
    (None, None),
])
def test_pubdate_normalizes(value, expected):
    assert normalize_pub_date(value) == expected


@pytest.mark.parametrize("value", ["20/10/2015", "2015-13-01", "yesterday"])
def test_pubdate_rejects_with_fix(value):
    with pytest.raises(InputError) as e:
        normalize_pub_date(value, where="line 3")
    assert str(e.value) == (f"line 3: date {value!r} is not a valid date; write it as YYYY-MM-DD "
                            "(or a full ISO 8601 timestamp)")
