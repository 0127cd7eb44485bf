import json

import pytest
from click.testing import CliRunner

from dyad.cli import main

STORY = ("Turkish troops shelled Kurdish positions in northern Syria on Sunday.\n"
         "The United States urged Turkey to halt the shelling.\n")


@pytest.fixture(scope="module")
def runner():
    return CliRunner()


def test_cli_coding_json_from_stdin(runner, coder):
    result = runner.invoke(main, ["code", "-", "--date", "2016-03-14"], input=STORY)
    assert result.exit_code == 0, result.output
    coded = json.loads(result.stdout.splitlines()[0])
    kinds = [(e["type"], e["source"]["code"], e["target"]["country"]) for e in coded["events"]]
    assert ("ASSAULT", "TURMIL", "SYR") in kinds
    assert ("REQUEST", "USA", "TUR") in kinds
    assert coded["date"] == "2016-03-14"


def test_cli_coding_jsonl_one_event_a_line(runner, coder, tmp_path):
    f = tmp_path / "story.txt"
    f.write_text(STORY, encoding="utf-8")
    result = runner.invoke(main, ["code", str(f), "--format", "jsonl"])
    lines = [json.loads(x) for x in result.stdout.splitlines()]
    assert result.exit_code == 0 and lines
    assert {x["article_id"] for x in lines} == {"story"}


def test_cli_coding_tsv_has_header(runner, coder):
    result = runner.invoke(main, ["code", "-", "--format", "tsv"], input=STORY)
    header = result.stdout.splitlines()[0].split("\t")
    assert header[:3] == ["article_id", "event_id", "type"]


def test_cli_coding_bad_date_is_one_line_exit_1(runner):
    result = runner.invoke(main, ["code", "-", "--date", "2016-14-03"], input=STORY)
    assert result.exit_code == 1
    assert result.stderr.strip() == ("dyad: error: --date: date '2016-14-03' is not a valid date; "
                                     "write it as YYYY-MM-DD (or a full ISO 8601 timestamp)")


def test_cli_coding_missing_file_exit_1(runner, coder):
    result = runner.invoke(main, ["code", "no-such-file.txt"])
    assert result.exit_code == 1
    assert "no-such-file.txt: no such file or directory" in result.stderr


def test_cli_coding_bad_records_skipped_and_counted(runner, coder, tmp_path):
    f = tmp_path / "mixed.jsonl"
    f.write_text('{"id": "a", "text": "Iraqi troops attacked the rebels in Mosul."}\n'
                 '{"id": "b", "text": \n'
                 '{"id": "c"}\n', encoding="utf-8")
    result = runner.invoke(main, ["code", str(f)])
    assert result.exit_code == 1
    assert [json.loads(x)["id"] for x in result.stdout.splitlines()] == ["a"]
    assert f"{f}:2: malformed JSON" in result.stderr
    assert f"{f}:3: field 'text' is missing or empty" in result.stderr
    assert "skipped 2 bad record(s)" in result.stderr


@pytest.mark.parametrize("phrase,code", [("American warplanes", "USAMIL"),
                                         ("the Kremlin", "RUSGOV"),
                                         ("Islamic State", "IMG"),
                                         ("Iraqi Prime Minister Haider al-Abadi", "IRQGOV")])
def test_cli_coding_actor_json(runner, coder, phrase, code):
    result = runner.invoke(main, ["actor", phrase, "--json", "--date", "2015-10-20"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["code"] == code


def test_cli_coding_actor_unknown(runner, coder):
    result = runner.invoke(main, ["actor", "the weather"])
    assert result.stdout.strip() == "the weather: unknown"


def _commands(group, prefix=()):
    import click

    for name, cmd in group.commands.items():
        yield (*prefix, name), cmd
        if isinstance(cmd, click.Group):
            yield from _commands(cmd, (*prefix, name))


def test_cli_coding_every_command_has_help(runner):
    for path, cmd in _commands(main):
        assert cmd.help, f"dyad {' '.join(path)} has no help text"
        result = runner.invoke(main, [*path, "--help"])
        assert result.exit_code == 0 and "Usage:" in result.output
