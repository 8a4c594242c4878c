"""Admin pages beyond Django's own: page upload, merge confirmation, vendor list, CSV export."""

import csv
from collections import Counter

from django.contrib import messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Prefetch
from django.http import HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse

from .. import tasks
from ..ingest.load import store_page
from ..ingest.parsed import RawPage
from ..ingest.pipeline import import_pages
from ..ingest.sources import MAX_BYTES, Page
from ..models import Memo, Mention
from . import history
from .forms import UploadForm
from .merge import MergeError, merge, plan_merge

# --- import from the admin ----------------------------------------------------------------------

# An upload of more pages than this is imported by a background job (memos/tasks.py).
INLINE_UPLOAD = 5


def import_pages_view(modeladmin, request):
    """Upload pages; they go through the same pipeline as `import_memos`, with a result per file."""
    if not modeladmin.has_add_permission(request):
        raise PermissionDenied
    form = UploadForm(request.POST, request.FILES) if request.method == "POST" else UploadForm()
    results = None
    if form.is_bound and form.is_valid():
        # One byte past the limit is enough for the pipeline to refuse an oversized file.
        pages = [Page(origin=f.name, data=f.read(MAX_BYTES + 1)) for f in form.cleaned_data["pages"]]
        if len(pages) > INLINE_UPLOAD:
            # The bytes wait in the database (as stored pages), for a worker to import them.
            files = [[page.origin, store_page(RawPage.of(page.data))] for page in pages]
            kind = f"Import {len(pages)} uploaded pages"
            job = tasks.start(tasks.import_uploads, kind, request.user, files)
            modeladmin.message_user(
                request, f"Importing {len(pages)} pages in the background; the results are on this page."
            )
            return HttpResponseRedirect(reverse("admin:memos_job_change", args=[job.pk]))
        results = list(import_pages(pages))
        history.log_imports(request.user.pk, results)
    context = {
        **modeladmin.admin_site.each_context(request),
        "opts": modeladmin.opts,
        "title": "Import memo pages",
        "form": form,
        "import_results": [result_row(r) for r in results] if results is not None else None,
        "summary": Counter(r.status for r in results) if results else None,
        "media": modeladmin.media + form.media,
    }
    return TemplateResponse(request, "admin/memos/memo/import.html", context)


def result_row(result) -> dict:
    if result.error:
        reason = result.error
    elif result.kept:
        reason = f"kept hand-edited: {', '.join(result.kept)}"
    else:
        reason = ""
    return {
        "source": result.source,
        "status": result.status,
        "reason": reason,
        "title": result.memo.title if result.memo else "",
        "url": reverse("admin:memos_memo_change", args=[result.memo_id]) if result.memo_id else None,
    }


# --- merging ------------------------------------------------------------------------------------


def merge_selected(modeladmin, request, queryset):
    """The merge action: a confirmation page to pick the survivor, then the merge itself."""
    opts = modeladmin.opts
    rows = list(queryset.order_by("pk"))
    if len(rows) < 2:
        modeladmin.message_user(
            request, f"Select at least two {opts.verbose_name_plural} to merge.", messages.WARNING
        )
        return None

    if request.POST.get("post") == "yes":
        survivor = next((r for r in rows if str(r.pk) == request.POST.get("survivor")), None)
        if survivor is None:
            modeladmin.message_user(request, f"Pick the {opts.verbose_name} to keep.", messages.ERROR)
        else:
            return run_merge(modeladmin, request, survivor, [r for r in rows if r is not survivor])

    relation = modeladmin.merge_relation
    # The busiest row is the likely canonical spelling, so it is offered first.
    rows.sort(key=lambda r: -getattr(r, modeladmin.merge_count_attr, 0))
    candidates = []
    for row in rows:
        others = [r for r in rows if r is not row]
        candidates.append({"row": row, "others": others, "plan": plan_merge(row, others)})
    context = {
        **modeladmin.admin_site.each_context(request),
        "opts": opts,
        "title": f"Merge {len(rows)} {opts.verbose_name_plural}",
        "rows": [(row, getattr(row, modeladmin.merge_count_attr, 0)) for row in rows],
        "candidates": candidates,
        "relation": relation,
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        "media": modeladmin.media,
    }
    request.current_app = modeladmin.admin_site.name
    return TemplateResponse(request, "admin/memos/merge_confirmation.html", context)


def run_merge(modeladmin, request, survivor, others):
    opts = modeladmin.opts
    names = ", ".join(f"“{row}”" for row in others)
    try:
        with transaction.atomic():
            modeladmin.log_deletions(request, others)  # before the rows are gone
            plan = merge(survivor, others)
            relation = modeladmin.merge_relation
            message = (
                f"Merged {names} into this {opts.verbose_name}: {plan.moved} {relation} link(s) moved, "
                f"{plan.combined} duplicate(s) combined, {plan.memos} memo(s) affected."
            )
            if plan.new_aliases:
                message += f" New aliases: {', '.join(plan.new_aliases)}."
            modeladmin.log_change(request, survivor, message)
            note = f"{opts.verbose_name.capitalize()} {names} merged into “{survivor}”."
            history.log_on_memos(request.user.pk, dict.fromkeys(plan.memo_ids, note))
    except MergeError as exc:
        modeladmin.message_user(request, f"Nothing was merged: {exc}.", messages.ERROR)
        return None
    modeladmin.message_user(request, f"Merged {names} into “{survivor}”. {plan.memos} memo(s) affected.")
    return HttpResponseRedirect(reverse(f"admin:memos_{opts.model_name}_change", args=[survivor.pk]))


# --- vendors ------------------------------------------------------------------------------------


