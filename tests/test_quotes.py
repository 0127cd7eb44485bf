import pytest

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


def _found(doc):
    return [(q.kind, _speaker(doc, q), q.cue, doc.text[q.start:q.end]) for q in find_quotes(doc)]


def test_quotes_object_and_infinitive_complements_hold_content(nlp):
    doc = nlp("The senator called for an independent inquiry into the contracts. The union "
              "wants to reopen the wage talks.")
    found = _found(doc)
    assert ("indirect", "The senator", "called",
            "an independent inquiry into the contracts") in found
    assert ("indirect", "The union", "wants", "to reopen the wage talks") in found


def test_quotes_told_reporters_is_no_content(nlp):
    doc = nlp("The mayor told reporters on Monday.")
    assert _found(doc) == []


def test_quotes_participle_cue_takes_the_main_subject(nlp):
    doc = nlp("The farmers marched on the capital, saying that the new tax would ruin them.")
    assert ("indirect", "The farmers", "saying", "that the new tax would ruin them") in _found(doc)


def test_quotes_split_by_attribution_is_one_quote(nlp):
    doc = nlp("\u201cWe will stay,\u201d the colonel said, \u201cas long as the villagers need "
              "us.\u201d")
    direct = [q for q in find_quotes(doc) if q.kind == "direct"]
    assert len(direct) == 1
    assert doc.text[direct[0].start:direct[0].end] == (
        "We will stay,\u201d the colonel said, \u201cas long as the villagers need us.")


def test_quotes_scare_quotes_are_not_quotes(nlp):
    doc = nlp('Critics have long mocked the so-called "peace dividend" of the treaty.')
    assert [q for q in find_quotes(doc) if q.kind == "direct"] == []


def test_quotes_partial_quote_inside_reported_clause_is_one_mixed_quote(nlp):
    doc = nlp('The envoy said the plan was "dead on arrival" in its current form.')
    found = _found(doc)
    assert [k for k, *_ in found] == ["mixed"]
    assert found[0][1:3] == ("The envoy", "said")


def test_quotes_unknown_note_tag_names_file_and_line(tmp_path, monkeypatch):
    import dyad.quotes as quotes

    bad = "cue\tkind\tnote\nsay\tverb\tobject\n"
    monkeypatch.setattr(quotes, "packaged", lambda name: ("cues.tsv", bad.splitlines(True)))
    quotes._load_cues.cache_clear()
    try:
        with pytest.raises(DataError) as e:
            quotes._load_cues()
        assert "cues.tsv:2" in str(e.value) and "unknown note tag" in str(e.value)
    finally:
        quotes._load_cues.cache_clear()


def test_quotes_transcript_turn_is_its_speakers_words(nlp):
    doc = nlp("We spoke to Mayor Ana Morales.\n\nMORALES: We will not hand over the airport to "
              "anyone.\n")
    direct = [q for q in find_quotes(doc) if q.kind == "direct"]
    assert [(_speaker(doc, q), doc.text[q.start:q.end]) for q in direct] == [
        ("MORALES", "We will not hand over the airport to anyone.")]


def test_quotes_labels_before_a_colon_are_no_speakers(nlp):
    doc = nlp("The Latest: Ministers meet in Geneva to discuss the truce.\n\n"
              "CLARIFICATION: An earlier version misstated the date of the meeting.\n")
    assert [q for q in find_quotes(doc) if q.kind == "direct"] == []


def test_quotes_two_apostrophes_mark_a_quote_split_by_its_attribution(nlp):
    doc = nlp("''The port will reopen,'' the governor said. ''Ships are already waiting.''")
    direct = [q for q in find_quotes(doc) if q.kind == "direct"]
    assert [(_speaker(doc, q), doc.text[q.start:q.end]) for q in direct] == [
        ("the governor", "The port will reopen,'' the governor said. ''Ships are already "
                         "waiting.")]


def test_quotes_attribution_set_off_by_commas_reports_the_whole_sentence(nlp):
    assert _found(nlp("The ferry service, the minister said, will resume next month.")) == [
        ("indirect", "the minister", "said", "The ferry service, the minister said, will resume "
                                            "next month")]
    assert _found(nlp("Turnout fell in every district, officials said.")) == [
        ("indirect", "officials", "said", "Turnout fell in every district")]


def test_quotes_a_short_quoted_phrase_is_no_quote_of_its_own(nlp):
    doc = nlp('The senator called the plan "reckless" in a speech on Monday.')
    assert [q for q in find_quotes(doc) if q.kind == "direct"] == []


