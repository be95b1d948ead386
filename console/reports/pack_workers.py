"""The pack's files built on both cores: a forked child process produces some of them while
this process produces the rest, each writing its files into the pack's temporary folder.

The documents of a pack are independent (docs/reports.md, "Report and pack speed, third
pass"): at ``demo --scale 30`` they are ~10 s of CPU, which one core cannot bring under 5 s.
The child is forked, not spawned: a spawned interpreter pays ~2 s of CPU importing the
console and loading the fonts before its first page, a forked one starts with them loaded.
Only the files, their sizes and sha256 come back (through a pipe); the manifest, the index,
the atomic rename and the pointer stay with the caller (console/reports/pack.py), so a failed
child fails the whole pack and the previous generation stays as it was.

Forking is only safe when no other thread of this process could hold a lock the child needs
(SQLite's, the logging module's): ``can_split`` says no in a process running other Python
threads (the window writes its pack on a worker thread, unattended), and the pack is then
written on one core as before.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import pickle
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from itertools import chain
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from console.domain.errors import ConsoleError

Producer = Callable[[], bytes]
Info = dict[str, object]

TIMES: dict[str, tuple[float, float]] = {}
"""File name → (wall, CPU seconds) of its production in the last pack, whichever process
made it (tests/bench/bench_issue13.py prints them)."""


def can_split() -> bool:
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def write_file(path: Path, data: bytes) -> None:
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def produce(folder: Path, name: str, make: Producer) -> tuple[Info, tuple[float, float]]:
    """Make one file and write it into ``folder``: its manifest entry and its timing."""
    wall, cpu = time.perf_counter(), time.process_time()
    data = make()
    write_file(folder / name, data)
    took = (time.perf_counter() - wall, time.process_time() - cpu)
    return {"bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}, took


def produce_all(folder: Path, files: Sequence[tuple[str, Producer]],
                apart: Sequence[str] = (), shared: Sequence[str] = (),
                in_child: Callable[[], None] | None = None) -> dict[str, Info]:
    """Every file of ``files`` written into ``folder``, when ``can_split`` by two processes:
    a forked child (after ``in_child``, e.g. reopening the database read-only) makes those
    named in ``apart``, this one the others not in ``shared``; then each takes the next of
    ``shared`` (in that order: the biggest first) as soon as it is free, so the two halves
    even out whatever the load. The listing keeps the order of ``files``."""
    TIMES.clear()
    by_name = dict(files)
    away = [name for name in apart if name in by_name]
    pool = [name for name in shared if name in by_name and name not in away]
    here = [name for name, _ in files if name not in away and name not in pool]
    made: dict[str, Info] = {}
    if not away or not can_split():
        for name, make in files:
            made[name], TIMES[name] = produce(folder, name, make)
        return made
    context = multiprocessing.get_context("fork")
    taken = context.Value("i", 0)  # the next of ``pool`` not yet taken by either process
    started = _start(context, folder, [(name, by_name[name]) for name in away],
                     [(name, by_name[name]) for name in pool], taken, in_child)
    child: tuple[Any, Connection] | None = started
    try:
        # chain, not a list: a shared file is taken only when this process is free for it.
        for name in chain(here, _free(pool, taken)):
            made[name], TIMES[name] = produce(folder, name, by_name[name])
        made.update(_collect(*started))
        child = None
    finally:
        if child is not None:  # this process failed first: the child's work is not wanted
            child[0].kill()
            child[0].join()
    return {name: made[name] for name, _ in files}


def _free(pool: Sequence[str], taken: Any) -> Iterator[str]:
    """The files of ``pool`` the other process has not taken, one at a time."""
    while True:
        with taken.get_lock():
            index = taken.value
            taken.value = index + 1
        if index >= len(pool):
            return
        yield pool[index]


def _start(context: Any, folder: Path, files: Sequence[tuple[str, Producer]],
           pool: Sequence[tuple[str, Producer]], taken: Any,
           in_child: Callable[[], None] | None) -> tuple[Any, Connection]:
    reader, writer = context.Pipe(duplex=False)
    process = context.Process(target=_child,
                              args=(writer, folder, files, pool, taken, in_child),
                              name="fallback-pack", daemon=True)
    process.start()
    writer.close()  # the child's end: when the child dies, recv() sees the end of the pipe
    return process, reader


def _child(writer: Connection, folder: Path, files: Sequence[tuple[str, Producer]],
           pool: Sequence[tuple[str, Producer]], taken: Any,
           in_child: Callable[[], None] | None) -> None:
    try:
        if in_child is not None:
            in_child()
        made = {name: produce(folder, name, make) for name, make in files}
        makers = dict(pool)
        for name in _free([name for name, _ in pool], taken):
            made[name] = produce(folder, name, makers[name])
        writer.send(("done", made))
    except BaseException as error:  # every failure goes back to the parent, which raises it
        writer.send(("failed", _portable(error)))
    finally:
        writer.close()


def _collect(process: Any, reader: Connection) -> dict[str, Info]:
    try:
        outcome, value = reader.recv()
    except EOFError:  # killed, or crashed before it could say why
        process.join()
        raise ConsoleError("pack.worker_failed", reason=f"exit {process.exitcode}") from None
    finally:
        reader.close()
    process.join()
    if outcome == "failed":
        raise _restored(value)
    made: dict[str, Info] = {}
    for name, (info, took) in value.items():
        made[name], TIMES[name] = info, took
    return made


def _portable(error: BaseException) -> tuple[str, Any]:
    """The child's exception in a form the pipe carries: a ConsoleError by its code and
    parameters (its pickle would keep the code only), others pickled when they can be."""
    if isinstance(error, ConsoleError):
        return "coded", (type(error), error.code, dict(error.params))
    try:
        return "pickled", pickle.dumps(error)
    except Exception:  # an exception carrying something unpicklable
        return "text", f"{type(error).__name__}: {error}"


def _restored(value: tuple[str, Any]) -> BaseException:
    kind, body = value
    if kind == "coded":
        cls, code, params = body
        return cls(code, **params)
    if kind == "pickled":
        try:
            error = pickle.loads(body)
            if isinstance(error, BaseException):
                return error
        except Exception:  # an unreadable pickle: the coded error below
            pass
    return ConsoleError("pack.worker_failed", reason=str(body)[:200])
