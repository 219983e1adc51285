"""Webhooks in the Wagtail admin: manage subscribers, read the delivery log.

Both need model permissions (superusers by default). Deliveries and events are a log:
readable, never added, changed or deleted through the admin.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import BooleanColumn, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from guides.webhooks.models import WebhookDelivery, WebhookEvent, WebhookSubscription


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Viewing follows the model's view permission; nothing may be written."""

    WRITE_ACTIONS = frozenset({"add", "change", "delete"})

    def user_has_permission(self, user, action):
        return action not in self.WRITE_ACTIONS and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions)


for _log_model in (WebhookEvent, WebhookDelivery):
    register_permission_policy(_log_model, ReadOnlyPermissionPolicy(_log_model))


class WebhookSubscriptionViewSet(ModelViewSet):
    model = WebhookSubscription
    icon = "link-external"
    menu_label = _("Subscribers")
    add_to_admin_menu = False
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = [
        "name",
        "url",
        BooleanColumn("active", label=_("active")),
        DateColumn("created_at", label=_("created")),
    ]
    list_filter = ["active"]
    search_fields = ["name", "url"]
    form_fields = ["name", "url", "secret", "active"]
    inspect_view_fields = ["name", "url", "active", "created_at"]


class ReadOnlyViewSet(ModelViewSet):
    add_to_admin_menu = False
    copy_view_enabled = False
    inspect_view_enabled = True
    form_fields = []


class WebhookDeliveryViewSet(ReadOnlyViewSet):
    model = WebhookDelivery
    icon = "history"
    menu_label = _("Deliveries")
    list_display = [
        "__str__",
        BooleanColumn("succeeded", label=_("succeeded")),
        "status_code",
        "duration_ms",
        DateColumn("attempted_at", label=_("time")),
        DateColumn("next_attempt_at", label=_("next attempt")),
    ]
    list_filter = ["succeeded", "subscription"]
    inspect_view_fields = [
        "event",
        "subscription",
        "attempt",
        "succeeded",
        "status_code",
        "error",
        "duration_ms",
        "attempted_at",
        "next_attempt_at",
    ]


class WebhookEventViewSet(ReadOnlyViewSet):
    model = WebhookEvent
    icon = "date"
    menu_label = _("Events")
    list_display = [
        "__str__",
        "live_revision_id",
        "previous_revision_id",
        DateColumn("occurred_at", label=_("time")),
    ]
    list_filter = ["type"]
    search_fields = ["slug"]
    inspect_view_fields = [
        "id",
        "type",
        "page_id",
        "slug",
        "live_revision_id",
        "previous_revision_id",
        "body",
    ]


class WebhooksGroup(ModelViewSetGroup):
    menu_label = _("Webhooks")
    menu_icon = "link-external"
    menu_order = 900
    items = (
        WebhookSubscriptionViewSet("webhook_subscriptions"),
        WebhookEventViewSet("webhook_events"),
        WebhookDeliveryViewSet("webhook_deliveries"),
    )


@hooks.register("register_admin_viewset")
def register_webhooks_viewsets():
    return WebhooksGroup()
