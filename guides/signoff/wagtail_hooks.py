"""Wagtail admin wiring for sign-off: menus, the dashboard panel, page history actions,
and the publishing paths that must go through the sign-off guard."""

from __future__ import annotations

from django.db.models import Count, Min
from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.modal_workflow import render_modal_workflow
from wagtail.admin.ui.components import Component
from wagtail.admin.views.pages.bulk_actions.publish import PublishBulkAction
from wagtail.admin.views.pages.workflow import ConfirmWorkflowCancellationView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.admin.widgets import Button
from wagtail.models import Page
from wagtail.permissions import page_permission_policy

from guides.models import Authority, GuidePage
from guides.signoff import emergency, urls
from guides.signoff.actions import retrospective_message
from guides.signoff.audit import HISTORY_ACTIONS
from guides.signoff.guard import SignOffRequired, check_publishable
from guides.signoff.models import SectionSignOffTaskState, SignOffEvent, SignOffRequest
from guides.signoff.publishing import GuidePublishPageRevisionAction


@hooks.register("register_admin_urls")
def register_signoff_urls():
    return [path("godkendelse/", include((urls, "signoff"), namespace="signoff"))]


def is_editor(user) -> bool:
    """Editors hold page permissions through the page tree, not as model permissions."""
    return page_permission_policy.user_has_any_permission(user, ["change", "publish"])


class SignOffMenuItem(MenuItem):
    def is_shown(self, request):
        user = request.user
        return user.is_superuser or Authority.objects.for_user(user).exists() or is_editor(user)


@hooks.register("register_admin_menu_item")
def register_signoff_menu_item():
    return SignOffMenuItem(_("Sign-off"), reverse("signoff:index"), icon_name="tasks", order=250)


class SignOffLogMenuItem(MenuItem):
    def is_shown(self, request):
        user = request.user
        return (
            user.is_superuser
            or user.has_perm("signoff.view_signoff_log")
            or Authority.objects.for_user(user).exists()
        )


@hooks.register("register_reports_menu_item")
def register_signoff_log_menu_item():
    return SignOffLogMenuItem(_("Sign-off log"), reverse("signoff:log"), icon_name="list-ul", order=750)


@hooks.register("register_log_actions")
def register_signoff_log_actions(actions):
    labels = dict(SignOffEvent.ACTION_CHOICES)
    for action, name in HISTORY_ACTIONS.items():
        actions.register_action(name, labels[action], labels[action])


class WaitingForYourAuthorityPanel(Component):
    """Dashboard: sections waiting for the user's authority, across all guides, oldest first."""

    name = "signoff_waiting"
    order = 40
    template_name = "signoff/panels/waiting.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        rows = list(
            SignOffRequest.objects.pending()
            .in_open_rounds()
            .for_user(self.user)
            .values("task_state_id", "task_state__workflow_state_id", "page_id", "authority__name")
            .annotate(count=Count("id"), since=Min("created_at"))
            .order_by("since")[:15]
        )
        titles = dict(Page.objects.filter(pk__in={row["page_id"] for row in rows}).values_list("pk", "title"))
        retrospective = emergency.retrospective_workflow_state_ids(
            {row["task_state__workflow_state_id"] for row in rows}
        )
        for row in rows:
            row["title"] = titles.get(row["page_id"], "")
            row["retrospective"] = row["task_state__workflow_state_id"] in retrospective
        return {"rows": rows, "index_url": reverse("signoff:index")}


@hooks.register("construct_homepage_panels")
def add_waiting_panel(request, panels):
    if Authority.objects.for_user(request.user).exists():
        panels.append(WaitingForYourAuthorityPanel(request.user))


# -- the publishing paths -----------------------------------------------------------------


@hooks.register("before_publish_page")
def refuse_unsigned_publish(request, page):
    """The admin's Publish (and Schedule, and revert-and-publish) button."""
    if not isinstance(page, GuidePage):
        return None
    try:
        check_publishable(page, user=request.user, revision=page.get_latest_revision(), via="admin")
    except SignOffRequired as refused:
        messages.error(request, refused.args[0] if refused.args else str(refused))
        # The draft revision has been saved; nothing is lost.
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


class SignedOffPublishPageRevisionAction(GuidePublishPageRevisionAction):
    """The publish action in Wagtail's action registry (used by the v3 API)."""

    via = "action"


