"""Preview modes of a guide in the Wagtail editor: one per audience, plus an overview.

``GuidePage.preview_modes`` and ``GuidePage.serve_preview`` are these (attached in page_admin.py).

* ``all-sections`` (the default): every section, each labelled with its audience
  condition in words, its owner and its readability, and the sections no audience
  reaches marked as such.
* ``audience:<answers>`` (e.g. ``audience:akasse=nej&alder=under-30``): exactly what that
  audience gets, rendered by the citizen view ``serve_guide()`` with those answers, so the
  preview can never filter differently from the live site.

Previews are never cached: they show unpublished content.
"""

from __future__ import annotations

from django.http import QueryDict
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from guides.audience import Answers
from guides.document import GuideDocument
from guides.editorial import summary, texts

ALL_SECTIONS = "all-sections"
AUDIENCE_PREFIX = "audience:"
ALL_SECTIONS_LABEL = _("All sections with audiences")


def audience_mode(answers: Answers) -> str:
    return f"{AUDIENCE_PREFIX}{answers.query_string()}"


def preview_modes(page) -> list[tuple[str, str]]:
    """The overview first, then one mode per reachable audience, named in words."""
    document = GuideDocument.from_page(page)
    modes = [(ALL_SECTIONS, ALL_SECTIONS_LABEL)]
    try:
        audiences = document.questionnaire.audiences()
    except ValueError:  # too many audiences: the form names the problem
        audiences = []
    modes += [
        (audience_mode(answers), document.questionnaire.audience_label(answers)) for answers in audiences
    ]
    return modes


def serve_preview(page, request, mode_name: str):
    # The preview instance was just filled from the editor's form: forget anything
    # computed from its earlier content.
    page.__dict__.pop("document", None)
    if mode_name and mode_name.startswith(AUDIENCE_PREFIX):
        response = _serve_audience(page, request, mode_name.removeprefix(AUDIENCE_PREFIX))
    else:
        response = _serve_all_sections(page, request)
    add_never_cache_headers(response)
    return response


def _serve_audience(page, request, query_string: str):
    from guides.views import serve_guide

    document = page.document
    answers = [audience for audience in _audiences(document) if audience.query_string() == query_string]
    if not answers:
        # The editor changed the questions since the mode list was drawn.
        return _serve_all_sections(
            page,
            request,
            notice=gettext(
                "This audience no longer exists in the guide (the questions have changed). "
                "Showing all sections; reload the editor to get the new list of audiences."
            ),
        )
    # The citizen view reads the answers from the query string: give it this audience's.
    request.GET = QueryDict(query_string)
    return serve_guide(page, request)


def _audiences(document):
    try:
        return document.audiences
    except ValueError:
        return []


def _serve_all_sections(page, request, notice: str = ""):
    checks = summary.guide_checks(page)
    sections = [
        {
            "checks": section_checks,
            "section": section_checks.section,
            "level": texts.LIX_LEVELS[section_checks.lix.level],
        }
        for section_checks in checks.sections
    ]
    context = page.get_context(request)
    context.update(
        {
            "checks": checks,
            "sections": sections,
            "audiences": checks.coverage.audiences,
            "problems": [texts.problem_message(problem) for problem in checks.coverage.problems],
            "notice": notice,
        }
    )
    return TemplateResponse(request, "editorial/preview_all_sections.html", context)
