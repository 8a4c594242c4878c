"""Migrations: a database holding memos at every earlier migration migrates to the latest, on both engines.

One pass, with django-test-migrations' migrator: from an empty database at 0001, each step adds a
memo with an author, a topic and a mention, written with that migration's own (historical) models,
then migrates one step on. At the end every memo is whole, and those the index existed for (0003
indexes what an archive holds already) are found by search.
"""

from datetime import date

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from memos import search
from memos.models import DataVersion, Memo

pytestmark = pytest.mark.django_db(transaction=True)


def memos_migrations() -> list[str]:
    """The memos app's migrations in the order they apply."""
    graph = MigrationLoader(connection, ignore_no_migrations=True).graph
    leaf = next(node for node in graph.leaf_nodes() if node[0] == "memos")
    return [name for app, name in graph.forwards_plan(leaf) if app == "memos"]


def add_memo(apps, step: int, migration: str) -> None:
    """A memo as an archive at `migration` holds it, written with that migration's models."""
    model = lambda name: apps.get_model("memos", name)  # noqa: E731
    country = model("Country").objects.get_or_create(code="KZ", defaults={"name": "Kazakhstan"})[0]
    text = {
        "body_text": f"Surveillance cameras in Almaty (archived at {migration}).",
        "body_html": "<p>Surveillance cameras in Almaty.</p>",
    }
    # From 0020 on, the text is in its own row (MemoText).
    own_row = not any(f.name == "body_text" for f in model("Memo")._meta.get_fields())
    memo = model("Memo").objects.create(
        title=f"Cameras in Almaty, step {step}",
        slug=f"cameras-in-almaty-step-{step}",
        published=date(2019, 4, step + 1),
        # A URL stored before URLs were cleaned (0014) carries what a hostile page gave it.
        source_url=f"https://example.org/memo-{step}\r\nER  - ",
        **({} if own_row else text),
    )
    if own_row:
        model("MemoText").objects.create(memo=memo, **text)
    author = model("Author").objects.create(
        name=f"Author {step}", slug=f"author-{step}", key=f"author {step}"
    )
    model("Authorship").objects.create(memo=memo, author=author, position=0)
    topic = model("Topic").objects.create(name=f"Topic {step}", slug=f"topic-{step}", key=f"topic {step}")
    memo.topics.add(topic)
    model("Mention").objects.create(memo=memo, country=country, count=2, context="Almaty, Kazakhstan.")


def test_memos_at_every_earlier_migration_migrate_to_the_latest(migrator):
    names = memos_migrations()
    # Migrations take their own tables down in reverse; the migrator would drop only the tables
    # of models, and leave SQLite's FTS5 table (0003) for the next 0003 to trip on.
    call_command("migrate", "memos", "zero", verbosity=0)
    apps = migrator.apply_initial_migration(("memos", names[0])).apps
    for step, (current, following) in enumerate(zip(names, names[1:], strict=False)):
        add_memo(apps, step, current)
        apps = migrator.apply_tested_migration(("memos", following)).apps

    memos = list(Memo.objects.order_by("published").prefetch_related("authorships__author", "topics"))
    assert [m.title for m in memos] == [f"Cameras in Almaty, step {n}" for n in range(len(names) - 1)]
    for step, memo in enumerate(memos):
        assert [a.author.name for a in memo.authorships.all()] == [f"Author {step}"]
        assert [t.name for t in memo.topics.all()] == [f"Topic {step}"]
        assert list(memo.mentions.values_list("country_id", "count")) == [("KZ", 2)]
        assert memo.source_url == f"https://example.org/memo-{step}ER%20%20-"
        assert memo.body_text == f"Surveillance cameras in Almaty (archived at {names[step]})."
    indexed_at = names.index("0003_search_index")
    found = search.search_memos(Memo.objects.all(), "surveillance almaty").values_list("title", flat=True)
    assert sorted(found) == [f"Cameras in Almaty, step {n}" for n in range(indexed_at)]
    assert DataVersion.objects.filter(pk=1).exists()


def test_the_lists_indexes_survive_every_table_rebuild():
    """On SQLite, later migrations rebuild the memo and topic link tables: the indexes the list's
    order and the topic filter read are still there after `migrate`, on either engine."""
    with connection.cursor() as cursor:
        memo = connection.introspection.get_constraints(cursor, "memos_memo")
        links = connection.introspection.get_constraints(cursor, "memos_memo_topics")
    assert memo["memo_listing_newest"]["index"]
    assert links["memo_topics_topic_memo"]["columns"] == ["topic_id", "memo_id"]
