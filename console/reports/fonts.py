"""The bundled Korean font, registered once with reportlab (embedded as a subset on use)."""

from __future__ import annotations

import threading
from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from console.locate import resource
from console.reports import accel

REGULAR = "NanumGothic"
BOLD = "NanumGothicBold"


_REGISTERING = threading.Lock()
"""Two first PDFs on two threads must not register two font objects: a document holds its
subset state on the object it started with."""


def register_fonts() -> tuple[str, str]:
    """Register NanumGothic (regular, bold) and map <b> in paragraphs to the bold face.

    Loading the TTFs costs ~140 ms, so it happens on first use, not when the window starts.
    """
    with _REGISTERING:
        return _register()


@cache
def _register() -> tuple[str, str]:
    accel.install()  # before the first PDF: the same bytes, several times faster
    pdfmetrics.registerFont(TTFont(REGULAR, str(resource("fonts", "NanumGothic.ttf"))))
    pdfmetrics.registerFont(TTFont(BOLD, str(resource("fonts", "NanumGothicBold.ttf"))))
    # registerFont maps every face of a TrueType family to the font itself, which undid the
    # mapping below: <b> came out bold in a process's first PDF only, so a report reprinted
    # in another process had other bytes than the one issued. Map again, after registering.
    _add_mappings()
    return REGULAR, BOLD


@cache
def map_fonts() -> None:
    """Cheap: lets paragraphs be built (styles resolve <b>) before the fonts are loaded."""
    _add_mappings()


def _add_mappings() -> None:
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, REGULAR)
    addMapping(REGULAR, 1, 1, BOLD)
