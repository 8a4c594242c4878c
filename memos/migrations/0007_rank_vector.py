"""Memo.rank_vector: what searches rank on (memos.search), filled for the memos already indexed;
and no planner statistics on search_vector, so that matches always come from its GIN index."""

from django.contrib.postgres.search import SearchVectorField
from django.db import DatabaseError, migrations, transaction

BATCH = 5000
# memos.search.RANK_LEAD_CHARS when this was written; rebuild_search_index refills with the current one.
LEAD_CHARS = 600
# The title and names are the A and B weights of search_vector already: filtering them out of it
# is far cheaper than parsing names and titles again, and leaves the same lexemes and positions.
FILL = (
    "UPDATE memos_memo SET rank_vector = ts_filter(search_vector, '{a,b}') || setweight(to_tsvector("
    "(CASE WHEN language = 'ru' THEN 'russian' ELSE 'english' END)::regconfig, left(body_text, %s)), 'C') "
    "WHERE id >= %s AND id < %s AND search_vector IS NOT NULL"
)


# With statistics on search_vector, the planner sees that a broad term matches a third of the
# archive and scans the whole table instead of the GIN index, costing `@@` as one cheap operator:
# in fact it reads and unpacks every memo's 7 KB vector (120-250 ms at 10,000 memos, against
# 20-30 ms through the index, which hands over only the matching rows). Without statistics it
# assumes few matches and takes the index. Searches evaluate the match once per page (memo_list
# counts and facets its ids), so the low estimate misleads no join.
NO_STATISTICS = "ALTER TABLE memos_memo ALTER COLUMN search_vector SET STATISTICS {}"


def without_statistics(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(NO_STATISTICS.format(0))
        # ANALYZE leaves what it collected before in place, so drop that; only a superuser may.
        try:
            with transaction.atomic():
                schema_editor.execute(
                    "DELETE FROM pg_statistic WHERE starelid = 'memos_memo'::regclass AND staattnum = "
                    "(SELECT attnum FROM pg_attribute WHERE attrelid = 'memos_memo'::regclass "
                    "AND attname = 'search_vector')"
                )
        except DatabaseError:
            print("\n  Statistics of memos_memo.search_vector remain: a superuser should delete them.")


def with_statistics(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(NO_STATISTICS.format(-1))


def fill(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return  # SQLite ranks with FTS5's bm25; the column stays empty there
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT min(id), max(id) FROM memos_memo")
        low, high = cursor.fetchone()
        if low is None:
            return
        # Batches of ids keep each statement's memory bounded on a large archive.
        for start in range(low, high + 1, BATCH):
            cursor.execute(FILL, [LEAD_CHARS, start, start + BATCH])


class Migration(migrations.Migration):
    dependencies = [("memos", "0006_data_version")]

    operations = [
        migrations.AddField(
            model_name="memo",
            name="rank_vector",
            field=SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.RunPython(without_statistics, with_statistics),
    ]
