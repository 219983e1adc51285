import json

from django import template
from django.templatetags.static import static
from django.utils.html import format_html

register = template.Library()

#: The rich text features of each block that renders rich text (guides.blocks.content).
RICH_TEXT_FEATURE_SETS = {"rich_text": "RICH_TEXT_FEATURES", "callout": "CALLOUT_FEATURES"}


@register.filter
def clean_richtext(value, block="rich_text"):
    """Rich text of a block as public HTML, cleaned again with that block's features.

    Content validated in the editor is clean already (and comes back unchanged); content
    stored another way (``save_revision(clean=False)``, an import) loses every element,
    attribute and URL the block does not allow before it reaches a page.
    """
    from wagtail.rich_text import RichText

    from guides.blocks import content
    from guides.richtext import sanitize

    source = value.source if isinstance(value, RichText) else str(value or "")
    features = getattr(content, RICH_TEXT_FEATURE_SETS[block])
    return RichText(sanitize(source, features))


@register.simple_tag(takes_context=True)
def clean_richtext_html(context, value, block="rich_text"):
    """``clean_richtext``, taken from the guide's rich text expanded in one pass when the view
    provides it (``rich_text_html`` in the context): internal links then cost one query per
    link type for the whole guide instead of some per block."""
    from django.utils.safestring import mark_safe
    from wagtail.rich_text import RichText

    source = value.source if isinstance(value, RichText) else str(value or "")
    expanded = (context.get("rich_text_html") or {}).get((source, block))
    if expanded is not None:
        return mark_safe(expanded)  # noqa: S308 (sanitized and expanded by the serializer)
    return str(clean_richtext(value, block))


@register.filter
def safe_url(value) -> str:
    """A link field's address if it is a web, mail or phone address; otherwise empty."""
    from guides.richtext import safe_url as check

    return check(value)


@register.filter
def asked_when_json(condition: dict) -> str:
    """A question's "asked when" rule for the progressive-enhancement script.

    Autoescaping turns the quotes into entities inside the attribute, and the browser
    gives the script the JSON back unchanged.
    """
    return json.dumps(condition, sort_keys=True)


ALERT_ICON_LABELS = {"info": "Information", "success": "Succes", "warning": "Advarsel", "error": "Fejl"}


@register.simple_tag
def icon(name: str) -> str:
    """A decorative icon from Det Fælles Designsystem's sprite (hidden from screen readers)."""
    return format_html(
        '<svg class="icon-svg" aria-hidden="true" focusable="false"><use href="{}#{}"></use></svg>',
        static("dkfds/img/all-svg-icons.svg"),
        name,
    )


@register.simple_tag
def alert_icon(variant: str) -> str:
    """The icon at the start of an alert, named for screen readers as the design system does."""
    return format_html(
        '<svg class="icon-svg alert-icon" role="img" aria-label="{}" focusable="false">'
        '<use href="{}#{}"></use></svg>',
        ALERT_ICON_LABELS[variant],
        static("dkfds/img/all-svg-icons.svg"),
        variant,
    )
