"""Reference data every archive starts with: countries (pycountry, plus three) and curated vendors."""

import json
from pathlib import Path

import pycountry
from django.conf import settings

VENDORS_FILE = Path(settings.BASE_DIR) / "fixtures" / "vendors.json"


# Short names readers expect where pycountry has only the formal one.
SHORT_NAMES = {
    "RU": "Russia", "FM": "Micronesia", "PS": "Palestine", "CD": "DR Congo",
    "CG": "Republic of the Congo", "BN": "Brunei", "VA": "Vatican City", "SU": "Soviet Union",
    "YU": "Yugoslavia",
}  # fmt: skip
# Countries memos discuss that ISO 3166-1 lacks: two that no longer exist, under their withdrawn
# codes (pycountry.historic_countries), and Kosovo under the user-assigned code in general use.
HISTORIC_CODES = ("SU", "YU")
UNLISTED_COUNTRIES = {"XK": "Kosovo"}


def country_display_name(entry) -> str:
    # "Bolivia" reads better than "Bolivia, Plurinational State of".
    return SHORT_NAMES.get(entry.alpha_2) or getattr(entry, "common_name", None) or entry.name


def archive_countries() -> dict[str, tuple[str, bool]]:
    """Code -> (display name, historic) of every country the archive has a row for."""
    rows = {entry.alpha_2: (country_display_name(entry), False) for entry in pycountry.countries}
    for code in HISTORIC_CODES:
        rows[code] = (country_display_name(pycountry.historic_countries.get(alpha_2=code)), True)
    rows.update({code: (name, False) for code, name in UNLISTED_COUNTRIES.items()})
    return rows


def load_countries(country_model) -> int:
    """Create or update a row for every country of `archive_countries`. Returns how many were created."""
    existing = {code: (name, historic) for code, name, historic in country_model.objects.values_list(
        "code", "name", "historic"
    )}  # fmt: skip
    new, changed = [], []
    for code, (name, historic) in archive_countries().items():
        row = country_model(code=code, name=name, historic=historic)
        if code not in existing:
            new.append(row)
        elif existing[code] != (name, historic):
            changed.append(row)
    country_model.objects.bulk_create(new)
    country_model.objects.bulk_update(changed, ["name", "historic"])
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
