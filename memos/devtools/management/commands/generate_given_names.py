"""generate_given_names: rewrite fixtures/given_names.json from Faker and pymorphy3."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from memos.devtools.name_lexicon import faker_names, pymorphy_names, write_lexicon


class Command(BaseCommand):
    help = (
        "Collect the given names of Faker's person providers and of pymorphy3's Russian "
        "dictionary, leave out countries, peoples and months, and write them casefolded to "
        "fixtures/given_names.json (the importer reads only that file). Takes about two minutes."
    )

    def add_arguments(self, parser):
        default = Path(settings.BASE_DIR) / "fixtures" / "given_names.json"
        parser.add_argument("--output", type=Path, default=default)

    def handle(self, *args, output, verbosity, **options):
        count = write_lexicon(output, faker_names(), pymorphy_names())
        if verbosity >= 1:
            self.stdout.write(self.style.SUCCESS(f"Wrote {count} given names to {output}."))
