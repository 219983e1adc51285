"""The HTML adapter: a guide's address (and print view) for an anonymous citizen comes from
the delivery cache; everything else is rendered by ``guides.views.serve_guide`` as before."""

from __future__ import annotations

from django.conf import settings

from guides.delivery import serving, variants
from guides.document import questionnaire_from_stream
from guides.views import NON_ANSWER_PARAMS, read_answers, serve_guide


def cacheable_variant(page, request, *, print_view: bool) -> variants.Variant | None:
    """The variant this request asks for, if its response is the same for every citizen."""
    if request.method != "GET" or getattr(request, "is_preview", False):
        return None
    user = getattr(request, "user", None)
    if (user is not None and user.is_authenticated) or settings.SESSION_COOKIE_NAME in request.COOKIES:
        return None  # editors, and anyone who passed a view restriction, get their own rendering
    if any(key in NON_ANSWER_PARAMS for key in request.GET):
        return None  # dated (personal), the date form, or editing the answers
    kind = variants.PRINT if print_view else variants.GUIDE
    if not request.GET:
        return variants.Variant(kind, request.path, None)
    questionnaire = questionnaire_from_stream(page.questions)
    answers, errors = read_answers(questionnaire, request.GET)
    if errors or not questionnaire.is_complete(answers):
        return None
    return variants.Variant(kind, request.path, answers)


def serve_guide_page(page, request, *, print_view: bool = False):
    variant = cacheable_variant(page, request, print_view=print_view)
    if variant is not None:
        response = serving.deliver(request, page, variant)
        if response is not None:
            return response
    return serve_guide(page, request, print_view=print_view)
