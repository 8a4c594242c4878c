"""generate_russian_forms: inflect the Russian country names and rewrite fixtures/country_aliases.json."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from memos.ingest.russian_forms import rewrite_aliases

FIXTURES = Path(settings.BASE_DIR) / "fixtures"


class Command(BaseCommand):
    help = (
        "Generate every Russian form of the country names in fixtures/country_names_ru.json with "
        "pymorphy3 (cases of names; genders, numbers and cases of adjectives; phrases that are "
        "not countries) and write them into fixtures/country_aliases.json, leaving its English "
        "names as they are. Run it after editing country_names_ru.json."
    )

    def add_arguments(self, parser):
        parser.add_argument("--source", type=Path, default=FIXTURES / "country_names_ru.json")
        parser.add_argument("--aliases", type=Path, default=FIXTURES / "country_aliases.json")

    def handle(self, *args, source, aliases, verbosity, **options):
        for path in (source, aliases):
            if not path.is_file():
                raise CommandError(f"{path}: no such file")
        try:
            counts = rewrite_aliases(aliases, source)
        except (ValueError, KeyError) as exc:
            raise CommandError(f"{source}: {exc}") from exc
        if verbosity >= 1:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Wrote {counts['forms']} Russian forms of {counts['countries']} countries, "
                    f"{counts['not_countries']} phrases that are not countries and "
                    f"{counts['common_nouns']} forms that are also ordinary words to {aliases}."
                )
            )
