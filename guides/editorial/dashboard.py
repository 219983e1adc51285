"""The dashboard panel of authority reviewers: their sections that are due for review."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component

from guides.editorial import review, summary, texts
from guides.models import Authority


class ReviewDuePanel(Component):
    """Overdue and soon-due sections of the authorities the user reviews for.

    Membership is checked live (``Authority.objects.for_user``); other authorities'
    sections never appear.
    """

    name = "editorial_review_due"
    template_name = "editorial/home/review_due.html"
    order = 150

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        authorities = list(Authority.objects.for_user(self.user))
        codes = {authority.code for authority in authorities}
        from guides.signoff.visibility import visible_guides

        # Only guides the reviewer may be told about (never-published ones of others: case 37).
        checks = summary.checks_for_guides(
            visible_guides(self.user).order_by("path"), today=timezone.localdate()
        )
        items = sorted(
            (
                section_checks.review
                for guide in checks
                for section_checks in guide.sections
                if section_checks.section.authority_code in codes and section_checks.review.needs_attention
            ),
            key=lambda item: (item.due is not None, item.due),
        )
        context.update(
            {
                "authorities": authorities,
                "items": [{"item": item, "status": texts.REVIEW_STATUSES[item.status]} for item in items],
                "overdue": sum(1 for item in items if item.status in (review.OVERDUE, review.MISSING)),
                "report_url": reverse("editorial_reports:review"),
            }
        )
        return context
