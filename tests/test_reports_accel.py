"""reports/accel.py: reportlab's fp_str and ASCII85 made fast give reportlab's very strings,
so documents (and the reprints of stored reports) keep their bytes."""

from __future__ import annotations

import random

from reportlab.lib import rl_accel
from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen import textobject

from console.reports import accel
from console.reports.layout import PageFrame, build_pdf
from console.reports.long_table import long_table


def _originals() -> tuple:
    accel.install()
    return accel._installed["fp_str"][0], accel._installed["asciiBase85Encode"][0]


def test_installed_in_the_modules_that_imported_them() -> None:
    if not accel.install():
        return  # reportlab's C accelerator is there: nothing to swap
    fp_str, a85 = _originals()
    assert textobject.fp_str is not fp_str and pdfdoc.asciiBase85Encode is not a85
    assert rl_accel.fp_str is textobject.fp_str


def test_fp_str_is_reportlabs() -> None:
    if not accel.install():
        return
    original, _ = _originals()
    draw = random.Random(13)
    for _ in range(20_000):
        numbers = tuple(draw.choice([draw.uniform(-1e4, 1e4), draw.uniform(-1, 1),
                                     draw.randint(-900, 900), 0, 1e-8, -0.0,
                                     round(draw.uniform(0, 842), 2), True])
                        for _ in range(draw.randint(1, 6)))
        assert textobject.fp_str(*numbers) == original(*numbers), numbers
        assert textobject.fp_str(*numbers) == original(*numbers), numbers  # from the cache
    assert textobject.fp_str([1.5, 2]) == original([1.5, 2])  # a list: not a cache key


def test_ascii85_is_reportlabs() -> None:
    if not accel.install():
        return
    _, original = _originals()
    draw = random.Random(85)
    for size in range(0, 200):
        for _ in range(5):  # zero words ("z") and zero tails among the random bytes
            data = bytes(draw.choice([0, 0, 0, draw.randrange(256)]) for _ in range(size))
            assert pdfdoc.asciiBase85Encode(data) == original(data), data
    assert pdfdoc.asciiBase85Encode("text") == original("text")


def test_a_document_has_the_same_bytes_with_and_without() -> None:
    frame = PageFrame("머리", "표", lambda x, y: f"쪽 {x} / {y}")
    rows: list[list[object]] = [[f"R{i:04d}", f"시스템 {i} 이름", i * 0.37] for i in range(600)]

    def pdf() -> bytes:
        story = [long_table(["코드", "이름", "값"], rows, [0.2, 0.6, 0.2], "LLR")]
        return build_pdf(story, frame, title="t")

    fast = pdf()
    accel.uninstall()
    try:
        slow = pdf()
    finally:
        accel.install()
    assert fast == slow
