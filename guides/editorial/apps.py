from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "guides.editorial"
    label = "editorial"
    verbose_name = _("Editor tools")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Models and the admin's panels and forms can only be imported once apps are loaded.
        from guides.editorial import page_admin
        from guides.models import GuidePage

        page_admin.attach(GuidePage)
