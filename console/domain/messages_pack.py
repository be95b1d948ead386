"""The catalogue's sentences about writing the paper fallback pack on two cores
(console.domain.messages merges them)."""

from __future__ import annotations

PACK_MESSAGES: dict[str, tuple[str, str]] = {
    "pack.worker_failed": (
        "종이 대체 자료 묶음을 쓰지 못했습니다: 나누어 만들던 프로세스가 끝났습니다({reason}). 이전 묶음은 그대로입니다",
        "the fallback pack was not written: the process building part of it ended ({reason}); the previous pack is unchanged"),
}
