"""Load every ISO country and the curated vendor list, so a new archive can find mentions.

The logic is frozen here as it was when this migration was written: the app's own loaders
(memos/reference.py) write fields that later migrations add.
"""

import json
from pathlib import Path

from django.conf import settings
from django.db import migrations

SHORT_NAMES = {
    "RU": "Russia", "FM": "Micronesia", "PS": "Palestine", "CD": "DR Congo",
    "CG": "Republic of the Congo", "BN": "Brunei", "VA": "Vatican City",
}  # fmt: skip


def load(apps, schema_editor):
    import pycountry

    Country = apps.get_model("memos", "Country")
    existing = set(Country.objects.values_list("code", flat=True))
    Country.objects.bulk_create(
        Country(code=e.alpha_2, name=SHORT_NAMES.get(e.alpha_2) or getattr(e, "common_name", None) or e.name)
        for e in pycountry.countries
        if e.alpha_2 not in existing
    )
    vendors_file = Path(settings.BASE_DIR) / "fixtures" / "vendors.json"
    if not vendors_file.exists():
        return
    Vendor = apps.get_model("memos", "Vendor")
    known = set(Vendor.objects.values_list("slug", flat=True))
    Vendor.objects.bulk_create(
        Vendor(
            name=e["name"],
            slug=e["slug"],
            aliases=list(e.get("aliases", [])),
            country_id=e.get("country") or None,
            sector=e.get("sector", ""),
        )
        for e in json.loads(vendors_file.read_text(encoding="utf-8"))
        if e["slug"] not in known
    )


class Migration(migrations.Migration):
    dependencies = [("memos", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
