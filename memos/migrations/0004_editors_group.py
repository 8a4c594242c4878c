"""The Editors group and its permissions."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("memos", "0003_search_index")]

    operations = []
