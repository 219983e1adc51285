"""The section block: the unit an authority owns and signs off."""

from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from .audience import AudienceConditionBlock
from .content import SectionContentBlock


class SectionBlock(blocks.StructBlock):
    """One part of a guide, owned by one authority and shown to one audience.

    Its stream block id is the section's stable id: it survives edits, re-ordering and
    publishing, and sign-offs, the API and anchors in the page refer to it.
    """

    heading = blocks.CharBlock(max_length=160, label="Overskrift")
    authority = SnippetChooserBlock(
        "guides.Authority",
        label="Ejer (myndighed)",
        help_text="Myndigheden, der ejer og godkender teksten i dette afsnit.",
    )
    audience = AudienceConditionBlock()
    review_by = blocks.DateBlock(
        label="Gennemses senest",
        help_text="Vises kun for redaktører. Reglerne ændrer sig ofte.",
    )
    source = blocks.TextBlock(
        max_length=1000,
        label="Kilde og lovgrundlag",
        help_text="Vises kun for redaktører og godkendere.",
    )
    content = SectionContentBlock()

    class Meta:
        icon = "folder-open-inverse"
        label = "Afsnit"
        template = "guides/blocks/section.html"
        description = "Et afsnit med ejer, målgruppe og indhold."
        form_classname = "vejviser-section"
