"""What each memo is searched by, besides its title and body: the names linked to it."""

from __future__ import annotations

from collections.abc import Callable

from ..models import Author, Authorship, Country, Memo, Mention, Topic, Vendor

# The body is searched by its first INDEXED_BODY_CHARS characters (the memo is stored whole).
# Memos average 12,000 characters; a body at the import limit (20 MB) made every search that
# listed it read all of it: SQLite's snippet() takes time quadratic in the matches of a common
# word (1.7 s for 1 MB), and PostgreSQL cannot store a tsvector over 1 MB (300,000 distinct
# words). At 100,000 characters the largest possible vector is about 600 KB.
INDEXED_BODY_CHARS = 100_000


def names_sql(aggregate: Callable[[str], str]) -> tuple[str, list]:
    """SQL for a memo's names (authors, topics, countries and vendors it mentions) as one text.

    `aggregate` joins a column's values with spaces in the database's dialect; memos are `m`.
    Rejected mentions are left out: an editor said the memo is not about them.
    """
    verdicts = ", ".join(["%s"] * len(Mention.COUNTED))
    parts = [
        f"SELECT {aggregate('a.name')} FROM {Authorship._meta.db_table} AS s "
        f"JOIN {Author._meta.db_table} AS a ON a.id = s.author_id WHERE s.memo_id = m.id",
        f"SELECT {aggregate('t.name')} FROM {Memo.topics.through._meta.db_table} AS mt "
        f"JOIN {Topic._meta.db_table} AS t ON t.id = mt.topic_id WHERE mt.memo_id = m.id",
        f"SELECT {aggregate('COALESCE(c.name, v.name)')} FROM {Mention._meta.db_table} AS x "
        f"LEFT JOIN {Country._meta.db_table} AS c ON c.code = x.country_id "
        f"LEFT JOIN {Vendor._meta.db_table} AS v ON v.id = x.vendor_id "
        f"WHERE x.memo_id = m.id AND x.verdict IN ({verdicts})",
    ]
    sql = " || ' ' || ".join(f"COALESCE(({part}), '')" for part in parts)
    return sql, list(Mention.COUNTED)
