"""Every write's side effects, in one place: the search index and the cached counts follow the data.

A write notes the memos it touched with `touched()`: the models' signal receivers below do it for
saves and deletes, and the QuerySets of memos.models do it for the bulk writes that send no
signals (update(), bulk_create(), bulk_update()). What follows a write then happens here and
nowhere else: the touched memos are indexed for search (memos.search) and the data version changes
(memos.caching), so every cached count is recomputed. A touched memo whose own row was not saved
(its links, its authors' names or its publication changed) gets a new `updated_at`: its last change,
which OAI-PMH harvesters and the sitemap read.

Saves also keep old addresses alive: a memo, author, topic or vendor whose slug changes leaves the
old slug in the redirect table (memos.models.Redirect), whatever code saved it.

By default that happens at once, in the write's own transaction: readers see the new data version
exactly when they see the new rows. Inside a `writes()` block the notes are gathered and acted on
once, when the outermost block ends: an import writes a memo with its authors, topics and mentions
and indexes it once; a merge moves hundreds of rows and changes the version once. `in_batches()`
changes the version once per stretch of time: a long import indexes each memo as it writes it but
changes the data version every few seconds, not with every memo, so readers keep the cached
counts meanwhile (they lag by at most that stretch).
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.db import connection


@dataclass
class Notes:
    memo_ids: set[int] = field(default_factory=set)
    saved: set[int] = field(default_factory=set)  # memos whose own row was written: updated_at is new
    data: bool = False  # anything public pages count changed, with or without memos to index
    executor: Any = None  # runs the indexing (`executor.submit(fn, ids)`); None: here and now
    # An `in_batches()` block: the writes inside are indexed as each inner block ends, in its own
    # transaction, and only the new data version waits for the batch.
    batch: bool = False


_open: ContextVar[Notes | None] = ContextVar("open_writes", default=None)
T = TypeVar("T")


def touched(memo_ids: Iterable[int] = (), data: bool = True, saved: bool = False) -> None:
    """Note a write: these memos' search documents changed, and (`data`) so did public counts.

    `saved`: the memos' own rows were written, so their `updated_at` is already the write's time.
    """
    memo_ids = set(memo_ids)
    notes = _open.get()
    if notes is None:
        act(Notes(memo_ids, saved=memo_ids if saved else set(), data=data))
        return
    notes.memo_ids |= memo_ids
    if saved:
        notes.saved |= memo_ids
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
        if outer is not None and not outer.batch:
            hand_over(notes, outer)
        elif not connection.in_atomic_block:
            act(notes, version=outer is None)
            if outer is not None:
                outer.data = True
        raise
    _open.reset(reset)
    if outer is not None and outer.batch:
        act(notes, version=False)
        outer.data = outer.data or notes.data or bool(notes.memo_ids)
    elif outer is not None:
        hand_over(notes, outer)
    else:
        act(notes)


def in_batches(items: Iterable[T], seconds: float) -> Iterator[T]:
    """`items`, with the data version of the writes made while each is produced and used changed
    together, once every `seconds` and once at the end, rather than once each. Each write still
    commits on its own with its memos indexed, so a crash leaves no memo unsearchable."""
    items = iter(items)
    while True:
        with writes() as notes:
            notes.batch = True
            deadline = time.monotonic() + seconds
            for item in items:
                if time.monotonic() >= deadline:
                    break  # the block acts on what this item wrote too, before it is handed on
                yield item
            else:
                return
        yield item


def hand_over(inner: Notes, outer: Notes) -> None:
    outer.memo_ids |= inner.memo_ids
    outer.saved |= inner.saved
    outer.data = outer.data or inner.data


# Memos whose updated_at one UPDATE sets (SQLite takes at most 32,766 parameters).
STAMP_BATCH = 1000


def act(notes: Notes, version: bool = True) -> None:
    """Stamp the touched memos' last change, index them, give the data a new version (unless a
    batch will), and queue the recomputation of the hot pages' figures under it (memos.site.snapshots)."""
    from django.db.models import QuerySet
    from django.utils import timezone

    from . import caching, search
    from .models import Memo

    stale = sorted(notes.memo_ids - notes.saved)
    if stale:
        now = timezone.now()
        for start in range(0, len(stale), STAMP_BATCH):
            # A plain QuerySet: Memo.objects.update() would note this write again.
            QuerySet(Memo).filter(pk__in=stale[start : start + STAMP_BATCH]).update(updated_at=now)
    if notes.memo_ids and notes.executor is not None:
        notes.executor.submit(search.index_memos, sorted(notes.memo_ids))
    elif notes.memo_ids:
        search.index_memos(sorted(notes.memo_ids))
    if version and (notes.data or notes.memo_ids):
        from .tasks import refresh_snapshots

        refresh_snapshots.enqueue(caching.new_version())


# --- The models' signals --------------------------------------------------------------------------


def _memo_saved(sender, instance, raw=False, **kwargs):
    if not raw:  # loaddata writes fixtures as they are
        touched([instance.pk], saved=True)


def _memo_deleted(sender, instance, **kwargs):
    touched([instance.pk], saved=True)  # no row left to stamp


# --- Old addresses ---------------------------------------------------------------------------------


def _slug_saving(sender, instance, raw=False, update_fields=None, **kwargs):
    """Before a save: the slug the row has in the database, if this save may change it."""
    if raw or instance._state.adding or (update_fields is not None and "slug" not in update_fields):
        instance._slug_before = None
        return
    if "_loaded_slug" in instance.__dict__:
        instance._slug_before = instance._loaded_slug
    else:  # loaded without its slug (deferred): ask the database
        found = sender._base_manager.filter(pk=instance.pk).values_list("slug", flat=True)
        instance._slug_before = found.first()


def _slug_saved(sender, instance, raw=False, **kwargs):
    """After a save that changed the slug: the old one leads to the record (memos.models.Redirect)."""
    from .models import Redirect

    before = instance.__dict__.pop("_slug_before", None)
    if not raw and before and before != instance.slug:
        Redirect.objects.slug_changed(instance, before)
    instance._loaded_slug = instance.slug


def _link_written(sender, instance, raw=False, **kwargs):
    """A mention, authorship or topic link: its memo's names and the counts change. A memo's text:
    what it is searched by."""
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
    from .models import Author, Authorship, Country, Memo, MemoText, MemoTopic, Mention, Topic, Vendor

    def connect(receiver, model, signal_name):
        from django.db.models import signals

        getattr(signals, signal_name).connect(
            receiver,
            sender=model,
            dispatch_uid=f"memos.changes.{receiver.__name__}.{signal_name}.{model.__name__}",
        )

    connect(_memo_saved, Memo, "post_save")
    connect(_memo_deleted, Memo, "post_delete")
    for signal_name in ("post_save", "post_delete"):
        for model in (Mention, Authorship, MemoTopic):
            connect(_link_written, model, signal_name)
    connect(_link_written, MemoText, "post_save")  # deleted only with its memo
    for model in (Memo, Author, Topic, Vendor):
        connect(_slug_saving, model, "pre_save")
        connect(_slug_saved, model, "post_save")
    for model in (Author, Topic, Country, Vendor):
        connect(_entity_saved, model, "post_save")
        connect(_entity_deleted, model, "post_delete")
    connect(_topics_changed, MemoTopic, "m2m_changed")
