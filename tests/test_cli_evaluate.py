"""``dyad eval`` and ``dyad bench`` through click's runner, on tiny gold files of our own."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from dyad.cli import main
from dyad.cli.evaluate import _helper
from dyad.errors import DyadError

EVENTS = [
    {"id": "e1", "date": "2017-08-09", "event": "FIGHT",
     "text": "Turkish jets bombed Kurdish militants in northern Iraq on Tuesday.",
     "source": [{"actorText": "Turkish jets", "code": "TUR", "sector": "MIL"}],
     "target": [{"actorText": "Kurdish militants", "code": "TUR", "sector": "REB"}]},
    {"id": "e2", "date": "2017-08-09", "event": "DEMAND",
     "text": "Germany urged Poland to respect the court ruling.",
     "source": [{"actorText": "Germany", "code": "DEU"}],
     "target": [{"actorText": "Poland", "code": "POL"}]},
]


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def events_gold(tmp_path: Path) -> Path:
    path = tmp_path / "events.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in EVENTS), encoding="utf-8")
    return path


def last_json(output: str) -> dict:
    return json.loads(output.strip().splitlines()[-1])


def test_cli_evaluate_events_table_then_json(runner, coder, events_gold) -> None:
    result = runner.invoke(main, ["eval", "events", "--gold", str(events_gold), "--errors", "3"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("dyad eval events: 2 gold sentences")
    j = last_json(result.stdout)
    assert j["task"] == "events" and j["sentences"] == 2
    assert set(j["errors"]) == {"missed event", "wrong type", "wrong source", "wrong target",
                                "false event"}


def test_cli_evaluate_events_json_only(runner, coder, events_gold) -> None:
    result = runner.invoke(main, ["eval", "events", "--gold", str(events_gold), "--json-only",
                                  "--limit", "1"])
    assert result.exit_code == 0, result.output
    assert len(result.stdout.strip().splitlines()) == 1
    assert last_json(result.stdout)["sentences"] == 1


def test_cli_evaluate_quad(runner, coder, tmp_path) -> None:
    path = tmp_path / "quad.tsv"
    path.write_text("Police detained two reporters in Minsk.\t4\nThe bridge is old.\t0\n",
                    encoding="utf-8")
    result = runner.invoke(main, ["eval", "quad", "--gold", str(path), "--errors", "3"])
    assert result.exit_code == 0, result.output
    j = last_json(result.stdout)
    assert j["sentences"] == 2 and len(j["confusion"]) == 5
    assert "confusion: rows gold, columns predicted" in result.stdout
    assert "-- false event (0; first 0)" in result.stdout


def test_cli_evaluate_actors(runner, coder, events_gold, tmp_path) -> None:
    spans = tmp_path / "spans.txt"
    spans.write_text("Germany B-S\nurged O\nPoland B-T\nto O\nact O\n. O\n", encoding="utf-8")
    result = runner.invoke(main, ["eval", "actors", "--gold-events", str(events_gold),
                                  "--gold-spans", str(spans), "--json-only"])
    assert result.exit_code == 0, result.output
    j = last_json(result.stdout)
    assert j["resolve_all_country_n"] == 4 and j["span_sentences"] == 1
    assert {"span_S_f1", "span_T_overlap_f1", "span_micro_f1",
            "in_context_source_country_accuracy"} <= set(j)


def test_cli_evaluate_actors_needs_a_gold_set(runner) -> None:
    result = runner.invoke(main, ["eval", "actors"])
    assert result.exit_code == 1
    assert "needs --gold-events FILE and/or --gold-spans FILE" in result.stderr


@pytest.mark.parametrize("task", ["events", "quad", "times", "quotes"])
def test_cli_evaluate_missing_gold_is_one_line(runner, tmp_path, task) -> None:
    missing = tmp_path / "nowhere.gold"
    result = runner.invoke(main, ["eval", task, "--gold", str(missing)])
    assert result.exit_code == 1, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"dyad: error: {missing}: ")
    assert "not found; pass the path to it, e.g. ../shared/data/gold/" in lines[0]


def test_cli_evaluate_bench_missing_corpus(runner, tmp_path) -> None:
    result = runner.invoke(main, ["bench", "--corpus", str(tmp_path / "none.jsonl")])
    assert result.exit_code == 1
    assert "none.jsonl: corpus not found" in result.stderr


def test_cli_evaluate_bench_json(runner, coder, tmp_path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "a", "text": "Rebels attacked a convoy."}) + "\n"
                      + json.dumps({"id": "b", "text": "Ministers met in Rome."}) + "\n",
                      encoding="utf-8")
    result = runner.invoke(main, ["bench", "--corpus", str(corpus), "-n", "5", "--rounds", "1",
                                  "--json"])
    assert result.exit_code == 0, result.output
    j = json.loads(result.stdout)
    assert j["articles"] == 2 and j["words"] == 8 and j["rounds"] == 1


def test_cli_evaluate_missing_helper_module_is_a_dyad_error() -> None:
    with pytest.raises(DyadError, match=r"dyad\.no_such_eval\.evaluate is not available"):
        _helper("dyad.no_such_eval", "evaluate")


def test_cli_evaluate_every_command_has_help() -> None:
    eval_group = main.commands["eval"]
    assert isinstance(eval_group, click.Group)
    assert set(eval_group.commands) == {"events", "quad", "actors", "times", "quotes"}
    for cmd in [*eval_group.commands.values(), main.commands["bench"], eval_group]:
        assert cmd.help and cmd.help.strip(), cmd.name
        for param in cmd.params:
            if isinstance(param, click.Option):
                assert param.help, f"{cmd.name} {param.name}"


@pytest.mark.parametrize("task", ["events", "quad", "actors"])
def test_cli_evaluate_negative_errors_is_refused(runner, tmp_path, task) -> None:
    gold = tmp_path / "g.txt"
    gold.write_text("x\t0\n", encoding="utf-8")
    result = runner.invoke(main, ["eval", task, "--gold", str(gold), "--errors", "-1"])
    assert result.exit_code == 2, result.output
    assert "Invalid value for '--errors': -1 is not in the range x>=0" in result.output
