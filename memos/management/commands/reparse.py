"""reparse: read imported memos again from their stored pages with the current parser."""

from collections import Counter
from datetime import date

from django.core.management.base import BaseCommand, CommandError

from memos.ingest import PARSER_VERSION
from memos.ingest.reparse import reparse

SHOWN = 100  # characters of a changed value shown


def shown(value) -> str:
    text = repr(value)
    return text if len(text) <= SHOWN else text[: SHOWN - 1] + "…"


class Command(BaseCommand):
    help = (
        "Parse imported memos again from the pages stored at import, with the current parser; the "
        "original files are not needed. Hand-edited fields and reviewed mentions are kept, as on "
        "re-import. Prints what changes, field by field."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--memo", type=int, action="append", metavar="ID", help="Only this memo (repeatable)."
        )
        parser.add_argument(
            "--since", type=date.fromisoformat, metavar="DATE",
            help="Only memos whose newest stored page was imported on or after DATE (YYYY-MM-DD).",
        )  # fmt: skip
        parser.add_argument("--dry-run", action="store_true", help="Show what would change; write nothing.")

    def handle(self, *args, memo, since, dry_run, verbosity, **options):
        counts: Counter[str] = Counter()
        for result in reparse(memo, since, dry_run):
            label = f"#{result.memo.pk} {result.memo.title}"
            if result.error:
                counts["failed"] += 1
                self.stderr.write(f"{label}: {result.error}", style_func=self.style.ERROR)
                continue
            counts[result.action] += 1
            if verbosity >= 1 and (result.changes or verbosity >= 2):
                self.stdout.write(f"{result.action:>9}  {label}")
            if verbosity >= 1:
                for change in result.changes:
                    self.stdout.write(
                        f"           {change.field}: {shown(change.old)} -> {shown(change.new)}"
                    )
                if result.kept and result.changes and verbosity >= 2:
                    self.stdout.write(f"           kept hand-edited: {', '.join(result.kept)}")
        if verbosity >= 1:
            verb = "would update" if dry_run else "updated"
            summary = (
                f"Reparsed with parser {PARSER_VERSION}: {verb} {counts['update']}, "
                f"unchanged {counts['unchanged']}, failed {counts['failed']}."
            )
            if dry_run:
                summary += " Nothing was written."
            self.stdout.write(
                summary, style_func=self.style.WARNING if counts["failed"] else self.style.SUCCESS
            )
        if counts["failed"]:
            raise CommandError(f"{counts['failed']} memo(s) could not be reparsed")
