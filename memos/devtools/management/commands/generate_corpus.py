"""generate_corpus: add synthetic memos for benchmarks (see memos/devtools/corpus.py)."""

import sys

from django.core.management.base import BaseCommand, CommandError

from memos.devtools.corpus import generate_corpus
from memos.models import Country, Memo


class Command(BaseCommand):
    help = (
        "Add N synthetic memos with authors, topics, country and vendor mentions and a filled "
        "search index, for benchmarks. The same seed gives the same memos. Adds to existing data."
    )

    def add_arguments(self, parser):
        how_many = parser.add_mutually_exclusive_group(required=True)
        how_many.add_argument("--memos", type=int, metavar="N", help="How many memos to add.")
        how_many.add_argument(
            "--up-to", type=int, metavar="N", help="Add memos until the archive holds N (none if it does)."
        )
        parser.add_argument("--seed", type=int, default=1, help="Random seed (default 1).")
        parser.add_argument("--batch-size", type=int, default=500, help="Memos written per transaction.")

    def handle(self, *args, memos, up_to, seed, batch_size, verbosity, **options):
        if up_to is not None:
            if up_to < 0:
                raise CommandError("--up-to must not be negative")
            memos = up_to - Memo.objects.count()
            if memos <= 0:
                if verbosity >= 1:
                    self.stdout.write(f"The archive holds {up_to} memos or more already; nothing to add.")
                return
        elif memos < 1:
            raise CommandError("--memos must be at least 1")
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1")
        if not Country.objects.exists():
            raise CommandError("no countries: run `manage.py migrate` and `manage.py load_reference` first")
        show = verbosity >= 1 and self.stderr.isatty()

        def progress(done: int, total: int) -> None:
            if show:
                sys.stderr.write(f"\r[{done}/{total}] ")
                sys.stderr.flush()

        result = generate_corpus(memos, seed=seed, batch_size=batch_size, progress=progress)
        if show:
            sys.stderr.write("\r" + " " * 24 + "\r")
        if verbosity >= 1:
            self.stdout.write(
                f"Generated {result.memos} memos ({result.mentions} mentions, {result.authors} authors, "
                f"{result.topics} topics) in {result.seconds:.1f} s, "
                f"{result.index_seconds:.1f} s of it indexing for search.",
                style_func=self.style.SUCCESS,
            )
