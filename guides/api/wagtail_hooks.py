"""Admin hooks of the API: the preview-token view, its page button and its log action.

Imported by ``guides/wagtail_hooks.py`` (Wagtail discovers hook modules per app).
"""

from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem

from guides.api.admin_views import LOG_ACTION, PreviewTokenView, can_issue_preview_token
from guides.models import GuidePage


@hooks.register("register_admin_urls")
def register_preview_token_url():
    return [
        path(
            "guides/<int:page_id>/api-preview/",
            PreviewTokenView.as_view(),
            name="guides_api_preview_token",
        ),
    ]


class PreviewTokenButton(PageMenuItem):
    label = _("API preview")
    icon_name = "link"
    priority = 80

    @cached_property
    def url(self):
        return reverse("guides_api_preview_token", args=[self.page.pk])

    def is_shown(self, user):
        return issubclass(self.page.specific_class or object, GuidePage) and can_issue_preview_token(
            user, self.page
        )


@hooks.register("register_page_header_buttons")
def preview_token_header_button(page, user, view_name, next_url=None):
    if view_name in ("edit", "revisions_revert", "history", "index"):
        yield PreviewTokenButton(page=page)


@hooks.register("register_log_actions")
def register_preview_token_log_action(actions):
    actions.register_action(LOG_ACTION, _("API preview"), _("API preview token issued"))
