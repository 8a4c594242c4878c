"""Merges: relations move to the survivor, nothing is lost or duplicated, names become aliases."""

import pytest

from memos.curation.merge import MergeError, merge, plan_merge
from memos.models import Author, Authorship, Country, Memo, Mention, Topic, Vendor
from tests.factories import MemoFactory

pytestmark = pytest.mark.django_db


def byline(memo: Memo) -> list[str]:
    return [a.author.name for a in memo.authorships.order_by("position", "pk")]


def test_author_merge_moves_every_authorship_and_never_duplicates_a_pair():
    marat = Author.objects.create(name="Erica Marat")
    short = Author.objects.create(name="E. Marat")
    other = Author.objects.create(name="Ivan Petrov")
    both = MemoFactory(title="Both spellings", authors=[other, short, marat])  # same person listed twice
    only_short = MemoFactory(title="Short only", authors=[short, other])
    only_marat = MemoFactory(title="Marat only", authors=[marat])
    memos_before = set(Memo.objects.filter(authors__in=[marat, short]).values_list("pk", flat=True))

    plan = merge(marat, [short])

    assert (plan.moved, plan.combined, plan.memos) == (1, 1, 2)
    assert not Author.objects.filter(pk=short.pk).exists()
    # Every memo credited to either spelling is now credited to the survivor, exactly once.
    assert set(marat.memos.values_list("pk", flat=True)) == memos_before
    assert Authorship.objects.filter(author=marat).count() == 3
    # Positions are kept; where both were listed the earlier position wins.
    assert byline(both) == ["Ivan Petrov", "Erica Marat"]
    assert byline(only_short) == ["Erica Marat", "Ivan Petrov"]
    assert byline(only_marat) == ["Erica Marat"]
    marat.refresh_from_db()
    assert marat.aliases == ["e. marat"]


def test_merging_two_rows_onto_one_memo_keeps_one_authorship():
    survivor = Author.objects.create(name="Anna Belova")
    a = Author.objects.create(name="A. Belova")
    b = Author.objects.create(name="Anna  Belova-Smith", aliases=["belova a."])
    memo = MemoFactory(title="Two duplicates, no survivor", authors=[a, b])

    plan = merge(survivor, [a, b])

    assert (plan.moved, plan.combined) == (1, 1)
    assert byline(memo) == ["Anna Belova"]
    survivor.refresh_from_db()
    assert survivor.aliases == ["a. belova", "anna belova-smith", "belova a."]


def test_topic_merge_deduplicates_the_memo_topic_links():
    tech = Topic.objects.create(name="Technology")
    tech2 = Topic.objects.create(name="Tech")
    asia = Topic.objects.create(name="Central Asia")
    m1 = MemoFactory(title="Tagged both", topics=[tech, tech2, asia])
    m2 = MemoFactory(title="Tagged tech2", topics=[tech2])
    m3 = MemoFactory(title="Tagged tech", topics=[tech])
    links_before = Memo.topics.through.objects.count()

    plan = merge(tech, [tech2])

    assert (plan.moved, plan.combined) == (1, 1)
    assert set(tech.memos.all()) == {m1, m2, m3}
    assert list(m1.topics.order_by("name")) == [asia, tech]
    assert Memo.topics.through.objects.count() == links_before - 1
    assert not Topic.objects.filter(pk=tech2.pk).exists()
    tech.refresh_from_db()
    assert tech.aliases == ["tech"]


@pytest.fixture
def vendors(db):
    return (
        Vendor.objects.create(name="Zorvex", slug="zorvex", aliases=["ZorVex"]),
        Vendor.objects.create(name="Zorvex Systems", slug="zorvex-systems", aliases=["ZORVEX"]),
    )


