"""Background jobs, read-only: what each one is, who started it, its status, progress and outcome."""

from django.contrib import admin
from django.db.models import OuterRef, Subquery
from django.utils.html import format_html
from django_tasks_db.models import DBTaskResult

from ..models import Job
from .records import AuditAdmin

# The queue's statuses in editors' words.
STATUS_LABELS = {
    "READY": "waiting for a worker",
    "RUNNING": "running",
    "SUCCESSFUL": "done",
    "FAILED": "failed",
}


@admin.register(Job)
class JobAdmin(AuditAdmin):
    list_display = ["kind", "requested_by", "created_at", "status", "progress", "outcome_or_error"]
    fields = ["kind", "requested_by", "created_at", "status", "progress", "outcome_or_error"]
    readonly_fields = fields
    list_select_related = ["requested_by"]
    date_hierarchy = "created_at"

    class Media:
        js = ["js/admin-jobs.js"]  # reloads the page while a job shown on it is still running

    def get_queryset(self, request):
        queue = DBTaskResult.objects.filter(id=OuterRef("task_id"))
        return (
            super()
            .get_queryset(request)
            .annotate(
                queue_status=Subquery(queue.values("status")[:1]),
                error_class=Subquery(queue.values("exception_class_path")[:1]),
                error_trace=Subquery(queue.values("traceback")[:1]),
            )
        )

    @admin.display(description="status", ordering="queue_status")
    def status(self, job):
        status = job.queue_status or "READY"
        running = "true" if status in ("READY", "RUNNING") else "false"
        return format_html(
            '<span data-job-running="{}">{}</span>', running, STATUS_LABELS.get(status, status)
        )

    @admin.display(description="progress")
    def progress(self, job):
        if not job.total:
            return "-"
        return format_html(
            '<progress value="{}" max="{}" aria-label="{} of {} done"></progress> {} of {}',
            job.done, job.total, job.done, job.total, job.done, job.total,
        )  # fmt: skip

    @admin.display(description="outcome")
    def outcome_or_error(self, job):
        if job.queue_status == "FAILED":
            last_line = (job.error_trace or "").strip().splitlines()[-1:] or [
                job.error_class or "unknown error"
            ]
            return format_html("<strong>Failed:</strong> {}", last_line[0])
        return job.outcome or "-"
