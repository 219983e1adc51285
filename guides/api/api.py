"""The public guide API, ``/api/v1/``: a thin django-ninja adapter over GuideDocument.

Routes read the live page row (``live().public()`` on the request's site), validate the
query through the audience module, answer conditional requests before any
serialization, and hand the document to ``guides.serializers``. A preview token
switches the source to one draft revision and the caching to ``private, no-store``.
See docs/api.md for the consumer's view.
"""

from __future__ import annotations

import datetime

from django.db.models import Max
from django.http import Http404, HttpResponse
from ninja import NinjaAPI, Router
from ninja.errors import ValidationError as NinjaValidationError
from wagtail.models import PageLogEntry, Site

from guides import caching, calendar, serializers
from guides.api import preview
from guides.api.schemas import GuideDetail, GuideList, Problem
from guides.audience import NO_ANSWERS, InvalidAnswers
from guides.delivery import render as delivery_render
from guides.delivery import serving
from guides.delivery import store as delivery_store
from guides.delivery.variants import API, Variant
from guides.document import GuideDocument, questionnaire_from_stream
from guides.models import GuidePage

ANCHOR_PARAM = "dato"
TOKEN_PARAM = "preview_token"  # noqa: S105 (a parameter name, not a secret)
NON_ANSWER_PARAMS = frozenset({ANCHOR_PARAM, TOKEN_PARAM})
DATE_FORMAT = "YYYY-MM-DD"
JSON = "application/json; charset=utf-8"

# Page log actions after which a guide may have left the list (for the list's Last-Modified).
REMOVING_ACTIONS = (
    "wagtail.unpublish",
    "wagtail.delete",
    "wagtail.move",
    "wagtail.view_restriction.create",
    "wagtail.view_restriction.edit",
    "wagtail.view_restriction.delete",
)


class ApiError(Exception):
    """An error response: status, a one-line detail and every problem found."""

    def __init__(self, status: int, detail: str, errors=(), title: str | None = None):
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.errors = list(errors)
        self.title = title


