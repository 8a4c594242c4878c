"""Full-text search index: a GIN index on PostgreSQL, an FTS5 table on SQLite."""

import django.db.models.deletion
from django.db import migrations, models

GIN_INDEX = "memo_search_vector_gin"
FTS_TABLE = "memos_memo_fts"

# The FTS5 tokenizer. unicode61 folds case in every script and, with remove_diacritics 2,
# matches "Đukanović" to "Dukanovic" (Latin only: Cyrillic й and ё stay distinct letters).
# porter stems English as PostgreSQL's english configuration does, so "policy" finds
# "policies"; it only rewrites ASCII suffixes, so Cyrillic words pass through whole. FTS5
# has no Russian stemmer: on SQLite a Russian word matches only its exact form (tested).
FTS_TOKENIZER = "porter unicode61 remove_diacritics 2"

# Indexing the memos an archive holds already, frozen as it was when this migration was written
# (the app's own indexing changes; a migration must not). Title A; authors, topics and the names of
# counted mentions B; body C; Russian memos in the russian configuration.
NAMES = (
    "COALESCE((SELECT {agg}(a.name, ' ') FROM memos_authorship s JOIN memos_author a ON a.id = s.author_id "
    "WHERE s.memo_id = m.id), '') || ' ' || "
    "COALESCE((SELECT {agg}(t.name, ' ') FROM memos_memo_topics mt JOIN memos_topic t ON t.id = mt.topic_id "
    "WHERE mt.memo_id = m.id), '') || ' ' || "
    "COALESCE((SELECT {agg}(COALESCE(c.name, v.name), ' ') FROM memos_mention x "
    "LEFT JOIN memos_country c ON c.code = x.country_id LEFT JOIN memos_vendor v ON v.id = x.vendor_id "
    "WHERE x.memo_id = m.id AND x.verdict IN ('auto', 'confirmed')), '')"
)
CONFIG = "(CASE WHEN m.language = 'ru' THEN 'russian' ELSE 'english' END)::regconfig"
PG_INDEX = (
    f"UPDATE memos_memo AS m SET search_vector = setweight(to_tsvector({CONFIG}, m.title), 'A') || "
    f"setweight(to_tsvector({CONFIG}, {NAMES.format(agg='string_agg')}), 'B') || "
    f"setweight(to_tsvector({CONFIG}, m.body_text), 'C')"
)
SQLITE_INDEX = (
    f"INSERT INTO {FTS_TABLE} (rowid, title, names, body) "
    f"SELECT m.id, m.title, {NAMES.format(agg='group_concat')}, m.body_text FROM memos_memo AS m"
)


def create_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        # Not a Meta index: the GIN index on search_vector is PostgreSQL's alone.
        schema_editor.execute(f"CREATE INDEX {GIN_INDEX} ON memos_memo USING gin (search_vector)")
    elif vendor == "sqlite":
        # Stores its own copy of the text: names are not a column of memos_memo, and
        # snippet() needs the text it highlights.
        schema_editor.execute(
            f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(title, names, body, tokenize = '{FTS_TOKENIZER}')"
        )
    else:
        return
    # An archive that has memos already gets them indexed now, as 0002 loads reference data.
    schema_editor.execute(PG_INDEX if vendor == "postgresql" else SQLITE_INDEX)


def drop_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {GIN_INDEX}")
        schema_editor.execute("UPDATE memos_memo SET search_vector = NULL")
    elif vendor == "sqlite":
        schema_editor.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")


class Migration(migrations.Migration):
    dependencies = [("memos", "0002_reference_data")]

    operations = [
        migrations.RunPython(create_index, drop_index),
        # State only (the model is unmanaged): lets the ORM join memos to the FTS5 table.
        migrations.CreateModel(
            name="MemoFullText",
            fields=[
                (
                    "memo",
                    models.OneToOneField(
                        db_column="rowid",
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        primary_key=True,
                        related_name="full_text",
                        serialize=False,
                        to="memos.memo",
                    ),
                ),
                ("title", models.TextField()),
                ("names", models.TextField()),
                ("body", models.TextField()),
                ("table", models.TextField(db_column="memos_memo_fts")),
            ],
            options={"db_table": "memos_memo_fts", "managed": False},
        ),
    ]
