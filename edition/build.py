"""``edition build``: validate, then HTML and PDF, then the deposit — incrementally and atomically.

Each output records a key: the SHA-256 of everything it is made from (its TEI inputs and
the toolkit: stylesheets, Python code, pinned engines). An output whose key is unchanged and
whose file exists is not rebuilt. Whatever is rebuilt is written into a temporary folder
beside the build folder, named by the building process, and moved into place only when every
output is complete; the folders of killed builds are removed by the next one.

A stop is one line naming the file (``file[:line:col]: error: …``) and exit 1, or 2 when
input could not be read.
"""

from __future__ import annotations

import glob
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from .cache import digest as _sha, toolkit_key
from .core import Edition, read_edition
from .transform import WEB_IMAGES
from .errors import LocatedError
from .executor import PARALLEL_FROM, THREADS, Executor, ExecutorError, Step, default_jobs, executor, run_steps
from .files import link_or_copy
from .xmlio import XmlInputError

if TYPE_CHECKING:  # the validator and the HTML writer load Saxon; only their steps need it
    from .package.archive import Deflated
    from .package.bag import BagStart
    from .transform.html import SiteWriter
    from .validate.problems import Problem
    from .validate.run import Check

MANIFEST = ".build-manifest.json"
#: The build folder's copy of each text's summary (xslt/html/summary.xsl), kept for the next build's corpus pages.
SUMMARIES = "summaries"
SHOWN_WARNINGS = 5
#: What each target needs built first.
PREREQUISITES = {"html": {"html"}, "pdf": {"pdf"}, "deposit": {"pdf", "html", "deposit"}}
#: What the per-text tasks import (their engines: lxml, Saxon, Typst), imported by workers as they start.
TASK_MODULES = ("edition.build", "edition.validate.run", "edition.transform.html", "edition.transform.pdf")

console = Console(stderr=True, highlight=False)


class BuildError(Exception):
    """The build stops; the message says why. ``status`` is the exit code (2: unreadable input)."""

    def __init__(self, message: str, status: int = 1) -> None:
        super().__init__(message)
        self.status = status


class StepFailed(BuildError):
    """A step failed on one text; the message is the located line ``file[:line:col]: error: …``."""


def located(exc: BaseException, text: Path) -> str:
    """One line for a failure while ``text`` was processed, naming the file the exception names, or ``text``."""
    if isinstance(exc, XmlInputError):
        return str(exc)
    if isinstance(exc, OSError) and exc.filename:
        return f"{exc.filename}: error: {exc.strerror or exc}"
    # Engine messages run over several lines (stack traces of the stylesheet); one line is enough.
    message = " ".join(str(exc).split()) or type(exc).__name__
    return f"{text}: error: {message.removeprefix(f'{text}: ')}"


# ---------------------------------------------------------------- keys


def _file_key(path: Path) -> str:
    return _sha(path.name, path.read_bytes()) if path.exists() else _sha(path.name, "absent")


@dataclass
class Plan:
    edition: Edition
    out: Path
    targets: set[str]
    keys: dict[str, str] = field(default_factory=dict)  # output (relative to out) → key
    recorded: dict[str, str] = field(default_factory=dict)
    tool: str = ""  #: the toolkit's key (and the --allow-invalid choice)
    shared: list[str] = field(default_factory=list)  #: the keys of what every text's outputs read: config, register
    pages: dict[str, str] = field(default_factory=dict)  #: reading page (site/NAME.html) and summary → key, set as the site is built

    site = "site"

    def pdf(self, essay: Path) -> str:
        return f"pdf/{essay.stem}.pdf"

    @property
    def deposit(self) -> str:
        return f"deposit/{self.edition.deposit_name}.zip"

    def stale(self, output: str) -> bool:
        return output in self.keys and (self.recorded.get(output) != self.keys[output] or not (self.out / output).exists())

    @property
    def stale_pdfs(self) -> list[Path]:
        return [e for e in self.edition.texts if self.stale(self.pdf(e))]

    @property
    def work(self) -> list[str]:
        return [o for o in self.keys if self.stale(o)]


