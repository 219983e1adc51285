from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SignOffConfig(AppConfig):
    name = "guides.signoff"
    label = "signoff"
    verbose_name = _("Sign-off")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from guides.signoff import signals

        signals.connect()
