"""Errors a user can cause; each carries one line that says what to do differently.

An error is raised with a code from the message catalogue and its parameters
(``NotFound("system.unknown_code", code="X")``); the face that shows it calls
``render(lang)``. ``str(error)`` is the English sentence, for logs.
"""

from __future__ import annotations

from typing import Any

from console.domain.messages import Message


class ConsoleError(Exception):
    """Refused: bad input, failed check or missing permission (exit status 1)."""

    def __init__(self, code: str, /, **params: Any) -> None:
        self.message = Message(code, **params)
        super().__init__(code)

    @property
    def code(self) -> str:
        return self.message.code

    @property
    def params(self) -> dict[str, Any]:
        return self.message.params

    def render(self, lang: str = "ko") -> str:
        """The one-line sentence in ``lang`` ('ko' or 'en')."""
        return self.message.render(lang)

    def __str__(self) -> str:
        return self.message.render("en")


class PermissionDenied(ConsoleError):
    pass


class ValidationError(ConsoleError):
    pass


class NotFound(ConsoleError):
    pass


class VerificationFailed(ConsoleError):
    pass


class UnknownValue(ValidationError, ValueError):
    """A name that is none of an enum's members (still a ValueError for parsers)."""


def render_error(error: BaseException, lang: str = "ko") -> str:
    """What a face shows for any error: a refusal in ``lang``, anything else as it is."""
    if isinstance(error, ConsoleError):
        return error.render(lang)
    return str(error)
