from django.apps import AppConfig


class MemosConfig(AppConfig):
    name = "memos"
    verbose_name = "Policy memos"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # search: the receiver that takes deleted memos out of the index; curation: the admins.
        from . import caching, curation, search  # noqa: F401

        caching.connect_signals()
