from django.apps import AppConfig


class SignOffConfig(AppConfig):
    name = "guides.signoff"
    label = "signoff"
    verbose_name = "Sign-off"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from guides.signoff import signals

        signals.connect()