def make_plan(edition: Edition, out: Path, targets: set[str], allow_invalid: bool = False) -> Plan:
    # Outputs published past validation errors are rebuilt (and so revalidated) by a build without the flag.
    tool = _sha(toolkit_key(), "allow-invalid" if allow_invalid else "valid")
    # What every text's outputs read besides the text: configuration, register, the edition's own model.
    shared = [_file_key(edition.config_path), *([_file_key(edition.register)] if edition.register else []),
              *([_file_key(edition.dir / edition.config.odd)] if edition.config.odd else [])]
    plan = Plan(edition, out, targets, recorded=_read_manifest(out), tool=tool, shared=shared)
    essays = {e: _file_key(e) for e in edition.texts}
    pdf_keys = {plan.pdf(e): _sha(tool, *shared, k) for e, k in essays.items()}
    if "pdf" in targets:
        plan.keys.update(pdf_keys)
    else:  # the site links the PDFs that are there now
        pdf_keys = {o: k for o, k in plan.recorded.items() if o.startswith("pdf/") and (out / o).exists()}
    # the images the site copies from beside the texts (edition/transform/html.py copy_images)
    images = [_file_key(f) for f in sorted(edition.texts_dir.rglob("*")) if f.is_file() and f.suffix.lower() in WEB_IMAGES]
    site_key = _sha(tool, *shared, *essays.values(), *images, repr(sorted(pdf_keys.items())))
    if "html" in targets:
        plan.keys[plan.site] = site_key
    if "deposit" in targets:
        plan.keys[plan.deposit] = _sha(tool, site_key, *sorted(pdf_keys.values()), *map(_file_key, deposit_schemas(edition)))
    return plan


def _read_manifest(out: Path) -> dict[str, str]:
    try:
        return json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


# ---------------------------------------------------------------- steps


def deposit_schemas(edition: Edition) -> list[Path]:
    """The schemas the edition is validated with, which the deposit carries beside the TEI."""
    from .validate.profiles import profile_of

    return profile_of(edition).files


def validation_step(edition: Edition) -> tuple[Step, Callable[[], tuple[list[Problem], list[str]]]]:
    """The checks of the edition's files not recorded as done; and, once they ran, the problems of
    all files (in their order) with a located line for each file the validator failed on.

    Each text is checked on its own (with the edition's index for the cross-document rules); a
    text whose bytes, index entries and schemas are unchanged is not checked again."""
    from .validate.profiles import profile_of
    from .validate.run import checks

    profile = profile_of(edition)
    todo = checks(edition.sources, profile.schema, profile.rules, profile.register_prefix)
    found = {i: (problems, None) for i, check in enumerate(todo) if (problems := check.recorded()) is not None}
    pending = [i for i in range(len(todo)) if i not in found]

    def take(n: int, result: tuple[list[Problem], str | None]) -> None:
        found[pending[n]] = result

    def outcome() -> tuple[list[Problem], list[str]]:
        problems = [p for i in sorted(found) for p in found[i][0]]
        return problems, [line for i in sorted(found) if (line := found[i][1]) is not None]

    return Step(_validate_job, [(todo[i],) for i in pending], [_size(todo[i].path) for i in pending], take), outcome


