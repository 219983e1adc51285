"""Admin views for sign-off: thin adapters over ``guides.signoff.actions``."""

from __future__ import annotations

import datetime

import django_filters
from django.db.models import Count, Min
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView, View
from wagtail.admin import messages
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page, TaskState

from guides.document import GuideDocument
from guides.models import Authority, GuidePage
from guides.signoff import actions, audit, diff, emergency
from guides.signoff.models import SectionSignOffTaskState, SignOffEvent, SignOffRequest
from guides.signoff.units import Unit
from guides.signoff.visibility import visible_guides


def user_can_edit(user, page) -> bool:
    return page.permissions_for_user(user).can_edit()


def refused(request, message, *, status=403, back=None):
    """A plain refusal page with a real 403 (Wagtail would turn PermissionDenied into a
    redirect to the dashboard, which hides the refusal from clients and tests alike)."""
    return TemplateResponse(
        request,
        "signoff/refused.html",
        {"message": message, "back": back or reverse("signoff:index"), "header_title": _("Not allowed")},
        status=status,
    )


class SignOffIndexView(WagtailAdminTemplateMixin, TemplateView):
    """What waits for the user's authority, oldest first, and the state of open rounds."""

    template_name = "signoff/index.html"
    page_title = _("Sign-off")
    header_icon = "tasks"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        authorities = list(Authority.objects.for_user(user))
        waiting = (
            SignOffRequest.objects.pending()
            .in_open_rounds()
            .filter(authority__in=authorities)
            .values("task_state_id", "task_state__workflow_state_id", "page_id", "authority__name")
            .annotate(count=Count("id"), since=Min("created_at"))
            .order_by("since")
        )
        titles = dict(
            Page.objects.filter(pk__in={row["page_id"] for row in waiting}).values_list("pk", "title")
        )
        retrospective = emergency.retrospective_workflow_state_ids(
            {row["task_state__workflow_state_id"] for row in waiting}
        )
        context["authorities"] = authorities
        context["waiting"] = [
            {
                **row,
                "title": titles.get(row["page_id"], ""),
                "retrospective": row["task_state__workflow_state_id"] in retrospective,
            }
            for row in waiting
        ]
        own = {authority.pk for authority in authorities}
        releases = []
        for release in emergency.EmergencyRelease.objects.open().select_related("page", "workflow_state"):
            involved = own & {unit.get("authority_id") for unit in release.units}
            if not involved and not user_can_edit(user, release.page):
                continue
            state = release.workflow_state
            current = state.current_task_state if state is not None else None
            releases.append(
                {
                    "title": release.page.title,
                    "created_at": release.created_at,
                    "reason": release.reason,
                    "units": release.units,
                    "task_state_id": getattr(current, "pk", None),
                }
            )
        context["releases"] = releases
        open_states = (
            SectionSignOffTaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS)
            .select_related("workflow_state")
            .order_by("started_at")
        )
        rounds = []
        for state in open_states:
            page = Page.objects.filter(pk=state.workflow_state.object_id).first()
            if page is None or not user_can_edit(user, page):
                continue
            pending = state.requests.pending().values("authority__name").annotate(count=Count("id"))
            rounds.append({"state": state, "page": page, "pending": list(pending)})
        context["rounds"] = rounds
        return context