def test_quotes_i_think_inside_a_quote_is_no_speaker_for_it(nlp):
    doc = nlp('"The talks, I think, were useful," the envoy said.')
    direct = [q for q in find_quotes(doc) if q.kind == "direct"]
    assert [_speaker(doc, q) for q in direct] == ["the envoy"]
    assert [q for q in find_quotes(doc) if q.kind != "direct"] == []


def test_quotes_a_title_in_quote_marks_is_no_quote(nlp):
    doc = nlp('The minister said on "Meet the Press," that talks would resume in May.')
    assert [q for q in find_quotes(doc) if q.kind == "direct"] == []


def test_quotes_cue_noun_with_a_that_clause_reports_it(nlp):
    assert _found(nlp("Nobody heeded the envoy's warning that the truce could collapse.")) == [
        ("indirect", "the envoy", "warning", "that the truce could collapse")]
    assert _found(nlp("Farmers repeated their claim that the new dam had dried the river.")) == [
        ("indirect", "Farmers", "claim", "that the new dam had dried the river")]
    dismissed = _found(nlp("The ministry dismissed the claim that the vote had been rigged."))
    assert [q for q in dismissed if q[2] == "claim"] == []  # a claim dismissed is not its own


def test_quotes_passive_cue_speaks_through_its_agent(nlp):
    assert _found(nlp("The plan to close the port was first reported by the local radio.")) == [
        ("indirect", "the local radio", "reported", "The plan to close the port")]


def test_quotes_prepositional_content_about_and_of(nlp):
    assert _found(nlp("The foreign minister spoke about the risk of a wider war.")) == [
        ("indirect", "The foreign minister", "spoke", "the risk of a wider war")]


def test_quotes_a_label_or_time_before_a_colon_is_no_speaker(nlp):
    from spacy.tokens import Doc

    # the parse a story's context can give: the label 'Latest' taken for the subject of 'says'
    words = ["The", "Latest", ":", "Mayor", "Ortiz", "says", "the", "curfew", "will", "end", "."]
    heads = [1, 5, 5, 4, 1, 5, 7, 9, 9, 5, 5]
    deps = ["det", "nsubj", "punct", "compound", "appos", "ROOT", "det", "nsubj", "aux", "ccomp",
            "punct"]
    pos = ["DET", "PROPN", "PUNCT", "PROPN", "PROPN", "VERB", "DET", "NOUN", "AUX", "VERB",
           "PUNCT"]
    lemmas = ["the", "Latest", ":", "Mayor", "Ortiz", "say", "the", "curfew", "will", "end", "."]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas,
              sent_starts=[True] + [False] * 10)
    assert [(q[1], q[3]) for q in _found(doc)] == [("Mayor Ortiz", "the curfew will end")]


def test_quotes_cue_verb_found_where_the_lemmatizer_errs(nlp):
    doc = nlp("The envoy hoped that the ceasefire would hold through the winter.")
    assert doc[2].lemma_ != "hope"  # the small model lemmatizes 'hoped' as 'hop'
    assert _found(doc) == [("indirect", "The envoy", "hoped",
                            "that the ceasefire would hold through the winter")]


def test_quotes_as_clause_attributes_the_main_clause(nlp):
    assert _found(nlp("As the minister noted, the port rarely closes in winter.")) == [
        ("indirect", "the minister", "noted", "As the minister noted, the port rarely closes in "
                                              "winter")]


def test_quotes_cue_ending_in_a_colon_reports_the_next_paragraph(nlp):
    doc = nlp("The spokesman added:\n\nThe border crossing will stay closed until further notice.")
    assert _found(doc) == [("indirect", "The spokesman", "added",
                            "The border crossing will stay closed until further notice")]


def test_quotes_content_runs_on_over_what_hangs_on_the_cue(nlp):
    found = _found(nlp("The envoy promised to reopen the consulate, then resume visa services "
                       "next month."))
    assert [q[3] for q in found] == ["to reopen the consulate, then resume visa services next "
                                     "month"]
    found = _found(nlp("The mayor said the water was safe, adding that tests would continue."))
    assert [q[3] for q in found] == ["the water was safe", "that tests would continue"]


def test_quotes_attribution_right_after_the_quote_beats_the_one_before(nlp):
    doc = nlp('"The talks were useful," the envoy said.\n\n"We will return in May. The port must '
              'reopen," the minister added.')
    direct = [q for q in find_quotes(doc) if q.kind == "direct"]
    assert [_speaker(doc, q) for q in direct] == ["the envoy", "the minister"]


