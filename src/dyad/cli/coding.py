"""``dyad code`` and ``dyad actor``."""

from __future__ import annotations

import json
import sys

import click

from dyad.formats import FORMATS, Writer


@click.command("code")
@click.argument("inputs", nargs=-1, metavar="[FILE ...|-]")
@click.option("--date", help="Publication date (YYYY-MM-DD) for inputs that carry none.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="json", show_default=True,
              help="json: one article a line; jsonl: one event a line; tsv: event table; table.")
@click.option("--model", help="spaCy model package or path (default: the bundled English model).")
@click.option("--actors", "actor_files", multiple=True, type=click.Path(exists=True),
              help="Extra actor dictionary file (repeatable).")
@click.option("--batch-size", default=16, show_default=True, help="Articles per spaCy batch.")
def code_cmd(inputs: tuple[str, ...], date: str | None, fmt: str, model: str | None,
             actor_files: tuple[str, ...], batch_size: int) -> None:
    """Code articles (text, JSON Lines, CSV, HTML, RSS, WARC; '-' for stdin) to stdout."""
    from dyad.coder import Coder
    from dyad.pubdate import normalize_pub_date
    from dyad.sources import ErrorSink, read_articles

    date = normalize_pub_date(date, where="--date")
    sink = ErrorSink(echo=lambda line: click.echo(line, err=True))
    articles = read_articles(list(inputs) or ["-"], date=date, errors=sink)
    coder = Coder(model, actors=actor_files)
    Writer(sys.stdout, fmt).write_all(coder.pipe(articles, batch_size=batch_size))
    if sink.count:
        click.echo(f"dyad: skipped {sink.count} bad record(s)", err=True)
        sys.exit(1)


@click.command("actor")
@click.argument("text")
@click.option("--date", help="Date (YYYY-MM-DD) that picks who held an office then.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a line of text.")
@click.option("--model", help="spaCy model package or path.")
@click.option("--actors", "actor_files", multiple=True, type=click.Path(exists=True),
              help="Extra actor dictionary file (repeatable).")
def actor_cmd(text: str, date: str | None, as_json: bool, model: str | None,
              actor_files: tuple[str, ...]) -> None:
    """Resolve one actor phrase ("American warplanes") to country, sector and code."""
    from dyad.coder import Coder

    actor = Coder(model, actors=actor_files).resolve_actor(text, date=date)
    if as_json:
        click.echo(json.dumps(actor.to_dict(), ensure_ascii=False))
    elif actor.code is None:
        click.echo(f"{text}: unknown")
    else:
        click.echo(f"{text}: {actor.code} (country {actor.country or '-'}, sector "
                   f"{actor.sector or '-'}, name {actor.name or '-'})")


def register(group: click.Group) -> None:
    group.add_command(code_cmd)
    group.add_command(actor_cmd)
