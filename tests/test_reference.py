"""Reference data: every ISO country, plus the Soviet Union, Yugoslavia and Kosovo."""

import pycountry
import pytest

from memos.ingest.load import ensure_countries
from memos.models import Country
from memos.reference import archive_countries, load_countries

pytestmark = pytest.mark.django_db


def test_migrations_leave_the_countries_iso_lacks():
    rows = {c.code: (c.name, c.historic) for c in Country.objects.filter(code__in=["SU", "YU", "XK", "RU"])}
    assert rows == {
        "SU": ("Soviet Union", True),
        "YU": ("Yugoslavia", True),
        "XK": ("Kosovo", False),
        "RU": ("Russia", False),
    }


def test_load_countries_creates_and_corrects_rows():
    Country.objects.all().delete()
    assert load_countries(Country) == len(pycountry.countries) + 3
    Country.objects.filter(code="SU").update(name="USSR", historic=False)
    assert load_countries(Country) == 0
    assert Country.objects.filter(code="SU", name="Soviet Union", historic=True).exists()
    assert set(archive_countries()) == {c.alpha_2 for c in pycountry.countries} | {"SU", "YU", "XK"}


def test_a_mention_creates_a_missing_country_row():
    Country.objects.filter(code__in=["XK", "YU"]).delete()
    ensure_countries({"XK", "YU"})
    assert set(Country.objects.filter(code__in=["XK", "YU"]).values_list("code", "historic")) == {
        ("XK", False),
        ("YU", True),
    }
