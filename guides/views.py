"""Citizen-facing HTML for a guide: the questions first, then the tailored guide.

A thin adapter: the answers in the query string go through the audience module, the
guide comes from ``GuideDocument``, and the template only lays out what they decide.
Everything works without JavaScript: the answers are a plain GET form, and a
conditional question appears once the answers it depends on have been submitted.
"""

from __future__ import annotations

from django.template.response import TemplateResponse

from guides.audience import NO_ANSWERS, InvalidAnswers

# Query parameters that are not answers to the guide's questions.
EDIT_PARAM = "rediger"
NON_ANSWER_PARAMS = frozenset({EDIT_PARAM})


def read_answers(questionnaire, query) -> tuple:
    """(answers, errors) from a query dict; errors is empty when the answers are valid."""
    try:
        return questionnaire.normalize(dict(query.lists()), ignore=NON_ANSWER_PARAMS), []
    except InvalidAnswers as invalid:
        return invalid.answers, invalid.errors


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


def serve_guide(page, request):
    document = page.document
    questionnaire = document.questionnaire
    answers, errors = read_answers(questionnaire, request.GET)
    answered_anything = any(key != EDIT_PARAM for key in request.GET)
    editing = EDIT_PARAM in request.GET
    complete = not errors and not editing and questionnaire.is_complete(answers)

    context = page.get_context(request)
    context.update(
        {
            "document": document,
            "answers": answers,
            "answer_errors": errors,
            "missing": questionnaire.missing(answers) if answered_anything and not errors else [],
            "fields": question_fields(questionnaire, answers),
            "complete": complete,
            "edit_query": f"{answers.query_string()}&{EDIT_PARAM}=1" if answers else f"{EDIT_PARAM}=1",
        }
    )
    if complete:
        context["tailored"] = document.tailor(answers if answers else NO_ANSWERS)
        context["answer_pairs"] = questionnaire.describe_answers(answers)
    return TemplateResponse(
        request,
        page.get_template(request),
        context,
        status=400 if errors else 200,
    )
