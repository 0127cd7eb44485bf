"""``dyad ingest``, ``dyad events`` and ``dyad export``: thin adapters over the store."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any

import click

from dyad.export import FORMATS


def _filters(f: Callable[..., Any]) -> Callable[..., Any]:
    for opt in reversed([
        click.option("--since", help="Events on or after this date (YYYY-MM-DD)."),
        click.option("--until", help="Events on or before this date (YYYY-MM-DD)."),
        click.option("--actor", help="Source or target code, e.g. IRQGOV."),
        click.option("--country", help="Source or target country, e.g. IRQ."),
        click.option("--type", "type_", help="PLOVER event type, e.g. ASSAULT."),
        click.option("--quad", type=click.IntRange(1, 4), help="Quad class 1-4."),
        click.option("--outlet", help="Publisher name."),
        click.option("--db", default="dyad.db", show_default=True, help="The SQLite store."),
    ]):
        f = opt(f)
    return f


@click.command("ingest")
@click.argument("sources", nargs=-1, required=True)
@click.option("--db", default="dyad.db", show_default=True, help="The SQLite store.")
@click.option("--date", help="Publication date (YYYY-MM-DD) for inputs that carry none.")
@click.option("--resume", is_flag=True, help="Continue an interrupted run (stored articles are "
              "always skipped; this flag only says so).")
@click.option("--batch-size", default=16, show_default=True, help="Articles per spaCy batch.")
@click.option("--jobs", default=1, show_default=True,
              help="Coding processes; this one stays the only writer.")
@click.option("--model", help="spaCy model package or path.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
def ingest_cmd(sources: tuple[str, ...], db: str, date: str | None, resume: bool,
               batch_size: int, jobs: int, model: str | None, quiet: bool) -> None:
    """Code sources (files, directories, feeds, WARC) into the store, skipping what it holds."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    from dyad.coder import Coder
    from dyad.ingest import ingest
    from dyad.pubdate import normalize_pub_date
    from dyad.sources import estimate_records
    from dyad.store import Store

    date = normalize_pub_date(date, where="--date")
    show = not quiet and sys.stderr.isatty()
    total = estimate_records(sources) if show else None
    with Store(db) as store, Progress(SpinnerColumn(), BarColumn(bar_width=24), MofNCompleteColumn(),
                                      TextColumn("{task.description}"), TimeElapsedColumn(),
                                      TimeRemainingColumn(), disable=not show,
                                      transient=True) as bar:
        task = bar.add_task("loading the coder", total=total)
        coder = Coder(model)
        summary = ingest(list(sources), store, coder, date=date, batch_size=batch_size,
                         n_process=jobs, echo=lambda line: click.echo(line, err=True),
                         progress=lambda s: bar.update(task, completed=s.read, description=(
                             f"{(s.new + s.recoded) / s.seconds if s.seconds else 0:.1f} art/s "
                             f"{s.events} events {s.errors} errors")))
    click.echo(summary.line())


@click.command("events")
@_filters
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl"]), default="table",
              show_default=True, help="Output format.")
def events_cmd(db: str, since: str | None, until: str | None, actor: str | None,
               country: str | None, type_: str | None, quad: int | None, outlet: str | None,
               fmt: str) -> None:
    """Query the events in the store."""
    from dyad.store import Store

    with Store(db) as store:
        rows = store.events(since=since, until=until, actor=actor, country=country,
                            type_=type_, quad=quad, outlet=outlet)
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False))
    elif fmt == "jsonl":
        for r in rows:
            click.echo(json.dumps(r, ensure_ascii=False))
    else:
        for r in rows:
            click.echo(f"{r['date'] or '':<11}{r['source_code'] or '-':>9} -> "
                       f"{r['target_code'] or '-':<9} {r['type']:<10} {r['cameo']:<5} "
                       f"{r['status']:<12} {r['trigger']!r}  [{r['article_id']}]")


@click.command("export")
@_filters
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True, help="Table format.")
@click.option("-o", "--output", help="Output file (default stdout; required for parquet).")
@click.option("--merged", is_flag=True, help="One row per event merged across articles, with "
              "mention, article and source counts.")
def export_cmd(db: str, since: str | None, until: str | None, actor: str | None,
               country: str | None, type_: str | None, quad: int | None, outlet: str | None,
               fmt: str, output: str | None, merged: bool) -> None:
    """Write the store's events as GDELT, POLECAT, JSON Lines, CSV or Parquet."""
    from dyad.export import export
    from dyad.merge import merge_events
    from dyad.store import Store

    with Store(db) as store:
        rows = store.events(since=since, until=until, actor=actor, country=country,
                            type_=type_, quad=quad, outlet=outlet)
    if merged:
        rows = [m.row() for m in merge_events(rows)]
    if fmt == "parquet" or output is None:
        n = export(rows, fmt, sys.stdout if fmt != "parquet" else None, path=output)
    else:
        with open(output, "w", encoding="utf-8", newline="") as fh:
            n = export(rows, fmt, fh, path=output)
    click.echo(f"dyad export: {n} events as {fmt}" + (f" to {output}" if output else ""),
               err=True)


def register(group: click.Group) -> None:
    group.add_command(ingest_cmd)
    group.add_command(events_cmd)
    group.add_command(export_cmd)
