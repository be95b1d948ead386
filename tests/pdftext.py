"""The text of a generated PDF, read back in Python with pypdf (no poppler needed).

``extraction_mode="layout"`` places text by its position on the page, as ``pdftotext -layout``
did before (what a person's viewer would copy): a table row reads as one line, the running
header and footer as lines of their own. The plain mode would follow the content stream
instead (every table cell on its own line, the header's parts out of visual order). Both give
the Korean back from the embedded NanumGothic subsets, through the ToUnicode map reportlab
writes: checked character for character against pdftotext on every kind of printout.
"""

from __future__ import annotations

import io
import re

import pypdf


def pdf_pages(data: bytes) -> list[str]:
    """The text of every page, one string per page (an image-only page gives "")."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    return [page.extract_text(extraction_mode="layout") for page in reader.pages]


def flat(data: bytes) -> str:
    """The whole document's text on one line, every run of white space one space."""
    return re.sub(r"\s+", " ", " ".join(pdf_pages(data)))
