"""Page tools of the admin only for users who may work on pages.

Wagtail opens some of its page tools to every user who may log in to the admin, and they
name pages by title, drafts and never-published guides included: the page chooser
(``/admin/choose-page/``, with browsing and search), the confirmation screens of page bulk
actions (``/admin/bulk/wagtailcore/page/…``) and the workflow-cancellation confirmation
(``/admin/pages/workflow/confirm_cancellation/<id>/``). Our reviewers and agency admins
have no page permissions and no use for any page tool, so everything under these prefixes
(the page explorer, editor, search and the admin API's pages included) is a 403 for them;
what they may see of guides comes through the sign-off screens and the reports, scoped to
their authority. Wagtail's own per-view checks still apply to everybody else.
"""

from __future__ import annotations

from django.http import HttpResponseForbidden
from django.utils.translation import gettext as _
from wagtail.permission_policies.pages import PagePermissionPolicy

PAGE_TOOL_PREFIXES = (
    "/admin/pages/",
    "/admin/choose-page/",
    "/admin/bulk/wagtailcore/page/",
    "/admin/api/main/pages/",
)
PAGE_ACTIONS = ("add", "change", "publish", "bulk_delete", "lock", "unlock")


def may_work_on_pages(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active) and (
        user.is_superuser or PagePermissionPolicy().user_has_any_permission(user, PAGE_ACTIONS)
    )


class PageToolsForPageEditorsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.path_info.startswith(PAGE_TOOL_PREFIXES)
            and request.user.is_authenticated
            and not may_work_on_pages(request.user)
        ):
            return HttpResponseForbidden(_("Only users who may edit pages can use this."))
        return self.get_response(request)
