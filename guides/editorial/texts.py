"""Editor-facing words for the plain analyses' codes (translatable; Danish in the admin)."""

from __future__ import annotations

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from guides.editorial import coverage, readability, review

LIX_LEVELS = {
    readability.EASY: _("easy"),
    readability.MEDIUM: _("medium"),
    readability.DIFFICULT: _("difficult"),
    readability.TOO_SHORT: _("too short to score"),
}

REVIEW_STATUSES = {
    review.OVERDUE: _("Overdue"),
    review.SOON: _("Due soon"),
    review.OK: _("Not due"),
    review.MISSING: _("No review date"),
}


def problem_message(problem: coverage.Problem) -> str:
    """One coverage problem as a sentence an editor can act on."""
    if problem.code == coverage.UNREACHABLE_SECTION:
        return gettext("No audience sees the section »%(heading)s« (shown for: %(condition)s).") % {
            "heading": problem.section.heading,
            "condition": problem.section.condition_text,
        }
    if problem.code == coverage.AUDIENCE_WITHOUT_SECTIONS:
        return gettext("The audience »%(audience)s« gets no sections and so no checklist.") % {
            "audience": problem.audience.label
        }
    if problem.code == coverage.EMPTY_CHECKLIST:
        return gettext("The audience »%(audience)s« gets an empty checklist.") % {
            "audience": problem.audience.label
        }
    if problem.code == coverage.DANGLING_CONDITION:
        return gettext("Section »%(heading)s«: %(problem)s") % {
            "heading": problem.section.heading,
            "problem": problem.detail,
        }
    if problem.code == coverage.DANGLING_QUESTION_CONDITION:
        return gettext("Question »%(question)s«: %(problem)s") % {
            "question": problem.question,
            "problem": problem.detail,
        }
    if problem.code == coverage.TOO_MANY_AUDIENCES:
        return gettext("The questions give more than %(limit)s audiences.") % {"limit": problem.detail}
    return problem.code
