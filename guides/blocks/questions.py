"""The filter questions a citizen answers before seeing their guide."""

from wagtail import blocks

from .audience import AudienceConditionBlock
from .fields import KeyBlock


class AnswerBlock(blocks.StructBlock):
    key = KeyBlock(label="Nøgle", help_text="Bruges i adressen, fx »ja« eller »under-30«.")
    label = blocks.CharBlock(max_length=120, label="Tekst")

    class Meta:
        icon = "radio-full"
        label = "Svar"


class QuestionBlock(blocks.StructBlock):
    """A filter question. It may be asked only when earlier answers call for it."""

    key = KeyBlock(label="Nøgle", help_text="Bruges i adressen, fx »akasse«.")
    label = blocks.CharBlock(max_length=200, label="Spørgsmål")
    short_label = blocks.CharBlock(
        required=False,
        max_length=60,
        label="Kort navn",
        help_text="Bruges i oversigter, fx »A-kasse«. Tom = selve spørgsmålet.",
    )
    help_text = blocks.TextBlock(required=False, max_length=500, label="Hjælpetekst")
    answers = blocks.ListBlock(AnswerBlock(), min_num=2, label="Svarmuligheder")
    asked_when = AudienceConditionBlock(
        label="Stilles kun når",
        help_text="Tom = stilles altid. Kan kun afhænge af tidligere spørgsmål.",
    )

    class Meta:
        icon = "help"
        label = "Spørgsmål"