def test_vendor_merge_combines_mentions_and_keeps_curated_verdicts(vendors):
    zorvex, systems = vendors
    country = Country.objects.get_or_create(code="KG", defaults={"name": "Kyrgyzstan"})[0]
    m1, m2, m3, m4 = (MemoFactory(title=f"Memo {n}") for n in range(1, 5))
    Mention.objects.create(memo=m1, vendor=zorvex, count=2, context="Zorvex cameras.", verdict="rejected")
    Mention.objects.create(memo=m1, vendor=systems, count=3, context="Zorvex Systems won.")
    Mention.objects.create(memo=m2, vendor=zorvex, count=1, context="", verdict="auto")
    Mention.objects.create(
        memo=m2, vendor=systems, count=4, context="Zorvex Systems again.", verdict="confirmed"
    )
    Mention.objects.create(memo=m3, vendor=systems, count=5, context="Only Systems.", verdict="rejected")
    Mention.objects.create(memo=m4, country=country, count=1, context="Kyrgyzstan.")
    total_before = sum(Mention.objects.filter(vendor__in=vendors).values_list("count", flat=True))

    plan = merge(zorvex, [systems])

    assert (plan.moved, plan.combined, plan.memos) == (1, 2, 3)
    after = {m.memo_id: m for m in Mention.objects.filter(vendor=zorvex)}
    assert set(after) == {m1.pk, m2.pk, m3.pk}
    # Counts add up: no hit lost, none counted twice.
    assert sum(m.count for m in after.values()) == total_before
    assert (after[m1.pk].count, after[m1.pk].verdict) == (5, "rejected")  # curated beats auto
    assert (after[m2.pk].count, after[m2.pk].verdict) == (5, "confirmed")
    assert after[m2.pk].context == "Zorvex Systems again."  # the survivor had none
    assert (after[m3.pk].count, after[m3.pk].verdict) == (5, "rejected")  # moved as it was
    assert Mention.objects.filter(country=country).count() == 1  # country mentions untouched
    zorvex.refresh_from_db()
    # Exact spellings: the mention finder is case-sensitive.
    assert zorvex.aliases == ["ZorVex", "Zorvex Systems", "ZORVEX"]
    assert not Vendor.objects.filter(pk=systems.pk).exists()


def test_confirmed_beats_rejected_when_two_mentions_fold(vendors):
    zorvex, systems = vendors
    memo = MemoFactory(title="Conflicting verdicts")
    Mention.objects.create(memo=memo, vendor=zorvex, count=1, verdict="rejected")
    Mention.objects.create(memo=memo, vendor=systems, count=1, verdict="confirmed")
    merge(zorvex, [systems])
    assert Mention.objects.get(memo=memo).verdict == "confirmed"


def test_plan_merge_reports_without_writing(vendors):
    zorvex, systems = vendors
    memo = MemoFactory(title="Planned")
    Mention.objects.create(memo=memo, vendor=systems, count=2)
    plan = plan_merge(zorvex, [systems])
    assert (plan.moved, plan.combined, plan.memos) == (1, 0, 1)
    assert plan.new_aliases == ["Zorvex Systems", "ZORVEX"]
    assert Mention.objects.get(memo=memo).vendor == systems
    assert Vendor.objects.filter(pk=systems.pk).exists()
    zorvex.refresh_from_db()
    assert zorvex.aliases == ["ZorVex"]


def test_merge_refuses_nonsense():
    a = Author.objects.create(name="A")
    topic = Topic.objects.create(name="T")
    with pytest.raises(MergeError):
        merge(a, [a])
    with pytest.raises(MergeError):
        merge(a, [topic])


def test_a_second_merge_of_rows_already_merged_changes_nothing():
    """Two editors merging the same rows at once: the second finds a row gone and writes nothing."""
    survivor = Author.objects.create(name="Erica Marat")
    duplicate = Author.objects.create(name="E. Marat")
    memo = MemoFactory(title="M", authors=[duplicate])
    stale = Author.objects.get(pk=duplicate.pk)  # what the second editor's page still holds
    merge(survivor, [duplicate])
    other = Author.objects.create(name="Marat E.")
    with pytest.raises(MergeError):
        merge(other, [stale])
    assert byline(memo) == ["Erica Marat"]
    other.refresh_from_db()
    assert other.aliases == []