def apply_vendor_list(modeladmin, request):
    """Find mentions again in every memo with the current vendor list; curated mentions stay."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not (modeladmin.has_change_permission(request) and request.user.has_perm("memos.change_mention")):
        raise PermissionDenied
    job = tasks.start(tasks.reextract, "Apply the vendor list to all memos", request.user)
    modeladmin.message_user(
        request,
        "Applying the vendor list to every memo in the background; confirmed and rejected mentions "
        "will be kept. Its progress is on this page.",
    )
    return HttpResponseRedirect(reverse("admin:memos_job_change", args=[job.pk]))


# --- export -------------------------------------------------------------------------------------

CSV_COLUMNS = [
    "id", "title", "slug", "published", "memo_number", "series", "category", "language",
    "authors", "topics", "countries", "vendors", "is_published", "pdf_url", "source_url", "word_count",
]  # fmt: skip


def csv_cell(value) -> str:
    """A cell a spreadsheet shows as text: imported titles must not run as formulas."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def export_csv(memo_ids) -> HttpResponse:
    """The selected memos, one row each; mentions are those that count publicly, as CODE:count."""
    counted = Mention.objects.filter(verdict__in=Mention.COUNTED).select_related("country", "vendor")
    memos = (
        Memo.objects.filter(pk__in=memo_ids)
        .with_listing_data()
        .prefetch_related("topics", Prefetch("mentions", queryset=counted, to_attr="counted"))
    )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="memos.csv"'
    writer = csv.writer(response)
    writer.writerow(CSV_COLUMNS)
    for memo in memos:
        countries = [f"{m.country_id}:{m.count}" for m in memo.counted if m.country_id]
        vendors = [f"{m.vendor.name}:{m.count}" for m in memo.counted if m.vendor_id]
        row = [
            memo.pk, memo.title, memo.slug, memo.published.isoformat() if memo.published else "",
            memo.memo_number, memo.series, memo.category, memo.language,
            "; ".join(a.name for a in memo.author_list), "; ".join(t.name for t in memo.topics.all()),
            "; ".join(countries), "; ".join(vendors), "yes" if memo.is_published else "no",
            memo.pdf_url, memo.source_url, memo.word_count,
        ]  # fmt: skip
        writer.writerow([csv_cell(v) for v in row])
    return response


# --- a memo's text and its stored pages ------------------------------------------------------------


def _fold(text: str) -> str:
    return " ".join(text.split())


# The mention finder stores sentences with straight apostrophes; one character for one, so an
# index found in the straightened text is the same in the original.
_STRAIGHT = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "′": "'"})


def memo_text_view(modeladmin, request, memo_id):
    """The memo's text, paragraph by paragraph, with one mention's sentence highlighted and scrolled
    to (#mention): where an editor checks a mention in its place."""
    from django.shortcuts import get_object_or_404
    from django.utils.html import escape
    from django.utils.safestring import mark_safe

    memo = get_object_or_404(Memo, pk=memo_id)
    if not modeladmin.has_view_or_change_permission(request, memo):
        raise PermissionDenied
    mention = None
    if str(request.GET.get("mention", "")).isdigit():
        mention = (
            memo.mentions.select_related("country", "vendor").filter(pk=int(request.GET["mention"])).first()
        )
    # The sentence as stored may be cut with ellipses: its longest piece is what is looked for.
    wanted = ""
    if mention is not None:
        wanted = max((_fold(p) for p in mention.context.split("…")), key=len, default="").translate(_STRAIGHT)
    paragraphs, found = [], False
    for text in [memo.title, *(p for p in memo.body_text.split("\n\n") if p.strip())]:
        text = _fold(text)
        at = text.translate(_STRAIGHT).find(wanted) if wanted and not found else -1
        if at >= 0:
            found = True
            html = (
                escape(text[:at])
                + '<mark id="mention" tabindex="-1">'
                + escape(text[at : at + len(wanted)])
                + "</mark>"
                + escape(text[at + len(wanted) :])
            )
        else:
            html = escape(text)
        paragraphs.append(mark_safe(html))
    context = {
        **modeladmin.admin_site.each_context(request),
        "opts": modeladmin.opts,
        "title": f"Text of “{memo.title}”",
        "memo": memo,
        "mention": mention,
        "found": found,
        "heading": paragraphs[0],
        "paragraphs": paragraphs[1:],
    }
    return TemplateResponse(request, "admin/memos/memo/text.html", context)


def stored_page_view(modeladmin, request, memo_id, record_id):
    """A page as an import stored it: its bytes shown as text (never rendered), or downloaded."""
    import os

    from django.shortcuts import get_object_or_404

    from ..ingest.parse import decode
    from ..ingest.parsed import ParseError
    from ..models import ImportRecord

    record = get_object_or_404(
        ImportRecord.objects.select_related("page", "memo"), pk=record_id, memo_id=memo_id, page__isnull=False
    )
    if not modeladmin.has_view_or_change_permission(request, record.memo):
        raise PermissionDenied
    raw = record.page.raw
    if request.GET.get("download"):
        name = os.path.basename(record.source.rstrip("/")) or f"page-{record.page_id[:12]}"
        response = HttpResponse(raw, content_type="application/octet-stream")
        response["Content-Disposition"] = f'attachment; filename="{name.replace(chr(34), "")}"'
        response["X-Content-Type-Options"] = "nosniff"
        return response
    try:
        text = decode(raw)
    except ParseError:
        text = raw.decode("utf-8", errors="replace")
    context = {
        **modeladmin.admin_site.each_context(request),
        "opts": modeladmin.opts,
        "title": f"Stored page of “{record.memo.title}”",
        "memo": record.memo,
        "record": record,
        "text": text,
    }
    return TemplateResponse(request, "admin/memos/memo/stored_page.html", context)
