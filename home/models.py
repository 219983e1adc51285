from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page


class HomePage(Page):
    """The front page: a short welcome and the list of published guides."""

    intro = models.TextField(_("intro"), blank=True, max_length=600)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    subpage_types = ["guides.GuidePage"]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from guides.models import GuidePage

        context = super().get_context(request, *args, **kwargs)
        context["guides"] = (
            GuidePage.objects.live().public().child_of(self).order_by("path").defer_streamfields()
        )
        return context
