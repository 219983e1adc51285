from django.apps import AppConfig


class WebhooksConfig(AppConfig):
    name = "guides.webhooks"
    label = "webhooks"
    verbose_name = "Webhooks"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from guides.webhooks import signals

        signals.connect()
