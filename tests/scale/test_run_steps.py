"""Steps of per-text tasks (edition.executor.run_steps): in turn with one worker, queued at once
with several; every result handed to its step under its index, a failure raised by the step it
belongs to, and the other steps unaffected."""

from __future__ import annotations

import os
import time

import pytest

from edition import executor as E


def _square(n: int) -> int:
    return n * n


def _when(n: int) -> tuple[int, int, int]:
    return n, time.monotonic_ns(), os.getpid()


def _fails_on_three(n: int) -> int:
    if n == 3:
        raise ValueError("three")
    return n


def _step(task, count: int, into: dict[int, object], costs: list[int] | None = None) -> E.Step:
    return E.Step(task, [(n,) for n in range(count)], costs or [0] * count, into.__setitem__)


def test_costliest_first_orders_any_comparable_costs_and_keeps_ties_in_order() -> None:
    assert E.costliest_first([3, 9, 3, 1, 9]) == [1, 4, 0, 2, 3]
    assert E.costliest_first([(1, 5), (2, 0), (1, 7), (2, 0)]) == [1, 3, 2, 0]


def test_one_worker_runs_each_step_when_it_is_waited_for() -> None:
    first: dict[int, object] = {}
    second: dict[int, object] = {}
    steps = E.run_steps(E.Serial(), [_step(_square, 4, first), _step(_square, 3, second)])
    assert isinstance(steps, E._InTurn)
    steps.wait(0)
    assert first == {0: 0, 1: 1, 2: 4, 3: 9} and second == {}  # the second step has not run yet
    steps.wait(1)
    assert second == {0: 0, 1: 1, 2: 4}
    steps.close()


def test_several_workers_take_every_step_queued_at_once_earlier_steps_first() -> None:
    pool = E.Processes(2)
    first: dict[int, object] = {}
    second: dict[int, object] = {}
    empty: dict[int, object] = {}
    steps = E.run_steps(pool, [_step(_when, 10, first, list(range(10))), _step(_when, 0, empty), _step(_when, 10, second)])
    try:
        assert isinstance(steps, E._Queued)
        steps.wait(2)  # the last step's results: the earlier ones are then all in too
        steps.wait(0)
        steps.wait(1)
    finally:
        steps.close()
        pool.close()
    assert sorted(first) == sorted(second) == list(range(10)) and empty == {}
    assert all(first[i][0] == i and second[i][0] == i for i in range(10))  # each under its index
    assert os.getpid() not in {r[2] for r in [*first.values(), *second.values()]}  # run by the workers
    # One queue: each worker took the first step's tasks (the costliest first) before the second's.
    for pid in {r[2] for r in first.values()}:
        mine = sorted((r[1], step, r[0]) for step, rs in ((0, first), (1, second)) for r in rs.values() if r[2] == pid)
        steps_in_order = [step for _, step, _ in mine]
        assert steps_in_order == sorted(steps_in_order)
        firsts = [n for _, step, n in mine if step == 0]
        assert firsts == sorted(firsts, reverse=True)


def test_a_failed_task_is_raised_by_its_own_step_and_the_others_finish() -> None:
    pool = E.Processes(2)
    failing: dict[int, object] = {}
    other: dict[int, object] = {}
    steps = E.run_steps(pool, [_step(_fails_on_three, 8, failing), _step(_square, 8, other)])
    try:
        steps.wait(1)
        assert other == {n: n * n for n in range(8)}
        with pytest.raises(ValueError, match="three"):
            steps.wait(0)
    finally:
        steps.close()
        pool.close()
    assert failing == {n: n for n in range(8) if n != 3}


def test_a_take_that_fails_breaks_the_queue_for_every_step_not_done() -> None:
    pool = E.Processes(2)

    def broken(i: int, result: object) -> None:
        raise OSError("disk full")

    steps = E.run_steps(pool, [E.Step(_square, [(n,) for n in range(12)], [0] * 12, broken),
                               _step(_square, 12, {})])
    try:
        with pytest.raises(OSError, match="disk full"):
            steps.wait(0)
        with pytest.raises(OSError, match="disk full"):
            steps.wait(1)
    finally:
        steps.close()
        pool.close()
