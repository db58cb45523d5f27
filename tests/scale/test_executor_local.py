"""The local executors: every call's result under its index, exceptions raised, workers replaced
after their share of tasks without losing or repeating one."""

from __future__ import annotations

import os
import time

import pytest

from edition import executor as E


def _square(n: int) -> int:
    return n * n


def _pid(_: int) -> int:
    return os.getpid()


def _when(n: int) -> tuple[int, int]:
    return n, time.monotonic_ns()


def _fails_on_three(n: int) -> int:
    if n == 3:
        raise ValueError("three")
    return n


def test_serial_results_in_order() -> None:
    assert list(E.Serial().run(_square, [(n,) for n in range(5)])) == [(n, n * n) for n in range(5)]


def test_processes_give_every_result_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(E, "TASKS_PER_WORKER", 3)  # 2 workers x 3: a new pair of workers every 6 tasks
    pool = E.Processes(2)
    try:
        results = dict(pool.run(_square, [(n,) for n in range(20)]))
        assert results == {n: n * n for n in range(20)}
        pids = dict(pool.run(_pid, [(n,) for n in range(12)]))
    finally:
        pool.close()
    assert os.getpid() not in pids.values()  # run by workers
    assert len(set(pids.values())) > 2  # replaced after their share


def test_costliest_tasks_start_first_and_keep_their_index() -> None:
    costs = [5, 90, 1, 40, 40, 7, 300, 2, 60, 8, 11, 3, 25, 9]
    pool = E.Processes(1)  # one worker: the tasks run in the order they were given to it
    try:
        results = dict(pool.run(_when, [(n,) for n in range(len(costs))], costs))
    finally:
        pool.close()
    assert all(results[i][0] == i for i in range(len(costs)))  # each result under its own index
    started = sorted(range(len(costs)), key=lambda i: results[i][1])
    assert started == sorted(range(len(costs)), key=lambda i: -costs[i])


def test_a_failing_task_raises_and_the_pool_closes() -> None:
    pool = E.Processes(2)
    try:
        with pytest.raises(ValueError, match="three"):
            dict(pool.run(_fails_on_three, [(n,) for n in range(8)]))
    finally:
        pool.close()


def test_few_tasks_run_in_this_process() -> None:
    pool = E.Processes(2)
    pids = dict(pool.run(_pid, [(n,) for n in range(E.PARALLEL_FROM - 1)]))
    assert set(pids.values()) == {os.getpid()} and pool._pools == [None, None]


def test_default_is_the_cores_and_one_job_is_one_worker() -> None:
    one = E.executor(1)
    assert isinstance(one, E.Processes) and one.workers == 1
    made = E.executor(None)
    assert isinstance(made, E.Processes) and made.workers == E.default_jobs()


def test_one_job_runs_a_large_step_in_a_worker_not_here() -> None:
    pool = E.executor(1)
    try:
        pids = dict(pool.run(_pid, [(n,) for n in range(E.PARALLEL_FROM)]))
    finally:
        pool.close()
    assert len(set(pids.values())) == 1 and os.getpid() not in pids.values()


def _span(n: int) -> tuple[int, int, int]:
    start = time.monotonic_ns()
    time.sleep(0.02)
    return os.getpid(), start, time.monotonic_ns()


def test_a_worker_over_its_memory_is_replaced_and_its_successor_waits_for_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(E, "WORKER_MEMORY", 1)  # every worker holds more after its task: each is replaced
    pool = E.Processes(1)
    try:
        spans = dict(pool.run(_span, [(n,) for n in range(E.PARALLEL_FROM)]))
    finally:
        pool.close()
    assert sorted(spans) == list(range(E.PARALLEL_FROM))  # none lost, none repeated
    pids = [spans[n][0] for n in range(E.PARALLEL_FROM)]
    assert len(set(pids)) >= E.PARALLEL_FROM // 2  # a fresh process after each (a task already waiting in the old one stays there)
    # -j 1 keeps to one process at a time: no two tasks ran at once, even across a replacement.
    ordered = sorted(spans.values(), key=lambda s: s[1])
    assert all(a[2] <= b[1] for a, b in zip(ordered, ordered[1:]))
