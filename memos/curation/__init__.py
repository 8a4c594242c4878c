"""Curation: editors fix, merge, review, publish and import memos in the Django admin.

One module per model's admin; `MemosConfig.ready()` imports this package, which registers them.
"""

from django.contrib import admin

from . import entities, jobs, memos, mentions, records, vendors  # noqa: F401  (they register the admins)

admin.site.site_header = "Memo archive curation"
admin.site.site_title = "Memo archive"
admin.site.index_title = "Curation"
