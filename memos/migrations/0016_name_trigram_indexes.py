"""PostgreSQL: pg_trgm and a GiST trigram index on each name column that spelling suggestions search.

memos.search.spelling asks for the names nearest a misspelled word with pg_trgm's word-similarity
distance (`word <<-> name ORDER BY ... LIMIT`), which a GiST index answers as a nearest-neighbour
scan. Not Meta indexes: SQLite has no trigrams (it compares names in Python).
"""

from django.db import migrations

TABLES = ["memos_country", "memos_vendor", "memos_author", "memos_topic"]


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for table in TABLES:
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {table}_name_trgm ON {table} USING gist (name gist_trgm_ops)")


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {table}_name_trgm")


class Migration(migrations.Migration):
    dependencies = [("memos", "0015_vendor_sector_index")]

    operations = [migrations.RunPython(create_indexes, drop_indexes)]
