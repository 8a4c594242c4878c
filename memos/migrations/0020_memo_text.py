"""The memo's wide columns move to a one-to-one MemoText row (memos.models.MemoText)."""

import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

COLUMNS = "body_html, body_text, bio, search_vector, rank_vector"
OLD_GIN = "memo_search_vector_gin"  # 0003
GIN = "memotext_search_vector_gin"


def move_text(apps, schema_editor):
    schema_editor.execute(
        f"INSERT INTO memos_memotext (memo_id, {COLUMNS}) SELECT id, {COLUMNS} FROM memos_memo"
    )
    if schema_editor.connection.vendor == "postgresql":
        # Not a Meta index: the GIN index on search_vector is PostgreSQL's alone.
        schema_editor.execute(f"DROP INDEX IF EXISTS {OLD_GIN}")
        schema_editor.execute(f"CREATE INDEX {GIN} ON memos_memotext USING gin (search_vector)")
        # As 0007 did on the memo's column: no planner statistics, so matches come from the index.
        schema_editor.execute("ALTER TABLE memos_memotext ALTER COLUMN search_vector SET STATISTICS 0")


def move_text_back(apps, schema_editor):
    pairs = ", ".join(f"{c} = t.{c}" for c in COLUMNS.split(", "))
    schema_editor.execute(
        f"UPDATE memos_memo SET {pairs} FROM memos_memotext AS t WHERE t.memo_id = memos_memo.id"
    )
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {GIN}")
        schema_editor.execute(f"CREATE INDEX {OLD_GIN} ON memos_memo USING gin (search_vector)")


class Migration(migrations.Migration):
    dependencies = [("memos", "0019_snapshot_lag")]

    operations = [
        migrations.CreateModel(
            name="MemoText",
            fields=[
                (
                    "memo",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="text",
                        serialize=False,
                        to="memos.memo",
                    ),
                ),
                ("body_html", models.TextField(blank=True, help_text="Sanitized with nh3 on import.")),
                ("body_text", models.TextField(blank=True)),
                ("bio", models.TextField(blank=True)),
                ("search_vector", django.contrib.postgres.search.SearchVectorField(editable=False, null=True)),
                ("rank_vector", django.contrib.postgres.search.SearchVectorField(editable=False, null=True)),
            ],
        ),
        migrations.RunPython(move_text, move_text_back),
        migrations.RemoveField(model_name="memo", name="body_html"),
        migrations.RemoveField(model_name="memo", name="body_text"),
        migrations.RemoveField(model_name="memo", name="bio"),
        migrations.RemoveField(model_name="memo", name="search_vector"),
        migrations.RemoveField(model_name="memo", name="rank_vector"),
    ]
