import pytest

from dyad.errors import DataError
from dyad.lexicon import PLOVER_TYPES, Lexicon, parse_lines

HEADER = "pattern\ttype\tmode\tcameo\tgoldstein\ttargets\tcontexts\texample\n"


def _parse(*rows: str):
    return parse_lines([HEADER, *rows], "mine.tsv")


def test_lexicon_parses_verb_particle_object_and_noun_modifier():
    pats = _parse("v:call on\tREQUEST\t\t1041\t-5\tprep:on\t\tRome called on Paris to act.\n",
                  "v:open >fire\tASSAULT\tfirearms\t190\t-10\tprep:on\t\tPolice opened fire.\n",
                  "n:air strike\tASSAULT\taerial\t195\t-10\t\tmilitary\tAir strikes hit Homs.\n")
    call, fire, air = pats
    assert (call.lemma, call.particle, call.targets) == ("call", "on", ("prep:on",))
    assert (fire.lemma, fire.obj, fire.mode) == ("open", "fire", "firearms")
    assert (air.pos, air.lemma, air.modifier, air.quad) == ("noun", "strike", "air", 4)
    assert air.targets == ("prep:against", "prep:on", "prep:with", "prep:of", "prep:to")
    assert air.source == "mine.tsv:4"


@pytest.mark.parametrize("row,problem", [
    ("x:attack\tASSAULT\t\t190\t-10\t\t\tex\n", "mine.tsv:2: pattern 'x:attack' must start with"),
    ("v:attack\tFIGHT\t\t190\t-10\t\t\tex\n", "mine.tsv:2: unknown type 'FIGHT'"),
    ("v:attack\tASSAULT\t\t040\t-10\t\t\tex\n", "mine.tsv:2: CAMEO code 040 does not belong"),
    ("v:attack\tASSAULT\t\t190\tbad\t\t\tex\n", "mine.tsv:2: Goldstein weight 'bad'"),
    ("v:attack\tASSAULT\t\t190\t-10\tnear\t\tex\n", "mine.tsv:2: unknown target slot 'near'"),
    ("v:attack\tASSAULT\t190\n", "mine.tsv:2: expected 8 tab-separated columns"),
    ("v:deny\tNONE\t\t\t\t\t\tex\n", "mine.tsv:2: pattern 'v:deny': a NONE sense needs"),
])
def test_lexicon_errors_name_file_and_line(row, problem):
    with pytest.raises(DataError) as e:
        _parse(row)
    assert str(e.value).startswith(problem)


def test_lexicon_rejects_duplicate_pattern():
    row = "v:attack\tASSAULT\t\t190\t-10\t\t\tex\n"
    with pytest.raises(DataError, match="mine.tsv:3: pattern 'v:attack' repeats line 2"):
        _parse(row, row)


def test_lexicon_specific_pattern_sorted_first():
    lex = Lexicon(_parse("v:open\tAGREE\t\t030\t4\t\t\tex\n",
                         "v:open >fire\tASSAULT\t\t190\t-10\t\t\tex\n"))
    assert [p.obj for p in lex.verbs["open"]] == ["fire", None]


def test_lexicon_default_file_covers_every_type():
    lex = Lexicon.load()
    by_type: dict[str, set[str]] = {}
    for p in lex.patterns:
        by_type.setdefault(p.type, set()).add(p.id)
    for plover in PLOVER_TYPES:
        assert len(by_type.get(plover, ())) >= 10, plover
    assert any(p.pos == "noun" for p in lex.patterns)


def test_lexicon_user_file_overrides_packaged_pattern(tmp_path):
    user = tmp_path / "mine.tsv"
    user.write_text(HEADER + "v:attack\tPROTEST\tdemo\t141\t-6.5\t\t\tex\n", encoding="utf-8")
    lex = Lexicon.load([user])
    assert [p.type for p in lex.verbs["attack"] if p.obj is None] == ["PROTEST"]


def test_lexicon_none_sense_is_no_event_and_wins_over_the_verb():
    lex = Lexicon(_parse("v:deny\tREJECT\t\t120\t-4\t\t\tex\n",
                         "v:deny >charge\tNONE\t\t\t\t\t\tex\n"))
    first = lex.verbs["deny"][0]
    assert (first.obj, first.none, first.quad, first.cameo) == ("charge", True, 0, "")
