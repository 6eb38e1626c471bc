"""One record of what changed (app.types.Changes) for every page, as Anki's screens all
react to one `operation_did_execute`: the planner's services announce their writes, the
background work announces what a refresh or a re-ranking stored, and each page decides
from the record what to read again."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from app.types import Changes
from app.ui.turns import Step, Turns

Receiver = Callable[[Changes], None]


class ChangeDelivery:
    """Gathers changes (`|`) and hands them to every receiver on a later turn of the
    event loop, each receiver on its own turn: a page is never reloaded in the middle of
    its own handler, and a burst of writes costs one reload."""

    def __init__(self, turns: Turns) -> None:
        self._turns = turns
        self._receivers: list[Receiver] = []
        self._pending = Changes()
        self._scheduled = False

    def add_receiver(self, receiver: Receiver) -> None:
        """Hand `receiver` every change from now on, after those added before it."""
        self._receivers.append(receiver)

    def send(self, changes: Changes, then: Step | None = None) -> None:
        """Deliver `changes` soon; `then` runs once every receiver has applied them."""
        self._pending = self._pending | changes
        if not self._scheduled:
            self._scheduled = True
            self._turns.add(self._deliver)
        if then is not None:
            self._turns.add(then)

    def _deliver(self) -> None:
        changes, self._pending, self._scheduled = self._pending, Changes(), False
        if changes:
            self._turns.add(*(partial(receiver, changes) for receiver in self._receivers))
