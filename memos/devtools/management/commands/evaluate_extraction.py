"""evaluate_extraction: score the importer on annotated real pages (see memos/devtools/evaluation.py)."""

import json

from django.core.management.base import BaseCommand, CommandError

from memos.devtools.evaluation import (
    DEFAULT_CORPUS,
    below_floor,
    evaluate,
    format_tables,
    gold_pages,
    report,
)


class Command(BaseCommand):
    help = (
        "Parse every page that has a <page>.gold.json beside it (both splits of tests/data/real by "
        "default) and print, per split, each field's right/total and country and vendor "
        "precision/recall/F1, per field and per publisher. -v 2 lists every wrong field."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", metavar="PATH", help=f"Pages or folders ({DEFAULT_CORPUS}).")
        parser.add_argument("--format", choices=["text", "json"], default="text", help="json: one object.")
        parser.add_argument(
            "--check-floor", action="store_true",
            help="Fail if the test split is below the floor pinned in memos/devtools/evaluation.py.",
        )  # fmt: skip

    def handle(self, *args, paths, format, check_floor, verbosity, **options):
        pages, problems = gold_pages(paths)
        for problem in problems:
            self.stderr.write(problem)
        if not pages:
            raise CommandError("no annotated pages found")
        results = evaluate(pages)
        figures = report(results)
        if format == "json":
            self.stdout.write(json.dumps(figures))
        elif verbosity >= 1:
            self.stdout.write(format_tables(results, misses=verbosity >= 2))
        if check_floor:
            if "test" not in figures["splits"]:
                raise CommandError("--check-floor needs the test split, and none of these pages is in it")
            dropped = below_floor(figures["splits"]["test"])
            if dropped:
                raise CommandError("the test split dropped below its floor: " + "; ".join(dropped))
            if verbosity >= 1 and format == "text":
                self.stdout.write(self.style.SUCCESS("test split at or above its floor"))
