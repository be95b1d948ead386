"""Errors a user can cause; each carries one line that says what to do differently."""

from __future__ import annotations


class ConsoleError(Exception):
    """Refused: bad input, failed check or missing permission (exit status 1)."""


class PermissionDenied(ConsoleError):
    pass


class ValidationError(ConsoleError):
    pass


class NotFound(ConsoleError):
    pass


class VerificationFailed(ConsoleError):
    pass
