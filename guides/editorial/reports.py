"""The editor tools' reports in Wagtail's Reports menu.

Each report is a thin adapter: it asks ``summary.checks_for_guides()`` for the checks of
the latest revision of every guide in the user's scope (``access.report_scope``) and lays
the rows out. Users outside the scope get 403.

* Coverage (editors): one row per guide with its coverage problems; a page per guide with
  the sections × audiences matrix.
* Readability (editors; reviewers see their authority's sections): LIX per section.
* Links (editors; reviewers: their authority's sections): every external link with its
  last check, per guide and per authority.
* Review dates (editors; reviewers: their authority's sections): effective review date and
  status per section.
"""

from __future__ import annotations

from dataclasses import dataclass

import django_filters
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView

from guides.editorial import access, conf, linkcheck, review, summary, texts
from guides.editorial.models import LinkCheck
from guides.editorial.panels import matrix_context
from guides.models import Authority, GuidePage


def forbidden(request, title):
    """A real 403 (Wagtail would redirect to the dashboard instead)."""
    return TemplateResponse(request, "editorial/reports/forbidden.html", {"title": title}, status=403)


class ScopedViewMixin:
    """Resolve the user's report scope once, and answer 403 outside it."""

    editors_only = False

    def dispatch(self, request, *args, **kwargs):
        self.scope = access.report_scope(request.user, editors_only=self.editors_only)
        if self.scope is None:
            return forbidden(request, self.page_title)
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def guide_checks(self) -> list[summary.GuideChecks]:
        return summary.checks_for_guides(self.scope.guides.order_by("path"))


# -- filters (their form only: the rows are computed, not a queryset) ---------------------


def _guides_in_scope(request):
    scope = access.report_scope(request.user) if request else None
    return scope.guides.order_by("path") if scope else GuidePage.objects.none()


def _authorities_in_scope(request):
    scope = access.report_scope(request.user) if request else None
    if scope is None:
        return Authority.objects.none()
    if scope.authority_codes is None:
        return Authority.objects.all()
    return Authority.objects.filter(code__in=scope.authority_codes)


class EditorialFilterSet(WagtailFilterSet):
    guide = django_filters.ModelChoiceFilter(label=_("Guide"), queryset=_guides_in_scope)
    authority = django_filters.ModelChoiceFilter(
        label=_("Authority"), queryset=_authorities_in_scope, to_field_name="code"
    )

    class Meta:
        model = GuidePage
        fields = []


class ReadabilityFilterSet(EditorialFilterSet):
    difficult = django_filters.ChoiceFilter(
        label=_("Readability"), choices=[("1", _("Only hard to read (LIX above 45)"))], empty_label=_("All")
    )


class LinkFilterSet(EditorialFilterSet):
    result = django_filters.ChoiceFilter(
        label=_("Result"),
        choices=[
            ("failed", _("Not working")),
            ("unchecked", _("Not checked yet")),
            *LinkCheck.Result.choices,
        ],
    )


class ReviewFilterSet(EditorialFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[("attention", _("Overdue or due soon")), *texts.REVIEW_STATUSES.items()],
    )


class EditorialReportView(ScopedViewMixin, ReportView):
    template_name = "editorial/reports/report.html"
    paginate_by = 100

    def get_queryset(self):
        return self.filter_queryset(self.rows())

    def rows(self) -> list:
        raise NotImplementedError

    def filter_queryset(self, rows):
        if not (self.filters and self.filters.is_valid()):
            return rows
        data = self.filters.form.cleaned_data
        if data.get("guide"):
            rows = [row for row in rows if row.page.pk == data["guide"].pk]
        if data.get("authority"):
            rows = [row for row in rows if row.section.authority_code == data["authority"].code]
        return self.filter_rows(rows, data)

    def filter_rows(self, rows, data):
        return rows

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["scope"] = self.scope
        return context


