from dyad.merge import merge_events


def _row(eid, art, date, outlet, src="RUSMIL", tgt="SYRREB", cameo="195"):
    return {"event_id": eid, "article_id": art, "date": date, "outlet": outlet, "type": "ASSAULT",
            "cameo": cameo, "source_code": src, "target_code": tgt}


def test_merge_reports_within_the_window_become_one_event():
    rows = [_row("a:1", "a", "2016-02-10", "Wire"), _row("b:3", "b", "2016-02-11", "Paper"),
            _row("c:2", "c", "2016-02-11", "Wire"), _row("a:2", "a", "2016-02-10", "Wire"),
            _row("d:1", "d", "2016-02-14", "Paper")]
    merged = merge_events(rows)
    assert [(m.date, m.num_mentions, m.num_articles, m.num_sources) for m in merged] == [
        ("2016-02-10", 4, 3, 2), ("2016-02-14", 1, 1, 1)]
    assert merged[0].event_ids == ("a:1", "a:2", "b:3", "c:2")
    assert merged[0].row()["num_mentions"] == 4


def test_merge_keeps_different_dyads_codes_and_unresolved_apart():
    rows = [_row("a:1", "a", "2016-02-10", "W"), _row("b:1", "b", "2016-02-10", "W", cameo="190"),
            _row("c:1", "c", "2016-02-10", "W", tgt="SYRGOV"),
            _row("d:1", "d", "2016-02-10", "W", src=None), _row("e:1", "e", "2016-02-10", "W", src=None)]
    assert [m.num_mentions for m in merge_events(rows)] == [1, 1, 1, 1, 1]


def test_merge_counts_reach_the_gdelt_columns():
    import io

    from dyad.export import GDELT_COLUMNS, export

    rows = [_row("a:1", "a", "2016-02-10", "Wire"), _row("b:3", "b", "2016-02-11", "Paper")]
    out = io.StringIO()
    export([m.row() for m in merge_events(rows)], "gdelt", out)
    line = dict(zip(GDELT_COLUMNS, out.getvalue().rstrip("\n").split("\t"), strict=True))
    assert (line["NumMentions"], line["NumSources"], line["NumArticles"]) == ("2", "2", "2")
