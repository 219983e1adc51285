"""The editor tools in the Wagtail admin: reports, the reviewers' dashboard panel, link
checks after saves and the content checker's rule for hard-to-read sections."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from guides.editorial import access, urls
from guides.editorial.checker import use_vejviser_checker
from guides.editorial.dashboard import ReviewDuePanel
from guides.editorial.tasks import enqueue_link_check
from guides.models import Authority, GuidePage


@hooks.register("register_admin_urls")
def register_editorial_urls():
    return [path("vejviser/reports/", include(urls, namespace="editorial_reports"))]


class EditorReportMenuItem(MenuItem):
    """Shown to the users who may edit guides."""

    def is_shown(self, request):
        return access.can_edit_guides(request.user)


class SectionReportMenuItem(MenuItem):
    """Shown to editors and to authority reviewers (who see their own sections)."""

    def is_shown(self, request):
        return access.report_scope(request.user) is not None


@hooks.register("register_reports_menu_item")
def register_coverage_report():
    return EditorReportMenuItem(
        _("Audience coverage"),
        reverse("editorial_reports:coverage"),
        name="audience-coverage",
        icon_name="table",
        order=1300,
    )


@hooks.register("register_reports_menu_item")
def register_readability_report():
    return SectionReportMenuItem(
        _("Readability"),
        reverse("editorial_reports:readability"),
        name="readability",
        icon_name="glasses",
        order=1310,
    )


@hooks.register("register_reports_menu_item")
def register_link_report():
    return SectionReportMenuItem(
        _("Links"), reverse("editorial_reports:links"), name="links", icon_name="link", order=1320
    )


@hooks.register("register_reports_menu_item")
def register_review_report():
    return SectionReportMenuItem(
        _("Review dates"),
        reverse("editorial_reports:review"),
        name="review-dates",
        icon_name="date",
        order=1330,
    )


@hooks.register("construct_homepage_panels")
def add_review_due_panel(request, panels):
    if Authority.objects.for_user(request.user).exists():
        panels.append(ReviewDuePanel(request.user))


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def check_links_after_save(request, page):
    if isinstance(page.specific_deferred, GuidePage):
        enqueue_link_check(page)


hooks.register("construct_wagtail_userbar", use_vejviser_checker)
