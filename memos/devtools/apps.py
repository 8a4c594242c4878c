from django.apps import AppConfig


class DevtoolsConfig(AppConfig):
    """Benchmarks and synthetic corpora (`bench`, `generate_corpus`): dev and test settings only."""

    name = "memos.devtools"
    label = "devtools"
    verbose_name = "Developer tools"
