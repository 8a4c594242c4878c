"""rebuild_search_index: index every memo again, in batches."""

from django.core.management.base import BaseCommand, CommandError

from memos.search import BATCH_SIZE, rebuild_index


class Command(BaseCommand):
    help = (
        "Rebuild the full-text search index of every memo (the search vector on PostgreSQL, "
        "the FTS5 table on SQLite), a batch at a time; entries of deleted memos are dropped. "
        "Imports and admin edits keep the index current: this is for repairs and bulk loads."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch-size", type=int, default=BATCH_SIZE, help=f"Memos per batch (default {BATCH_SIZE})."
        )

    def handle(self, *args, batch_size, verbosity, **options):
        if batch_size < 1:
            raise CommandError(f"--batch-size must be at least 1, not {batch_size}")

        def progress(done: int) -> None:
            if verbosity >= 2:
                self.stdout.write(f"  {done} memo(s) indexed")

        done = rebuild_index(batch_size=batch_size, progress=progress)
        if verbosity >= 1:
            self.stdout.write(self.style.SUCCESS(f"Indexed {done} memo(s)."))
