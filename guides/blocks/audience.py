"""The audience condition block: for each question, the answers a section is shown for."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from guides.audience import Condition

from .fields import AnswerKeysBlock, KeyBlock


class ConditionRuleBlock(blocks.StructBlock):
    """One rule: the section is shown when *question* has one of *answers*."""

    question = KeyBlock(label=_("Question (key)"), help_text=_("E.g. »akasse«."))
    answers = AnswerKeysBlock(
        label=_("Shown for answers"),
        help_text=_("Answer keys separated by commas, e.g. »nej« or »under-30, 30-eller-derover«."),
    )

    class Meta:
        icon = "tick"
        label = _("Rule")


class AudienceConditionBlock(blocks.ListBlock):
    """All rules must hold. No rules: shown to everyone."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Audience"))
        kwargs.setdefault(
            "help_text",
            _("Empty = shown to everyone. With several rules, all must hold."),
        )
        kwargs.setdefault("collapsed", False)
        super().__init__(ConditionRuleBlock(), **kwargs)

    @staticmethod
    def condition(value) -> Condition:
        """The domain ``Condition`` of a stored value (a ListValue or a plain list)."""
        return Condition.from_stored(value)

    class Meta:
        icon = "group"
        default = []
