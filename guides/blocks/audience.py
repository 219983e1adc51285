"""The audience condition block: for each question, the answers a section is shown for."""

from wagtail import blocks

from guides.audience import Condition

from .fields import AnswerKeysBlock, KeyBlock


class ConditionRuleBlock(blocks.StructBlock):
    """One rule: the section is shown when *question* has one of *answers*."""

    question = KeyBlock(label="Spørgsmål (nøgle)", help_text="Fx »akasse«.")
    answers = AnswerKeysBlock(
        label="Vises ved svar",
        help_text="Svarnøgler adskilt af komma, fx »nej« eller »under-30, 30-eller-derover«.",
    )

    class Meta:
        icon = "tick"
        label = "Regel"


class AudienceConditionBlock(blocks.ListBlock):
    """All rules must hold. No rules: shown to everyone."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", "Målgruppe")
        kwargs.setdefault(
            "help_text",
            "Tom = vises for alle. Flere regler skal alle være opfyldt.",
        )
        kwargs.setdefault("collapsed", False)
        super().__init__(ConditionRuleBlock(), **kwargs)

    @staticmethod
    def condition(value) -> Condition:
        """The domain ``Condition`` of a stored value (a ListValue or a plain list)."""
        return Condition.from_rules((rule["question"], rule["answers"]) for rule in value or [])

    class Meta:
        icon = "group"
        default = []
