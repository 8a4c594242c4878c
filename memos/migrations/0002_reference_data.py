"""Load every ISO country and the curated vendor list, so a new archive can find mentions."""

from django.db import migrations


def load(apps, schema_editor):
    from memos.reference import VENDORS_FILE, load_countries, load_vendors

    load_countries(apps.get_model("memos", "Country"))
    if VENDORS_FILE.exists():
        load_vendors(apps.get_model("memos", "Vendor"))


class Migration(migrations.Migration):
    dependencies = [("memos", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
