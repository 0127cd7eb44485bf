"""The CLI reference (docs/cli.md), generated from the commands' own --help."""

from __future__ import annotations

import click


def render(group: click.Group) -> str:
    lines = ["# dyad command reference", "",
             "Generated from `--help` by `python -m dyad.cli.reference > docs/cli.md`; a test "
             "fails when it is out of date.", ""]

    def walk(cmd: click.Command, path: list[str], parent: click.Context | None) -> None:
        ctx = cmd.make_context(path[-1], [], parent=parent, resilient_parsing=True)
        lines.extend([f"## {' '.join(path)}", "", "```", cmd.get_help(ctx).rstrip(), "```", ""])
        if isinstance(cmd, click.Group):
            for name in sorted(cmd.commands):
                walk(cmd.commands[name], [*path, name], ctx)

    walk(group, ["dyad"], None)
    return "\n".join(lines)


if __name__ == "__main__":
    from dyad.cli import main

    click.echo(render(main), nl=False)