class ReviewView(WagtailAdminTemplateMixin, TemplateView):
    """One round of one guide: the user's authority's sections with their diffs."""

    template_name = "signoff/review.html"
    header_icon = "tasks"

    def dispatch(self, request, task_state_id):
        self.task_state = get_object_or_404(SectionSignOffTaskState, pk=task_state_id)
        self.page = get_object_or_404(Page, pk=self.task_state.workflow_state.object_id).specific
        self.authorities = list(Authority.objects.for_user(request.user))
        requests = self.task_state.requests.select_related("authority", "decided_by", "revision")
        self.own_requests = [r for r in requests if r.authority in self.authorities]
        self.can_edit = user_can_edit(request.user, self.page)
        if not self.own_requests and not self.can_edit:
            audit.record(
                SignOffEvent.ATTEMPT_REFUSED,
                self.page,
                user=request.user,
                revision=self.task_state.revision,
                task_state=self.task_state,
                comment="Forsøg på at se en godkendelsesrunde uden at være godkender for den.",
                data={"view": "review"},
            )
            return refused(
                request, _("Nothing in this sign-off round is owned by an authority you review for.")
            )
        self.visible_requests = self.own_requests if not self.can_edit else list(requests)
        return super().dispatch(request, task_state_id)

    def get_page_title(self):
        return _("Sign-off: %(title)s") % {"title": self.page.title}

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("signoff:index"), "label": _("Sign-off")},
            {"url": "", "label": self.page.title},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        document = GuideDocument.from_page(self.task_state.revision.as_object())
        items = []
        for request in self.visible_requests:
            unit = Unit(request.section_id, request.heading, request.authority, request.fingerprint)
            section = document.section(request.section_id)
            items.append(
                {
                    "request": request,
                    "section": section,
                    "audience": document.questionnaire.describe_condition(section.condition)
                    if section
                    else "",
                    "diff": diff.diff_against_last_approval(
                        self.page.pk, document, unit.id, unit.authority_id
                    ),
                    # Exactly when the POST would succeed (four eyes included).
                    "can_decide": request.status == SignOffRequest.PENDING
                    and request.authority in self.authorities
                    and actions.Decide(request, self.request.user).is_allowed(),
                    "refusals": [
                        refusal.message
                        for refusal in actions.Decide(request, self.request.user).check(raise_error=False)
                        if isinstance(refusal, actions.FourEyesViolation)
                    ]
                    if request.authority in self.authorities and request.status == SignOffRequest.PENDING
                    else [],
                }
            )
        context.update(
            {
                "task_state": self.task_state,
                "page": self.page,
                "items": items,
                "round_open": self.task_state.status == TaskState.STATUS_IN_PROGRESS,
                "authorities": self.authorities,
                "release": emergency.open_release_for_workflow_state(self.task_state.workflow_state_id),
            }
        )
        return context


class DecideView(View):
    """POST one decision on one section."""

    http_method_names = ["post"]

    def post(self, request, request_id):
        signoff_request = get_object_or_404(SignOffRequest, pk=request_id)
        back = reverse("signoff:review", args=[signoff_request.task_state_id])
        decision = request.POST.get("decision", "")
        try:
            actions.Decide(
                request_id,
                request.user,
                decision,
                comment=request.POST.get("comment", ""),
                seen_fingerprint=request.POST.get("fingerprint") or None,
            ).execute()
        except actions.SignOffError as error:
            if error.status == 400:
                messages.error(request, error.message)
                return redirect(back)
            return refused(request, error.message, status=error.status, back=back)
        if decision == actions.APPROVE:
            messages.success(
                request, _("»%(heading)s« is signed off.") % {"heading": signoff_request.heading}
            )
        else:
            messages.warning(
                request,
                _("You asked for changes to »%(heading)s«. The editor has been notified.")
                % {"heading": signoff_request.heading},
            )
        return redirect(back)


class EmergencyPublishView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "signoff/emergency.html"
    header_icon = "warning"

    def dispatch(self, request, page_id):
        self.page = get_object_or_404(GuidePage, pk=page_id)
        self.action = actions.EmergencyPublish(self.page, request.user, request.POST.get("reason", ""))
        if any(isinstance(r, actions.NotAReviewer) for r in self.action.check(raise_error=False)):
            return refused(request, _("You may not publish guides without complete sign-off."))
        return super().dispatch(request, page_id)

    def get_page_title(self):
        return _("Emergency publish: %(title)s") % {"title": self.page.title}

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("wagtailadmin_pages:edit", args=[self.page.pk]), "label": self.page.title},
            {"url": "", "label": _("Emergency publish")},
        ]

    def missing(self):
        return self.action.missing()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "page": self.page,
                "missing": self.missing(),
                "min_length": actions.MIN_EMERGENCY_REASON,
                "open_releases": list(emergency.open_releases(self.page.pk)),
            }
        )
        return context

    def post(self, request, page_id):
        try:
            published = self.action.execute()
        except actions.SignOffError as error:
            messages.error(request, error.message)
            return self.get(request, page_id=page_id)
        messages.warning(
            request,
            _(
                "»%(title)s« is published without sign-off of %(count)s part(s). "
                "A retrospective sign-off round has started."
            )
            % {"title": self.page.title, "count": len(published)},
        )
        return redirect("wagtailadmin_pages:edit", self.page.pk)


