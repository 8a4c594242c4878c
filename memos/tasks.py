"""Background jobs: long writes run in `manage.py db_worker`, and web requests only enqueue them.

Each job has a `Job` row (memos.models) that says who started it, how far it got and what it did;
the task queue (django-tasks with its database backend) keeps its status and any error.
"""

from __future__ import annotations

from collections import Counter

from django_tasks import task

from . import caching
from .curation.history import log_imports
from .ingest.load import reextract_mentions
from .ingest.pipeline import import_pages
from .ingest.reparse import reparse
from .ingest.sources import Page
from .models import Job, Memo, StoredPage

PROGRESS_EVERY = 10  # pages or memos between two updates of a job's progress


def start(job_task, kind: str, user, *args) -> Job:
    """Record a job and put it on the queue; returns at once."""
    job = Job.objects.create(kind=kind, requested_by=user if user and user.pk else None)
    result = job_task.enqueue(job.pk, *args)
    Job.objects.filter(pk=job.pk).update(task_id=result.id)
    job.task_id = result.id
    return job


def progress_of(job_id: int):
    """A callback that records `done` (and `total`) on the job's row as the work goes on."""

    def report(done: int, total: int | None = None) -> None:
        fields = {"done": done} if total is None else {"done": done, "total": total}
        Job.objects.filter(pk=job_id).update(**fields)

    return report


@task()
def reextract(job_id: int, memo_ids: list[int] | None = None) -> str:
    """Find mentions again (all memos, or these), keeping curated ones: after the vendor list changed."""
    ids = list(Memo.objects.values_list("pk", flat=True)) if memo_ids is None else memo_ids
    report = progress_of(job_id)
    report(0, len(ids))
    done = reextract_mentions(ids, progress=report)
    outcome = f"Extracted mentions again in {done} memo(s); confirmed and rejected mentions were kept."
    Job.objects.filter(pk=job_id).update(outcome=outcome)
    return outcome


def summary_of(counts: Counter, failures: list[str]) -> str:
    parts = ", ".join(f"{word} {counts[word]}" for word in ("created", "updated", "unchanged", "failed"))
    outcome = parts[0].upper() + parts[1:] + "."
    if failures:
        outcome += " " + "; ".join(failures)
    return outcome


@task()
def import_uploads(job_id: int, files: list[list[str]]) -> str:
    """Import pages an editor uploaded: the request stored their bytes (StoredPage), as [name, sha256]."""
    stored = StoredPage.objects.in_bulk([sha for _, sha in files])
    pages = [Page(origin=name, data=stored[sha].raw) for name, sha in files]
    report = progress_of(job_id)
    report(0, len(pages))
    counts: Counter[str] = Counter()
    failures, results = [], []
    for n, result in enumerate(import_pages(pages), 1):
        counts[result.status] += 1
        results.append(result)
        if not result.ok:
            failures.append(f"{result.source}: {result.error}")
        if n % PROGRESS_EVERY == 0:
            report(n)
    report(len(pages))
    log_imports(Job.objects.values_list("requested_by", flat=True).get(pk=job_id), results)
    outcome = summary_of(counts, failures)
    Job.objects.filter(pk=job_id).update(outcome=outcome)
    return outcome


@task()
def reparse_memos(job_id: int, memo_ids: list[int]) -> str:
    """Read these memos again from their stored pages with the current parser (manage.py reparse)."""
    report = progress_of(job_id)
    report(0, len(memo_ids))
    counts: Counter[str] = Counter()
    failures = []
    for n, result in enumerate(reparse(memo_ids), 1):
        counts[result.action or "failed"] += 1
        if result.error:
            failures.append(f"{result.memo.title}: {result.error}")
        if n % PROGRESS_EVERY == 0:
            report(n)
    report(len(memo_ids))
    outcome = (
        f"Read {sum(counts.values())} memo(s) again from their stored pages: updated {counts['update']}, "
        f"unchanged {counts['unchanged']}, failed {counts['failed']}"
        f" ({len(memo_ids) - sum(counts.values())} had no stored page)."
    )
    if failures:
        outcome += " " + "; ".join(failures)
    Job.objects.filter(pk=job_id).update(outcome=outcome)
    return outcome


@task()
def refresh_snapshots(token: str) -> str:
    """After a write: the hot pages' figures under the data version it made (memos.site.snapshots).

    A later write has queued its own refresh, so this one does nothing if the version moved on.
    """
    from .site import snapshots

    if caching.token() != token:
        return "A later write's refresh will do it."
    return f"Refreshed the figures of {snapshots.refresh()} page(s)."
