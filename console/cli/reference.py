"""The command reference in docs/cli.md, written from the argparse tree itself so the page
cannot drift from the program: ``python -m console.cli.reference > docs/cli.md`` and
tests/test_cli_reference.py fails when they differ."""

from __future__ import annotations

import argparse
from collections.abc import Iterator

from console.cli.help_ko import HELP_KO
from console.cli.parser import build_parser

HEAD = """# The command line, every command and flag

Written from the program's own argument tree (`python -m console.cli.reference > docs/cli.md`;
a test fails when this page and the program differ). `../shared/DESIGN.md` §7 is the contract
these names keep; the commands and flags marked † were added by later issues and are not in
§7 yet. Every command takes the global `--db`, `--lang {ko,en}` and `--user`; `incident-console
COMMAND --help` says the same in Korean (English with `--lang en`).

| command | flags | what it does | 설명 |
|---|---|---|---|
"""

# Beyond DESIGN.md §7 (its text is not the project's to edit): said on the page, not hidden.
ADDED = {
    "incident lesson", "incident lessons", "drill reset", "drill judge", "contacts list",
    "contacts set", "contacts remove", "log add --written-at", "log add --from-paper",
    "situation --department", "situation --facility", "keys reidentify --from",
    "outage open --from-paper", "outage status --from-paper",
}


def _commands(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()
              ) -> Iterator[tuple[str, list[str], str]]:
    for action in parser._actions:
        if not isinstance(action, argparse._SubParsersAction):
            continue
        helps = {choice.dest: choice.help or "" for choice in action._choices_actions}
        for name, child in action.choices.items():
            path = (*prefix, name)
            if any(isinstance(a, argparse._SubParsersAction) for a in child._actions):
                yield from _commands(child, path)
                continue
            flags = [_flag(a) for a in child._actions
                     if a.option_strings and "--help" not in a.option_strings]
            flags += [a.metavar or a.dest for a in child._actions
                      if not a.option_strings and not isinstance(a, argparse._HelpAction)]
            yield " ".join(path), flags, helps.get(name, "")


def _flag(action: argparse.Action) -> str:
    flag = max(action.option_strings, key=len)
    if action.nargs == 0:
        return flag
    if action.choices:
        return f"{flag} {{{','.join(str(c) for c in action.choices)}}}"
    return f"{flag} {action.metavar or action.dest.upper()}"


def reference() -> str:
    lines = [HEAD.rstrip("\n")]
    for command, flags, text in _commands(build_parser()):
        mark = " †" if command in ADDED else ""
        shown = [f"`{f}`" + (" †" if f"{command} {f.split()[0]}" in ADDED else "")
                 for f in flags]
        cell = " ".join(shown) or "—"
        lines.append(f"| `{command}`{mark} | {cell} | {text} | {HELP_KO.get(text, '')} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(reference(), end="")
