"""What each memo is searched by, besides its title and body: the names linked to it."""

from __future__ import annotations

from collections.abc import Callable

from ..models import Author, Authorship, Country, Memo, Mention, Topic, Vendor


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