@hooks.register("register_actions")
def register_signed_off_publish_action(registry):
    registry.register(Page, SignedOffPublishPageRevisionAction)


class SignedOffPublishBulkAction(PublishBulkAction):
    """Bulk publish refuses the whole selection when any guide in it is not signed off."""

    def prepare_action(self, objects, objects_without_access):
        refused = []
        include_descendants = self.cleaned_form.cleaned_data.get("include_descendants")
        for page in objects:
            candidates = [page.specific]
            if include_descendants:
                candidates += list(page.get_descendants().not_live().type(GuidePage).specific())
            for candidate in candidates:
                if not isinstance(candidate, GuidePage):
                    continue
                revision = candidate.get_latest_revision()
                content = revision.as_object() if revision else candidate
                try:
                    check_publishable(content, user=self.request.user, revision=revision, via="bulk")
                except SignOffRequired as error:
                    refused.append(error)
        if refused:
            for error in refused:
                messages.error(self.request, error.args[0])
            return redirect(self.next_url)
        return super().prepare_action(objects, objects_without_access)


@hooks.register("before_edit_page")
def refuse_ending_a_retrospective_round(request, page):
    """Cancel workflow and Restart workflow end a round; a retrospective round after an
    emergency publish ends only with the owners' decisions. Refused before anything is
    saved (the model-level guard in ``emergency`` is the backstop)."""
    if request.method != "POST" or not (
        request.POST.get("action-cancel-workflow") or request.POST.get("action-restart-workflow")
    ):
        return None
    release = emergency.open_release_for_workflow_state(getattr(page.current_workflow_state, "pk", None))
    if release is None:
        return None
    messages.error(request, retrospective_message(release))
    return redirect("wagtailadmin_pages:edit", page.pk)


@hooks.register("construct_page_action_menu")
def hide_ending_a_retrospective_round(menu_items, request, context):
    page = context.get("page")
    state = page.current_workflow_state if page is not None and page.pk else None
    if state is not None and emergency.is_retrospective(state):
        menu_items[:] = [
            item
            for item in menu_items
            if item.name not in ("action-cancel-workflow", "action-restart-workflow")
        ]


# Registered after Wagtail's own "publish" bulk action (order 0), which it replaces.
hooks.register("register_bulk_action", SignedOffPublishBulkAction, order=100)


@hooks.register("register_page_header_buttons")
def sign_off_status_button(page, user, view_name, next_url=None):
    """From the guide editor to its current sign-off round (or its sign-off log)."""
    if not isinstance(page.specific_deferred, GuidePage):
        return
    state = page.current_workflow_state
    task_state = state.current_task_state if state else None
    if task_state is not None and task_state.content_type.model_class() is SectionSignOffTaskState:
        yield Button(
            _("Sign-off status"),
            reverse("signoff:review", args=[task_state.pk]),
            icon_name="tasks",
            priority=85,
        )
    else:
        yield Button(
            _("Sign-off log"), reverse("signoff:log") + f"?page={page.pk}", icon_name="list-ul", priority=85
        )


@hooks.register("register_page_header_buttons")
def emergency_publish_button(page, user, view_name, next_url=None):
    if (
        isinstance(page.specific_deferred, GuidePage)
        and user.has_perm("signoff.emergency_publish")
        and page.permissions_for_user(user).can_publish()
    ):
        yield Button(
            _("Emergency publish"),
            reverse("signoff:emergency", args=[page.pk]),
            icon_name="warning",
            priority=90,
        )


class RetrospectiveRoundConfirmation(ConfirmWorkflowCancellationView):
    """Wagtail asks before a Publish whether to cancel the workflow in progress. A
    retrospective round after an emergency publish is never cancelled by a publish (the
    publish is refused unless every unit is signed), so there is nothing to confirm; the
    refusal itself names the units and the open round."""

    def dispatch(self, request, *args, **kwargs):
        if self.workflow_state is not None and emergency.is_retrospective(self.workflow_state):
            return render_modal_workflow(request, "", None, {}, json_data={"step": "no_confirmation_needed"})
        return super().dispatch(request, *args, **kwargs)


class GuidePageViewSet(PageViewSet):
    model = GuidePage
    confirm_workflow_cancellation_view_class = RetrospectiveRoundConfirmation


@hooks.register("register_admin_viewset")
def register_guide_page_viewset():
    return GuidePageViewSet()
