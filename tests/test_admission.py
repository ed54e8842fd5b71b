"""CPU admission: one job per core at once, and a waiting log-in goes before waiting answers."""

from __future__ import annotations

import threading
import time

from tutor import admission


def _hold(release: threading.Event, started: threading.Event, **kw):
    def run():
        with admission.cpu_slot(**kw):
            started.set()
            release.wait(10)
    t = threading.Thread(target=run)
    t.start()
    return t


def _until(condition, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting for the admission queue"
        time.sleep(0.005)


def _fill_slots(release: threading.Event) -> list[threading.Thread]:
    """Jobs holding every slot until ``release`` is set."""
    holders = []
    for _ in range(admission.SLOTS):
        started = threading.Event()
        holders.append(_hold(release, started))
        assert started.wait(5)
    return holders


def test_no_more_jobs_than_slots_run_at_once():
    peak, lock, running = [0], threading.Lock(), [0]

    def job():
        with admission.cpu_slot():
            with lock:
                running[0] += 1
                peak[0] = max(peak[0], running[0])
            time.sleep(0.02)
            with lock:
                running[0] -= 1

    threads = [threading.Thread(target=job) for _ in range(4 * admission.SLOTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert peak[0] == admission.SLOTS and admission.running() == 0


def test_a_waiting_login_is_admitted_before_a_waiting_answer(monkeypatch):
    monkeypatch.setattr(admission, "SLOTS", 1)
    release = threading.Event()
    holders = _fill_slots(release)
    order: list[str] = []

    def waiter(name, **kw):
        with admission.cpu_slot(**kw):
            order.append(name)

    answer = threading.Thread(target=waiter, args=("answer",))
    answer.start()
    _until(lambda: admission.waiting() == 1)  # the answer has been waiting longer
    login = threading.Thread(target=waiter, args=("login",), kwargs={"login": True})
    login.start()
    _until(lambda: admission.waiting() == 2)
    release.set()
    for t in (*holders, answer, login):
        t.join(5)
    assert order == ["login", "answer"]
    assert admission.running() == 0


def test_waiting_answers_are_served_in_arrival_order(monkeypatch):
    monkeypatch.setattr(admission, "SLOTS", 1)  # one at a time, so admission order is the order they run in
    release = threading.Event()
    holders = _fill_slots(release)
    order: list[int] = []

    def waiter(i):
        with admission.cpu_slot():
            order.append(i)

    waiters = []
    for i in range(6):
        t = threading.Thread(target=waiter, args=(i,))
        t.start()
        waiters.append(t)
        _until(lambda: admission.waiting() == i + 1)
    release.set()
    for t in (*holders, *waiters):
        t.join(5)
    assert order == list(range(6)) and admission.running() == 0
