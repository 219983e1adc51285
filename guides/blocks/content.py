"""The content blocks of a guide section, one class per component, assembled last.

Every block describes itself to editors (label, icon, description, group, preview
value) and renders with a template of its own under ``templates/guides/blocks/``.
"""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.snippets.blocks import SnippetChooserBlock

from guides import timing
from guides.richtext import sanitize

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link"]
CALLOUT_FEATURES = ["bold", "italic", "link"]

OBLIGATION_MUST = timing.OBLIGATION_MUST
OBLIGATION_GOOD_IDEA = timing.OBLIGATION_GOOD_IDEA
OBLIGATION_CHOICES = [(OBLIGATION_MUST, _("Must")), (OBLIGATION_GOOD_IDEA, _("Good idea"))]
#: The timing kinds of ``guides.timing`` as editors choose them.
TIMING_KIND_CHOICES = [
    (timing.BEFORE, _("Before (number of days before)")),
    (timing.ON_DAY, _("On day no. (0 = the day itself)")),
    (timing.WITHIN_DAYS, _("Within (number of days)")),
    (timing.WITHIN_MONTHS, _("By the end of (number of months)")),
    (timing.ONGOING, _("Ongoing")),
]


class OnwardLinkBlock(blocks.StructBlock):
    """An optional link onward: both label and address, or neither."""

    label = blocks.CharBlock(required=False, max_length=120, label=_("Link text"))
    url = blocks.URLBlock(required=False, label=_("Address"))

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("label")) != bool(value.get("url")):
            missing = "url" if value.get("label") else "label"
            raise StructBlockValidationError(
                block_errors={
                    missing: ErrorList(
                        [ValidationError(_("Fill in both link text and address, or neither."))]
                    )
                }
            )
        return value

    class Meta:
        icon = "link"
        label = _("Link")


class TimingBlock(blocks.StructBlock):
    """When an item is due, relative to the guide's anchor day (see ``guides.timing``)."""

    kind = blocks.ChoiceBlock(choices=TIMING_KIND_CHOICES, default=timing.ON_DAY, label=_("When"))
    amount = blocks.IntegerBlock(required=False, min_value=0, max_value=3650, label=_("Number"))

    def clean(self, value):
        value = super().clean(value)
        if value.get("kind") != timing.ONGOING and value.get("amount") is None:
            raise StructBlockValidationError(
                block_errors={"amount": ErrorList([ValidationError(_("Give a number of days or months."))])}
            )
        return value

    @staticmethod
    def timing(value) -> timing.Timing:
        return timing.Timing.from_stored(value)

    class Meta:
        icon = "time"
        label = _("Timing")
        form_classname = "vejviser-timing"


class ChecklistItemBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=300, label=_("Task"))
    details = blocks.TextBlock(required=False, max_length=600, label=_("Details"))
    timing = TimingBlock()
    obligation = blocks.ChoiceBlock(
        choices=OBLIGATION_CHOICES, default=OBLIGATION_MUST, label=_("Must or good idea")
    )
    link = OnwardLinkBlock(required=False)

    class Meta:
        icon = "tick-inverse"
        label = _("Item")


class ChecklistBlock(blocks.StructBlock):
    """Dated to-dos. The citizen sees them merged into one checklist, ordered by timing."""

    entries = blocks.ListBlock(ChecklistItemBlock(), min_num=1, label=_("Items"))

    class Meta:
        icon = "list-ol"
        label = _("Checklist")
        group = _("Actions")
        template = "guides/blocks/checklist.html"
        description = _("Tasks with a timing, and whether the citizen must or should do them.")
        preview_value = {
            "entries": [
                {
                    "text": "Tilmeld dig som ledig på jobnet.dk",
                    "timing": {"kind": timing.ON_DAY, "amount": 0},
                    "obligation": OBLIGATION_MUST,
                    "link": {"label": "Jobnet", "url": "https://job.jobnet.dk/"},
                }
            ]
        }