def test_quotes_content_stays_in_the_cue_paragraph(nlp):
    doc = nlp("The vote was close\n\nThe governor said the count would resume on Monday.")
    assert [q[3] for q in _found(doc)] == ["the count would resume on Monday"]


def test_quotes_clause_opening_a_quote_is_one_mixed_quote_to_its_end(nlp):
    doc = nlp('Lopez said she backed the plan because "the port cannot wait. Ships are queuing '
              'already."')
    found = [(q.kind, _speaker(doc, q)) for q in find_quotes(doc)]
    assert found == [("mixed", "Lopez")]
    q = find_quotes(doc)[0]
    assert doc.text[q.start:q.end].endswith("Ships are queuing already.")


def test_quotes_signed_with_a_dash_and_a_name(nlp):
    doc = nlp("What readers told us:\n\u201cThe bus fares are too high for students.\u201d \u2015"
              "\u00a0Maria Ortega.\n\u201cThe new line saves me an hour a day.\u201d \u2014 Tom Reyes\n")
    direct = [q for q in find_quotes(doc) if q.kind == "direct"]
    assert [_speaker(doc, q) for q in direct] == ["Maria Ortega", "Tom Reyes"]


def test_quotes_gerund_complement_is_the_content(nlp):
    assert _found(nlp("The governor proposed closing the old bridge to trucks.")) == [
        ("indirect", "The governor", "proposed", "closing the old bridge to trucks")]


def test_quotes_an_infinitive_after_a_noun_is_no_one_speaking(nlp):
    doc = nlp("Mayor Ruth Kane, under pressure to show results in her fight against crime, said "
              "on Friday that she would hire more officers.")
    assert [q[1] for q in _found(doc)] == ["Mayor Ruth Kane"]


def test_quotes_split_by_a_long_attribution_is_one_quote(nlp):
    doc = nlp('"These are hard days," said Ana Ruiz, a lawyer for the farmers who has fought the '
              'dam for years. "We will keep going."')
    direct = [q for q in find_quotes(doc) if q.kind == "direct"]
    assert len(direct) == 1 and doc.text[direct[0].start:direct[0].end].endswith("keep going.")


def test_quotes_speech_reported_inside_another_report_is_part_of_it(nlp):
    found = _found(nlp("The minister said the rebels had agreed to hand over their weapons."))
    assert [(q[1], q[2]) for q in found] == [("The minister", "said")]


def test_quotes_inside_a_span_is_looked_up_in_text_order():
    import itertools

    from dyad.quotes import _inside, _quote_char_spans
    spans = [(5, 10), (20, 30), (31, 32)]
    assert [c for c in range(0, 40) if _inside(c, spans)] == [*range(5, 10), *range(20, 30), 31]
    assert not _inside(7, [])
    # the quotes of a text come in order and never overlap, as the lookup needs
    text = ('"We will stay," she said. \u201cNot now,\u201d he said, \'\'maybe later\'\' and '
            '"an open quote\n\n"that runs on" to here.')
    found = _quote_char_spans(text)
    assert len(found) >= 4
    assert all(a < b <= c < d for (a, b), (c, d) in itertools.pairwise(found))


_FAST_TEXT = ('"We will stay," she said. \u201cNot now,\u201d he said, \u00abjamais\u00bb.\n\n'
              'PENCE: Well, look, we are going to keep at it for years.\n'
              "Aides hoped that the talks would resume. His claim that the vote was rigged "
              "failed.\nAccording to the army, no soldier was hurt.  \n \nJohn  said it: "
              "yes.\nSMITH: No, that is not the plan we agreed on.")


def test_quotes_marks_found_with_find_are_those_of_the_expression():
    from dyad.quotes import _MARK, OPEN_MARKS, _marks

    for text in (_FAST_TEXT, "no marks", '"a" \u201cb\u201d \u00abc\u00bb "', "x ''y'' z"):
        slow = [(m.start(), 2, "''") if m.group() == "''"
                else (m.start(), 1, OPEN_MARKS.get(m.group(), m.group()))
                for m in _MARK.finditer(text)]
        assert _marks(text) == slow


def test_quotes_turns_tried_at_line_starts_are_the_expression_s_matches():
    from dyad.quotes import _TURN, _turns

    for text in (_FAST_TEXT, "JOHN:\n  what the line is about, said here\nMARY: short",
                 "x\nPENCE: Well, look, we are going on\n", ""):
        assert [m.span() for m in _turns(text)] == [m.span() for m in _TURN.finditer(text)]
    assert [m["who"] for m in _turns(_FAST_TEXT)] == ["PENCE", "SMITH"]