def report_validation(problems: list[Problem], failures: list[str], allow_invalid: bool) -> tuple[int, int]:
    """Print the errors and a few warnings; return the numbers of errors and warnings, or raise
    :class:`BuildError` listing every error. With ``allow_invalid`` the errors are listed and the
    build goes on; a file that cannot be read at all still stops it (there is nothing to publish of it)."""
    errors = [p for p in problems if p.severity == "error"]
    warnings = [p for p in problems if p.severity != "error"]
    for line in [*map(str, errors), *failures]:
        console.print(line, markup=False, soft_wrap=True, style="red")
    # Warnings do not stop the build; a few show, `edition validate` lists them all.
    for problem in warnings[:SHOWN_WARNINGS]:
        console.print(str(problem), markup=False, soft_wrap=True, style="yellow")
    if len(warnings) > SHOWN_WARNINGS:
        console.print(f"… and {len(warnings) - SHOWN_WARNINGS} more warnings (`edition validate` lists them all)", markup=False)
    unreadable = failures or any(p.unreadable for p in errors)
    if errors and allow_invalid and not unreadable:
        texts = len({p.file for p in errors})
        console.print(f"publishing {texts} text(s) with {len(errors)} validation error(s) (--allow-invalid)", markup=False,
                      soft_wrap=True, style="yellow")
    elif errors or failures:
        raise BuildError(f"validation failed with {len(errors) + len(failures)} error(s); nothing was built or written",
                         2 if unreadable else 1)
    return len(errors), len(warnings)


def _size(path: Path) -> int:
    """A task's cost as the executor orders tasks: the size of its text."""
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _validate_job(check: Check) -> tuple[list[Problem], str | None]:
    """Validate one text: its problems, or the located line of the failure that kept it from being checked."""
    try:
        return check.run(), None
    except Exception as exc:  # an engine failure instead of a located problem: it names this text
        return [], located(exc, check.path)


def _pdf_job(essay: Path, edition_dir: Path) -> tuple[bytes, list[str]]:
    """Build one PDF; return its bytes and the typesetting warnings (a task: it writes nothing of the build)."""
    from .transform import pdf

    try:
        with tempfile.TemporaryDirectory(prefix="edition-pdf-job-") as tmp:
            out_pdf = Path(tmp) / f"{essay.stem}.pdf"
            warnings = pdf.build_pdf(essay, edition_dir, out_pdf) or []
            return out_pdf.read_bytes(), list(warnings)
    except Exception as exc:  # whatever the engines raise, the stop names the essay
        raise StepFailed(located(exc, essay)) from None


def pdf_step(plan: Plan, pdf_dir: Path, progress: Progress, ready: Deflated | None = None) -> tuple[Step, Callable[[], None]]:
    """The stale PDFs, each written into ``pdf_dir`` as it comes (the unchanged ones are linked there
    first, so that it is complete) and deflated into ``ready`` for the deposit; and, once all are
    made, the printing of their typesetting warnings."""
    pdf_dir.mkdir(parents=True)
    todo = plan.stale_pdfs
    for essay in plan.edition.texts:
        if essay not in todo:
            link_or_copy(plan.out / plan.pdf(essay), pdf_dir / f"{essay.stem}.pdf")
    task = progress.add_task("PDF", total=len(todo))
    warnings: dict[int, list[str]] = {}

    def take(i: int, result: tuple[bytes, list[str]]) -> None:
        data, warnings[i] = result
        (pdf_dir / f"{todo[i].stem}.pdf").write_bytes(data)
        if ready is not None:  # where the deposit holds it (the site's copy: html.copy_pdfs)
            ready.put(_zip_member(plan, f"html/pdf/{todo[i].stem}.pdf"), data)
        progress.advance(task)

    def report() -> None:  # in essay order, whatever order the jobs finished in
        for i in sorted(warnings):
            for line in warnings[i]:
                console.print(line, markup=False, soft_wrap=True, style="yellow")

    return Step(_pdf_job, [(essay, plan.edition.dir) for essay in todo], [_size(e) for e in todo], take), report


