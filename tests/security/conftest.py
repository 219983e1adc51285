"""The roles of the access matrix and the objects they are tried against.

``world`` builds one small site: guide A (published; its KL section has a newer draft that
waits for KL's sign-off), a guide that was never published, a document in a collection
only editors may read, an image, webhook records and the admin objects Wagtail's own
views need. Reviewer A reviews for KL (the owner of the draft section), reviewer B for
Skattestyrelsen. Each role is a logged-in test client (or none, or a preview token).
"""

from __future__ import annotations

import datetime
import io
from dataclasses import dataclass, field

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.test import Client
from django.utils import timezone

from guides.models import GuidePage
from tests.factories import UserFactory, guide_data, make_guide
from tests.signoff.conftest import edit_section

#: Text that exists only in guide A's unpublished draft: no role without a right to the
#: draft may ever receive it.
DRAFT_MARKER = "KLADDE-KUN-FOR-KL-7Q"
#: Text of a guide that was never published.
UNPUBLISHED_MARKER = "ALDRIG-UDGIVET-3X"
#: Content of the document in the editors-only collection.
PRIVATE_DOCUMENT_MARKER = b"FORTROLIGT-DOKUMENT-9Z"

AGENCY_ADMINS_GROUP = "Myndighedsadministratorer"


def agency_admin_group() -> Group:
    """The agency admin role: manages the Authority records (name, contact, website), nothing else."""
    group, _ = Group.objects.get_or_create(name=AGENCY_ADMINS_GROUP)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(
            content_type__app_label="guides",
            codename__in=["add_authority", "change_authority", "delete_authority", "view_authority"],
        ),
    )
    return group


def png_bytes(width=4, height=4) -> bytes:
    from PIL import Image as PILImage

    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), "white").save(buffer, "PNG")
    return buffer.getvalue()


@dataclass
class World:
    home: object
    guide: GuidePage
    unpublished: GuidePage
    authorities: dict
    users: dict
    task_state: object
    request: object
    objects: dict = field(default_factory=dict)
    token: str = ""

    def client(self, role: str) -> Client:
        client = Client()
        if role == "preview_token":
            client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {self.token}"
        user = self.users.get(role)
        if user is not None:
            client.force_login(user)
        return client

    def url_values(self) -> dict:
        return {
            "guide": self.guide.pk,
            "guide_slug": self.guide.slug,
            "unpublished": self.unpublished.pk,
            "unpublished_slug": self.unpublished.slug,
            "home": self.home.pk,
            "task_state": self.task_state.pk,
            "request": self.request.pk,
            "live_revision": self.guide.live_revision_id,
            "latest_revision": self.guide.get_latest_revision().pk,
            **{name: getattr(obj, "pk", obj) for name, obj in self.objects.items()},
        }


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def world(
    home, authorities, editor, workflow, reviewers, media, admin_user, django_capture_on_commit_callbacks
):
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import (
        Collection,
        CollectionViewRestriction,
        GroupCollectionPermission,
        PageViewRestriction,
    )

    from guides.api import preview
    from guides.signoff import setup
    from guides.signoff.models import SectionSignOffTask
    from guides.webhooks.models import WebhookDelivery, WebhookEvent, WebhookSubscription

    guide = make_guide(home, guide_data("guide-a"), user=editor)
    edit_section(guide, "Afsnit ung", f"<b>{DRAFT_MARKER}</b>", user=editor)
    with django_capture_on_commit_callbacks(execute=True):
        state = setup.submit(GuidePage.objects.get(pk=guide.pk), editor)
    task_state = state.current_task_state.specific
    (request,) = task_state.requests.all()
    assert request.authority.code == "kl"

    data = guide_data("aldrig-udgivet", title=f"Guide {UNPUBLISHED_MARKER}")
    unpublished = make_guide(home, data, user=editor, publish=False)

    agency_admin = UserFactory(username="myndighedsadmin", groups=[agency_admin_group()])
    users = {
        "editor": editor,
        "reviewer_a": reviewers["kl"],
        "reviewer_b": reviewers["skat"],
        "agency_admin": agency_admin,
        "admin": admin_user,
    }

    # A collection only editors may read, holding one document.
    Document = get_document_model()
    root = Collection.get_first_root_node()
    private = root.add_child(name="Kun redaktører")
    restriction = CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.GROUPS
    )
    editors = editor.groups.get()
    restriction.groups.add(editors)
    for codename in ("add_document", "change_document", "choose_document"):
        GroupCollectionPermission.objects.get_or_create(
            group=editors,
            collection=root,
            permission=Permission.objects.get(content_type__app_label="wagtaildocs", codename=codename),
        )
    document = Document.objects.create(title="Intern note", collection=private)
    document.file.save("intern-note.txt", ContentFile(PRIVATE_DOCUMENT_MARKER), save=True)
    password_restriction = CollectionViewRestriction.objects.create(
        collection=root.add_child(name="Med adgangskode"),
        restriction_type=CollectionViewRestriction.PASSWORD,
        password="hemmeligt-kodeord",
    )
    page_restriction = PageViewRestriction.objects.create(
        page=unpublished, restriction_type=PageViewRestriction.PASSWORD, password="hemmeligt-kodeord"
    )

    Image = get_image_model()
    image = Image.objects.create(
        title="Logo", collection=root, file=ImageFile(io.BytesIO(png_bytes()), name="logo.png")
    )

    subscription = WebhookSubscription.objects.create(name="Borger.dk", url="https://example.org/hook")
    event = WebhookEvent.objects.create(
        type=WebhookEvent.PUBLISHED,
        page_id=guide.pk,
        slug=guide.slug,
        live_revision_id=guide.live_revision_id,
        body="{}",
        occurred_at=timezone.now(),
    )
    delivery = WebhookDelivery.objects.create(
        event=event,
        subscription=subscription,
        attempt=1,
        succeeded=True,
        status_code=200,
        duration_ms=3,
        attempted_at=timezone.now(),
    )
    redirect = Redirect.objects.create(old_path="/gammel", redirect_link="https://example.org/")

    guide = GuidePage.objects.get(pk=guide.pk)
    token, _ = preview.issue(guide.pk, guide.get_latest_revision().pk)  # the draft
    world = World(
        home=home,
        guide=guide,
        unpublished=unpublished,
        authorities=authorities,
        users=users,
        task_state=task_state,
        request=request,
        token=token,
    )
    world.objects.update(
        {
            "authority": authorities["kl"],
            "reviewer_group": authorities["kl"].reviewer_group,
            "user": reviewers["kl"],
            "document": document,
            "document_filename": "intern-note.txt",
            "collection": private,
            "collection_restriction": password_restriction,
            "page_restriction": page_restriction,
            "image": image,
            "subscription": subscription,
            "event": event,
            "delivery": delivery,
            "redirect": redirect,
            "workflow": workflow,
            "task": SectionSignOffTask.objects.get(),
            "site": home.get_site(),
            "workflow_state": state,
            "today": (timezone.localdate() + datetime.timedelta(days=1)).isoformat(),
        }
    )
    return world