TITLES = {400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found"}


def problem_response(error: ApiError) -> HttpResponse:
    body = {
        "type": "about:blank",
        "title": error.title or TITLES.get(error.status, "Error"),
        "status": error.status,
        "detail": error.detail,
        "errors": error.errors,
    }
    response = HttpResponse(serializers.render_json(body), status=error.status, content_type=JSON)
    response["Cache-Control"] = caching.ERROR_CACHE_CONTROL
    return response


class GuideAPI(NinjaAPI):
    def get_openapi_schema(self, *args, **kwargs):
        schema = super().get_openapi_schema(*args, **kwargs)
        schema["components"].setdefault("securitySchemes", {})["previewToken"] = {
            "type": "http",
            "scheme": "bearer",
            "description": (
                "Optional. A preview token from the Wagtail admin reads one draft revision of one guide. "
                "Alternatively pass it as the `preview_token` query parameter."
            ),
        }
        return schema


api = GuideAPI(
    title="Vejviser guide API",
    version="1.0.0",
    description=(
        "Published life-situation guides as JSON, filtered by audience. Answers to a guide's "
        "questions are query parameters named by the question keys (e.g. `?akasse=nej&alder=under-30`). "
        "Responses carry `ETag`, `Last-Modified` and `Cache-Control` and answer conditional requests "
        "with 304. See docs/api.md in the repository."
    ),
    urls_namespace="api-v1",
    openapi_url="/openapi.json",
    docs_url="/docs",
)


@api.exception_handler(ApiError)
def _api_error(request, exc: ApiError):
    return problem_response(exc)


@api.exception_handler(Http404)
def _not_found(request, exc):
    return problem_response(ApiError(404, str(exc) or "Not found."))


@api.exception_handler(NinjaValidationError)
def _invalid_request(request, exc: NinjaValidationError):
    errors = [
        {"code": "invalid_parameter", "message": str(error.get("msg", "")), "parameter": _loc(error)}
        for error in exc.errors
    ]
    return problem_response(ApiError(400, "The request is not valid.", errors))


def _loc(error) -> str | None:
    loc = error.get("loc") or ()
    return str(loc[-1]) if loc else None


# -- reading the request ------------------------------------------------------------------


def root_url(request) -> str:
    """The scheme and host the consumer used, e.g. ``https://vejviser.example``."""
    return request.build_absolute_uri("/").rstrip("/")


def public_guides(request):
    """Live, public guides of the request's site (view restrictions on ancestors included)."""
    site = Site.find_for_request(request)
    if site is None:
        return GuidePage.objects.none()
    return GuidePage.objects.live().public().descendant_of(site.root_page, inclusive=True)


def read_anchor(query, today: datetime.date) -> tuple[datetime.date | None, list[dict]]:
    """The ``dato`` parameter as a date (or None), and its problem if it is not one.

    The same rule and wording as the citizen pages (``guides.calendar.parse_iso_date``):
    one ``YYYY-MM-DD`` date that exists, within ten years of today.
    """
    values = [value.strip() for value in query.getlist(ANCHOR_PARAM) if value.strip()]
    if not values:
        return None, []
    if len(values) == 1:
        try:
            return calendar.parse_iso_date(values[0], today=today), []
        except calendar.InvalidDate as error:
            reason = error.message
    else:
        reason = "Giv kun én dato."
    value = ",".join(values)
    return None, [
        {
            "code": "invalid_date",
            "parameter": ANCHOR_PARAM,
            "value": value,
            "expected_format": DATE_FORMAT,
            "valid_values": [],
            "message": f"{reason} Skriv datoen som {DATE_FORMAT}, fx 2027-01-04.",
        }
    ]


def answer_problem(error) -> dict:
    return {**error.as_dict(), "parameter": error.question}


def read_answers(questionnaire, query):
    """(answers or None for unfiltered, problems). Any answer given makes the request filtered,
    and a filtered request needs a complete, valid set of answers."""
    raw = {key: values for key, values in query.lists() if key.strip().lower() not in NON_ANSWER_PARAMS}
    if not raw:
        # A guide without questions has exactly one audience: everyone.
        return (NO_ANSWERS if len(questionnaire) == 0 else None), []
    try:
        answers = questionnaire.normalize(raw, ignore=NON_ANSWER_PARAMS)
    except InvalidAnswers as invalid:
        return None, [answer_problem(error) for error in invalid.errors]
    missing = questionnaire.missing_errors(answers)
    if missing:
        return None, [answer_problem(error) for error in missing]
    return answers, []


def read_preview_token(request) -> str | None:
    query_tokens = [token.strip() for token in request.GET.getlist(TOKEN_PARAM) if token.strip()]
    header = request.headers.get("Authorization", "")
    scheme, _, credentials = header.partition(" ")
    header_token = credentials.strip() if scheme.lower() == "bearer" and credentials.strip() else None
    tokens = set(query_tokens) | ({header_token} if header_token else set())
    if len(tokens) > 1:
        raise ApiError(
            400,
            "Give one preview token, in the Authorization header or the preview_token parameter.",
            [
                {
                    "code": "ambiguous_preview_token",
                    "parameter": TOKEN_PARAM,
                    "message": "Send the preview token once (header or query parameter).",
                }
            ],
        )
    return next(iter(tokens), None)


def read_query(questionnaire, query):
    answers, answer_problems = read_answers(questionnaire, query)
    anchor, anchor_problems = read_anchor(query, calendar.copenhagen_today())
    problems = answer_problems + anchor_problems
    if problems:
        raise ApiError(400, "The query parameters are not valid for this guide.", problems)
    return answers, anchor


# -- routes -------------------------------------------------------------------------------

router = Router(tags=["guides"])

COMMON_HEADERS = {
    "ETag": {"description": "Changes on every publish or unpublish.", "schema": {"type": "string"}},
    "Last-Modified": {"description": "When the content last changed.", "schema": {"type": "string"}},
    "Cache-Control": {
        "description": "Public and CDN-cacheable; `private, no-store` for previews.",
        "schema": {"type": "string"},
    },
}

ANSWERS_PARAMETER = {
    "name": "answers",
    "in": "query",
    "style": "form",
    "explode": True,
    "required": False,
    "description": (
        "Answers to the guide's questions, one query parameter per question key "
        "(see `questions` in the unfiltered response), e.g. `akasse=nej&alder=under-30`. "
        "Give none for every section, unfiltered, or a complete set for one audience. "
        "Unknown keys or answers, answers to questions that are not asked and incomplete "
        "answers are a 400 listing the valid values."
    ),
    "schema": {"type": "object", "additionalProperties": {"type": "string"}},
    "examples": {
        "member": {"value": {"akasse": "ja"}},
        "young non-member": {"value": {"akasse": "nej", "alder": "under-30"}},
    },
}
ANCHOR_PARAMETER = {
    "name": ANCHOR_PARAM,
    "in": "query",
    "required": False,
    "description": (
        "The citizen's anchor day (first day without work, first working day), `YYYY-MM-DD`, "
        "within ten years of today. Every dated checklist item then carries `due_date`."
    ),
    "schema": {"type": "string", "format": "date"},
}
TOKEN_PARAMETER = {
    "name": TOKEN_PARAM,
    "in": "query",
    "required": False,
    "description": (
        "A preview token from the Wagtail admin: read that draft revision instead of the live one. "
        "Prefer the `Authorization: Bearer` header outside browsers."
    ),
    "schema": {"type": "string"},
}


@router.get(
    "/guides/",
    response={200: GuideList, 304: None},
    url_name="guides",
    operation_id="listGuides",
    summary="Published guides",
    openapi_extra={"responses": {200: {"headers": COMMON_HEADERS}}},
)
def list_guides(request):
    base = root_url(request)
    pages = list(public_guides(request).defer_streamfields().order_by("path"))
    etag = caching.list_etag(pages, root_url=base)
    last_modified = _list_last_modified(pages)

    validators = HttpResponse(content_type=JSON)
    caching.set_public_headers(validators, etag=etag, last_modified=last_modified)
    cached = caching.not_modified(request, validators, etag=etag, last_modified=last_modified)
    if cached is not None:
        return cached
    validators.content = serializers.render_json(serializers.serialize_guide_list(pages, base))
    return validators


def _list_last_modified(pages):
    """The latest publish of a listed guide, or the latest change that may have removed one."""
    published = [page.last_published_at for page in pages if page.last_published_at]
    removed = PageLogEntry.objects.filter(action__in=REMOVING_ACTIONS).aggregate(latest=Max("timestamp"))
    candidates = [*published, *([removed["latest"]] if removed["latest"] else [])]
    return max(candidates) if candidates else None


@router.get(
    "/guides/{slug}/",
    response={200: GuideDetail, 304: None, 400: Problem, 401: Problem, 403: Problem, 404: Problem},
    url_name="guide",
    operation_id="getGuide",
    summary="One published guide, optionally for one audience",
    openapi_extra={
        "parameters": [ANSWERS_PARAMETER, ANCHOR_PARAMETER, TOKEN_PARAMETER],
        "security": [{}, {"previewToken": []}],
        "responses": {200: {"headers": COMMON_HEADERS}},
    },
)
def get_guide(request, slug: str):
    token = read_preview_token(request)
    if token is not None:
        return _preview_guide(request, slug, token)

    page = public_guides(request).filter(slug=slug).first()
    if page is None:
        raise ApiError(404, f"No published guide has the slug '{slug}'.")
    base = root_url(request)
    # Validate against the questions before anything else; the full document is read only
    # when the consumer's cached copy is out of date.
    answers, anchor = read_query(questionnaire_from_stream(page.questions), request.GET)
    etag = delivery_render.api_etag(
        page, answers=answers, anchor=anchor, root_url=base, generation=_generation()
    )
    response = HttpResponse(content_type=JSON)
    caching.set_public_headers(response, etag=etag, last_modified=page.last_published_at)
    cached = caching.not_modified(request, response, etag=etag, last_modified=page.last_published_at)
    if cached is not None:
        return cached
    if anchor is None:
        # Every undated variant is the same for every consumer: from the delivery cache.
        delivered = serving.deliver(request, page, Variant(API, request.path, answers))
        if delivered is not None:
            return delivered
    response.content = delivery_render.api_body(page, answers=answers, anchor=anchor, root_url=base)
    return response


def _generation() -> str:
    try:
        return delivery_store.generation()
    except Exception:  # the cache is down: the ETag still changes with every revision
        return "-"


def _preview_guide(request, slug: str, token: str):
    try:
        grant = preview.read(token)
    except preview.PreviewTokenError as error:
        raise ApiError(
            error.status, str(error), [{"code": error.code, "parameter": TOKEN_PARAM, "message": str(error)}]
        ) from error
    page = GuidePage.objects.filter(pk=grant.page_id).first()
    revision = page.revisions.filter(pk=grant.revision_id).first() if page is not None else None
    draft = revision.as_object() if revision is not None else None
    if draft is None or slug not in {page.slug, draft.slug}:
        message = "The preview token is not for this guide (or its revision no longer exists)."
        raise ApiError(
            403, message, [{"code": "foreign_preview_token", "parameter": TOKEN_PARAM, "message": message}]
        )
    answers, anchor = read_query(questionnaire_from_stream(draft.questions), request.GET)
    data = serializers.serialize_guide(
        GuideDocument.from_page(draft),
        answers=answers,
        anchor=anchor,
        root_url=root_url(request),
        revision_id=revision.pk,
        preview=True,
    )
    response = HttpResponse(serializers.render_json(data), content_type=JSON)
    caching.set_private_headers(response)
    response["X-Robots-Tag"] = "noindex"
    return response


api.add_router("/", router)
