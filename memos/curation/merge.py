"""Merge duplicate authors, topics or vendors into one survivor, in one transaction.

The merged rows' addresses (slugs, ids, and the old addresses that led to them) lead to the survivor.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import models, transaction

from .. import changes
from ..models import Author, Authorship, Memo, Mention, NamedEntity, Redirect, Topic, Vendor
from ..topics import mark_echoes

# When two mentions of one memo fold into one, the stronger curator decision wins: a
# confirmation says the memo does name the vendor under one of its spellings, a rejection is
# still a decision an editor made, and "auto" is only the machine's guess.
VERDICT_STRENGTH = {Mention.AUTO: 0, Mention.REJECTED: 1, Mention.CONFIRMED: 2}


@dataclass
class MergePlan:
    """What merging `merged` into `survivor` changes; `merge()` returns the plan it carried out."""

    survivor: models.Model
    merged: list[models.Model]
    moved: int = 0  # relations re-pointed from a merged row to the survivor
    combined: int = 0  # relations that duplicated one the survivor had, folded into it
    memo_ids: set[int] = field(default_factory=set)  # memos whose relations change
    aliases: list[str] = field(default_factory=list)  # the survivor's aliases afterwards
    new_aliases: list[str] = field(default_factory=list)  # those it gains

    @property
    def memos(self) -> int:
        return len(self.memo_ids)


class MergeError(ValueError):
    pass


def plan_merge(survivor: models.Model, merged: list[models.Model]) -> MergePlan:
    """What `merge(survivor, merged)` would do, without writing anything."""
    return _steps(survivor, merged)[0]


def merge(survivor: models.Model, merged: list[models.Model]) -> MergePlan:
    """Move every relation of `merged` to `survivor`, keep their names as aliases, delete them."""
    with transaction.atomic(), changes.writes():  # the moved memos are indexed once, at the end
        return _merge(survivor, merged)


def _merge(survivor: models.Model, merged: list[models.Model]) -> MergePlan:
    # Lock and re-read the rows, so two editors merging at once cannot both move relations.
    model = type(survivor)
    wanted = [survivor.pk, *(row.pk for row in merged)]
    rows = model.objects.select_for_update().in_bulk(wanted)
    if len(rows) != len(set(wanted)):
        raise MergeError("a selected row no longer exists; it may have been merged already")
    survivor = rows[survivor.pk]
    plan, apply = _steps(survivor, [rows[row.pk] for row in merged])
    apply()
    survivor.aliases = plan.aliases
    survivor.save(update_fields=["aliases"])
    Redirect.objects.merged(survivor, plan.merged)  # their pages answer 301 to the survivor's
    type(survivor).objects.filter(pk__in=[row.pk for row in plan.merged]).delete()
    if model in (Author, Topic):
        mark_echoes(plan.memo_ids)  # a tag may now repeat, or no longer repeat, an author's name
    return plan


def _steps(survivor, merged):
    model = type(survivor)
    merged = [row for row in merged if row.pk != survivor.pk]
    if not merged:
        raise MergeError("pick at least one row besides the survivor")
    if any(type(row) is not model for row in merged):
        raise MergeError("only rows of one kind can be merged")
    if model is Author:
        plan, apply = _author_steps(survivor, merged)
    elif model is Topic:
        plan, apply = _topic_steps(survivor, merged)
    elif model is Vendor:
        plan, apply = _vendor_steps(survivor, merged)
    else:
        raise MergeError(f"{model._meta.verbose_name_plural} cannot be merged")
    plan.aliases = _aliases_after(survivor, merged)
    plan.new_aliases = [a for a in plan.aliases if a not in (survivor.aliases or [])]
    return plan, apply


def _aliases_after(survivor, merged) -> list[str]:
    """The survivor's aliases once merged rows' names and aliases join them.

    Authors and topics match on normalized keys, vendors on exact spellings (the mention finder
    is case-sensitive), so each keeps the form its matcher reads.
    """
    if isinstance(survivor, NamedEntity):
        own = survivor.key
        names = [n for row in merged for n in (row.key, *(row.aliases or []))]
    else:
        own = survivor.name
        names = [n for row in merged for n in (row.name, *(row.aliases or []))]
    result = list(survivor.aliases or [])
    for name in names:
        if name and name != own and name not in result:
            result.append(name)
    return result


def _author_steps(survivor: Author, merged: list[Author]):
    """Authorships move; where a memo credits both, one row stays, at the earlier position."""
    kept = {
        memo_id: [pk, position]
        for pk, memo_id, position in survivor.authorships.values_list("pk", "memo_id", "position")
    }
    plan = MergePlan(survivor, merged)
    move, drop, reposition = [], [], {}
    rows = Authorship.objects.filter(author__in=merged).order_by("memo_id", "position", "pk")
    for pk, memo_id, position in rows.values_list("pk", "memo_id", "position"):
        plan.memo_ids.add(memo_id)
        if memo_id not in kept:
            move.append(pk)
            kept[memo_id] = [pk, position]
            continue
        drop.append(pk)
        if position < kept[memo_id][1]:
            kept[memo_id][1] = position
            reposition[kept[memo_id][0]] = position
    plan.moved, plan.combined = len(move), len(drop)

    def apply():
        Authorship.objects.filter(pk__in=drop).delete()
        Authorship.objects.filter(pk__in=move).update(author=survivor)
        for pk, position in reposition.items():
            Authorship.objects.filter(pk=pk).update(position=position)

    return plan, apply


def _topic_steps(survivor: Topic, merged: list[Topic]):
    """Memo-topic links move; a memo tagged with both keeps one link."""
    through = Memo.topics.through
    tagged = set(through.objects.filter(topic=survivor).values_list("memo_id", flat=True))
    plan = MergePlan(survivor, merged)
    move, drop = [], []
    rows = through.objects.filter(topic__in=merged).order_by("memo_id", "pk")
    for pk, memo_id in rows.values_list("pk", "memo_id"):
        plan.memo_ids.add(memo_id)
        if memo_id in tagged:
            drop.append(pk)
        else:
            move.append(pk)
            tagged.add(memo_id)
    plan.moved, plan.combined = len(move), len(drop)

    def apply():
        through.objects.filter(pk__in=drop).delete()
        through.objects.filter(pk__in=move).update(topic=survivor)

    return plan, apply


def _vendor_steps(survivor: Vendor, merged: list[Vendor]):
    """Mentions move; two mentions of one memo become one, counts summed, the stronger verdict kept."""
    kept = {m.memo_id: m for m in survivor.mentions.all()}
    plan = MergePlan(survivor, merged)
    touched: dict[int, Mention] = {}
    drop = []
    for mention in Mention.objects.filter(vendor__in=merged).order_by("memo_id", "pk"):
        plan.memo_ids.add(mention.memo_id)
        into = kept.get(mention.memo_id)
        if into is None:
            mention.vendor = survivor
            kept[mention.memo_id] = touched[mention.pk] = mention
            plan.moved += 1
            continue
        into.count += mention.count
        into.context = into.context or mention.context
        if VERDICT_STRENGTH[mention.verdict] > VERDICT_STRENGTH[into.verdict]:
            into.verdict = mention.verdict
        touched[into.pk] = into
        drop.append(mention.pk)
        plan.combined += 1

    def apply():
        Mention.objects.filter(pk__in=drop).delete()
        Mention.objects.bulk_update(list(touched.values()), ["vendor", "count", "context", "verdict"])

    return plan, apply
