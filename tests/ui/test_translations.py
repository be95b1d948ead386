"""Every Korean message is translated, and every compiled .qm matches its .ts."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from console.locate import resource

TRANSLATIONS = resource("translations")
KOREAN = sorted(TRANSLATIONS.glob("*_ko.ts"))
ALL_TS = sorted(TRANSLATIONS.glob("*.ts"))


def unfinished(path: Path) -> list[str]:
    problems = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else "missing"
            if kind in ("vanished", "obsolete"):
                continue
            if message.get("numerus") == "yes":
                texts = [f.text or "" for f in translation.iter("numerusform")]
            else:
                texts = [translation.text or ""] if translation is not None else [""]
            if kind == "unfinished" or not texts or not all(t.strip() for t in texts):
                problems.append(f"{name}: {source!r}")
    return problems


def test_there_are_korean_translations() -> None:
    assert {p.name for p in KOREAN} >= {"console_ko.ts"}


@pytest.mark.parametrize("path", KOREAN, ids=lambda p: p.name)
def test_every_korean_message_is_translated(path: Path) -> None:
    assert unfinished(path) == []


@pytest.mark.parametrize("path", ALL_TS, ids=lambda p: p.name)
def test_compiled_translation_is_current(path: Path, tmp_path: Path) -> None:
    qm = path.with_suffix(".qm")
    assert qm.is_file(), f"{qm.name} is missing: run packaging/translations.py --release"
    if qm.stat().st_mtime >= path.stat().st_mtime:
        return
    # A checkout does not keep file times: older by the clock may still be the same content.
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    fresh = tmp_path / qm.name
    subprocess.run([str(lrelease), "-silent", str(path), "-qm", str(fresh)], check=True)
    assert fresh.read_bytes() == qm.read_bytes(), \
        f"{qm.name} is older than {path.name}: run packaging/translations.py --release"
