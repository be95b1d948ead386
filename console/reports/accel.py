"""reportlab's pure-Python number formatting and ASCII85 encoding, made fast, byte for byte.

Without reportlab's optional C accelerator (``rl-accel``, not a dependency), most of a long
document's time was two pure-Python helpers: ``fp_str``, which formats every coordinate of
every text line and rule (755,000 calls for the fallback pack at scale 30), and
``asciiBase85Encode``, which encodes every compressed page stream one 4-byte word at a time.
Profiles in docs/reports.md ("Speed", 2026-12-01).

``install()`` (called once, when the fonts are registered) swaps them in every reportlab module
that imported them for:

- ``fp_str`` memoised: a page repeats the same few dozen x positions and row baselines, and
  every page repeats the previous page's; a miss calls reportlab's own function, so every
  string is the one reportlab makes;
- ``asciiBase85Encode`` doing the whole 4-byte words at once with numpy (the same digits,
  ``z`` for a zero word) and the last, partial word with reportlab's own function.

So a document's bytes do not change (tests/test_reports_accel.py compares both functions on
random input and a report rendered with and without), and stored reports reprint identically.
When the C accelerator is installed, nothing is swapped.
"""

from __future__ import annotations

import base64
import sys
import threading
from collections.abc import Callable
from typing import Any

from reportlab.lib import rl_accel
from reportlab.pdfbase import pdfdoc

_CACHE_LIMIT = 200_000
"""Distinct coordinate tuples kept; a document at scale has a few thousand."""

_lock = threading.Lock()
_installed: dict[str, tuple[Callable[..., Any], Callable[..., Any]]] = {}
"""Name → (reportlab's function, ours), once installed."""


def _fast_fp_str(original: Callable[..., str]) -> Callable[..., str]:
    cache: dict[tuple[Any, ...], str] = {}

    def fp_str(*numbers: Any) -> str:
        try:
            return cache[numbers]
        except KeyError:
            text = original(*numbers)
            if len(cache) >= _CACHE_LIMIT:
                cache.clear()
            cache[numbers] = text
            return text
        except TypeError:  # a list argument: not a key
            return original(*numbers)

    return fp_str


def _whole_words(body: bytes) -> str:
    """ASCII85 of whole 4-byte words: five digits each, "z" for a zero word."""
    try:
        import numpy as np  # pyqtgraph's dependency, so always installed with the window
    except ImportError:  # pragma: no cover - the standard library's, slower but the same
        return base64.a85encode(body).decode("ascii")
    words = np.frombuffer(body, dtype=">u4").astype(np.uint64)
    digits = np.empty((len(words), 5), dtype=np.uint8)
    for place in range(4, -1, -1):
        digits[:, place] = words % 85 + 33
        words //= 85
    zero = np.frombuffer(body, dtype=">u4") == 0
    digits[zero, 0] = ord("z")
    keep = np.ones(digits.shape, dtype=bool)
    keep[zero, 1:] = False
    return digits[keep].tobytes().decode("ascii")


def _fast_a85(original: Callable[[Any], str]) -> Callable[[Any], str]:
    def ascii_base85_encode(data: Any) -> str:
        if not isinstance(data, bytes | bytearray):
            return original(data)  # reportlab also takes str: its own way
        cut = len(data) - len(data) % 4
        # The whole words vectorised; the partial last word and the "~>" end by reportlab.
        return _whole_words(bytes(data[:cut])) + original(bytes(data[cut:]))

    return ascii_base85_encode


def _remembered_name(original: Callable[..., str]) -> Callable[..., str]:
    """pdfdoc's ``PDFName`` remembered: it escapes its name letter by letter, and a long
    document asks for the same few dozen names (/Type, /Page, /Font, ...) on every page
    (10,000 calls for the 779-page inventory)."""
    cache: dict[tuple[Any, ...], str] = {}

    def PDFName(*arguments: Any) -> str:  # reportlab's name for it
        try:
            return cache[arguments]
        except KeyError:
            if len(cache) >= _CACHE_LIMIT:
                cache.clear()
            text = cache[arguments] = original(*arguments)
            return text

    return PDFName


_MAKERS: dict[str, Callable[[Callable[..., Any]], Callable[..., Any]]] = {
    "fp_str": _fast_fp_str, "asciiBase85Encode": _fast_a85, "PDFName": _remembered_name}


def install() -> bool:
    """Swap the fast functions in (idempotent); False when reportlab's C accelerator is
    there (its functions are faster still)."""
    with _lock:
        if not _installed:
            for name, make in _MAKERS.items():
                if name == "PDFName":  # pure Python in every reportlab: always swapped
                    original = pdfdoc.PDFName
                elif name in rl_accel._c_funcs:
                    continue
                else:
                    original = getattr(rl_accel, name)
                _installed[name] = (original, make(original))
        _swap({original: fast for original, fast in _installed.values()})
        return bool(set(_installed) - {"PDFName"})


def uninstall() -> None:
    """Put reportlab's own functions back (for the tests comparing both)."""
    with _lock:
        _swap({fast: original for original, fast in _installed.values()})


def _swap(replacements: dict[Callable[..., Any], Callable[..., Any]]) -> None:
    # Each module did ``from reportlab.lib.rl_accel import fp_str``: its own name must change.
    # Modules imported after install() take the swapped name from rl_accel itself.
    for module_name, module in list(sys.modules.items()):
        if module is None or not (module_name == "reportlab" or
                                  module_name.startswith("reportlab.")):
            continue
        names = vars(module)
        for name, value in list(names.items()):
            try:
                swapped = replacements.get(value) if callable(value) else None
            except TypeError:  # an unhashable callable: not one of ours
                continue
            if swapped is not None:
                names[name] = swapped
