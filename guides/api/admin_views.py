"""Admin view: issue a preview token for one revision of one guide.

Only a user who may edit the page gets a token (checked on the page itself, at request
time), the token is shown once, and issuing it is written to the page's history.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log

from guides.api import preview
from guides.api.api import TOKEN_PARAM
from guides.models import GuidePage

LOG_ACTION = "guides.api_preview_token"
REVISIONS_SHOWN = 20


def can_issue_preview_token(user, page) -> bool:
    return page.permissions_for_user(user).can_edit()


class PreviewTokenView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "guides/api/preview_token.html"
    page_title = gettext_lazy("API preview")
    header_icon = "link"

    def dispatch(self, request, *args, page_id, **kwargs):
        self.page = get_object_or_404(GuidePage, pk=page_id)
        if not can_issue_preview_token(request.user, self.page):
            raise PermissionDenied
        revisions = self.page.revisions.order_by("-created_at", "-pk").select_related("user")
        self.revisions = list(revisions[:REVISIONS_SHOWN])
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse("wagtailadmin_pages:edit", args=[self.page.pk]),
                "label": self.get_page_subtitle(),
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def post(self, request, *args, **kwargs):
        revision_id = request.POST.get("revision", "")
        revision = next((r for r in self.revisions if str(r.pk) == revision_id), None)
        if revision is None:
            return self.render_to_response(
                self.get_context_data(error=_("Choose one of the page's revisions.")), status=400
            )
        token, grant = preview.issue(self.page.pk, revision.pk)
        log(
            instance=self.page,
            action=LOG_ACTION,
            user=request.user,
            revision=revision,
            data={"revision_id": revision.pk, "expires_at": grant.expires_at.isoformat()},
        )
        draft_slug = revision.as_object().slug
        api_url = request.build_absolute_uri(reverse("api-v1:guide", kwargs={"slug": draft_slug}))
        return self.render_to_response(
            self.get_context_data(
                token=token,
                grant=grant,
                revision=revision,
                api_url=api_url,
                example_url=f"{api_url}?{urlencode({TOKEN_PARAM: token})}",
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            page=self.page,
            revisions=self.revisions,
            lifetime_minutes=int(preview.lifetime().total_seconds() // 60),
        )
        return context
