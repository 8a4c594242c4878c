"""load_reference: add ISO countries and the fixture's vendors that the database lacks."""

from django.core.management.base import BaseCommand

from memos.models import Country, Vendor
from memos.reference import load_countries, load_vendors


class Command(BaseCommand):
    help = "Load ISO 3166-1 countries (pycountry) and fixtures/vendors.json. Safe to re-run."

    def handle(self, *args, **options):
        countries = load_countries(Country)
        vendors = load_vendors(Vendor)
        if options["verbosity"] >= 1:
            self.stdout.write(self.style.SUCCESS(f"Added {countries} countries and {vendors} vendors."))
