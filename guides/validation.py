"""Editor-side validation of a guide as a whole.

Block validation checks each field on its own; what needs the whole guide lives here:
question keys must be unique, an "asked only when" rule may name only earlier
questions, and a section's audience condition must name questions and answers the
guide actually has. Each problem becomes a form error on the block that has it, so
nothing an editor wrote is silently dropped.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

from guides.audience import Condition, questionnaire_problems
from guides.document import questionnaire_from_stream


def section_condition_problems(questionnaire, body) -> dict[int, list[str]]:
    problems: dict[int, list[str]] = {}
    for index, child in enumerate(body or []):
        if child.block_type != "section":
            continue
        condition = Condition.from_stored(child.value.get("audience"))
        messages = [problem.message for problem in questionnaire.condition_problems(condition)]
        if messages:
            problems[index] = messages
    return problems


def _errors(messages: list[str]) -> ErrorList:
    return ErrorList([ValidationError(messages)])


def validate_guide(page) -> None:
    """Raise a ``ValidationError`` keyed by field, with per-block errors inside."""
    questionnaire = questionnaire_from_stream(page.questions)
    errors = {}

    question_problems = questionnaire_problems(questionnaire)
    if question_problems:
        errors["questions"] = StreamBlockValidationError(
            block_errors={
                index: StructBlockValidationError(non_block_errors=_errors(messages))
                for index, messages in question_problems.items()
            }
        )

    section_problems = section_condition_problems(questionnaire, page.body)
    if section_problems:
        errors["body"] = StreamBlockValidationError(
            block_errors={
                index: StructBlockValidationError(
                    block_errors={"audience": ListBlockValidationError(non_block_errors=_errors(messages))}
                )
                for index, messages in section_problems.items()
            }
        )
    if errors:
        raise ValidationError(errors)
