"""The filter questions a citizen answers before seeing their guide."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .audience import AudienceConditionBlock
from .fields import KeyBlock


class AnswerBlock(blocks.StructBlock):
    key = KeyBlock(label=_("Key"), help_text=_("Used in the address, e.g. »ja« or »under-30«."))
    label = blocks.CharBlock(max_length=120, label=_("Text"))

    class Meta:
        icon = "radio-full"
        label = _("Answer")


class QuestionBlock(blocks.StructBlock):
    """A filter question. It may be asked only when earlier answers call for it."""

    key = KeyBlock(label=_("Key"), help_text=_("Used in the address, e.g. »akasse«."))
    label = blocks.CharBlock(max_length=200, label=_("Question"))
    short_label = blocks.CharBlock(
        required=False,
        max_length=60,
        label=_("Short name"),
        help_text=_("Used in summaries, e.g. »A-kasse«. Empty = the question itself."),
    )
    help_text = blocks.TextBlock(required=False, max_length=500, label=_("Help text"))
    answers = blocks.ListBlock(AnswerBlock(), min_num=2, label=_("Answers"))
    asked_when = AudienceConditionBlock(
        label=_("Asked only when"),
        help_text=_("Empty = always asked. May depend on earlier questions only."),
    )

    class Meta:
        icon = "help"
        label = _("Question")
