import gzip
import json

import pytest

from dyad.errors import InputError
from dyad.sources import ErrorSink, read_articles

GOOD = "Kenyan troops attacked al-Shabab fighters near the Somali border on Monday."


def _read(paths, **kw):
    sink = ErrorSink()
    return list(read_articles([str(p) for p in paths], errors=sink, **kw)), sink


def test_sources_text_file_is_one_article_named_by_stem(tmp_path):
    f = tmp_path / "kenya-raid.txt"
    f.write_text(GOOD, encoding="utf-8")
    arts, sink = _read([f], date="2016-01-04")
    assert [(a.id, a.date) for a in arts] == [("kenya-raid", "2016-01-04")]
    assert sink.count == 0


def test_sources_jsonl_gz_and_own_date_wins(tmp_path):
    f = tmp_path / "a.jsonl.gz"
    with gzip.open(f, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "x", "text": GOOD, "date": "2016-01-04T10:00:00Z"}) + "\n")
    arts, _ = _read([f], date="2020-01-01")
    assert [(a.id, a.date) for a in arts] == [("x", "2016-01-04")]


def test_sources_bad_records_are_counted_and_good_ones_kept(tmp_path):
    f = tmp_path / "mixed.jsonl"
    f.write_text("\n".join([
        json.dumps({"id": "ok1", "text": GOOD}),
        "{not json",
        json.dumps({"id": "nodate", "text": GOOD, "date": "1 Smarch 2016"}),
        json.dumps({"id": "empty", "text": "   "}),
        json.dumps({"id": "french", "text": "Les soldats ont attaqué la ville pendant la nuit "
                    "et les habitants ont fui vers le nord du pays sans rien emporter."}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "ok2", "text": GOOD}),
    ]) + "\n", encoding="utf-8")
    arts, sink = _read([f])
    assert [a.id for a in arts] == ["ok1", "ok2"]
    lines = [str(e) for e in sink.errors]
    assert lines[0].startswith(f"{f}:2: malformed JSON")
    assert lines[1] == (f"{f}:3: date '1 Smarch 2016' is not a valid date; write it as YYYY-MM-DD "
                        "(or a full ISO 8601 timestamp)")
    assert lines[2] == f"{f}:4: field 'text' is missing or empty; every article needs its body text in 'text' (or the name of its file in 'text_file')"
    assert lines[3] == f"{f}:5: the text does not look like English; dyad codes English news only"
    assert lines[4].startswith(f"{f}:6: expected a JSON object")


def test_sources_csv_with_quoted_text_and_missing_column(tmp_path):
    good = tmp_path / "a.csv"
    good.write_text('id,date,text\nr1,2016-01-04,"' + GOOD.replace(",", "") + '"\n',
                    encoding="utf-8")
    arts, _ = _read([good])
    assert [a.id for a in arts] == ["r1"]
    bad = tmp_path / "b.csv"
    bad.write_text("id,body\nr1,hello\n", encoding="utf-8")
    arts, sink = _read([bad])
    assert arts == [] and str(sink.errors[0]).startswith(f"{bad}:1: the header has no 'text'")


def test_sources_binary_and_enormous_files(tmp_path):
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    huge = tmp_path / "huge.txt"
    huge.write_text("The army said. " * 80_000, encoding="utf-8")
    arts, sink = _read([binary, huge])
    assert arts == []
    assert [str(e).split(": ", 1)[1] for e in sink.errors] == [
        "the file is binary, not text; give a UTF-8 text file",
        "the text has 1,200,000 characters, over the 1,000,000 limit; split it into articles"]


def test_sources_html_and_rss(tmp_path):
    page = tmp_path / "story.html"
    page.write_text("<html><head><title>Raid</title></head><body><article><p>" + GOOD +
                    " The army said the raid went on for hours and that several fighters were "
                    "captured in the operation.</p></article></body></html>", encoding="utf-8")
    feed = tmp_path / "feed.rss"
    feed.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
                    '<item><title>Raid</title><link>http://example.org/1</link>'
                    '<pubDate>Mon, 04 Jan 2016 10:00:00 GMT</pubDate>'
                    f'<description>{GOOD}</description></item></channel></rss>', encoding="utf-8")
    arts, sink = _read([page, feed])
    assert sink.count == 0
    assert arts[0].id == "story" and "Kenyan troops attacked" in arts[0].text
    assert (arts[1].url, arts[1].date, arts[1].outlet) == ("http://example.org/1", "2016-01-04",
                                                            "Wire")


def test_sources_missing_path_is_an_input_error():
    with pytest.raises(InputError, match="nope.jsonl: no such file or directory"):
        list(read_articles(["nope.jsonl"]))


def test_sources_estimate_counts_records_for_the_progress_bar(tmp_path):
    from dyad.sources import estimate_records

    (tmp_path / "a.jsonl").write_text('{"text": "x"}\n\n{"text": "y"}\n', encoding="utf-8")
    (tmp_path / "b.csv").write_text("id,text\n1,x\n2,y\n3,z\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text("A story.", encoding="utf-8")
    assert estimate_records([str(tmp_path)]) == 6
    (tmp_path / "d.rss").write_text("<rss/>", encoding="utf-8")
    assert estimate_records([str(tmp_path)]) is None
    assert estimate_records(["-"]) is None


def test_sources_one_english_sentence_is_english(tmp_path):
    f = tmp_path / "s.jsonl"
    f.write_text(json.dumps({"id": "s", "text": "Syrian forces used chemical weapons against "
                             "rebel-held towns."}) + "\n", encoding="utf-8")
    arts, sink = _read([f])
    assert [a.id for a in arts] == ["s"] and sink.errors == []


def test_sources_json_file_holds_one_object_or_a_list(tmp_path):
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"id": "solo", "text": GOOD}, indent=2), encoding="utf-8")
    many = tmp_path / "many.json"
    many.write_text(json.dumps([{"id": "a", "text": GOOD}, {"id": "b", "text": ""}]),
                    encoding="utf-8")
    arts, sink = _read([one, many])
    assert [a.id for a in arts] == ["solo", "a"]
    assert sink.count == 1 and sink.errors[0].line == 2


def test_sources_text_file_field_reads_the_story_beside_the_record(tmp_path):
    (tmp_path / "story.txt").write_text(GOOD, encoding="utf-8")
    meta = tmp_path / "story.json"
    meta.write_text(json.dumps({"id": "st", "date": "2019-05-02", "text_file": "story.txt"}),
                    encoding="utf-8")
    lines = tmp_path / "more.jsonl"
    lines.write_text(json.dumps({"id": "gone", "text_file": "missing.txt"}) + "\n"
                     + json.dumps({"id": "st2", "text_file": "story.txt"}) + "\n",
                     encoding="utf-8")
    arts, sink = _read([meta, lines])
    assert [(a.id, a.text, a.date) for a in arts][:1] == [("st", GOOD, "2019-05-02")]
    assert [a.id for a in arts] == ["st", "st2"]
    assert sink.count == 1 and "missing.txt" in sink.errors[0].message
