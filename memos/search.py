"""Full-text search: one interface, a PostgreSQL and an SQLite (FTS5) implementation."""

from collections.abc import Iterable


def index_memos(memo_ids: Iterable[int]) -> None:
    """Bring the search index up to date for these memos (after import or an admin edit)."""
