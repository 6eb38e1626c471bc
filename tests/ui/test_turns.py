"""Turns: steps one per turn of the event loop; ChangeDelivery: what changed, gathered
and handed to every receiver on a later turn."""

from app.types import Changes
from app.ui.change_delivery import ChangeDelivery
from app.ui.turns import Turns


def test_steps_run_one_per_turn_in_order_and_a_steps_own_steps_come_next(qtbot):
    turns = Turns()
    ran: list[str] = []

    def split() -> None:
        ran.append("b")
        turns.add(lambda: ran.append("b1"), lambda: ran.append("b2"))

    turns.add(lambda: ran.append("a"), split, lambda: ran.append("c"))
    assert ran == [] and turns.waiting() == 3  # nothing before the event loop turns
    qtbot.waitUntil(lambda: turns.waiting() == 0)
    assert ran == ["a", "b", "b1", "b2", "c"]


def test_cleared_steps_never_run(qtbot):
    turns = Turns()
    ran: list[int] = []
    turns.add(lambda: ran.append(1))
    turns.clear()
    qtbot.wait(20)
    assert ran == [] and turns.waiting() == 0


def test_changes_are_gathered_and_delivered_once_on_a_later_turn(qtbot):
    turns = Turns()
    delivery = ChangeDelivery(turns)
    got: list[tuple[str, Changes]] = []
    delivery.add_receiver(lambda changes: got.append(("page", changes)))
    delivery.add_receiver(lambda changes: got.append(("card", changes)))
    done: list[bool] = []
    delivery.send(Changes(item_ids=(1,)))
    delivery.send(Changes(drafts=True, item_ids=(2, 1)), then=lambda: done.append(bool(got)))
    assert got == []  # never in the middle of the handler that wrote
    qtbot.waitUntil(lambda: bool(done))
    both = Changes(drafts=True, item_ids=(1, 2))
    assert got == [("page", both), ("card", both)]
    assert done == [True]  # `then` ran once every receiver had applied them


def test_a_receiver_splitting_its_work_finishes_before_then_runs(qtbot):
    turns = Turns()
    delivery = ChangeDelivery(turns)
    ran: list[str] = []
    delivery.add_receiver(
        lambda _c: turns.add(lambda: ran.append("reload 1"), lambda: ran.append("reload 2"))
    )
    delivery.add_receiver(lambda _c: ran.append("counts"))
    delivery.send(Changes(items=True), then=lambda: ran.append("refreshed"))
    qtbot.waitUntil(lambda: "refreshed" in ran)
    assert ran == ["reload 1", "reload 2", "counts", "refreshed"]
