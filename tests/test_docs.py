"""Docs that tests keep honest: the README's commands and the generated CLI reference."""

import re
import shlex
from pathlib import Path

from click.testing import CliRunner

from dyad.cli import main
from dyad.cli.reference import render

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")


def _block(marker: str) -> str:
    m = re.search(rf"<!-- {marker} -->\n```\n(.*?)\n```\n<!-- /{marker} -->", README, re.S)
    assert m, f"README has no {marker} block"
    return m.group(1).strip()


def test_docs_readme_first_command_ingests_the_example(coder, tmp_path, monkeypatch):
    install, _, run = _block("run-command").partition(" && ")
    assert install == "pip install ."
    args = shlex.split(run)
    assert args[0] == "dyad"
    monkeypatch.chdir(REPO)
    db = tmp_path / "dyad.db"
    args = [str(db) if a == "dyad.db" else a for a in args[1:]]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "2 articles read, 2 new" in result.stdout


def test_docs_readme_test_command_runs_the_whole_suite():
    command = _block("test-command")
    assert command.startswith("pip install '.[test]' && python -m pytest")
    assert "-k" not in command and "--deselect" not in command


def test_docs_cli_reference_is_current(monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    assert (REPO / "docs" / "cli.md").read_text(encoding="utf-8") == render(main)
