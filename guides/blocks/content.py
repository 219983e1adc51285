"""The content blocks of a guide section, one class per component, assembled last.

Every block describes itself to editors (label, icon, description, group, preview
value) and renders with a template of its own under ``templates/guides/blocks/``.
"""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.snippets.blocks import SnippetChooserBlock

from guides import timing
from guides.richtext import sanitize

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link"]
CALLOUT_FEATURES = ["bold", "italic", "link"]

OBLIGATION_MUST = "skal"
OBLIGATION_GOOD_IDEA = "god-ide"
OBLIGATION_CHOICES = [(OBLIGATION_MUST, "Skal"), (OBLIGATION_GOOD_IDEA, "God idé")]


class OnwardLinkBlock(blocks.StructBlock):
    """An optional link onward: both label and address, or neither."""

    label = blocks.CharBlock(required=False, max_length=120, label="Linktekst")
    url = blocks.URLBlock(required=False, label="Adresse")

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("label")) != bool(value.get("url")):
            missing = "url" if value.get("label") else "label"
            raise StructBlockValidationError(
                block_errors={
                    missing: ErrorList(
                        [ValidationError("Udfyld både linktekst og adresse, eller ingen af dem.")]
                    )
                }
            )
        return value

    class Meta:
        icon = "link"
        label = "Link"


class TimingBlock(blocks.StructBlock):
    """When an item is due, relative to the guide's anchor day (see ``guides.timing``)."""

    kind = blocks.ChoiceBlock(choices=timing.KIND_CHOICES, default=timing.ON_DAY, label="Hvornår")
    amount = blocks.IntegerBlock(required=False, min_value=0, max_value=3650, label="Antal")

    def clean(self, value):
        value = super().clean(value)
        if value.get("kind") != timing.ONGOING and value.get("amount") is None:
            raise StructBlockValidationError(
                block_errors={"amount": ErrorList([ValidationError("Angiv et antal dage eller måneder.")])}
            )
        return value

    @staticmethod
    def timing(value) -> timing.Timing:
        return timing.Timing(value["kind"], value.get("amount") or 0)

    class Meta:
        icon = "time"
        label = "Tidspunkt"
        form_classname = "vejviser-timing"


class ChecklistItemBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=300, label="Opgave")
    details = blocks.TextBlock(required=False, max_length=600, label="Uddybning")
    timing = TimingBlock()
    obligation = blocks.ChoiceBlock(
        choices=OBLIGATION_CHOICES, default=OBLIGATION_MUST, label="Skal eller god idé"
    )
    link = OnwardLinkBlock(required=False)

    class Meta:
        icon = "tick-inverse"
        label = "Punkt"


class ChecklistBlock(blocks.StructBlock):
    """Dated to-dos. The citizen sees them merged into one checklist, ordered by timing."""

    entries = blocks.ListBlock(ChecklistItemBlock(), min_num=1, label="Punkter")

    class Meta:
        icon = "list-ol"
        label = "Tjekliste"
        group = "Handlinger"
        template = "guides/blocks/checklist.html"
        description = "Opgaver med tidspunkt, og om borgeren skal eller bør gøre dem."
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
    """A rich text block that also cleans HTML that did not come through the editor."""

    def clean(self, value):
        value = super().clean(value)
        cleaned = sanitize(value.source, self.features)
        return value if cleaned == value.source else self.to_python(cleaned)


class RichTextBlock(SafeRichTextBlock):
    """Running text with a few formats. No raw HTML."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "doc-full"
        label = "Tekst"
        group = "Tekst"
        template = "guides/blocks/rich_text.html"
        description = "Almindelig tekst med overskrifter, lister og links."
        preview_value = "<p>A-kassen udbetaler dagpenge, og kommunen (jobcenter) hjælper dig i job.</p>"


class ActorBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=120, label="Aktør", help_text="Fx »Kommunen (jobcenter)«.")
    role = blocks.TextBlock(max_length=800, label="Det gør de for dig")
    url = blocks.URLBlock(required=False, label="Hjemmeside")

    class Meta:
        icon = "user"
        label = "Aktør"


class ActorsBlock(blocks.StructBlock):
    """Who does what, side by side: e.g. kommunen (jobcenter) and the a-kasse."""

    heading = blocks.CharBlock(required=False, max_length=120, label="Overskrift")
    actors = blocks.ListBlock(ActorBlock(), min_num=1, label="Aktører")

    class Meta:
        icon = "group"
        label = "Hvem gør hvad"
        group = "Tekst"
        template = "guides/blocks/actors.html"
        description = "Forklarer rollerne, fx forskellen på a-kassen og kommunen (jobcenter)."
        preview_value = {
            "heading": "Hvem gør hvad?",
            "actors": [
                {"name": "A-kassen", "role": "Udbetaler dagpenge og holder de første samtaler."},
                {"name": "Kommunen (jobcenter)", "role": "Holder samtaler og giver tilbud."},
            ],
        }


class SelfServiceLinkBlock(blocks.StructBlock):
    """A link onward to a self-service solution, and who runs it."""

    label = blocks.CharBlock(max_length=120, label="Linktekst")
    url = blocks.URLBlock(label="Adresse")
    solution = blocks.CharBlock(max_length=80, label="Løsning", help_text="Fx »Jobnet« eller »TastSelv«.")
    authority = SnippetChooserBlock("guides.Authority", required=False, label="Ejes af")
    description = blocks.TextBlock(required=False, max_length=300, label="Beskrivelse")

    class Meta:
        icon = "site"
        label = "Selvbetjening"
        group = "Handlinger"
        template = "guides/blocks/self_service_link.html"
        description = "Et link videre til den rette selvbetjeningsløsning."
        preview_value = {
            "label": "Ret din forskudsopgørelse",
            "url": "https://www.skat.dk/",
            "solution": "TastSelv",
        }


class CalloutBlock(blocks.StructBlock):
    """A highlighted note: information or a warning."""

    kind = blocks.ChoiceBlock(
        choices=[("info", "Information"), ("warning", "Advarsel")], default="info", label="Type"
    )
    heading = blocks.CharBlock(required=False, max_length=120, label="Overskrift")
    text = SafeRichTextBlock(features=CALLOUT_FEATURES, label="Tekst")

    class Meta:
        icon = "warning"
        label = "Fremhævet besked"
        group = "Tekst"
        template = "guides/blocks/callout.html"
        description = "En boks med information eller en advarsel."
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
        label = "Indhold"
        min_num = 1
        max_num = 30
