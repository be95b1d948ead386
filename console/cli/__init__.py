"""``incident-console``: the headless face over the same services as the window."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from console.cli import commands, selftest_cli
from console.cli.extensions import EXTENSIONS
from console.cli.language import cli_lang, localise_parser, speaking
from console.cli.parser import build_parser
from console.domain.errors import ConsoleError
from console.domain.messages import Message

_ON_NEW_FILE = {"init": commands.init, "demo": commands.demo, "restore": commands.restore_command}
_ON_SERVICES = {
    "import-systems": commands.import_systems, "export-systems": commands.export_systems,
    "systems": commands.systems, "incident": commands.incident, "outage": commands.outage,
    "task": commands.task, "decision": commands.decision, "log": commands.log,
    "backup": commands.backup, "verify": commands.verify, "digest": commands.digest,
}
for _extension in EXTENSIONS:
    _ON_SERVICES.update(_extension.HANDLERS)
    _ON_NEW_FILE.update(getattr(_extension, "STANDALONE", {}))


def _self_test(args: argparse.Namespace, db_path: Path) -> int:
    """The self-test runs this program's own commands: it is handed ``main`` from here."""
    return selftest_cli.self_test(args, main, {*_ON_NEW_FILE, *_ON_SERVICES})


_ON_NEW_FILE["self-test"] = _self_test


def default_db() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("incident-console", appauthor=False)) / "console.sqlite"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    lang = cli_lang(argv)  # the parser's own words are in it: known before it is built
    with speaking(lang):
        parser = localise_parser(build_parser(), lang)
        args = parser.parse_args(argv)
    db_path = Path(args.db) if args.db else default_db()
    try:
        if args.command is None or args.command == "screenshot":
            from console.cli.desktop import run_desktop

            return run_desktop(args, db_path)
        if args.command in _ON_NEW_FILE:
            return _ON_NEW_FILE[args.command](args, db_path)
        services = commands.open_services(db_path)
        try:
            return _ON_SERVICES[args.command](args, services)
        finally:
            services.close()
    except commands.UsageError as error:
        with speaking(lang):
            parser.print_usage(sys.stderr)
        print(f"error: {error.message.render(lang)}", file=sys.stderr)
        return 2
    except ConsoleError as error:  # a refusal: the coded sentence in the user's language
        print(f"error: {error.render(args.lang or 'ko')}", file=sys.stderr)
        return 1
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader (``| head``) has gone: nothing more to say, and no traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as error:
        print(f"error: {error.strerror or error}: {error.filename or ''}".rstrip(": "),
              file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # a bug: still one line, nothing half-written (transactions)
        if os.environ.get("CONSOLE_DEBUG"):
            raise
        print("error: " + Message("cli.internal_error", kind=type(error).__name__,
                                  error=error).render(lang), file=sys.stderr)
        return 1
