"""Wagtail's content checker (the Checks panel beside the preview), taught one more rule.

Wagtail 8 already computes LIX for the previewed page (»Readability« under content
metrics, same formula and bands as ``guides.editorial.readability``); switching the
preview to an audience therefore gives that audience's LIX for free. What it cannot know
is which *section* is hard: the »All sections with audiences« preview marks each section
whose LIX is above 45 with ``data-vejviser-difficult-text``, and the rule below makes the
checker list those sections under »Issues found«, with a link to each.

Custom axe checks normally need a JavaScript ``evaluate`` function, which Wagtail cannot
load from Python. This one reuses axe's built-in ``attr-non-space-content`` check on an
attribute the marked sections never have, so every marked section is reported.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.userbar import ContentCheckerItem

HARD_TO_READ_RULE = "vejviser-hard-to-read"
MARKER_ATTRIBUTE = "data-vejviser-difficult-text"


class VejviserContentChecker(ContentCheckerItem):
    axe_run_only = [*ContentCheckerItem.axe_run_only, HARD_TO_READ_RULE]
    axe_custom_rules = [
        *ContentCheckerItem.axe_custom_rules,
        {
            "id": HARD_TO_READ_RULE,
            "impact": "moderate",
            "selector": f"[{MARKER_ATTRIBUTE}]",
            "tags": ["best-practice"],
            "any": ["vejviser-easy-to-read"],
            "enabled": True,
        },
    ]
    axe_custom_checks = [
        *ContentCheckerItem.axe_custom_checks,
        {
            "id": "vejviser-easy-to-read",
            "evaluate": "attr-non-space-content-evaluate",
            "options": {"attribute": "data-vejviser-easy-to-read"},
        },
    ]
    axe_messages = {
        **ContentCheckerItem.axe_messages,
        HARD_TO_READ_RULE: {
            "error_name": _("Section is hard to read (LIX above 45)"),
            "help_text": _("Use shorter sentences and shorter words"),
        },
    }


def use_vejviser_checker(request, items, page):
    """``construct_wagtail_userbar`` hook: swap Wagtail's checker for ours, in place."""
    for index, item in enumerate(items):
        if isinstance(item, ContentCheckerItem) and not isinstance(item, VejviserContentChecker):
            items[index] = VejviserContentChecker(in_editor=item.in_editor)
