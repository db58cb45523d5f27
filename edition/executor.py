"""Where the build's per-text tasks run: in this process, in local worker processes, or on a Dask cluster.

A task is a module-level function of picklable arguments that returns its output as a value
(bytes, text, problems) and writes nothing into the build: the build writes what comes back, in
the texts' order, so the outputs are the same bytes wherever the tasks ran. A task reads its
text and the edition by path: workers on other machines must see the edition at the same path.

Each worker process keeps one Saxon processor and the stylesheets it compiled (they are cached
per process, :mod:`edition.xslt`) for the tasks it runs; a worker is replaced by a fresh process
after :data:`TASKS_PER_WORKER` tasks or once it holds more than :data:`WORKER_MEMORY`, so no
process grows with the corpus, whatever a library keeps.
"""

from __future__ import annotations

import importlib
import multiprocessing
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from collections import deque
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

T = TypeVar("T")

#: Tasks a local worker runs before it is replaced by a fresh process, whatever its size. (A
#: worker's memory follows the largest texts it has handled more than their number: one process
#: making reading pages of 300 texts of a generated edition: 164 MB after 30, 227 after 120, 218 after 300.)
TASKS_PER_WORKER = 256
#: Bytes a worker may hold after a task before it is replaced. Typst keeps what it laid out for the
#: last ten or so documents (messense/typst-py#104: no way to evict it), so a worker typesetting
#: large texts one after another grows to several times its size: 272 MB after one text of 197 kB,
#: 880 MB after ten such (trimmed after each: edition.transform.pdf.return_freed_memory), while a
#: 10-text edition's whole build in one process peaks at about 600 MB. With this bound a 100-text
#: build's largest process peaked at 609-650 MB (1,000-1,066 without); a replacement costs a
#: process start and Typst's warm-up, about half a second (6 of them in a 100-text -j 2 build).
WORKER_MEMORY = 512 * 2**20
#: Below this many tasks a step (or the steps queued at once: run_steps) runs in the build's own
#: process: each worker starts an interpreter, Saxon and the step's stylesheets (a second or two),
#: which a few tasks do not win back. Measured with bench/scale.py on 2 cores, each step on its
#: own: 10 texts took 1.1-1.5x as long with -j 2 as with -j 1; with a build's three steps queued
#: at once (30 tasks), 10 texts take 0.70-0.76x as long.
PARALLEL_FROM = 12


class Executor(Protocol):
    workers: int

    def run(self, task: Callable[..., T], calls: Sequence[tuple[Any, ...]],
            costs: Sequence[Any] | None = None) -> Iterator[tuple[int, T]]:
        """``task(*calls[i])`` for each i, yielded as ``(i, result)`` as they finish; a task's exception is raised.

        ``costs`` (e.g. the texts' sizes; any values that compare) let parallel executors start the
        costliest tasks first (of equal ones, the first)."""
        ...

    def start(self, modules: Sequence[str]) -> None:
        """Start the workers now and have them import ``modules``, so that their start overlaps
        what the caller does before it gives them tasks (where workers are started at all)."""
        ...

    def close(self) -> None: ...


class Serial:
    """The tasks one after another in this process."""

    workers = 1

    def run(self, task: Callable[..., T], calls: Sequence[tuple[Any, ...]],
            costs: Sequence[Any] | None = None) -> Iterator[tuple[int, T]]:
        for i, args in enumerate(calls):
            yield i, task(*args)

    def start(self, modules: Sequence[str]) -> None:
        pass

    def close(self) -> None:
        pass


