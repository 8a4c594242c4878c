"""Full-text search index: filled in by the search module's migration work."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("memos", "0002_reference_data")]

    operations = []
