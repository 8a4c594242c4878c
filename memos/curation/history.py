"""Lines in memos' admin history for changes made from elsewhere: actions, merges, uploads, jobs."""

from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType

from ..models import Memo


def log_on_memos(user_id: int | None, messages_by_memo: dict[int, str]) -> None:
    """A line in each memo's history for a change made from elsewhere (an action, a merge, the
    mentions list), so a memo's history page tells the whole story."""
    memos = Memo.objects.only("pk", "title").in_bulk(list(messages_by_memo))
    content_type = ContentType.objects.get_for_model(Memo)
    LogEntry.objects.bulk_create(
        LogEntry(
            user_id=user_id,
            content_type=content_type,
            object_id=str(pk),
            object_repr=str(memo)[:200],
            action_flag=CHANGE,
            change_message=messages_by_memo[pk],
        )
        for pk, memo in memos.items()
    )


def log_imports(user_id: int | None, results) -> None:
    """History for memos an upload created or changed (unchanged ones were not touched)."""
    memos = Memo.objects.only("pk", "title").in_bulk([r.memo_id for r in results if r.memo_id])
    for result in results:
        memo = memos.get(result.memo_id)
        if memo is None or result.status not in ("created", "updated"):
            continue
        message = f"Imported from uploaded file {result.source}."
        if result.kept:
            message += f" Kept hand-edited: {', '.join(result.kept)}."
        flag = ADDITION if result.status == "created" else CHANGE
        LogEntry.objects.log_actions(user_id, [memo], flag, message, single_object=True)