# -- the sign-off log report ------------------------------------------------------------


def guide_choices(request):
    return visible_guides(request.user).order_by("title") if request else GuidePage.objects.none()


class SignOffLogFilterSet(WagtailFilterSet):
    page = django_filters.ModelChoiceFilter(
        label=_("Guide"), queryset=guide_choices, field_name="page_id", method="filter_page"
    )
    # By the authority itself (its primary key, what the events point at), chosen by its
    # current code in the URL: a renamed authority keeps its whole history in the filter.
    authority = django_filters.ModelChoiceFilter(
        label=_("Authority"), queryset=Authority.objects.all(), to_field_name="code"
    )
    action = django_filters.ChoiceFilter(label=_("Action"), choices=SignOffEvent.ACTION_CHOICES)
    username = django_filters.CharFilter(label=_("User"), lookup_expr="iexact")
    created_at = django_filters.DateFromToRangeFilter(label=_("Date"), widget=DateRangePickerWidget)

    def filter_page(self, queryset, name, value):
        return queryset.filter(page_id=value.pk) if value else queryset

    class Meta:
        model = SignOffEvent
        fields = []


class SignOffLogView(ReportView):
    page_title = _("Sign-off log")
    header_icon = "list-ul"
    filterset_class = SignOffLogFilterSet
    index_url_name = "signoff:log"
    index_results_url_name = "signoff:log_results"
    results_template_name = "signoff/log_results.html"
    paginate_by = 100
    columns = [
        DateColumn("created_at", label=_("Time")),
        Column("page_title", label=_("Guide")),
        Column("section_heading", label=_("Section")),
        Column("authority_name", label=_("Authority")),
        Column("action", label=_("Action"), accessor="get_action_display"),
        Column("username", label=_("User")),
        Column("revision_id", label=_("Revision")),
        Column("short_fingerprint", label=_("Fingerprint")),
        Column("comment", label=_("Comment")),
    ]
    list_export = [
        "created_at",
        "page_id",
        "page_title",
        "revision_id",
        "section_id",
        "section_heading",
        "authority_code",
        "fingerprint",
        "action",
        "username",
        "comment",
    ]
    export_headings = {
        "created_at": "time",
        "page_id": "guide_id",
        "page_title": "guide",
        "revision_id": "revision",
        "section_id": "section_id",
        "section_heading": "section",
        "authority_code": "authority",
        "fingerprint": "fingerprint",
        "action": "action",
        "username": "user",
        "comment": "comment",
    }

    def user_sees_everything(self):
        user = self.request.user
        return user.is_superuser or user.has_perm("signoff.view_signoff_log")

    def dispatch(self, request, *args, **kwargs):
        if not self.user_sees_everything() and not Authority.objects.for_user(request.user).exists():
            return refused(request, _("Only editors and authority reviewers can read the sign-off log."))
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        queryset = SignOffEvent.objects.select_related("authority").order_by("-created_at", "-id")
        if not self.user_sees_everything():
            own = Authority.objects.for_user(self.request.user).values_list("pk", flat=True)
            queryset = queryset.filter(authority_id__in=list(own))
        return queryset

    def get_filename(self):
        return f"godkendelseslog-{datetime.date.today():%Y-%m-%d}"
