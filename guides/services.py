"""Idempotent ``ensure_*`` helpers: the demo command and the tests build data with these.

Each returns the object, creating or updating it so that running twice gives the same
state as running once.
"""

from __future__ import annotations

import datetime
import uuid

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import GroupPagePermission, Locale, Page, Site

from guides.models import Authority, GuidePage
from home.models import HomePage

EDITORS_GROUP = "Redaktører"
ID_NAMESPACE = uuid.UUID("6f1c3c62-3c4d-4b8e-9a38-1d4c3e0a7b11")


def stable_id(*parts: str) -> str:
    """A deterministic block id, so reloading demo content keeps section ids stable."""
    return str(uuid.uuid5(ID_NAMESPACE, "/".join(parts)))


def admin_access_permission() -> Permission:
    return Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")


def _ensure_root() -> Page:
    """The tree's root, when a flushed database (transactional tests) lost Wagtail's own."""
    Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    return Page.add_root(
        instance=Page(title="Root", slug="root", content_type=ContentType.objects.get_for_model(Page))
    )


@transaction.atomic
def ensure_home_page(title="Vejviser", intro="") -> HomePage:
    """The site's home page at the tree's top level, replacing Wagtail's welcome page."""
    home = HomePage.objects.first()
    # Wagtail's initial migration leaves a "Welcome to your new Wagtail site!" page behind.
    welcome = Page.objects.filter(depth=2, content_type=ContentType.objects.get_for_model(Page))
    if home is None and welcome.exists():
        Site.objects.filter(root_page__in=welcome).delete()
        for leftover in welcome:
            leftover.delete()
    if home is None:
        root = Page.get_first_root_node() or _ensure_root()
        home = root.add_child(instance=HomePage(title=title, slug="home", intro=intro))
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(
            hostname="localhost", root_page=home, is_default_site=True, site_name="Vejviser"
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = "Vejviser"
        site.save()
    return home


@transaction.atomic
def ensure_editors_group(home: Page) -> Group:
    """Editors (Digitaliseringsstyrelsen) build, submit and publish guides under the home page."""
    group, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
    group.permissions.add(admin_access_permission())
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label__in=["wagtailimages", "wagtaildocs"],
            codename__in=["add_image", "choose_image", "add_document", "choose_document"],
        )
    )
    # Editors follow every sign-off round, so they may read the whole sign-off log.
    group.permissions.add(
        Permission.objects.get(content_type__app_label="signoff", codename="view_signoff_log")
    )
    for codename in ("add_page", "change_page", "publish_page", "lock_page", "unlock_page"):
        permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
        GroupPagePermission.objects.get_or_create(group=group, page=home, permission=permission)
    return group


@transaction.atomic
def ensure_authority(
    code: str, name: str, contact_email: str, website: str = "", owns_frame: bool = False
) -> Authority:
    """The authority with this code, as given (changes are logged by ``Authority.save``).
    ``owns_frame`` moves the frame sign-off to it from any other authority."""
    group, _ = Group.objects.get_or_create(name=f"Godkendere: {name}")
    group.permissions.add(admin_access_permission())
    if owns_frame:
        for other in Authority.objects.filter(owns_frame=True).exclude(code=code):
            other.owns_frame = False
            other.save()
    authority, _ = Authority.objects.update_or_create(
        code=code,
        defaults={
            "name": name,
            "reviewer_group": group,
            "contact_email": contact_email,
            "website": website,
            "owns_frame": owns_frame,
        },
    )
    return authority


@transaction.atomic
def ensure_user(username, password, *, groups=(), superuser=False, **fields):
    """A user with exactly these groups; the password is (re)set only when given."""
    User = get_user_model()
    user, _ = User.objects.get_or_create(username=username, defaults=fields)
    for key, value in fields.items():
        setattr(user, key, value)
    user.is_staff = superuser
    user.is_superuser = superuser
    if password:
        user.set_password(password)
    user.save()
    user.groups.set(groups)
    return user


# -- guide content ----------------------------------------------------------------------


def _list_items(prefix: str, values):
    return [
        {"type": "item", "value": value, "id": stable_id(prefix, str(index))}
        for index, value in enumerate(values)
    ]


