"""extract_mentions: find country and vendor mentions again in stored memos."""

from django.core.management.base import BaseCommand, CommandError

from memos.ingest.load import reextract_mentions
from memos.models import Memo


class Command(BaseCommand):
    help = (
        "Re-run mention extraction over stored memos, e.g. after the vendor list changed. "
        "Mentions an editor confirmed or rejected are kept."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--memo", type=int, action="append", metavar="ID", help="Only this memo (repeatable)."
        )

    def handle(self, *args, memo, verbosity, **options):
        if memo:
            missing = set(memo) - set(Memo.objects.filter(pk__in=memo).values_list("pk", flat=True))
            if missing:
                raise CommandError(f"no memo with id {', '.join(map(str, sorted(missing)))}")
        done = reextract_mentions(memo)
        if verbosity >= 1:
            self.stdout.write(self.style.SUCCESS(f"Extracted mentions in {done} memo(s)."))