def pages_step(plan: Plan, params: dict[str, str], page_dir: Path, summary_dir: Path,
               advance: Callable[[], None]) -> tuple[Step, Callable[[], tuple[PageFiles, list[str]]]]:
    """The texts' reading pages and summaries: those whose text, register, configuration and
    parameters are unchanged since the last build are taken from it, the others made by the step's
    tasks and written into ``page_dir`` as they come; and, once all are there, the pages (file name
    → page, read from their files when asked for) and the summaries in text order, which are also
    written to ``summary_dir`` (installed as SUMMARIES beside the site, for the next build)."""
    texts = plan.edition.texts
    shared = _site_inputs_key(plan, params)
    done: dict[str, tuple[Path, str]] = {}
    calls, stems = [], []
    for text in texts:
        page, summary = f"{plan.site}/{text.stem}.html", f"{SUMMARIES}/{text.stem}.xml"
        key = plan.pages[page] = plan.pages[summary] = _sha(shared, _file_key(text))
        built, made = plan.out / page, plan.out / summary
        if plan.recorded.get(page) == key == plan.recorded.get(summary) and built.is_file() and made.is_file():
            done[text.stem] = (built, made.read_text(encoding="utf-8"))
            advance()
        else:
            calls.append((plan.edition.dir, text, params))
            stems.append(text.stem)
    page_dir.mkdir(parents=True, exist_ok=True)

    def take(i: int, outputs: tuple[str, str]) -> None:
        page, summary = outputs
        path = page_dir / f"{stems[i]}.html"
        path.write_text(page, encoding="utf-8")
        done[stems[i]] = (path, summary)
        advance()

    def outputs() -> tuple[PageFiles, list[str]]:
        summary_dir.mkdir(parents=True, exist_ok=True)
        for text in texts:
            (summary_dir / f"{text.stem}.xml").write_text(done[text.stem][1], encoding="utf-8")
        return PageFiles({f"{t.stem}.html": done[t.stem][0] for t in texts}), [done[t.stem][1] for t in texts]

    return Step(_page_job, calls, [_size(text) for _, text, _ in calls], take), outputs


def _site_inputs_key(plan: Plan, params: dict[str, str]) -> str:
    """The key of what every page of the site reads besides its texts: toolkit, configuration, register, parameters."""
    return _sha(plan.tool, *plan.shared, repr(sorted(params.items())))


class PageFiles(Mapping[str, str]):
    """Reading pages as file name → page, each read from its file when asked for: the build's own
    process holds one page at a time, not the corpus (1,000 texts' pages are about 0.2 GB of text)."""

    def __init__(self, files: dict[str, Path]) -> None:
        self._files = files

    def __getitem__(self, name: str) -> str:
        return self._files[name].read_text(encoding="utf-8")

    def __iter__(self) -> Iterator[str]:
        return iter(self._files)

    def __len__(self) -> int:
        return len(self._files)

    def __contains__(self, name: object) -> bool:  # Mapping's own would read the page
        return name in self._files


def build_site(plan: Plan, site_dir: Path, essay_pages: Mapping[str, str], summaries: list[str],
               inputs: tuple[dict[str, Path], list[str], dict[str, str]]) -> SiteWriter:
    """Write the site around the texts' pages and summaries (:func:`pages_step`); ``inputs`` are
    :func:`~edition.transform.html.site_inputs`' images, warnings and parameters."""
    from .transform import html

    images, warnings, params = inputs
    try:
        prefix = f"{plan.site}/"
        recorded = {o.removeprefix(prefix): k for o, k in plan.recorded.items() if o.startswith(prefix)}
        site = html.write_site(plan.edition, site_dir, essay_pages, summaries, images, params, plan.out / plan.site,
                               _site_inputs_key(plan, params), recorded)
    except Exception as exc:  # the site is made from the whole edition: name its folder
        raise StepFailed(located(exc, plan.edition.dir)) from None
    plan.pages.update({f"{plan.site}/{rel}": key for rel, key in site.keys.items()})
    for line in warnings:
        console.print(line, markup=False, soft_wrap=True, style="yellow")
    return site


def _page_job(edition_dir: Path, text: Path, params: dict[str, str]) -> tuple[str, str]:
    """Make one text's reading page and summary (a task)."""
    from .transform import html

    try:
        return html.text_outputs(read_edition(edition_dir), text, params)
    except Exception as exc:  # whatever the engines raise, the stop names the text
        raise StepFailed(located(exc, text)) from None


