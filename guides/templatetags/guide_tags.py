import json

from django import template
from django.templatetags.static import static
from django.utils.html import format_html

register = template.Library()


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
