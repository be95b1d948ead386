"""What every page of the window is built with: services, the logged-in actor, language, and
a signal that tells pages which tables changed (here or through sync)."""

from __future__ import annotations

from collections.abc import Callable, Set
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, Signal

from console.services.app import Services
from console.services.context import Actor, ChangeSet
from console.ui.dialogs import FormDialog
from console.ui.drafts import DraftStore
from console.ui.messages import MessagePresenter
from console.ui.worker import Runner


class DataBus(QObject):
    """Emitted after every service call that wrote, with the names of the changed tables."""

    changed = Signal(set)


@dataclass
class UiContext:
    services: Services
    actor: Actor
    lang: str = "ko"
    bus: DataBus = field(default_factory=DataBus)
    runner: Runner = field(default_factory=Runner)
    """Database work off the GUI thread; callbacks come back on it."""
    messages: MessagePresenter = field(default_factory=MessagePresenter)
    """Errors, refusals and notices, never blocking the event loop."""
    drafts: DraftStore | None = None
    """Where open forms keep their unsent text (console/ui/drafts.py); None: nowhere."""
    since_login: datetime | None = None
    """This user's previous log-in here (AccountService.record_login): what was recorded
    after it is marked new on the timeline and the board. None: nothing is marked."""
    new_incident: Callable[[], object] | None = None
    """The window's 'New incident…' (offered when a write meets a closed incident)."""
    _form: FormDialog | None = field(default=None, init=False, repr=False)
    _asked: dict[str, int] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        self.messages.lang = self.lang  # refusals speak the window's language

    def now(self) -> datetime:
        """The services' clock: the status-bar clock and elapsed times agree with the data.
        (The situation service's, which the board builds anyway: the table service would
        import the table machinery before the first screen for a clock.)"""
        return self.services.situation.now()

    def submit_form(self, form: FormDialog, start: Callable[[], None]) -> None:
        """Run ``start``, which makes the form's one write: the form stays open until that
        write is done and shows its refusal, so nothing typed is lost. A form whose action
        wrote nothing (it opened something else) closes at once."""
        self._form = form
        try:
            start()
        except Exception as error:  # a page's own check failed: say so in the form
            self._form = None
            form.failed(self.messages.text_of(error))
            raise
        unused = self._form is form
        self._form = None
        if unused:
            form.saved()

    def write(self, work: Callable[[], Any], on_done: Callable[[Any], object] | None = None,
              tables: Set[str] | None = None,
              on_error: Callable[[BaseException], object] | None = None) -> None:
        """Run one service call off the GUI thread; then tell every page what changed.

        ``work`` returns a ChangeSet (its tables are announced) or anything else with
        ``tables`` naming what it changed. A refusal is shown with its reason (and in the
        form it came from, which stays open: ``submit_form``).
        """
        form, self._form = self._form, None
        report = on_error or self.messages.error

        def finished(result: Any) -> None:
            if form is not None:
                form.saved()
            changed = set(result.tables) if isinstance(result, ChangeSet) else set()
            changed |= tables or set()
            if changed:
                self.bus.changed.emit(changed)
            if on_done is not None:
                on_done(result)

        def refused(error: BaseException) -> None:
            if form is not None:
                form.failed(self.messages.text_of(error))
            report(error)

        self.runner.submit(work, finished, refused)

    def read(self, work: Callable[[], Any], on_done: Callable[[Any], object],
             on_error: Callable[[BaseException], object] | None = None,
             latest: str | None = None) -> None:
        """A read too slow for the GUI thread (a first load, a dependency walk).

        ``latest`` names what the answer fills (a preview, a list): reads run on two threads
        and may end out of order, so of the reads with one name only the answer to the last
        one asked reaches ``on_done``; the earlier answers are dropped (a slow reprint chosen
        first must not land over the report chosen after it)."""
        if latest is None:
            self.runner.submit(work, on_done, on_error or self.messages.error)
            return
        asked = self._asked[latest] = self._asked.get(latest, 0) + 1

        def done(result: Any) -> None:
            if self._asked.get(latest) == asked:
                on_done(result)

        self.runner.submit(work, done, on_error or self.messages.error)