class Processes:
    """Local worker processes, started fresh (spawn: saxonche's processor does not survive a fork).

    Each worker is a pool of one process, so that one can be replaced while the others go on."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._pools: list[ProcessPoolExecutor | None] = [None] * workers
        self._given = [0] * workers  # tasks given to each current worker
        self._retired: list[ProcessPoolExecutor] = []  # replaced workers finishing the task they hold

    def run(self, task: Callable[..., T], calls: Sequence[tuple[Any, ...]],
            costs: Sequence[Any] | None = None) -> Iterator[tuple[int, T]]:
        if len(calls) < PARALLEL_FROM:
            yield from Serial().run(task, calls)
            return
        # The costliest first, so that no worker is left with a large text while the others idle
        # at the end (a 100-text build's PDF step: the last large texts kept one of two cores busy alone).
        waiting = deque(costliest_first(costs) if costs else range(len(calls)))
        # Two tasks at a time per worker (one running, one waiting), so that a worker can be
        # replaced between any two of its tasks (max_tasks_per_child can deadlock a pool in
        # Python 3.11 when a worker is replaced while tasks wait).
        running: dict[Future[tuple[T, int]], tuple[int, int]] = {}  # → (call, worker)
        held = [0] * self.workers
        draining: set[int] = set()  # replaced workers still finishing a task
        try:
            while waiting or running:
                for w in range(self.workers):
                    # A replaced worker's successor starts once it has finished: -j N keeps to N cores.
                    while waiting and held[w] < (0 if self._pools[w] is None and w in draining else 2):
                        i = waiting.popleft()
                        running[self._worker(w).submit(_measured, task, *calls[i])] = (i, w)
                        held[w] += 1
                        self._given[w] += 1
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in sorted(done, key=running.__getitem__):
                    i, w = running.pop(future)
                    held[w] -= 1
                    if not held[w]:
                        draining.discard(w)
                    result, resident = future.result()
                    if self._pools[w] is not None and (resident > WORKER_MEMORY or self._given[w] >= TASKS_PER_WORKER):
                        self._retire(w)
                        if held[w]:
                            draining.add(w)
                    yield i, result
        finally:
            for future in running:
                future.cancel()

    def start(self, modules: Sequence[str]) -> None:
        for w in range(self.workers):  # the task waits in no queue: a worker's first task follows it
            if self._pools[w] is None:
                self._worker(w).submit(_import, modules)

    def _worker(self, w: int) -> ProcessPoolExecutor:
        pool = self._pools[w]
        if pool is None:  # kept for the build's later steps until it is replaced
            pool = self._pools[w] = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
        return pool

    def _retire(self, w: int) -> None:
        """Give worker ``w``'s next tasks to a fresh process; the current one finishes the task it holds, then stops."""
        pool = self._pools[w]
        if pool is not None:
            pool.shutdown(wait=False)
            self._retired.append(pool)
            self._pools[w], self._given[w] = None, 0

    def close(self) -> None:
        for pool in [*self._retired, *(p for p in self._pools if p is not None)]:
            pool.shutdown(cancel_futures=True)
        self._pools, self._given, self._retired = [None] * self.workers, [0] * self.workers, []


def _import(modules: Sequence[str]) -> None:
    """A worker's first call (:meth:`Processes.start`): import what its tasks will need; a module
    that fails to import fails the task that needs it instead, saying so."""
    for name in modules:
        try:
            importlib.import_module(name)
        except Exception:
            pass


def _measured(task: Callable[..., T], *args: Any) -> tuple[T, int]:
    """``task(*args)`` and the bytes this process then holds in memory (0 where that cannot be read)."""
    result = task(*args)
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return result, int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):  # not Linux
        return result, 0


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
            costs: Sequence[Any] | None = None) -> Iterator[tuple[int, T]]:
        # pure=False: a task's result is not taken from an earlier identical call (the build's own
        # cache decides that); a higher priority runs first where workers are short.
        priority = [0] * len(calls)
        for rank, i in enumerate(costliest_first(costs) if costs else []):
            priority[i] = len(calls) - rank
        futures = [self._client.submit(task, *args, pure=False, priority=priority[i])
                   for i, args in enumerate(calls)]
        try:
            for i, future in enumerate(futures):  # all run at once; collected in order
                yield i, future.result()
        finally:
            self._client.cancel(futures)

    def start(self, modules: Sequence[str]) -> None:
        pass  # the cluster's workers are running

    def close(self) -> None:
        self._client.close()


