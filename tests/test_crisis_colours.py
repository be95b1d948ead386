"""The crisis levels' colours stay apart for a red-green colour-blind reader and on a
black-and-white print (issue 12 item 8): a computed check, not a look."""

from __future__ import annotations

from itertools import combinations, pairwise

from console.domain.enums import CrisisLevel

# Machado, Oliveira and Fernandes (2009), deuteranopia at severity 1.0, on linear sRGB.
DEUTERANOPIA = ((0.367322, 0.860646, -0.227968),
                (0.280085, 0.672501, 0.047413),
                (-0.011820, 0.042940, 0.968881))


def linear(hex_colour: str) -> tuple[float, float, float]:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return channel(r), channel(g), channel(b)


def lab(rgb: tuple[float, float, float]) -> tuple[float, float, float]:
    """CIELAB (D65) of linear sRGB."""
    r, g, b = rgb
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.9505
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.089

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def deuteranope(rgb: tuple[float, float, float]) -> tuple[float, float, float]:
    r, g, b = (max(0.0, min(1.0, row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2]))
               for row in DEUTERANOPIA)
    return r, g, b


def distance(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    return sum((x - y) ** 2 for x, y in zip(a, b, strict=True)) ** 0.5


COLOURS = {level: linear(level.colour) for level in CrisisLevel}


def test_levels_differ_under_deuteranopia() -> None:
    """ΔE*76 ≥ 30 between any two levels as a deuteranope sees them (the old set: 17)."""
    seen = {level: lab(deuteranope(rgb)) for level, rgb in COLOURS.items()}
    closest = min(distance(seen[a], seen[b]) for a, b in combinations(CrisisLevel, 2))
    assert closest >= 30, closest


def test_levels_differ_in_grey_and_darken_with_danger_from_caution_up() -> None:
    """On a black-and-white print every level has its own grey, ≥ 15 L* apart (the old
    blue and red were 1 apart), and 주의 → 경계 → 심각 get darker."""
    grey = {level: lab(rgb)[0] for level, rgb in COLOURS.items()}
    values = sorted(grey.values())
    assert min(b - a for a, b in pairwise(values)) >= 15, grey
    assert grey[CrisisLevel.CAUTION] > grey[CrisisLevel.ALERT] > grey[CrisisLevel.SERIOUS]


def test_levels_differ_for_everyone_else_too() -> None:
    normal = {level: lab(rgb) for level, rgb in COLOURS.items()}
    assert min(distance(normal[a], normal[b]) for a, b in combinations(CrisisLevel, 2)) >= 30