def _content_block(prefix: str, kind: str, data, authorities: dict[str, Authority]):
    if kind == "rich_text":
        return data
    if kind == "checklist":
        entries = []
        for item in data:
            timing_kind, amount = item["timing"]
            link = item.get("link") or ("", "")
            entries.append(
                {
                    "text": item["text"],
                    "details": item.get("details") or "",
                    "timing": {"kind": timing_kind, "amount": amount},
                    "obligation": item["obligation"],
                    "link": {"label": link[0], "url": link[1]},
                }
            )
        return {"entries": _list_items(prefix, entries)}
    if kind == "actors":
        actors = [
            {"name": actor["name"], "role": actor["role"], "url": actor.get("url") or ""}
            for actor in data["actors"]
        ]
        return {"heading": data.get("heading") or "", "actors": _list_items(prefix, actors)}
    if kind == "self_service":
        authority = authorities.get(data.get("authority") or "")
        return {
            "label": data["label"],
            "url": data["url"],
            "solution": data["solution"],
            "authority": authority.pk if authority else None,
            "description": data.get("description") or "",
        }
    if kind == "callout":
        return {"kind": data.get("kind", "info"), "heading": data.get("heading") or "", "text": data["text"]}
    raise ValueError(f"Unknown content block {kind!r}")


def _condition_rules(prefix: str, condition: dict[str, list[str]]):
    return _list_items(
        prefix, [{"question": key, "answers": list(values)} for key, values in condition.items()]
    )


def guide_stream_data(data: dict, authorities: dict[str, Authority]) -> tuple[list, list]:
    """(questions, body) raw stream data for a guide described as plain data."""
    slug = data["slug"]
    questions = [
        {
            "type": "question",
            "id": stable_id(slug, "question", question["key"]),
            "value": {
                "key": question["key"],
                "label": question["label"],
                "short_label": question.get("short_label", ""),
                "help_text": question.get("help_text", ""),
                "answers": _list_items(
                    f"{slug}/{question['key']}/answers",
                    [{"key": key, "label": label} for key, label in question["answers"]],
                ),
                "asked_when": _condition_rules(
                    f"{slug}/{question['key']}/when", question.get("asked_when") or {}
                ),
            },
        }
        for question in data["questions"]
    ]
    body = []
    for section in data["sections"]:
        prefix = f"{slug}/{section['key']}"
        body.append(
            {
                "type": "section",
                "id": stable_id(prefix),
                "value": {
                    "heading": section["heading"],
                    "authority": authorities[section["authority"]].pk,
                    "audience": _condition_rules(f"{prefix}/audience", section.get("audience") or {}),
                    "review_by": section.get("review_by")
                    or (datetime.date.today() + datetime.timedelta(days=180)).isoformat(),
                    "source": section["source"],
                    "content": [
                        {
                            "type": kind,
                            "id": stable_id(prefix, "content", str(index)),
                            "value": _content_block(
                                f"{prefix}/content/{index}", kind, block_data, authorities
                            ),
                        }
                        for index, (kind, block_data) in enumerate(section["content"])
                    ],
                },
            }
        )
    return questions, body


def build_guide(parent: Page, data: dict, *, owner=None) -> GuidePage:
    """A new, unsaved-revision guide page under ``parent`` from plain data (not published)."""
    authorities = {authority.code: authority for authority in Authority.objects.all()}
    questions, body = guide_stream_data(data, authorities)
    page = GuidePage(
        title=data["title"],
        slug=data["slug"],
        intro=data["intro"],
        anchor_label=data["anchor_label"],
        questions=questions,
        body=body,
        owner=owner,
        live=False,
    )
    parent.add_child(instance=page)
    return page


def update_guide(page: GuidePage, data: dict) -> GuidePage:
    """Replace a guide's content with plain data (the caller saves a revision)."""
    authorities = {authority.code: authority for authority in Authority.objects.all()}
    questions, body = guide_stream_data(data, authorities)
    page.title = data["title"]
    page.intro = data["intro"]
    page.anchor_label = data["anchor_label"]
    page.questions = questions
    page.body = body
    return page