def costliest_first(costs: Sequence[Any]) -> list[int]:
    """The indexes of ``costs`` from the largest cost down; equal costs in their order."""
    return sorted(range(len(costs)), key=costs.__getitem__, reverse=True)  # sorted() is stable, reversed too


@dataclass
class Step:
    """One step's tasks for :func:`run_steps`: ``task(*calls[i])`` for each i, each result handed to ``take(i, result)``."""

    task: Callable[..., Any]
    calls: Sequence[tuple[Any, ...]]
    costs: Sequence[int]
    take: Callable[[int, Any], None]


class Steps(Protocol):
    def wait(self, k: int) -> None:
        """Return when every result of step ``k`` is taken; raise the exception of its first failed task."""
        ...

    def close(self) -> None: ...


def run_steps(pool: Executor, steps: list[Step]) -> Steps:
    """The steps' tasks on ``pool``, one after another or, with several workers, all queued at once.

    Queued at once, the workers go on with the next steps' tasks (the first step's first) while
    this process does what a step leaves to it (a build: the corpus pages and the search index
    while PDFs are typeset), and no worker idles at the end of a step while the others finish.
    With one worker the steps run in turn, so that ``-j 1`` keeps to one core."""
    if pool.workers > 1 and sum(len(s.calls) for s in steps) >= PARALLEL_FROM:
        return _Queued(pool, steps)
    return _InTurn(pool, steps)


class _InTurn:
    """Each step runs when it is waited for (and the steps before it first), in this thread."""

    def __init__(self, pool: Executor, steps: list[Step]) -> None:
        self._pool, self._steps, self._done = pool, steps, 0

    def wait(self, k: int) -> None:
        while self._done <= k:
            step = self._steps[self._done]
            self._done += 1
            for i, result in self._pool.run(step.task, step.calls, step.costs):
                step.take(i, result)

    def close(self) -> None:
        pass


def _guarded(task: Callable[..., T], *args: Any) -> tuple[bool, Any]:
    """``task(*args)`` as (True, result), or (False, its exception): one failure does not stop the other steps' tasks."""
    try:
        return True, task(*args)
    except Exception as exc:
        return False, exc


class _Queued:
    """Every step's tasks in one queue, earlier steps first and the costliest first within a step; a
    thread of this process collects the results and hands each to its step as it comes."""

    def __init__(self, pool: Executor, steps: list[Step]) -> None:
        self._pool, self._steps = pool, steps
        self._which = [(k, i) for k, step in enumerate(steps) for i in range(len(step.calls))]
        self._left = [len(step.calls) for step in steps]
        self._failed: list[BaseException | None] = [None] * len(steps)
        self._broken: BaseException | None = None  # the queue itself failed (a worker died, a take raised)
        self._ready = [threading.Event() for _ in steps]
        for k, left in enumerate(self._left):
            if not left:
                self._ready[k].set()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._collect, name="edition-steps", daemon=True)
        self._thread.start()

    def _collect(self) -> None:
        calls = [(self._steps[k].task, *self._steps[k].calls[i]) for k, i in self._which]
        costs = [(len(self._steps) - k, self._steps[k].costs[i]) for k, i in self._which]
        try:
            for n, (ok, value) in self._pool.run(_guarded, calls, costs):
                if self._stop.is_set():
                    return
                k, i = self._which[n]
                if ok:
                    self._steps[k].take(i, value)
                elif self._failed[k] is None:
                    self._failed[k] = value
                self._left[k] -= 1
                if not self._left[k]:
                    self._ready[k].set()
        except BaseException as exc:
            self._broken = exc
        finally:
            for ready in self._ready:
                ready.set()

    def wait(self, k: int) -> None:
        self._ready[k].wait()
        if self._failed[k] is not None:
            raise self._failed[k]
        if self._left[k]:  # the queue broke before this step was done
            raise self._broken or RuntimeError("the build's task queue stopped")

    def close(self) -> None:
        """Stop taking results and cancel the tasks not yet started (those running are waited for)."""
        self._stop.set()
        self._pool.close()
        self._thread.join()
        self._pool.close()  # any workers the collecting thread started meanwhile


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
