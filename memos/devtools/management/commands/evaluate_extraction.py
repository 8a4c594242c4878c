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
from memos.devtools.head_swaps import score_swaps


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
        parser.add_argument(
            "--swap-heads", action="store_true",
            help="Instead, score the titles and bylines of the dev split's text dumps under other pages' "
            "furniture (memos/devtools/head_swaps.py); -v 2 lists every miss.",
        )  # fmt: skip

    def handle(self, *args, paths, format, check_floor, swap_heads, verbosity, **options):
        pages, problems = gold_pages(paths)
        for problem in problems:
            self.stderr.write(problem)
        if not pages:
            raise CommandError("no annotated pages found")
        if swap_heads:
            self.swap_heads(pages, format, verbosity)
            return
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

    def swap_heads(self, pages, format, verbosity):
        figures = score_swaps(pages)
        misses = figures.pop("misses")
        if format == "json":
            self.stdout.write(json.dumps(figures))
            return
        for name, counts in figures.items():
            self.stdout.write(f"{name:10} {counts['right']}/{counts['total']} under other pages' heads")
        if verbosity >= 2:
            self.stdout.write("\n".join(misses))
