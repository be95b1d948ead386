"""The paper fallback pack: the current printouts written to a folder atomically.

A pack is written into a hidden temporary folder inside the target, every file fsynced, a
``manifest.json`` (names, sizes, sha256) written last, then the folder is renamed to its
generation name (``pack-20251001T0300Z``) and the ``latest`` pointer file is replaced
atomically. A reader therefore sees either the previous complete generation or the new
complete one, never half a pack. Leftover temporary folders (an interrupted write) are ignored
and removed once they are old enough not to belong to a writer still at work.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from console.reports.pack_workers import produce_all, write_file

TEMP_PREFIX = ".tmp-pack-"
GENERATION_PREFIX = "pack-"
POINTER = "latest"
MANIFEST = "manifest.json"
INDEX = "index.txt"
STALE_SECONDS = 600


def _fsync_dir(path: Path) -> None:
    if os.name == "nt":  # Windows cannot open a directory for fsync
        return
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def generation_name(moment: datetime) -> str:
    return GENERATION_PREFIX + moment.astimezone(UTC).strftime("%Y%m%dT%H%MZ")


def generations(folder: Path) -> list[Path]:
    """Complete generations (those with a manifest), oldest first."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir()
                  if p.is_dir() and p.name.startswith(GENERATION_PREFIX)
                  and (p / MANIFEST).is_file())


def latest(folder: Path) -> Path | None:
    """The generation the pointer names, if it is complete."""
    pointer = folder / POINTER
    if not pointer.is_file():
        return None
    name = pointer.read_text(encoding="utf-8").splitlines()[0].strip()
    target = folder / name
    return target if (target / MANIFEST).is_file() else None


def check(generation: Path) -> list[str]:
    """Problems with a generation: missing or changed files against its manifest."""
    try:
        manifest = json.loads((generation / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        return [f"{generation.name}: no readable manifest ({error})"]
    problems = []
    for name, info in manifest["files"].items():
        path = generation / name
        if not path.is_file():
            problems.append(f"{generation.name}/{name}: missing")
        elif hashlib.sha256(path.read_bytes()).hexdigest() != info["sha256"]:
            problems.append(f"{generation.name}/{name}: content differs from the manifest")
    return problems


def clean_leftovers(folder: Path, now: float | None = None) -> list[Path]:
    """Remove temporary folders of interrupted writes older than STALE_SECONDS."""
    removed = []
    moment = time.time() if now is None else now
    for path in folder.iterdir():
        if path.is_dir() and path.name.startswith(TEMP_PREFIX) \
                and moment - path.stat().st_mtime > STALE_SECONDS:
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


def index_text(names: list[str], moment: datetime, about: dict[str, object]) -> str:
    lines = ["서울특별시 재난안전대책본부 — 종이 대체 자료 묶음 목록 (paper fallback pack index)",
             f"작성 시각(UTC): {moment.astimezone(UTC):%Y-%m-%d %H:%M}",
             *(f"{key}: {value}" for key, value in about.items()), ""]
    lines += [f"{i:2d}. {name}" for i, name in enumerate([*names, INDEX, MANIFEST], 1)]
    return "\n".join(lines) + "\n"


def write_pack(folder: Path, files: Iterable[tuple[str, Callable[[], bytes]]],
               moment: datetime, keep: int = 5, about: dict[str, object] | None = None,
               apart: Sequence[str] = (), shared: Sequence[str] = (),
               in_child: Callable[[], None] | None = None) -> Path:
    """Write ``files`` (name, producer) as a new generation; return its folder.

    The files named in ``apart`` are made by a forked child process at the same time as the
    others, after it runs ``in_child``; those in ``shared`` by whichever of the two is free
    first (console/reports/pack_workers.py); a failure there fails the pack like one here."""
    folder.mkdir(parents=True, exist_ok=True)
    clean_leftovers(folder)
    temp = folder / f"{TEMP_PREFIX}{moment.astimezone(UTC):%Y%m%dT%H%M%S}-{os.getpid()}"
    if temp.exists():
        shutil.rmtree(temp)
    temp.mkdir()
    try:
        listing = produce_all(temp, list(files), apart, shared, in_child)
        # The index names every file of the generation (itself and the manifest too), so a
        # reader with paper only knows what the stick should hold.
        index = index_text(list(listing), moment, about or {}).encode("utf-8")
        write_file(temp / INDEX, index)
        listing[INDEX] = {"bytes": len(index), "sha256": hashlib.sha256(index).hexdigest()}
        manifest = {"format": 1, "written_at": moment.astimezone(UTC).isoformat(),
                    "files": listing, **(about or {})}
        write_file(temp / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1)
                    .encode("utf-8"))
        _fsync_dir(temp)
        target = folder / generation_name(moment)
        suffix = 2
        while target.exists():
            target = folder / f"{generation_name(moment)}-{suffix}"
            suffix += 1
        os.rename(temp, target)
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    _fsync_dir(folder)
    _point_to(folder, target.name)
    _prune(folder, keep, target)
    return target


def _point_to(folder: Path, name: str) -> None:
    temp = folder / f"{TEMP_PREFIX}{POINTER}-{os.getpid()}"
    write_file(temp, f"{name}\n".encode())
    os.replace(temp, folder / POINTER)
    _fsync_dir(folder)


def _prune(folder: Path, keep: int, newest: Path) -> None:
    complete = generations(folder)
    for old in complete[:max(0, len(complete) - max(keep, 1))]:
        if old != newest:
            shutil.rmtree(old, ignore_errors=True)
