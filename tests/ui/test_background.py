"""BackgroundCall: a blocking call off the GUI thread, its result as a signal."""

import threading

import pytest

from app.ui.background import BackgroundCall


def _fail():
    raise ValueError("nope")


@pytest.mark.parametrize(("work", "signal"), [(lambda: 42, "done"), (_fail, "failed")])
def test_a_call_runs_until_its_result_reaches_the_gui_thread(qtbot, work, signal):
    call = BackgroundCall(work)
    seen = []
    getattr(call, signal).connect(
        lambda value: seen.append((value, call.is_running(), threading.current_thread()))
    )
    assert not call.is_running()
    with qtbot.waitSignal(getattr(call, signal)):
        call.start()
        call._thread.join()
        running_after_its_thread = call.is_running()  # the result is still queued
    assert running_after_its_thread
    assert not call.is_running()
    [(value, running, thread)] = seen
    assert (value == 42) if signal == "done" else isinstance(value, ValueError)
    assert not running and thread is threading.main_thread()
