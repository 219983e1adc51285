"""The editor tools' part of the guide editor, given to ``GuidePage`` when the app is ready.

``GuidePage`` (guides/models.py) declares its fields and content panels and knows nothing
of the editor tools, so the model does not import them (a contract in pyproject.toml).
``EditorialConfig.ready()`` calls ``attach()``, the way Wagtail's own admin app gives every
``Page`` its admin form and edit handler in its ``ready()``. It adds:

- ``GuidePageForm`` (``base_form_class``): the coverage confirmation when submitting or
  publishing, and the refusal of an out-of-date form (``refuses_stale_edits_in_form``,
  guides/editing.py), which only this form does;
- the tabs: Wagtail's own three, as it builds them without an edit handler, and »Kvalitet«
  (``EditorialChecksPanel`` and the confirmation);
- the preview modes, one per audience (guides/editorial/preview.py).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList, TabbedInterface

from guides.editorial import preview
from guides.editorial.forms import CONFIRM_FIELD, GuidePageForm
from guides.editorial.panels import EditorialChecksPanel


def quality_panels() -> list:
    return [EditorialChecksPanel(), FieldPanel(CONFIRM_FIELD)]


def attach(model) -> None:
    """Give ``model`` (``GuidePage``) the editor tools' form, tabs and previews."""
    model.base_form_class = GuidePageForm
    model.refuses_stale_edits_in_form = True
    model.edit_handler = TabbedInterface(
        [
            # Wagtail's own tabs, as it builds them when there is no edit_handler (so
            # panels belong in the model's content_panels)...
            ObjectList(model.content_panels, heading=_("Content")),
            ObjectList(model.promote_panels, heading=_("Promote")),
            ObjectList(model.settings_panels, heading=_("Settings")),
            # ...and ours.
            ObjectList(quality_panels(), heading=_("Quality")),
        ]
    )
    model.preview_modes = property(preview.preview_modes)
    model.serve_preview = preview.serve_preview
