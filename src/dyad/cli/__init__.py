"""The ``dyad`` command line: thin adapters over the library, one module per group of commands.

Every command parses its options, calls one library function and formats the result. Errors the
user can fix (:class:`~dyad.errors.DyadError`) print one line on stderr and exit 1; anything else
is an internal error and exits 2.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from dyad import __version__
from dyad.errors import DyadError


class DyadGroup(click.Group):
    """Maps dyad's errors to one line on stderr and the exit codes DESIGN.md fixes."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except DyadError as e:
            click.echo(f"dyad: error: {e}", err=True)
            ctx.exit(1)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except BrokenPipeError:
            sys.stderr.close()
            ctx.exit(0)
        except KeyboardInterrupt:
            click.echo("dyad: interrupted", err=True)
            ctx.exit(130)
        except Exception as e:  # an internal error: say so, with the type, and exit 2
            click.echo(f"dyad: internal error: {type(e).__name__}: {e}", err=True)
            ctx.exit(2)


@click.group(cls=DyadGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dyad")
def main() -> None:
    """dyad: political event data (PLOVER and CAMEO) from news text, offline."""


def _register() -> None:
    from dyad.cli import coding, evaluate, storage

    for module in (coding, evaluate, storage):
        module.register(main)


_register()

__all__ = ["main"]
