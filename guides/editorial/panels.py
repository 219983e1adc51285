"""The »Quality« tab of the guide editor: coverage, readability, links and review dates.

``EditorialChecksPanel`` shows the checks of the guide exactly as the form holds it (the
latest revision when the editor opens it, the posted content after a refused save). It
also hands each section's findings to a small script that shows them on the section
itself in the »Content« tab (``editorial/section_notices.js``).
"""

from __future__ import annotations

from django.forms import Media
from django.template.defaultfilters import date as date_filter
from django.utils.translation import gettext, ngettext
from wagtail.admin.panels import Panel

from guides.editorial import review, summary, texts
from guides.editorial.preview import audience_mode


def section_notices(checks: summary.GuideChecks) -> dict[str, list[str]]:
    """What to show on each section in the editor: {section id: [messages]}."""
    notices: dict[str, list[str]] = {}
    for section_checks in checks.sections:
        messages = []
        section_coverage = section_checks.coverage
        if not section_coverage.reachable:
            messages.append(gettext("No audience sees this section."))
        messages += [problem.message for problem in section_coverage.condition_problems]
        if section_checks.is_difficult:
            messages.append(
                gettext("Hard to read: LIX %(score)s (above 45).")
                % {"score": f"{section_checks.lix.score:.1f}"}
            )
        broken = section_checks.broken_links
        if broken:
            messages.append(
                ngettext(
                    "%(count)s link does not work: %(links)s",
                    "%(count)s links do not work: %(links)s",
                    len(broken),
                )
                % {
                    "count": len(broken),
                    "links": ", ".join(
                        f"{status.url} ({status.check.status_text or status.check.get_result_display()})"
                        for status in broken
                    ),
                }
            )
        item = section_checks.review
        if item.status == review.OVERDUE:
            messages.append(
                gettext("Review overdue since %(date)s.") % {"date": date_filter(item.due, "j. F Y")}
            )
        elif item.status == review.MISSING:
            messages.append(gettext("No review date."))
        if messages:
            notices[section_checks.id] = messages
    return notices


def matrix_context(checks: summary.GuideChecks) -> dict:
    """What the coverage templates need (shared by the editor panel and the report)."""
    analysis = checks.coverage
    return {
        "checks": checks,
        "coverage": analysis,
        "problems": [texts.problem_message(problem) for problem in analysis.problems],
        "audiences": [
            {"coverage": audience, "mode": audience_mode(audience.answers)} for audience in analysis.audiences
        ],
        "rows": [
            {
                "checks": section_checks,
                "cells": cells,
                "level": texts.LIX_LEVELS[section_checks.lix.level],
                "review_status": texts.REVIEW_STATUSES[section_checks.review.status],
            }
            for section_checks, (_, cells) in zip(checks.sections, analysis.matrix, strict=True)
        ],
    }


class EditorialChecksPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "editorial/panels/editorial_checks.html"

        @property
        def media(self):
            return Media(js=["editorial/section_notices.js"], css={"all": ["editorial/admin.css"]})

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            checks = summary.guide_checks(self.instance)
            context.update(matrix_context(checks))
            context["notices"] = section_notices(checks)
            context["in_editor"] = True
            return context
