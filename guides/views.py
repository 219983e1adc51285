"""Citizen-facing HTML for a guide: the questions first, then the tailored guide.

A thin adapter: the answers in the query string go through the audience module, the
guide comes from ``GuideDocument``, the citizen's own dates from ``guides.calendar``, and
the template only lays out what they decide. Everything works without JavaScript: the
answers and the date are plain GET forms, and a conditional question appears once the
answers it depends on have been submitted.

The routes (the guide, its print view and its calendar file) are on ``GuideRoutes``
(``guides/routes.py``); they all end here.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.http import content_disposition_header

from guides import calendar, serializers
from guides.audience import NO_ANSWERS, InvalidAnswers

# Query parameters that are not answers to the guide's questions.
EDIT_PARAM = "rediger"
DATE_PARAM = "dato"
# The three fields of the date form; a submitted form is redirected to ``dato=YYYY-MM-DD``.
DATE_PART_PARAMS = {"day": "dag", "month": "maaned", "year": "aar"}
NON_ANSWER_PARAMS = frozenset({EDIT_PARAM, DATE_PARAM, *DATE_PART_PARAMS.values()})

CHECKLIST_FRAGMENT = "tjekliste"


def read_answers(questionnaire, query) -> tuple:
    """(answers, errors) from a query dict; errors is empty when the answers are valid."""
    try:
        return questionnaire.normalize(dict(query.lists()), ignore=NON_ANSWER_PARAMS), []
    except InvalidAnswers as invalid:
        return invalid.answers, invalid.errors


@dataclass
class DateInput:
    """The anchor date a citizen gave (``dato``, or the form's three fields) and our reading."""

    anchor: datetime.date | None = None
    error: calendar.InvalidDate | None = None
    values: dict[str, str] = field(default_factory=dict)
    from_form: bool = False

    @property
    def error_fields(self) -> tuple[str, ...]:
        return self.error.fields if self.error else ()


def read_date(query, today: datetime.date) -> DateInput:
    if any(param in query for param in DATE_PART_PARAMS.values()):
        values = {name: query.get(param, "").strip()[:10] for name, param in DATE_PART_PARAMS.items()}
        try:
            anchor = calendar.date_from_parts(**values, today=today)
        except calendar.InvalidDate as error:
            return DateInput(error=error, values=values, from_form=True)
        return DateInput(anchor=anchor, values=values, from_form=True)
    raw = query.get(DATE_PARAM, "").strip()
    if not raw:
        return DateInput()
    try:
        anchor = calendar.parse_iso_date(raw, today=today)
    except calendar.InvalidDate as error:
        return DateInput(error=error)
    return DateInput(
        anchor=anchor, values={"day": str(anchor.day), "month": str(anchor.month), "year": str(anchor.year)}
    )


def guide_query(answers, anchor: datetime.date | None = None) -> str:
    """The query string of a tailored guide: the answers, and the date when there is one."""
    parts = [answers.query_string()]
    if anchor is not None:
        parts.append(urlencode({DATE_PARAM: anchor.isoformat()}))
    return "&".join(part for part in parts if part)


def question_fields(questionnaire, answers):
    """The form's questions: which are shown now, and which wait for an earlier answer."""
    applicable = {question.key for question in questionnaire.applicable(answers)}
    return [
        {
            "question": question,
            "shown": question.key in applicable,
            "selected": answers.get(question.key, ""),
            # For the progressive enhancement: reveal when these answers are picked.
            "asked_when": question.asked_when.as_dict(),
        }
        for question in questionnaire
    ]


def date_context(page, document, tailored, date_input: DateInput, today: datetime.date) -> dict:
    answers = tailored.answers
    anchor = date_input.anchor
    query = guide_query(answers, anchor)
    context = {
        "date_label": f"Hvornår er {document.anchor_label}?",
        "date_input": date_input,
        "anchor_date": anchor,
        "anchor_date_text": calendar.danish_date(anchor) if anchor else "",
        "today_text": calendar.danish_date(today),
        "answers_query": answers.query_string(),
        "guide_query": query,
        "print_url": page.print_url(query),
        "dated": None,
        "calendar_url": "",
    }
    if anchor is not None:
        dated = calendar.date_checklist(tailored.checklist, anchor, today)
        context["dated"] = dated
        if dated.dated_count:
            context["calendar_url"] = page.calendar_url(query)
    return context


def serve_guide(page, request, *, print_view: bool = False):
    document = page.document
    questionnaire = document.questionnaire
    answers, errors = read_answers(questionnaire, request.GET)
    answered_anything = any(key not in NON_ANSWER_PARAMS for key in request.GET)
    editing = EDIT_PARAM in request.GET
    complete = not errors and not editing and questionnaire.is_complete(answers)
    today = calendar.copenhagen_today()
    date_input = read_date(request.GET, today)

    if complete and date_input.from_form and date_input.anchor is not None:
        # The date form's three fields become one ``dato`` parameter, so the address can
        # be bookmarked and shared like the answers, and links to the checklist, print
        # view and calendar file carry it.
        return HttpResponseRedirect(
            f"{request.path}?{guide_query(answers, date_input.anchor)}#{CHECKLIST_FRAGMENT}"
        )

    kept_date = date_input.anchor  # the answers form keeps a valid date while answers change
    context = page.get_context(request)
    context.update(
        {
            "document": document,
            "answers": answers,
            "answer_errors": errors,
            "missing": questionnaire.missing(answers) if answered_anything and not errors else [],
            "fields": question_fields(questionnaire, answers),
            "complete": complete,
            "kept_date": kept_date.isoformat() if kept_date else "",
            "edit_query": "&".join(
                part for part in (guide_query(answers, kept_date), f"{EDIT_PARAM}=1") if part
            ),
            "print_view": False,
        }
    )
    status = 400 if errors else 200
    template = page.get_template(request)
    if complete:
        tailored = document.tailor(answers if answers else NO_ANSWERS)
        context["tailored"] = tailored
        # All rich text of the audience's sections expanded at once (a fixed number of queries).
        context["rich_text_html"] = serializers.rich_text_html(tailored.sections)
        context["answer_pairs"] = questionnaire.describe_answers(answers)
        context.update(date_context(page, document, tailored, date_input, today))
        if date_input.error:
            status = 400
        elif print_view:
            template = "guides/guide_print.html"
            context["guide_url"] = request.build_absolute_uri(page.guide_url(context["guide_query"]))
        context["print_view"] = template == "guides/guide_print.html"
    response = TemplateResponse(request, template, context, status=status)
    if kept_date is not None:
        # The date may say when someone lost their job: keep it out of shared caches.
        response["Cache-Control"] = "private"
    return response


def plain_text(message: str, status: int) -> HttpResponse:
    response = HttpResponse(message, content_type="text/plain; charset=utf-8", status=status)
    response["X-Robots-Tag"] = "noindex"
    return response


def serve_calendar(page, request):
    """The dated checklist as an ``.ics`` file; a plain 400 explains what is missing."""
    document = page.document
    questionnaire = document.questionnaire
    answers, errors = read_answers(questionnaire, request.GET)
    today = calendar.copenhagen_today()
    date_input = read_date(request.GET, today)

    problems = [error.message for error in errors or questionnaire.missing_errors(answers)]
    if date_input.error:
        problems.append(date_input.error.message)
    elif date_input.anchor is None:
        problems.append(
            f"Angiv datoen for {document.anchor_label} som {DATE_PARAM}=ÅÅÅÅ-MM-DD, "
            f"fx {DATE_PARAM}={today.isoformat()}."
        )
    if problems:
        guide = request.build_absolute_uri(page.guide_url(answers.query_string()))
        return plain_text(
            "Vi kan ikke lave en kalenderfil ud fra adressen:\n\n"
            + "".join(f"- {problem}\n" for problem in problems)
            + f"\nGå til guiden, svar på spørgsmålene og skriv datoen: {guide}\n",
            400,
        )

    tailored = document.tailor(answers)
    dated = calendar.date_checklist(tailored.checklist, date_input.anchor, today)
    if not dated.dated_count:
        return plain_text("Tjeklisten for dine svar har ingen punkter med en dato.\n", 404)
    query = guide_query(answers, date_input.anchor)
    body = calendar.build_ics(
        guide_title=document.title,
        guide_slug=document.slug,
        guide_url=request.build_absolute_uri(page.guide_url(query, fragment=CHECKLIST_FRAGMENT)),
        checklist=dated,
        uid_domain=page.get_site().hostname if page.get_site() else request.get_host(),
        now=timezone.now(),
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=f"{page.slug}-tjekliste.ics"
    )
    # The date may say when someone lost their job: keep it out of shared caches.
    response["Cache-Control"] = "private, no-cache"
    response["X-Robots-Tag"] = "noindex"
    return response
