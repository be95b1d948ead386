"""Files the program writes for people (reports, moved keys): whole or not at all.

Written to a hidden partial file beside the target and renamed over it, so a half-written
file never looks done; on a failed write (a full disk, a pulled stick) the partial file is
removed and the failure is one coded line. A partial file a kill left behind is named after
its target and is replaced by the next write of the same file.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from console.domain.errors import ConsoleError


def partial_of(target: Path) -> Path:
    return target.with_name(f".{target.name}.part")


def write_atomically(target: Path, data: bytes, *, private: bool = False) -> Path:
    target = Path(target)
    partial = partial_of(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC
        descriptor = os.open(partial, flags, 0o600 if private else 0o644)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if private:
            os.chmod(partial, 0o600)
        os.replace(partial, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise ConsoleError("file.cannot_write", path=target,
                           error=error.strerror or type(error).__name__) from None
    return target
