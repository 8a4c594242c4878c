"""Curation: editors fix, merge, review, publish and import memos in the Django admin.

One module per model's admin; `MemosConfig.ready()` imports this package, which registers them.
"""

from django.contrib import admin

from . import candidates, entities, jobs, memos, mentions, records, vendors  # noqa: F401  (they register the admins)

admin.site.site_header = "Memo archive curation"
admin.site.site_title = "Memo archive"
admin.site.index_title = "Curation"
# The models are one click away on the admin's home page; without the navigation sidebar the memo
# form and list keep the width of a 1366 px window for their own columns.
admin.site.enable_nav_sidebar = False