@dataclass
class SectionRow:
    """One section of one guide, as the per-section reports list it."""

    page: object
    checks: summary.SectionChecks

    @property
    def section(self):
        return self.checks.section

    @property
    def guide_title(self) -> str:
        return self.page.title

    @property
    def heading(self) -> str:
        return self.section.heading

    @property
    def owner(self) -> str:
        return self.section.authority.name if self.section.authority else ""

    @property
    def edit_url(self) -> str:
        return reverse("wagtailadmin_pages:edit", args=[self.page.pk])


# -- coverage -----------------------------------------------------------------------------


@dataclass
class CoverageRow:
    checks: summary.GuideChecks

    @property
    def page(self):
        return self.checks.page

    @property
    def problems(self) -> list[str]:
        return [texts.problem_message(problem) for problem in self.checks.coverage.problems]

    @property
    def detail_url(self) -> str:
        return reverse("editorial_reports:coverage_guide", args=[self.page.pk])


class CoverageReportView(EditorialReportView):
    editors_only = True
    page_title = _("Audience coverage")
    header_icon = "table"
    results_template_name = "editorial/reports/coverage_results.html"
    index_url_name = "editorial_reports:coverage"
    index_results_url_name = "editorial_reports:coverage_results"

    def rows(self):
        return [CoverageRow(checks) for checks in self.guide_checks]

    def filter_queryset(self, rows):
        return rows


class CoverageGuideView(ScopedViewMixin, WagtailAdminTemplateMixin, TemplateView):
    """The sections × audiences matrix of one guide."""

    editors_only = True
    page_title = _("Audience coverage")
    header_icon = "table"
    template_name = "editorial/reports/coverage_guide.html"

    @cached_property
    def page(self):
        return get_object_or_404(self.scope.guides, pk=self.kwargs["page_id"])

    def get_page_subtitle(self):
        return self.page.title

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("editorial_reports:coverage"), "label": self.page_title},
            {"url": "", "label": self.page.title},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(matrix_context(summary.guide_checks(summary.latest_revision(self.page))))
        context["page"] = self.page
        return context


# -- readability --------------------------------------------------------------------------


@dataclass
class ReadabilityRow(SectionRow):
    @property
    def lix(self):
        return self.checks.lix

    @property
    def score(self) -> float:
        return self.lix.score

    @property
    def level(self) -> str:
        return str(texts.LIX_LEVELS[self.lix.level])

    @property
    def is_difficult(self) -> bool:
        return self.lix.is_difficult


class ReadabilityReportView(EditorialReportView):
    page_title = _("Readability")
    header_icon = "glasses"
    results_template_name = "editorial/reports/readability_results.html"
    index_url_name = "editorial_reports:readability"
    index_results_url_name = "editorial_reports:readability_results"
    filterset_class = ReadabilityFilterSet
    export_filename = "laesbarhed"
    list_export = [
        "guide_title",
        "heading",
        "owner",
        "lix.words",
        "lix.sentences",
        "lix.long_words",
        "score",
        "level",
    ]
    export_headings = {
        "guide_title": _("Guide"),
        "heading": _("Section"),
        "owner": _("Owner"),
        "lix.words": _("Words"),
        "lix.sentences": _("Sentences"),
        "lix.long_words": _("Long words"),
        "score": "LIX",
        "level": _("Level"),
    }

    def rows(self):
        return [
            ReadabilityRow(checks.page, section_checks)
            for checks in self.guide_checks
            for section_checks in checks.sections
            if self.scope.includes(section_checks.section)
        ]

    def filter_rows(self, rows, data):
        if data.get("difficult"):
            rows = [row for row in rows if row.is_difficult]
        return rows


# -- links --------------------------------------------------------------------------------


@dataclass
class LinkRow(SectionRow):
    status: summary.LinkStatus = None

    @property
    def url(self) -> str:
        return self.status.url

    @property
    def kind(self) -> str:
        return str(LINK_KINDS.get(self.status.link.kind, self.status.link.kind))

    @property
    def label(self) -> str:
        return self.status.link.label

    @property
    def check(self) -> LinkCheck | None:
        return self.status.check

    @property
    def result(self) -> str:
        return str(self.check.get_result_display()) if self.check else str(_("Not checked yet"))

    @property
    def status_text(self) -> str:
        return self.check.status_text if self.check else ""

    @property
    def redirect_to(self) -> str:
        return self.check.final_url if self.check else ""

    @property
    def checked_at(self):
        return self.check.checked_at if self.check else None


