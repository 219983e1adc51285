import json

from django import template

register = template.Library()


@register.filter
def asked_when_json(condition: dict) -> str:
    """A question's "asked when" rule for the progressive-enhancement script.

    Autoescaping turns the quotes into entities inside the attribute, and the browser
    gives the script the JSON back unchanged.
    """
    return json.dumps(condition, sort_keys=True)
