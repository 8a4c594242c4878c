from django.apps import AppConfig


class MemosConfig(AppConfig):
    name = "memos"
    verbose_name = "Policy memos"
    default_auto_field = "django.db.models.BigAutoField"