class SafeRichTextBlock(blocks.RichTextBlock):
    """A rich text block that also cleans HTML that did not come through the editor.

    Stored HTML is cleaned when it is validated, when it goes into the editor (Draftail
    cannot load markup it does not know, and would fail with a server error) and when it
    is shown (the ``clean_richtext`` filter in the block templates, ``guides.api`` for JSON).
    """

    def clean(self, value):
        value = super().clean(value)
        cleaned = sanitize(value.source, self.features)
        return value if cleaned == value.source else self.to_python(cleaned)

    def value_for_form(self, value):
        return sanitize(value.source, self.features) if value is not None else ""


class RichTextBlock(SafeRichTextBlock):
    """Running text with a few formats. No raw HTML."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "doc-full"
        label = _("Text")
        group = _("Text")
        template = "guides/blocks/rich_text.html"
        description = _("Running text with headings, lists and links.")
        preview_value = "<p>A-kassen udbetaler dagpenge, og kommunen (jobcenter) hjælper dig i job.</p>"


class ActorBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=120, label=_("Actor"), help_text=_("E.g. »Kommunen (jobcenter)«."))
    role = blocks.TextBlock(max_length=800, label=_("What they do for you"))
    url = blocks.URLBlock(required=False, label=_("Website"))

    class Meta:
        icon = "user"
        label = _("Actor")


class ActorsBlock(blocks.StructBlock):
    """Who does what, side by side: e.g. kommunen (jobcenter) and the a-kasse."""

    heading = blocks.CharBlock(required=False, max_length=120, label=_("Heading"))
    actors = blocks.ListBlock(ActorBlock(), min_num=1, label=_("Actors"))

    class Meta:
        icon = "group"
        label = _("Who does what")
        group = _("Text")
        template = "guides/blocks/actors.html"
        description = _(
            "Explains the roles, e.g. the difference between the a-kasse and kommunen (jobcenter)."
        )
        preview_value = {
            "heading": "Hvem gør hvad?",
            "actors": [
                {"name": "A-kassen", "role": "Udbetaler dagpenge og holder de første samtaler."},
                {"name": "Kommunen (jobcenter)", "role": "Holder samtaler og giver tilbud."},
            ],
        }


class SelfServiceLinkBlock(blocks.StructBlock):
    """A link onward to a self-service solution, and who runs it."""

    label = blocks.CharBlock(max_length=120, label=_("Link text"))
    url = blocks.URLBlock(label=_("Address"))
    solution = blocks.CharBlock(
        max_length=80, label=_("Solution"), help_text=_("E.g. »Jobnet« or »TastSelv«.")
    )
    authority = SnippetChooserBlock("guides.Authority", required=False, label=_("Run by"))
    description = blocks.TextBlock(required=False, max_length=300, label=_("Description"))

    class Meta:
        icon = "site"
        label = _("Self-service")
        group = _("Actions")
        template = "guides/blocks/self_service_link.html"
        description = _("A link onward to the right self-service solution.")
        preview_value = {
            "label": "Ret din forskudsopgørelse",
            "url": "https://www.skat.dk/",
            "solution": "TastSelv",
        }


class CalloutBlock(blocks.StructBlock):
    """A highlighted note: information or a warning."""

    kind = blocks.ChoiceBlock(
        choices=[("info", _("Information")), ("warning", _("Warning"))], default="info", label=_("Type")
    )
    heading = blocks.CharBlock(required=False, max_length=120, label=_("Heading"))
    text = SafeRichTextBlock(features=CALLOUT_FEATURES, label=_("Text"))

    class Meta:
        icon = "warning"
        label = _("Callout")
        group = _("Text")
        template = "guides/blocks/callout.html"
        description = _("A box with information or a warning.")
        preview_value = {
            "kind": "warning",
            "heading": "Husk fristen",
            "text": "<p>Meld dig ledig på din første dag uden arbejde.</p>",
        }


class SectionContentBlock(blocks.StreamBlock):
    """The content of one section, assembled from the blocks above."""

    rich_text = RichTextBlock()
    checklist = ChecklistBlock()
    actors = ActorsBlock()
    self_service = SelfServiceLinkBlock()
    callout = CalloutBlock()

    class Meta:
        label = _("Content")
        min_num = 1
        max_num = 30
