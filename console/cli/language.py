"""The CLI's own words in the user's language: help texts and argparse's usage and errors.

The parser code keeps its help texts in English (one readable place); ``console.cli.help_ko``
maps each to its Korean. The language is known before the parser is built by pre-scanning
argv for the global ``--lang`` (default Korean, as every other face of the CLI).

argparse says its own words (``usage:``, ``options``, ``invalid choice: …``) through
``gettext``; ``speaking(lang)`` gives it a Korean translation only while the parser is built
and used, and puts argparse back as it was afterwards (``main()`` runs many times in a test).
"""

from __future__ import annotations

import argparse
import gettext
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from console.cli.help_ko import ARGPARSE_KO, HELP_KO
from console.cli.output import _width as display_width  # the tables' rule: Hangul is two

DEFAULT_LANG = "ko"

# The global options that take a value, as argparse accepts them (unambiguous prefixes too).
_LANG_FLAGS = ("--l", "--la", "--lan", "--lang")
_VALUED_FLAGS = ("--d", "--db", "--u", "--us", "--use", "--user")


def cli_lang(argv: list[str]) -> str:
    """The ``--lang`` given before the command (``notice draft --lang`` is a notice's own)."""
    index = 0
    while index < len(argv):
        token = argv[index]
        if token == "--" or not token.startswith("-"):
            break  # the command: what follows is its own
        flag, equals, value = token.partition("=")
        if flag in _LANG_FLAGS:
            if not equals:
                value = argv[index + 1] if index + 1 < len(argv) else ""
            return value if value in ("ko", "en") else DEFAULT_LANG
        index += 2 if flag in _VALUED_FLAGS and not equals else 1
    return DEFAULT_LANG


def parsers(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    """The parser and every subparser under it."""
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):  # aliases: once
                yield from parsers(sub)


def help_texts(parser: argparse.ArgumentParser) -> Iterator[tuple[object, str, str]]:
    """(holder, attribute, English text) of every description and help text in the tree."""
    for each in parsers(parser):
        if each.description:
            yield each, "description", each.description
        for action in each._actions:
            if isinstance(action, argparse._HelpAction):
                continue  # argparse's own words: translated through gettext
            if action.help and action.help is not argparse.SUPPRESS:
                yield action, "help", action.help
            if isinstance(action, argparse._SubParsersAction):
                for choice in action._choices_actions:
                    if choice.help:
                        yield choice, "help", choice.help


def localise_parser(parser: argparse.ArgumentParser, lang: str) -> argparse.ArgumentParser:
    """The same tree with its help texts in ``lang`` (tests/test_cli_language.py checks
    every one has its Korean; a missing one would show in English rather than break)."""
    if lang == "ko":
        for holder, attribute, english in help_texts(parser):
            setattr(holder, attribute, HELP_KO.get(english, english))
        for each in parsers(parser):
            each.formatter_class = _WideTextFormatter  # read when help is formatted
    return parser


class _WideTextFormatter(argparse.HelpFormatter):
    """Wraps help texts by terminal columns, not characters: a Hangul syllable takes two, so
    argparse's own wrapping would make Korean lines up to twice as wide as the terminal."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        lines: list[str] = []
        line, used = "", 0
        for word in text.split():
            wide = display_width(word)
            if line and used + 1 + wide > width:
                lines.append(line)
                line, used = word, wide
            else:
                line, used = (f"{line} {word}", used + 1 + wide) if line else (word, wide)
        return [*lines, line] if line else lines

    def _format_usage(self, usage: str | None, actions: Iterable[argparse.Action],
                      groups: Iterable[argparse._MutuallyExclusiveGroup], prefix: str | None
                      ) -> str:
        text = super()._format_usage(usage, actions, groups, prefix)
        # Continued usage lines line up under the first: "사용법: " is wider than its length.
        shown = ARGPARSE_KO["usage: "] if prefix is None else prefix
        shift = " " * (display_width(shown) - len(shown))
        first, *rest = text.split("\n")
        return "\n".join([first, *(shift + line if line.startswith(" ") else line
                                   for line in rest)])

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n".join(indent + line for line in self._split_lines(text, width - len(indent)))


class _ArgparseKorean(gettext.NullTranslations):
    """argparse's message templates in Korean; a template it lacks stays English."""

    def gettext(self, message: str) -> str:
        return ARGPARSE_KO.get(message, message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return self.gettext(msgid1 if n == 1 else msgid2)


@contextmanager
def speaking(lang: str) -> Iterator[None]:
    """argparse's words in ``lang`` inside the block; argparse as it was after it."""
    if lang != "ko":
        yield
        return
    translation = _ArgparseKorean()
    # argparse calls its module-level ``_`` and ``ngettext`` (bound from gettext at import).
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._ = translation.gettext  # type: ignore[attr-defined]
    argparse.ngettext = translation.ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]