def test_quotes_line_breaks_are_the_tokens_holding_one(nlp):
    from spacy.attrs import IDX

    from dyad.quotes import _line_breaks

    doc = nlp(_FAST_TEXT)
    breaks = _line_breaks(doc.text, doc.to_array([IDX]))
    assert breaks == [t.i for t in doc if "\n" in t.text]
    assert len(breaks) >= 4


def test_quotes_cue_words_found_by_hash_are_those_verb_lemma_finds(nlp):
    from spacy.attrs import LEMMA, ORTH

    cues = CueLexicon.load()
    doc = nlp(_FAST_TEXT + " Officials SAID they Hoped and claimed; the warning stood.")
    at = list(range(len(doc)))
    lemmas, orths = doc.to_array(LEMMA).tolist(), doc.to_array(ORTH).tolist()
    for _ in range(2):  # the second time from what the lexicon learnt of each hash
        assert cues.verbs_at(doc, at, lemmas, orths) == \
            [(t.i, cues.verb_lemma(t)) for t in doc if cues.verb_lemma(t) is not None]
        assert cues.nouns_at(doc, at, lemmas) == \
            [t.i for t in doc if t.lemma_.lower() in cues.nouns]
    assert cues.verbs_at(doc, at, lemmas, orths) and cues.nouns_at(doc, at, lemmas)


def test_quotes_at_most_words_counts_as_words_does():
    from dyad.quotes import _at_most_words, _words

    text = "one, two three-four  five"
    for start in range(len(text)):
        for end in range(start, len(text) + 1):
            for most in range(4):
                assert _at_most_words(text, start, end, most) == \
                    (_words(text[start:end]) <= most)


def _check_tree(doc):
    from dyad.parsed import Parsed
    from dyad.quotes import _Tree

    t = _Tree(Parsed(doc))
    for tok in doc:
        i = tok.i
        assert t.kids(i) == [c.i for c in tok.children]
        assert t.kids(i) == [c.i for c in tok.children]  # (the second time from the memo)
        assert (t.left(i), t.right(i)) == (tok.left_edge.i, tok.right_edge.i)
        assert t.end_char(i) == tok.idx + len(tok.text)
    for start in range(0, len(doc), 3):
        for end in range(start, min(len(doc), start + 12) + 1):
            s, e = t.strip(start, end)
            words = [w.i for w in doc[start:end] if not (w.is_punct or w.is_space)]
            assert (s, e) == ((words[0], words[-1] + 1) if words else (end, end))


def test_quotes_tree_by_index_is_spacys_parse(nlp):
    """The index walks read the children, edges and ends spaCy's objects give."""
    texts = [_FAST_TEXT, "\u201cThe talks,\u201d the minister said on Tuesday, \u201cwill resume.\u201d",
             "Hawaii, as one adviser pointed out, rarely gets two hurricanes.", " ", ""]
    for doc in nlp.pipe(texts):
        _check_tree(doc)


def test_quotes_tree_by_index_on_news_articles(news_docs):
    """On real parses too (non-projective trees, long sentences, odd whitespace)."""
    for doc in news_docs[:6]:
        _check_tree(doc)


def test_quotes_line_breaks_from_the_token_starts_as_a_list(nlp):
    from dyad.quotes import _line_breaks

    for text in (_FAST_TEXT, "one\n\n\ntwo \n three\n", "\nx", "no break", ""):
        doc = nlp(text)
        assert _line_breaks(doc.text, [t.idx for t in doc]) == \
            [t.i for t in doc if "\n" in t.text]


def test_quotes_turns_sought_from_the_colons_are_the_expression_s_matches():
    """Only the lines with a colon in them or in the next two are tried: a name broken over
    lines, a colon on the last line, lines that run together are all met as the expression
    meets them."""
    from dyad.quotes import _TURN, _turns

    texts = ["JOHN\nSMITH\nJONES: this is what the man said to us\nMARY: a short one here too",
             "JOHN\nSMITH\nJONES\nBROWN: four lines is one too many for a name\n",
             ":\n:\nA: twelve chars and more\nB:\n\nsaid on the line after it\n",
             "x:\n\n\nPENCE: Well, look, we are going on\nno colon here at all\n" * 3,
             "\u201cPENCE: Well, look, we are going on", "PENCE: short", ""]
    for text in texts:
        assert [m.span() for m in _turns(text)] == [m.span() for m in _TURN.finditer(text)]
    assert len(list(_turns(texts[0]))) == 2
