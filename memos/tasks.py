"""Background jobs: long writes run in `manage.py db_worker`, and web requests only enqueue them.

Each job has a `Job` row (memos.models) that says who started it, how far it got and what it did;
the task queue (django-tasks with its database backend) keeps its status and any error.
"""

from __future__ import annotations

from django_tasks import task

from .ingest.load import reextract_mentions
from .models import Job, Memo


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
