from django.apps import AppConfig


class MemosConfig(AppConfig):
    name = "memos"
    verbose_name = "Policy memos"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Connects the receiver that takes deleted memos out of the search index.
        from . import caching, search  # noqa: F401

        caching.connect_signals()
