"""Reference data every archive starts with: ISO countries (pycountry) and curated vendors."""

import json
from pathlib import Path

import pycountry
from django.conf import settings

VENDORS_FILE = Path(settings.BASE_DIR) / "fixtures" / "vendors.json"


# Short names readers expect where pycountry has only the formal one.
SHORT_NAMES = {
    "RU": "Russia", "FM": "Micronesia", "PS": "Palestine", "CD": "DR Congo",
    "CG": "Republic of the Congo", "BN": "Brunei", "VA": "Vatican City",
}  # fmt: skip


def country_display_name(entry) -> str:
    # "Bolivia" reads better than "Bolivia, Plurinational State of".
    return SHORT_NAMES.get(entry.alpha_2) or getattr(entry, "common_name", None) or entry.name


def load_countries(country_model) -> int:
    """Create or rename a row for every ISO 3166-1 country. Returns how many were created."""
    existing = dict(country_model.objects.values_list("code", "name"))
    new, changed = [], []
    for entry in pycountry.countries:
        name = country_display_name(entry)
        if entry.alpha_2 not in existing:
            new.append(country_model(code=entry.alpha_2, name=name))
        elif existing[entry.alpha_2] != name:
            changed.append(country_model(code=entry.alpha_2, name=name))
    country_model.objects.bulk_create(new)
    country_model.objects.bulk_update(changed, ["name"])
    return len(new)


def load_vendors(vendor_model, path: Path = VENDORS_FILE) -> int:
    """Add the vendors of the fixture that the database lacks; editors' rows are left alone."""
    entries = json.loads(path.read_text(encoding="utf-8"))
    known = set(vendor_model.objects.values_list("slug", flat=True))
    new = [
        vendor_model(
            name=e["name"],
            slug=e["slug"],
            aliases=list(e.get("aliases", [])),
            country_id=e.get("country") or None,
            sector=e.get("sector", ""),
        )
        for e in entries
        if e["slug"] not in known
    ]
    vendor_model.objects.bulk_create(new)
    return len(new)
