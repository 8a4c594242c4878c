"""Every write's side effects, in one place: the search index and the cached counts follow the data.

A write notes the memos it touched with `touched()`: the models' signal receivers below do it for
saves and deletes, and the QuerySets of memos.models do it for the bulk writes that send no
signals (update(), bulk_create(), bulk_update()). What follows a write then happens here and
nowhere else: the touched memos are indexed for search (memos.search) and the data version changes
(memos.caching), so every cached count is recomputed.

By default that happens at once, in the write's own transaction: readers see the new data version
exactly when they see the new rows. Inside a `writes()` block the notes are gathered and acted on
once, when the outermost block ends: an import writes a memo with its authors, topics and mentions
and indexes it once; a merge moves hundreds of rows and changes the version once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from django.db import connection


@dataclass
class Notes:
    memo_ids: set[int] = field(default_factory=set)
    data: bool = False  # anything public pages count changed, with or without memos to index
    executor: Any = None  # runs the indexing (`executor.submit(fn, ids)`); None: here and now


_open: ContextVar[Notes | None] = ContextVar("open_writes", default=None)


def touched(memo_ids: Iterable[int] = (), data: bool = True) -> None:
    """Note a write: these memos' search documents changed, and (`data`) so did public counts."""
    notes = _open.get()
    if notes is None:
        act(Notes(set(memo_ids), data))
        return
    notes.memo_ids.update(memo_ids)
    notes.data = notes.data or data


@contextmanager
def writes(executor=None) -> Iterator[Notes]:
    """Gather the notes of the writes inside this block and act on them once, when it ends.

    Blocks nest: an inner block hands its notes to the outer one. A block left by an exception
    inside a transaction acts on nothing, since that transaction is being rolled back; left by an
    exception outside one, it acts on what was noted, because those writes were committed.
    `executor`: something with `submit(fn, *args)` that runs the indexing elsewhere (the corpus
    generator indexes on a second connection while it writes the next batch).
    """
    outer = _open.get()
    notes = Notes(executor=executor or (outer.executor if outer else None))
    reset = _open.set(notes)
    try:
        yield notes
    except BaseException:
        _open.reset(reset)
        if outer is not None:
            outer.memo_ids |= notes.memo_ids
            outer.data = outer.data or notes.data
        elif not connection.in_atomic_block:
            act(notes)
        raise
    _open.reset(reset)
    if outer is not None:
        outer.memo_ids |= notes.memo_ids
        outer.data = outer.data or notes.data
    else:
        act(notes)


def act(notes: Notes) -> None:
    """Index the touched memos, then give the data a new version."""
    from . import caching, search

    if notes.memo_ids and notes.executor is not None:
        notes.executor.submit(search.index_memos, sorted(notes.memo_ids))
    elif notes.memo_ids:
        search.index_memos(sorted(notes.memo_ids))
    if notes.data or notes.memo_ids:
        caching.new_version()


# --- The models' signals --------------------------------------------------------------------------


def _memo_saved(sender, instance, raw=False, **kwargs):
    if not raw:  # loaddata writes fixtures as they are
        touched([instance.pk])


def _link_written(sender, instance, raw=False, **kwargs):
    """A mention, authorship or topic link: its memo's names and the counts change."""
    if not raw:
        touched([instance.memo_id])


def _entity_saved(sender, instance, raw=False, created=False, **kwargs):
    """An author, topic, country or vendor: its memos are searched by its name."""
    if not raw:
        touched([] if created else sender.objects.filter(pk=instance.pk).memo_ids())


def _entity_deleted(sender, instance, **kwargs):
    touched()  # its links were deleted first, each noting its memo


def _topics_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if not action.startswith("post_"):
        return
    if not reverse:  # memo.topics.add/remove/set/clear
        touched([instance.pk])
    elif action == "post_clear":  # topic.memos.clear(): the links are gone, and so are their ids
        touched(data=True)
    else:  # topic.memos.add/remove
        touched(pk_set or ())


def connect_signals() -> None:
    from .models import Author, Authorship, Country, Memo, MemoTopic, Mention, Topic, Vendor

    def connect(receiver, model, signal_name):
        from django.db.models import signals

        getattr(signals, signal_name).connect(
            receiver, sender=model, dispatch_uid=f"memos.changes.{signal_name}.{model.__name__}"
        )

    for signal_name in ("post_save", "post_delete"):
        connect(_memo_saved, Memo, signal_name)
        for model in (Mention, Authorship, MemoTopic):
            connect(_link_written, model, signal_name)
    for model in (Author, Topic, Country, Vendor):
        connect(_entity_saved, model, "post_save")
        connect(_entity_deleted, model, "post_delete")
    connect(_topics_changed, MemoTopic, "m2m_changed")
