"""``dyad eval`` (events, quad, actors, times, quotes) and ``dyad bench``: adapters over
:mod:`dyad.evaluation`, :mod:`dyad.bench`, :mod:`dyad.eval_times` and :mod:`dyad.eval_quotes`.

Each command prints the report's table, then its figures as one JSON line (last line of stdout).
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from typing import Any

import click

from dyad.bench import CODING_ROUNDS
from dyad.errors import DyadError, InputError

_SHARED_GOLD = "../shared/data/gold"
MODEL = click.option("--model", default=None, help="spaCy model package or path (default: "
                     "the packaged English model).")
LIMIT = click.option("--limit", type=int, default=None, help="Score only the first N records.")
JSON_ONLY = click.option("--json-only", is_flag=True, help="Print only the JSON line.")


def _errors(what: str) -> Any:
    """The --errors N option of an evaluation, N at least 0; ``what`` says what it lists."""
    return click.option("--errors", default=0, show_default=True, type=click.IntRange(min=0),
                        help=f"Show the first N {what}.")


def _gold(path: str | None, what: str, example: str) -> Path:
    """Check a gold path before the (slow) model load, so a typo fails at once."""
    if path is None:
        raise InputError(f"no {what} given; pass it, e.g. {_SHARED_GOLD}/{example}")
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: {what} not found; pass the path to it, e.g. "
                         f"{_SHARED_GOLD}/{example}")
    return p


def _emit(report: Any, *, json_only: bool = False, **table_options: Any) -> None:
    if not json_only:
        click.echo(report.table(**table_options))
    click.echo(json.dumps(report.to_json(), sort_keys=True))


def _helper(module: str, function: str) -> Any:
    """Import an evaluator written alongside this one; say plainly when it is missing."""
    try:
        return getattr(importlib.import_module(module), function)
    except (ImportError, AttributeError) as e:
        raise DyadError(f"{module}.{function} is not available in this installation ({e}); "
                        "update dyad or reinstall it with 'pip install -e .'") from e


@click.group("eval")
def eval_group() -> None:
    """Score dyad against a gold set; prints a table and then one JSON line."""


@eval_group.command("events")
@click.option("--gold", required=True, metavar="FILE",
              help="PLOVER gold JSON Lines (plover-gsr-dev.jsonl).")
@_errors("cases of each error kind (missed, wrong type/source/target, false event)")
@JSON_ONLY
@LIMIT
@MODEL
def eval_events(gold: str, errors: int, json_only: bool, limit: int | None,
                model: str | None) -> None:
    """Event type, actor and (type, source, target) triple accuracy on PLOVER gold."""
    from dyad.evaluation import evaluate_events

    path = _gold(gold, "PLOVER gold file", "plover-gsr-dev.jsonl")
    _emit(evaluate_events(path, model=model, limit=limit), json_only=json_only, errors=errors)


@eval_group.command("quad")
@click.option("--gold", required=True, metavar="FILE", help="TSV of sentence<TAB>quad 0-4 "
              "(conflibert-cameo-train.tsv).")
@_errors("sentences of each error kind (missed event, false event, wrong class), with the "
         "event coded")
@JSON_ONLY
@LIMIT
@MODEL
def eval_quad(gold: str, errors: int, json_only: bool, limit: int | None,
              model: str | None) -> None:
    """Quad class (0 none, 1-4) accuracy, macro-F1, per-class P/R/F1 and confusion matrix."""
    from dyad.evaluation import evaluate_quad

    path = _gold(gold, "quad gold file", "conflibert-cameo-train.tsv")
    _emit(evaluate_quad(path, model=model, limit=limit), json_only=json_only, errors=errors)


@eval_group.command("actors")
@click.option("--gold-events", "--gold", "gold_events", metavar="FILE", default=None,
              help="PLOVER gold JSON Lines: actor resolution and in-context accuracy.")
@click.option("--gold-spans", metavar="FILE", default=None,
              help="BIO span file (token TAG per line): source and target span F1.")
@_errors("span errors of each kind (source and target: extent, false, missed)")
@JSON_ONLY
@LIMIT
@MODEL
def eval_actors(gold_events: str | None, gold_spans: str | None, errors: int, json_only: bool,
                limit: int | None, model: str | None) -> None:
    """Actor country/sector accuracy and source/target span F1 (give one or both gold sets)."""
    from dyad.evaluation import evaluate_actors

    if gold_events is None and gold_spans is None:
        raise InputError("dyad eval actors needs --gold-events FILE and/or --gold-spans FILE, "
                         f"e.g. {_SHARED_GOLD}/plover-gsr-dev.jsonl")
    events = _gold(gold_events, "PLOVER gold file", "plover-gsr-dev.jsonl") \
        if gold_events else None
    spans = _gold(gold_spans, "span gold file", "conflibert-cameo-train-spans.txt") \
        if gold_spans else None
    _emit(evaluate_actors(events_gold=events, spans_gold=spans, model=model, limit=limit),
          json_only=json_only, errors=errors)


@eval_group.command("times")
@click.option("--gold", required=True, metavar="DIR", help="Directory of TimeML gold (TempEval-3).")
@JSON_ONLY
@MODEL
def eval_times(gold: str, json_only: bool, model: str | None) -> None:
    """Time expression spans and normalised values against TimeML gold."""
    from dyad.model import load_model

    path = _gold(gold, "time gold directory", "tempeval3")
    evaluate_times = _helper("dyad.eval_times", "evaluate_times")
    _emit(evaluate_times(path, nlp=load_model(model)), json_only=json_only)


@eval_group.command("quotes")
@click.option("--gold", required=True, metavar="DIR", help="Directory of quotation gold (PolNeAR).")
@JSON_ONLY
@LIMIT
@MODEL
def eval_quotes(gold: str, json_only: bool, limit: int | None, model: str | None) -> None:
    """Quote, speaker and cue accuracy against quotation gold."""
    from dyad.model import load_model

    path = _gold(gold, "quote gold directory", "polnear")
    evaluate_quotes = _helper("dyad.eval_quotes", "evaluate_quotes")
    _emit(evaluate_quotes(path, nlp=load_model(model), limit=limit), json_only=json_only)


@click.command("bench")
@click.option("--corpus", required=True, metavar="FILE",
              help="JSON Lines corpus of articles (.jsonl or .gz).")
@click.option("-n", "n", default=500, show_default=True, help="Number of articles.")
@click.option("--batch-size", default=16, show_default=True, help="Articles per spaCy batch.")
@click.option("--rounds", default=2, show_default=True, help="Interleaved spaCy/coder rounds; "
              "the fastest of each is kept.")
@click.option("--coding-rounds", default=CODING_ROUNDS, show_default=True,
              help="Passes of the coding stage alone (a few seconds each); the fastest is kept.")
@click.option("--json", "json_only", is_flag=True, help="Print only the JSON line.")
@MODEL
def bench_cmd(corpus: str, n: int, batch_size: int, rounds: int, coding_rounds: int,
              json_only: bool, model: str | None) -> None:
    """Throughput of the whole coder against spaCy alone, on the same texts, in one run."""
    from dyad.bench import run_bench

    _emit(run_bench(corpus, n=n, batch_size=batch_size, model=model, rounds=rounds,
                    coding_rounds=coding_rounds),
          json_only=json_only)


def register(group: click.Group) -> None:
    group.add_command(eval_group)
    group.add_command(bench_cmd)


__all__ = ["register"]
