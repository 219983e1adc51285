"""The section block: the unit an authority owns and signs off."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from .audience import AudienceConditionBlock
from .content import SectionContentBlock


class SectionBlock(blocks.StructBlock):
    """One part of a guide, owned by one authority and shown to one audience.

    Its stream block id is the section's stable id: it survives edits, re-ordering and
    publishing, and sign-offs, the API and anchors in the page refer to it.
    """

    heading = blocks.CharBlock(max_length=160, label=_("Heading"))
    authority = SnippetChooserBlock(
        "guides.Authority",
        label=_("Owner (authority)"),
        help_text=_("The authority that owns and signs off the text of this section."),
    )
    audience = AudienceConditionBlock()
    review_by = blocks.DateBlock(
        label=_("Review by"),
        help_text=_("Shown to editors only. The rules change often."),
    )
    source = blocks.TextBlock(
        max_length=1000,
        label=_("Source and legal basis"),
        help_text=_("Shown to editors and reviewers only."),
    )
    content = SectionContentBlock()

    class Meta:
        icon = "folder-open-inverse"
        label = _("Section")
        template = "guides/blocks/section.html"
        description = _("A section with an owner, an audience and content.")
        form_classname = "vejviser-section"
