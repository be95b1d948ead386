"""Start the window or take a screenshot; checks first that this machine can show Qt."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from console.domain.messages import Message


def run_desktop(args: argparse.Namespace, db_path: Path) -> int:
    offscreen = args.command == "screenshot"
    try:
        from console.desktop_check import apt_install_hint, missing_desktop_parts

        missing = [] if offscreen else missing_desktop_parts()
    except ImportError:
        missing = []
    if missing:
        print("error: " + Message("cli.desktop_missing", parts="; ".join(missing))
              .render(args.lang or "ko"), file=sys.stderr)
        print(apt_install_hint(missing), file=sys.stderr)
        return 1
    try:
        from console.ui.app import run_window, take_screenshot
    except ImportError as error:
        print("error: " + Message("cli.window_cannot_start", error=error)
              .render(args.lang or "ko"), file=sys.stderr)
        return 1
    if offscreen:
        return take_screenshot(db_path, args.view, Path(args.out), args.lang or "ko")
    # No --lang: the window uses the language last chosen in its menu (Korean at first).
    return run_window(db_path, args.lang, args.user)
