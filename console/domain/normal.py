"""The standard normal distribution, vectorised for the forecast (console/domain/forecast.py):
numpy has no erf and scipy is not a dependency. Pure computation, float arrays in and out."""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt

Array = npt.NDArray[np.float64]


def upper_tail(z: Array) -> Array:
    """Q(z) = 1 − Φ(z), by erfc (Numerical Recipes' erfcc, relative error < 1.2e-7)."""
    t_arg = np.abs(z) / math.sqrt(2.0)
    t = 1.0 / (1.0 + 0.5 * t_arg)
    poly = (-t_arg * t_arg - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (
        0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (
            1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))))
    erfc = t * np.exp(poly)
    return np.where(z >= 0, 0.5 * erfc, 1.0 - 0.5 * erfc)


_A = (-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
      1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00)
_B = (-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
      6.680131188771972e+01, -1.328068155288572e+01)
_C = (-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
      -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00)
_D = (7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
      3.754408661907416e+00)


def upper_quantile(q: Array) -> Array:
    """z with Q(z) = q (Acklam's inverse normal, relative error < 1.2e-9), for q in (0, 1).

    Taken from the upper tail directly, so deep truncations keep their precision."""
    p = np.clip(q, 1e-300, 1.0 - 1e-16)
    low = np.minimum(p, 1.0 - p)  # the smaller tail, where the rational form is accurate
    result = np.empty_like(p)
    tail = low < 0.02425
    r = np.sqrt(-2.0 * np.log(low[tail]))
    result[tail] = ((((((_C[0] * r + _C[1]) * r + _C[2]) * r + _C[3]) * r + _C[4]) * r + _C[5])
                    / ((((_D[0] * r + _D[1]) * r + _D[2]) * r + _D[3]) * r + 1.0))
    middle = ~tail
    s = low[middle] - 0.5
    s2 = s * s
    result[middle] = ((((((_A[0] * s2 + _A[1]) * s2 + _A[2]) * s2 + _A[3]) * s2 + _A[4]) * s2
                       + _A[5]) * s / (((((_B[0] * s2 + _B[1]) * s2 + _B[2]) * s2 + _B[3]) * s2
                                        + _B[4]) * s2 + 1.0))
    # ``result`` is Φ⁻¹(low): negative; the upper quantile of p is −Φ⁻¹(p).
    return np.where(p <= 0.5, -result, result)


_DEPTH_LOW, _DEPTH_HIGH, _DEPTH_POINTS = math.log(1e-7), math.log(800.0), 8192


def _tail_table() -> tuple[npt.NDArray[np.float32], npt.NDArray[np.float32]]:
    """Q⁻¹(exp(−t)) on a uniform grid of log t: smooth there, so linear steps between 8,192
    points are exact to ~1e-6 in z. t < 1e-7 (an upper-tail probability above 0.9999999) is
    read as 1e-7; t > 800 cannot occur (Q(z) ≥ 1e-300, exponential draws stay below 50)."""
    log_depth = np.linspace(_DEPTH_LOW, _DEPTH_HIGH, _DEPTH_POINTS)
    values = upper_quantile(np.exp(-np.exp(log_depth)))
    return values.astype(np.float32), np.diff(values, append=values[-1]).astype(np.float32)


_TAIL_TABLE = _tail_table()


def tail_quantile(depth: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    """z with Q(z) = exp(−depth), by the table (in place on ``depth``)."""
    values, steps = _TAIL_TABLE
    np.maximum(depth, np.float32(1e-7), out=depth)
    np.log(depth, out=depth)
    depth -= np.float32(_DEPTH_LOW)
    depth *= np.float32((_DEPTH_POINTS - 1) / (_DEPTH_HIGH - _DEPTH_LOW))
    np.minimum(depth, np.float32(_DEPTH_POINTS - 1), out=depth)
    index = depth.astype(np.int32)
    depth -= index
    depth *= steps[index]
    depth += values[index]
    return depth
