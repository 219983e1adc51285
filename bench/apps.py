from django.apps import AppConfig


class BenchConfig(AppConfig):
    """Benchmark-only models and views; installed only by cms.settings.bench."""

    name = "bench"
    label = "bench"
    default_auto_field = "django.db.models.BigAutoField"
