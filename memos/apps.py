from django.apps import AppConfig


class MemosConfig(AppConfig):
    name = "memos"
    verbose_name = "Policy memos"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # changes: every write's side effects (search index, data version); curation: the admins.
        from . import changes, curation  # noqa: F401

        changes.connect_signals()
