"""Where the build's per-text tasks run: in this process, in local worker processes, or on a Dask cluster.

A task is a module-level function of picklable arguments that returns its output as a value
(bytes, text, problems) and writes nothing into the build: the build writes what comes back, in
the texts' order, so the outputs are the same bytes wherever the tasks ran. A task reads its
text and the edition by path: workers on other machines must see the edition at the same path.

Each worker process keeps one Saxon processor and the stylesheets it compiled (they are cached
per process, :mod:`edition.xslt`) for the tasks it runs; the workers are replaced after about
:data:`TASKS_PER_WORKER` tasks each, so a library's per-process state cannot grow with the corpus.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextvars import ContextVar
from typing import Any, Protocol, TypeVar

T = TypeVar("T")

#: Tasks a local worker runs (on average) before the workers are replaced by fresh processes. A
#: worker's memory follows the largest texts it has handled more than their number (one process
#: making reading pages of 300 texts of a generated edition: 164 MB after 30, 227 after 120, 218
#: after 300). Typst keeps what it laid out for the life of the process (typst-py never evicts its
#: memo cache: messense/typst-py#104): PDFs of 100 different texts in one process, 170 MB at the
#: start, 1,016 after 25 (2.4 MB of TEI), at most 1,160, 1,127 after all 100; a -j 2 build of 1,000
#: peaked at 1,233 MB. Replacing the workers bounds that; each replacement costs every worker's start.
TASKS_PER_WORKER = 256
#: Below this many tasks a step runs in the build's own process: each worker starts an interpreter,
#: Saxon and the step's stylesheets (a second or two), which a few texts do not win back. Measured
#: with bench/scale.py on 2 cores: 10 texts took 1.1-1.5x as long with -j 2 as with -j 1, 100 texts
#: 0.95-1.03x, 1,000 texts 0.82x (the machine shared with other work: load 2-5).
PARALLEL_FROM = 12


class Executor(Protocol):
    workers: int

    def run(self, task: Callable[..., T], calls: Sequence[tuple[Any, ...]],
            costs: Sequence[int] | None = None) -> Iterator[tuple[int, T]]:
        """``task(*calls[i])`` for each i, yielded as ``(i, result)`` as they finish; a task's exception is raised.

        ``costs`` (e.g. the texts' sizes) let parallel executors start the costliest tasks first."""
        ...

    def close(self) -> None: ...


class Serial:
    """The tasks one after another in this process."""

    workers = 1

    def run(self, task: Callable[..., T], calls: Sequence[tuple[Any, ...]],
            costs: Sequence[int] | None = None) -> Iterator[tuple[int, T]]:
        for i, args in enumerate(calls):
            yield i, task(*args)

    def close(self) -> None:
        pass


class Processes:
    """Local worker processes, started fresh (spawn: saxonche's processor does not survive a fork)."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None
        self._submitted = 0  # tasks given to the current workers

    def run(self, task: Callable[..., T], calls: Sequence[tuple[Any, ...]],
            costs: Sequence[int] | None = None) -> Iterator[tuple[int, T]]:
        if len(calls) < PARALLEL_FROM:
            yield from Serial().run(task, calls)
            return
        # The costliest first, so that no worker is left with a large text while the others idle
        # at the end (a 100-text build's PDF step: the last large texts kept one of two cores busy alone).
        order = sorted(range(len(calls)), key=lambda i: -costs[i]) if costs else list(range(len(calls)))
        # In batches after which the workers are replaced (max_tasks_per_child can deadlock the
        # pool in Python 3.11 when a worker is replaced while tasks wait).
        size = self.workers * TASKS_PER_WORKER
        for start in range(0, len(order), size):
            yield from self._batch(task, calls, order[start:start + size])

    def _batch(self, task: Callable[..., T], calls: Sequence[tuple[Any, ...]], which: list[int]) -> Iterator[tuple[int, T]]:
        if self._pool is not None and self._submitted + len(which) > self.workers * TASKS_PER_WORKER:
            self.close()
        if self._pool is None:  # shared by the build's steps until it has run its share of tasks
            self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=multiprocessing.get_context("spawn"))
        self._submitted += len(which)
        futures = {self._pool.submit(task, *calls[i]): i for i in which}
        try:
            for future in as_completed(futures):
                yield futures[future], future.result()
        finally:
            for future in futures:
                future.cancel()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None
            self._submitted = 0


class Dask:
    """The workers of a Dask cluster (``dask.distributed``, the optional extra ``tei-edition[dask]``)."""

    def __init__(self, address: str) -> None:
        try:
            from distributed import Client
        except ImportError:
            raise ExecutorError(f"--scheduler {address}: dask.distributed is not installed "
                                "(pip install 'tei-edition[dask]')") from None
        try:
            self._client = Client(address, set_as_default=False, timeout="10s")
        except (OSError, TimeoutError, ValueError) as exc:
            raise ExecutorError(f"--scheduler {address}: cannot reach the Dask scheduler: {exc}") from None
        self.workers = max(1, sum(w.get("nthreads", 1) for w in self._client.scheduler_info()["workers"].values()))

    def run(self, task: Callable[..., T], calls: Sequence[tuple[Any, ...]],
            costs: Sequence[int] | None = None) -> Iterator[tuple[int, T]]:
        # pure=False: a task's result is not taken from an earlier identical call (the build's own
        # cache decides that); a higher priority runs first where workers are short.
        futures = [self._client.submit(task, *args, pure=False, priority=costs[i] if costs else 0)
                   for i, args in enumerate(calls)]
        try:
            for i, future in enumerate(futures):  # all run at once; collected in order
                yield i, future.result()
        finally:
            self._client.cancel(futures)

    def close(self) -> None:
        self._client.close()


class ExecutorError(Exception):
    """The executor asked for cannot be had (a usage error: the message says why)."""


#: How many threads the build's own process may keep busy (search indexing, hashing, deflating):
#: the build's ``-j``, so that ``-j 1`` uses one core throughout; unset, the machine's cores.
THREADS: ContextVar[int | None] = ContextVar("threads", default=None)


def local_threads(most: int | None = None) -> int:
    """The threads a step of the build's own process may use (``THREADS``, else the cores), at most ``most``."""
    n = THREADS.get() or default_jobs()
    return max(1, min(n, most) if most is not None else n)


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def executor(jobs: int | None, scheduler: str | None = None) -> Executor:
    """The Dask cluster at ``scheduler`` if given, else ``jobs`` local worker processes (default: the cores).

    One job is one worker process too, not this one: the build's own process then holds no text's
    state, and the worker is replaced as any is, so no process grows with the corpus (a 100-text
    build in one process peaked at 801 MB, its 10-text edition of the same sources at 603 MB).
    Steps of fewer than :data:`PARALLEL_FROM` tasks still run here."""
    if scheduler:
        return Dask(scheduler)
    return Processes(jobs or default_jobs())
