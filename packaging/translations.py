"""Update the translation sources from the code and compile them.

    python packaging/translations.py            # lupdate, then lrelease
    python packaging/translations.py --release  # lrelease only

Two domains: ``console_<lang>.ts`` from everything under console/ui except the situation
board, and ``board_<lang>.ts`` from console/ui/board (its own engineer keeps it). Strings
are English in the code; Korean is the translation. The .ts and .qm files are committed;
tests/ui/test_translations.py fails on an unfinished Korean message or a stale .qm.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "console" / "ui"
BOARD = UI / "board"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = {"ko": "ko_KR", "en": "en_US"}
DOMAINS = ("console", "board")


def tool(name: str) -> str:
    """The PySide6 tool beside this Python (the venv), else on PATH."""
    beside = Path(sys.executable).with_name(f"pyside6-{name}")
    found = str(beside) if beside.exists() else shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"error: pyside6-{name} not found (install PySide6 in this Python)")
    return found


def sources(domain: str) -> list[Path]:
    if domain == "board":
        return sorted(BOARD.rglob("*.py")) if BOARD.is_dir() else []
    return sorted(p for p in UI.rglob("*.py") if BOARD not in p.parents)


def update(domain: str) -> list[Path]:
    files = sources(domain)
    if not files:
        return []
    written = []
    for lang, locale in LANGUAGES.items():
        target = TRANSLATIONS / f"{domain}_{lang}.ts"
        command = [tool("lupdate"), "-silent", "-no-obsolete", "-locations", "relative",
                   "-source-language", "en_US", "-target-language", locale,
                   *[str(f.relative_to(ROOT)) for f in files], "-ts",
                   str(target.relative_to(ROOT))]
        subprocess.run(command, cwd=ROOT, check=True)
        written.append(target)
    return written


def release(ts: Path, qm: Path | None = None) -> Path:
    qm = qm or ts.with_suffix(".qm")
    subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
    return qm


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--release", action="store_true", help="only compile .ts to .qm")
    parser.add_argument("--only", choices=DOMAINS, help="one domain (default: both)")
    args = parser.parse_args(argv)
    domains = [args.only] if args.only else list(DOMAINS)
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    if not args.release:
        for domain in domains:
            for path in update(domain):
                print(f"updated {path.relative_to(ROOT)}")
    for ts in sorted(p for d in domains for p in TRANSLATIONS.glob(f"{d}_*.ts")):
        print(f"compiled {release(ts).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
