from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from guides.editing import CONFLICT_ACTION, refuse_stale_edit
from guides.models import Authority


class AuthorityViewSet(SnippetViewSet):
    model = Authority
    icon = "group"
    menu_label = _("Authorities")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "code", "reviewer_group", "contact_email"]
    search_fields = ["name", "code"]


register_snippet(AuthorityViewSet)

# The API's admin hooks (preview tokens) live beside the API.
from guides.api import wagtail_hooks as _api_hooks  # noqa: E402, F401

# Saving from an out-of-date editor (a second tab, a colleague) is refused, not a silent
# overwrite (guides/editing.py).
hooks.register("before_edit_page", refuse_stale_edit, order=-100)


@hooks.register("insert_editor_js")
def autosave_form_sync_js():
    # After an autosave, the editor's own revision goes into the form, so the stale-edit
    # check does not take the editor's autosave for a colleague's save (guides/editing.py).
    return format_html('<script src="{}"></script>', static("guides/autosave_form_sync.js"))


@hooks.register("register_log_actions")
def register_edit_conflict_log_action(actions):
    actions.register_action(
        CONFLICT_ACTION, _("Save refused (edited elsewhere)"), _("Save refused: the page was saved elsewhere")
    )


@hooks.register("register_log_actions")
def register_authority_change_log_action(actions):
    @actions.register_action("vejviser.authority.change")
    class AuthorityChanged(LogFormatter):
        label = _("Authority changed")

        def format_message(self, log_entry):
            changes = (log_entry.data or {}).get("changes", {})
            parts = [f"{field}: {old} → {new}" for field, (old, new) in changes.items()]
            return _("Authority changed (%(changes)s)") % {"changes": "; ".join(parts)}
