from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

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
