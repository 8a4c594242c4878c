"""import_memos: read memo pages (files, folders, globs, URLs, stdin) into the archive."""

import json
import sys
from collections import Counter

from django.core.management.base import BaseCommand, CommandError

from memos.ingest.pipeline import default_workers, import_pages
from memos.ingest.sources import expand

PROGRESS_FROM = 20  # runs of more pages than this number their lines: [n/total]


class Command(BaseCommand):
    help = (
        "Import policy memo pages: saved HTML pages or text dumps of them. PATH is a file, "
        "a directory (searched recursively), a glob, - for stdin, or an http(s) URL."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument("--dry-run", action="store_true", help="Parse and report; write nothing.")
        parser.add_argument(
            "--format", choices=["text", "json"], default="text",
            help="json: one JSON object per page, on its own line.",
        )  # fmt: skip
        parser.add_argument(
            "--workers", type=int, default=default_workers(), metavar="N",
            help="Processes that parse pages while this one writes them; 1: parse here too "
            "(default: one per CPU, at most 8; a batch of a few pages is always parsed here).",
        )  # fmt: skip

    def handle(self, *args, paths, dry_run, format, workers, verbosity, **options):
        if workers < 1:
            raise CommandError("--workers must be at least 1")
        targets = expand(paths)
        as_json = format == "json"
        lines = not as_json and verbosity >= 1
        # A long run numbers its lines ("[ 12/140]"); with JSON on stdout, a terminal gets a counter.
        numbered = len(targets) > PROGRESS_FROM
        counter = as_json and verbosity >= 1 and numbered and self.stderr.isatty()
        width = len(str(len(targets)))
        counts: Counter[str] = Counter()
        actions: Counter[str | None] = Counter()
        kept = warned = 0
        for n, result in enumerate(import_pages(targets, dry_run=dry_run, workers=workers), 1):
            counts[result.status] += 1
            actions[result.action] += 1
            kept += len(result.kept)
            if as_json:
                self.stdout.write(json.dumps(result.as_json(), ensure_ascii=False))
            if not result.ok:
                # One plain line per bad page: which file, and why.
                self.stderr.write(f"{result.source}: {result.error}", style_func=self.style.ERROR)
            elif lines:
                # One line per page: what was done (or would be), and to which memo.
                prefix = f"[{n:>{width}}/{len(targets)}] " if numbered else ""
                title = result.memo.title if result.memo else ""
                line = f"{prefix}{result.action:>9}  {title}"
                if verbosity >= 2:
                    line += f"  ({result.source})"
                self.stdout.write(line)
                if result.duplicate_of:
                    self.stdout.write(
                        f"{' ' * len(prefix)}           looks like a duplicate of {result.duplicate_of}"
                    )
                if result.kept and verbosity >= 2:
                    self.stdout.write(
                        f"{' ' * len(prefix)}           kept hand-edited: {', '.join(result.kept)}"
                    )
            warnings = result.memo.warnings if result.memo else []
            warned += bool(warnings)
            for warning in warnings if verbosity >= 1 else []:
                self.stderr.write(f"{result.source}: warning: {warning}", style_func=self.style.WARNING)
            if counter:
                sys.stderr.write(f"\r[{n}/{len(targets)}] ")
                sys.stderr.flush()
        if counter:
            sys.stderr.write("\r" + " " * 20 + "\r")
        failed = counts["failed"]
        if verbosity >= 1 and not as_json:
            if dry_run:
                summary = (
                    f"Dry run: parsed {counts['parsed']} (would create {actions['create']}, update "
                    f"{actions['update']}, leave unchanged {actions['unchanged']}), failed {failed}. "
                    "Nothing was written."
                )
            else:
                summary = (
                    f"Imported: created {counts['created']}, updated {counts['updated']}, "
                    f"unchanged {counts['unchanged']}, failed {failed}."
                )
                if kept:
                    summary += f" Kept {kept} hand-edited field(s)."
            if warned:
                summary += f" {warned} page(s) with warnings (above)."
            self.stdout.write(summary, style_func=self.style.WARNING if failed else self.style.SUCCESS)
        if failed:
            raise CommandError(f"{failed} of {sum(counts.values())} page(s) could not be imported")