def begin_deposit(plan: Plan, work: Path, site_dir: Path, ready: Deflated, progress: Progress) -> BagStart:
    """The deposit's part the PDFs do not change, made while they are typeset: the bag's site,
    sources, schemas and records, hashed, identified and deflated into ``ready`` (the members the
    last deposit holds as they are now are copied from it at the end instead)."""
    from .package.bag import begin_deposit_bag

    progress.add_task("deposit (BagIt)", total=None)
    start = begin_deposit_bag(work / "bag", plan.edition, site_dir, link=True)
    ready.add([(_zip_member(plan, rel), start.payload / rel, d.sha256) for rel, d in start.digests.items()])
    return start


def _zip_member(plan: Plan, payload_path: str) -> str:
    """The deposit zip's member name of a payload file."""
    return f"{plan.edition.deposit_name}/data/{payload_path}"


def build_deposit(plan: Plan, work: Path, start: BagStart, ready: Deflated, pdf_dir: Path, validated: tuple[int, int]) -> Path:
    """Complete the deposit :func:`begin_deposit` began (the PDFs, the records of every file) and zip it."""
    from .package.archive import write_zip
    from .package.bag import finish_deposit_bag

    bag = finish_deposit_bag(start, pdf_dir, validated)
    zip_path = work / "deposit" / f"{plan.edition.deposit_name}.zip"
    zip_path.parent.mkdir()
    # The last zip's members that are unchanged are copied, not deflated again.
    write_zip(bag, zip_path, plan.edition.deposit_name, plan.edition.date, previous=plan.out / plan.deposit, ready=ready)
    return zip_path


# ---------------------------------------------------------------- moving into place


def _swap_dir(new: Path, target: Path, trash: Path) -> None:
    if target.exists():
        target.rename(trash / target.name)
    new.rename(target)


def install(plan: Plan, work: Path) -> None:
    """Move the complete new outputs into the build folder, then record their keys."""
    out = plan.out
    out.mkdir(parents=True, exist_ok=True)
    trash = work / "replaced"
    trash.mkdir()
    if (work / "pdf").exists():
        _swap_dir(work / "pdf", out / "pdf", trash)
    if (work / "site").exists():
        _swap_dir(work / "site", out / "site", trash)
    if (work / SUMMARIES).exists():
        _swap_dir(work / SUMMARIES, out / SUMMARIES, trash)
    if (work / "deposit").exists():
        (out / "deposit").mkdir(exist_ok=True)
        os.replace(work / "deposit" / f"{plan.edition.deposit_name}.zip", out / plan.deposit)
    recorded = {o: k for o, k in plan.recorded.items() if (out / o).exists() and not o.startswith("pdf/")}
    if "pdf" not in plan.targets:
        recorded.update({o: k for o, k in plan.recorded.items() if o.startswith("pdf/") and (out / o).exists()})
    if plan.pages:  # the site was rebuilt: its reading pages and summaries are these
        recorded = {o: k for o, k in recorded.items() if not o.startswith((f"{plan.site}/", f"{SUMMARIES}/"))}
    recorded.update(plan.keys)
    recorded.update(plan.pages)
    tmp_manifest = work / MANIFEST
    tmp_manifest.write_text(json.dumps(recorded, indent=1, sort_keys=True), encoding="utf-8")
    os.replace(tmp_manifest, out / MANIFEST)


# ---------------------------------------------------------------- temporary folders


def _work_prefix(out: Path) -> str:
    return f".{out.name}-tmp-"


def remove_stale_work(out: Path) -> None:
    """Remove the temporary folders killed builds left beside ``out``; those of running builds stay."""
    prefix = _work_prefix(out)
    for folder in out.parent.glob(glob.escape(prefix) + "*"):
        if folder.is_dir() and not folder.is_symlink() and not _running(_owner(folder.name[len(prefix):])):
            shutil.rmtree(folder, ignore_errors=True)


