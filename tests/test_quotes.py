from dyad.errors import DataError
from dyad.quotes import CueLexicon, find_quotes


def _speaker(doc, q):
    return doc[q.speaker_start:q.speaker_end].text if q.speaker_start is not None else None


def test_quotes_direct_with_curly_marks_and_trailing_attribution(nlp):
    doc = nlp("\u201cWe will not retreat from the border,\u201d the Indian general told reporters.")
    quotes = [q for q in find_quotes(doc) if q.kind == "direct"]
    assert len(quotes) == 1
    q = quotes[0]
    assert doc.text[q.start:q.end] == "We will not retreat from the border,"
    assert _speaker(doc, q) == "the Indian general" and q.cue == "told"


def test_quotes_unattributed_quote_takes_the_neighbouring_speaker(nlp):
    doc = nlp('The minister said the talks had failed. "There is nothing left to discuss."')
    direct = [q for q in find_quotes(doc) if q.kind == "direct"]
    assert [(_speaker(doc, q), q.cue) for q in direct] == [("The minister", "said")]


def test_quotes_indirect_speech_and_according_to(nlp):
    doc = nlp("Kenya said that its troops had left Somalia. According to the army, no soldier "
              "was hurt in the withdrawal.")
    found = [(q.kind, _speaker(doc, q), q.cue, doc.text[q.start:q.end]) for q in find_quotes(doc)]
    assert ("indirect", "Kenya", "said", "that its troops had left Somalia") in found
    assert ("indirect", "the army", "according to",
            "no soldier was hurt in the withdrawal") in found


def test_quotes_paragraph_continues_when_next_opens_with_a_mark(nlp):
    text = ('"We have waited long enough.\n"Now we will act," the rebel commander said.')
    doc = nlp(text)
    direct = [q for q in find_quotes(doc) if q.kind == "direct"]
    assert direct and direct[0].start == 1
    assert "Now we will act," in doc.text[direct[0].start:direct[0].end]


def test_quotes_cue_lexicon_has_at_least_100_cues():
    cues = CueLexicon.load()
    assert len(cues) >= 100
    assert {"say", "tell", "warn", "insist"} <= cues.speech_verbs
    assert "according to" in cues.phrases
    assert "warn" in cues.event_verbs and "say" not in cues.event_verbs


def test_quotes_bad_cue_kind_names_file_and_line():
    from dyad.datafiles import rows

    lines = ["cue\tkind\tnote\n", "say\tverb\t\n", "shout\tshape\t\n"]
    parsed = list(rows("cues.tsv", lines, ("cue", "kind", "note")))
    assert [n for n, _ in parsed] == [2, 3]
    try:
        list(rows("cues.tsv", ["cue\tkind\n"], ("cue", "kind", "note")))
    except DataError as e:
        assert str(e).startswith("cues.tsv:1: header must be")
    else:
        raise AssertionError("a wrong header must raise DataError")
