"""Country.historic, and rows for the countries memos discuss that ISO 3166-1 lacks: the Soviet
Union and Yugoslavia (withdrawn codes, historic) and Kosovo (the user-assigned XK)."""

from django.db import migrations, models

COUNTRIES = [("SU", "Soviet Union", True), ("YU", "Yugoslavia", True), ("XK", "Kosovo", False)]


def add_countries(apps, schema_editor):
    Country = apps.get_model("memos", "Country")
    for code, name, historic in COUNTRIES:
        Country.objects.update_or_create(code=code, defaults={"name": name, "historic": historic})


def remove_countries(apps, schema_editor):
    # Their mentions go with them (Mention.country cascades), as they would with any country row.
    apps.get_model("memos", "Country").objects.filter(code__in=[c for c, _, _ in COUNTRIES]).delete()


class Migration(migrations.Migration):
    dependencies = [("memos", "0010_clean_records")]

    operations = [
        migrations.AddField(
            model_name="country",
            name="historic",
            field=models.BooleanField(default=False, help_text="It no longer exists: pages call it former."),
        ),
        migrations.RunPython(add_countries, remove_countries),
    ]
