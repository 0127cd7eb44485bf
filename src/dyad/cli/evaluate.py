"""``dyad eval`` (events, quad, actors, times, quotes) and ``dyad bench``."""

from __future__ import annotations

import json
import time
from typing import Any

import click

GOLD = click.Path(dir_okay=True, file_okay=True)


def _emit(report: Any, table: str) -> None:
    click.echo(table)
    click.echo(json.dumps(report.to_json(), sort_keys=True))


def _coder(model: str | None) -> Any:
    from dyad.coder import Coder

    return Coder(model)


@click.group("eval")
def eval_group() -> None:
    """Score dyad against a gold set; prints a table and a final JSON line."""


@eval_group.command("events")
@click.option("--gold", required=True, type=GOLD, help="PLOVER gold JSON Lines file.")
@click.option("--errors", default=0, show_default=True, help="Show N errors of each kind.")
@click.option("--limit", type=int, help="Score only the first N records.")
@click.option("--model", help="spaCy model package or path.")
def eval_events(gold: str, errors: int, limit: int | None, model: str | None) -> None:
    """Type accuracy, actor accuracy and triple recall/precision on PLOVER gold."""
    from dyad.evaluation import evaluate_events

    report = evaluate_events(_coder(model), gold, limit=limit)
    _emit(report, report.table(errors=errors))


@eval_group.command("quad")
@click.option("--gold", required=True, type=GOLD, help="TSV of sentence and quad class 0-4.")
@click.option("--limit", type=int, help="Score only the first N sentences.")
@click.option("--model", help="spaCy model package or path.")
def eval_quad(gold: str, limit: int | None, model: str | None) -> None:
    """Quad-class accuracy, macro-F1 and the confusion matrix."""
    from dyad.evaluation import evaluate_quad

    report = evaluate_quad(_coder(model), gold, limit=limit)
    _emit(report, report.table())


@eval_group.command("actors")
@click.option("--gold", "events_gold", type=GOLD, help="PLOVER gold JSON Lines (resolution).")
@click.option("--spans", "spans_gold", type=GOLD, help="BIO span file (source/target span F1).")
@click.option("--limit", type=int, help="Score only the first N records of each.")
@click.option("--model", help="spaCy model package or path.")
def eval_actors(events_gold: str | None, spans_gold: str | None, limit: int | None,
                model: str | None) -> None:
    """Actor country/sector accuracy and source/target span F1."""
    from dyad.errors import InputError
    from dyad.evaluation import evaluate_actors

    if not events_gold and not spans_gold:
        raise InputError("give --gold (PLOVER JSON Lines) and/or --spans (BIO span file)")
    report = evaluate_actors(_coder(model), events_gold=events_gold, spans_gold=spans_gold,
                             limit=limit)
    _emit(report, report.table())


@click.command("bench")
@click.option("--corpus", required=True, type=GOLD, help="JSON Lines corpus (.jsonl or .gz).")
@click.option("-n", "n", default=500, show_default=True, help="Number of articles.")
@click.option("--batch-size", default=16, show_default=True, help="Articles per spaCy batch.")
@click.option("--json", "as_json", is_flag=True, help="Print only the JSON line.")
@click.option("--model", help="spaCy model package or path.")
def bench_cmd(corpus: str, n: int, batch_size: int, as_json: bool, model: str | None) -> None:
    """Throughput of the whole coder against spaCy alone, on the same texts, in one run."""
    from dyad.bench import read_corpus, run_bench

    articles = read_corpus(corpus, n)
    t0 = time.perf_counter()
    coder = _coder(model)
    report = run_bench(articles, coder=coder, batch_size=batch_size,
                       load_seconds=time.perf_counter() - t0)
    if as_json:
        click.echo(json.dumps(report.to_json(), sort_keys=True))
    else:
        _emit(report, report.table())


def register(group: click.Group) -> None:
    group.add_command(eval_group)
    group.add_command(bench_cmd)