LINK_KINDS = {
    "self_service": _("Self-service link"),
    "checklist": _("Checklist item"),
    "actor": _("Actor"),
    "rich_text": _("Text"),
    "callout": _("Callout"),
}


class LinkReportView(EditorialReportView):
    page_title = _("Links")
    header_icon = "link"
    results_template_name = "editorial/reports/links_results.html"
    index_url_name = "editorial_reports:links"
    index_results_url_name = "editorial_reports:links_results"
    filterset_class = LinkFilterSet
    export_filename = "links"
    list_export = [
        "guide_title",
        "heading",
        "owner",
        "kind",
        "url",
        "result",
        "status_text",
        "redirect_to",
        "checked_at",
    ]
    export_headings = {
        "guide_title": _("Guide"),
        "heading": _("Section"),
        "owner": _("Owner"),
        "kind": _("Where"),
        "url": _("Address"),
        "result": _("Result"),
        "status_text": _("HTTP status"),
        "redirect_to": _("Redirects to"),
        "checked_at": _("Last checked"),
    }

    def rows(self):
        return [
            LinkRow(checks.page, section_checks, status)
            for checks in self.guide_checks
            for section_checks in checks.sections
            if self.scope.includes(section_checks.section)
            for status in section_checks.links
        ]

    def filter_rows(self, rows, data):
        result = data.get("result")
        if result == "failed":
            return [row for row in rows if row.status.failed]
        if result == "unchecked":
            return [row for row in rows if row.check is None]
        if result in linkcheck.RESULTS:
            return [row for row in rows if row.check is not None and row.check.result == result]
        return rows


# -- review dates -------------------------------------------------------------------------


@dataclass
class ReviewRow(SectionRow):
    @property
    def item(self) -> review.ReviewItem:
        return self.checks.review

    @property
    def status(self) -> str:
        return self.item.status

    @property
    def status_label(self) -> str:
        return str(texts.REVIEW_STATUSES[self.item.status])

    @property
    def review_by(self):
        return self.item.review_by

    @property
    def last_signoff(self):
        return self.item.last_signoff

    @property
    def due(self):
        return self.item.due


REVIEW_ORDER = {review.MISSING: 0, review.OVERDUE: 1, review.SOON: 2, review.OK: 3}


class ReviewReportView(EditorialReportView):
    page_title = _("Review dates")
    header_icon = "date"
    results_template_name = "editorial/reports/review_results.html"
    index_url_name = "editorial_reports:review"
    index_results_url_name = "editorial_reports:review_results"
    filterset_class = ReviewFilterSet
    export_filename = "gennemsyn"
    list_export = ["guide_title", "heading", "owner", "review_by", "last_signoff", "due", "status_label"]
    export_headings = {
        "guide_title": _("Guide"),
        "heading": _("Section"),
        "owner": _("Owner"),
        "review_by": _("Review by (editor)"),
        "last_signoff": _("Last sign-off"),
        "due": _("Due"),
        "status_label": _("Status"),
    }

    def rows(self):
        rows = [
            ReviewRow(checks.page, section_checks)
            for checks in self.guide_checks
            for section_checks in checks.sections
            if self.scope.includes(section_checks.section)
        ]
        return sorted(rows, key=lambda row: (REVIEW_ORDER[row.status], row.due or row.page.pk, row.owner))

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["renewal_days"] = conf.review_renewal_days()
        return context

    def filter_rows(self, rows, data):
        status = data.get("status")
        if status == "attention":
            return [row for row in rows if row.item.needs_attention]
        if status:
            return [row for row in rows if row.status == status]
        return rows