def _owner(suffix: str) -> int | None:
    """The pid a folder name records (``<pid>-<random>``); None for folders named before pids were."""
    head, dash, _ = suffix.partition("-")
    return int(head) if dash and head.isdigit() else None


def _running(pid: int | None) -> bool:
    if pid is None:
        return False
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, OverflowError):
        return False
    except PermissionError:
        return True  # alive, another user's
    return not _zombie(pid)


def _zombie(pid: int) -> bool:
    """A killed process not yet reaped by its parent still answers to kill(pid, 0)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return False
    return stat.rpartition(")")[2].split()[:1] == ["Z"]


# ---------------------------------------------------------------- the command


def run_build(edition_dir: Path | None, out: Path | None, jobs: int | None, targets: set[str], allow_invalid: bool = False,
              scheduler: str | None = None) -> int:
    """Build ``targets`` (and what they need); return the exit status.

    The per-text steps run on ``jobs`` local processes (None: the machine's cores) or, with
    ``scheduler``, on the Dask cluster it names."""
    start = time.perf_counter()
    edition_dir = (edition_dir or Path.cwd()).resolve()
    out = (out or edition_dir / "build").resolve()
    try:
        edition = read_edition(edition_dir)
    except LocatedError as exc:
        console.print(f"{exc}\nbuild stopped: cannot read the edition; nothing was written", markup=False, soft_wrap=True, style="red")
        return 2
    remove_stale_work(out)
    wanted = set().union(*(PREREQUISITES[t] for t in targets))
    plan = make_plan(edition, out, wanted, allow_invalid)
    if not plan.work:
        console.print(f"nothing to do: {len(plan.keys)} output(s) in {out} are up to date ({time.perf_counter() - start:.2f} s)",
                      markup=False, soft_wrap=True)
        return 0
    timings: dict[str, float] = {}
    try:
        pool = executor(jobs, scheduler)
    except ExecutorError as exc:
        console.print(f"build stopped: {exc}", markup=False, soft_wrap=True, style="red")
        return 2
    if pool.workers > 1 and len(plan.stale_pdfs) >= PARALLEL_FROM:  # the steps will be queued on the workers:
        pool.start(TASK_MODULES)  # they start while this process reads the edition's texts for the steps
    out.parent.mkdir(parents=True, exist_ok=True)
    # The pid in the name tells the next build whether this folder is still in use.
    work = Path(tempfile.mkdtemp(prefix=f"{_work_prefix(out)}{os.getpid()}-", dir=out.parent))
    threads = THREADS.set(jobs or default_jobs())  # the build's own threads, too, keep to -j (for this build only)
    try:
        _build_outputs(plan, work, pool, timings, allow_invalid)
        install(plan, work)
    except StepFailed as exc:
        console.print(f"{exc}\nbuild stopped: nothing was written to {out}", markup=False, soft_wrap=True, style="red")
        return exc.status
    except BuildError as exc:
        console.print(f"build stopped: {exc}", markup=False, soft_wrap=True, style="red")
        return exc.status
    except Exception as exc:  # a failing step must not leave half-written output behind
        console.print(f"{located(exc, edition.dir)}\nbuild stopped: nothing was written to {out}", markup=False, soft_wrap=True,
                      style="red")
        return 1
    finally:
        THREADS.reset(threads)
        pool.close()
        shutil.rmtree(work, ignore_errors=True)
    _summary(plan, timings, time.perf_counter() - start)
    return 0


def _build_outputs(plan: Plan, work: Path, pool: Executor, timings: dict[str, float], allow_invalid: bool) -> None:
    """Validate, then make the stale outputs into ``work``: the per-text tasks of every step are
    queued at once (:func:`run_steps`), and this process writes the site while the PDFs are made.
    Each of ``timings`` is the time this process spent on a step after the one before (the deposit's
    in two parts: before the PDFs are waited for and after)."""
    from .package.archive import Deflated
    from .transform import html

    edition, out = plan.edition, plan.out
    mark = time.perf_counter()

    def took(step: str) -> None:
        nonlocal mark
        timings[step], mark = timings.get(step, 0.0) + time.perf_counter() - mark, time.perf_counter()

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=console, transient=True) as progress:
        checked, outcome = validation_step(edition)
        steps = [checked]
        make_site = plan.stale(plan.site)
        site_failure: Exception | None = None
        if make_site:
            try:
                images, site_warnings, params = html.site_inputs(edition)
            except Exception as exc:  # an unreadable text: validation names it first
                site_failure, make_site = exc, False
        if make_site:
            site_task = progress.add_task("HTML site", total=len(edition.texts) + 1)
            pages, page_outputs = pages_step(plan, params, work / "pages", work / SUMMARIES, lambda: progress.advance(site_task))
            steps.append(pages)
        make_pdfs = "pdf" in plan.targets and bool(plan.stale_pdfs or not (out / "pdf").is_dir() or _extra_pdfs(plan))
        ready = Deflated(work / "deflated", previous=out / plan.deposit) if plan.stale(plan.deposit) else None
        if make_pdfs:
            pdfs, report_pdfs = pdf_step(plan, work / "pdf", progress, ready)
            steps.append(pdfs)
        queue = run_steps(pool, steps)
        begun: BagStart | None = None
        try:
            queue.wait(0)
            validated = report_validation(*outcome(), allow_invalid)
            took("validate")
            if site_failure is not None:
                raise StepFailed(located(site_failure, edition.dir))
            site_dir = out / plan.site
            if make_site:
                queue.wait(1)
                site_dir = work / plan.site
                site = build_site(plan, site_dir, *page_outputs(), (images, site_warnings, params))
                progress.advance(site_task)
                took("html")
            if ready is not None:
                begun = begin_deposit(plan, work, site_dir, ready, progress)
                took("deposit")
            pdf_dir: Path | None = out / "pdf" if (out / "pdf").is_dir() else None
            if make_pdfs:
                queue.wait(len(steps) - 1)
                report_pdfs()
                pdf_dir = work / "pdf"
                took("pdf")
            if make_site and pdf_dir is not None:  # the PDFs the reading pages link
                html.copy_pdfs(pdf_dir, site, [html.text_id(t) for t in edition.texts], link=True)
            if begun is not None:
                assert ready is not None  # begun from it
                build_deposit(plan, work, begun, ready, pdf_dir or work / "pdf", validated)
                took("deposit")
        finally:
            queue.close()
            if ready is not None:
                ready.close()


def _extra_pdfs(plan: Plan) -> bool:
    """PDFs of essays no longer in the edition."""
    expected = {plan.pdf(e) for e in plan.edition.texts}
    return any(f"pdf/{p.name}" not in expected for p in (plan.out / "pdf").glob("*.pdf"))


def _summary(plan: Plan, timings: dict[str, float], total: float) -> None:
    rebuilt = set(plan.work)
    rows = []
    pdfs = [o for o in plan.keys if o.startswith("pdf/")]
    if pdfs:
        built = sum(o in rebuilt for o in pdfs)
        rows.append(("PDF", f"{built} of {len(pdfs)} built" + _took(timings, "pdf"), plan.out / "pdf"))
    for label, output, step in (("HTML site", plan.site, "html"), ("deposit", plan.deposit, "deposit")):
        if output in plan.keys:
            rows.append((label, ("built" if output in rebuilt else "up to date") + _took(timings, step), plan.out / output))
    console.print(f"[bold]{plan.edition.deposit_name}[/] built in {total:.2f} s (validated in {timings.get('validate', 0):.2f} s)")
    for label, status, where in rows:
        console.print(f"  {label:<10} {status:<24} {where}", markup=False, soft_wrap=True)


def _took(timings: dict[str, float], step: str) -> str:
    return f" in {timings[step]:.2f} s" if step in timings else ""


# ---------------------------------------------------------------- click

_edition_dir = click.argument("edition_dir", required=False, type=click.Path(exists=True, file_okay=False, path_type=Path))
_out = click.option("-o", "--out", type=click.Path(file_okay=False, path_type=Path), default=None,
                    help="Build folder (default: EDITION_DIR/build).")
_jobs = click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
                     help="Worker processes for the per-text steps (default: the machine's cores; small editions run in one).")
_scheduler = click.option("--scheduler", metavar="tcp://HOST:PORT", default=None,
                          help="Run the per-text steps on this Dask cluster instead (pip install 'tei-edition[dask]').")
_allow = click.option("--allow-invalid", is_flag=True, default=None,
                      help="Publish texts with validation errors (they are listed); unreadable files still stop the build.")


class _BuildGroup(click.Group):
    """`edition build DIR` means the whole build of DIR; `edition build html|pdf [DIR]` one output."""

    def resolve_command(self, ctx: click.Context, args: list[str]):
        if args and args[0] not in self.commands:
            return "all", self.commands["all"], args
        return super().resolve_command(ctx, args)


def _options(ctx: click.Context, out: Path | None, jobs: int | None, scheduler: str | None = None) -> dict:
    parent = ctx.parent.params if ctx.parent else {}
    return {"out": out or parent.get("out"), "jobs": jobs or parent.get("jobs"), "scheduler": scheduler or parent.get("scheduler")}


def _allowed(ctx: click.Context, allow_invalid: bool | None) -> bool:
    return bool(allow_invalid or (ctx.parent.params.get("allow_invalid") if ctx.parent else False))


@click.group("build", cls=_BuildGroup, invoke_without_command=True,
             subcommand_metavar="[EDITION_DIR] | html [EDITION_DIR] | pdf [EDITION_DIR]")
@_out
@_jobs
@_scheduler
@_allow
@click.pass_context
def build_command(ctx: click.Context, out: Path | None, jobs: int | None, scheduler: str | None, allow_invalid: bool | None) -> None:
    """Build the edition: validate, then the HTML site, the PDFs and the deposit.

    `edition build [EDITION_DIR]` builds everything (default: the edition in the
    current folder); `edition build html` or `edition build pdf` builds one output.
    Only what changed is rebuilt; outputs appear in build/ only when complete.
    Validation errors stop the build (each named file:line:col) unless --allow-invalid.
    """
    if ctx.invoked_subcommand is None:
        sys.exit(run_build(None, out, jobs, {"deposit"}, bool(allow_invalid), scheduler))


@build_command.command("all", hidden=True)
@_edition_dir
@_out
@_jobs
@_scheduler
@_allow
@click.pass_context
def _all(ctx: click.Context, edition_dir: Path | None, out: Path | None, jobs: int | None, scheduler: str | None,
         allow_invalid: bool | None) -> None:
    sys.exit(run_build(edition_dir, targets={"deposit"}, allow_invalid=_allowed(ctx, allow_invalid),
                       **_options(ctx, out, jobs, scheduler)))


@build_command.command("html")
@_edition_dir
@_out
@_jobs
@_scheduler
@_allow
@click.pass_context
def _html(ctx: click.Context, edition_dir: Path | None, out: Path | None, jobs: int | None, scheduler: str | None,
          allow_invalid: bool | None) -> None:
    """Build the HTML site (build/site/)."""
    sys.exit(run_build(edition_dir, targets={"html"}, allow_invalid=_allowed(ctx, allow_invalid),
                       **_options(ctx, out, jobs, scheduler)))


@build_command.command("pdf")
@_edition_dir
@_out
@_jobs
@_scheduler
@_allow
@click.pass_context
def _pdf(ctx: click.Context, edition_dir: Path | None, out: Path | None, jobs: int | None, scheduler: str | None,
         allow_invalid: bool | None) -> None:
    """Build one PDF per text (build/pdf/<text>.pdf)."""
    sys.exit(run_build(edition_dir, targets={"pdf"}, allow_invalid=_allowed(ctx, allow_invalid),
                       **_options(ctx, out, jobs, scheduler)))
