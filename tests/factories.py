"""Factories for test setup.

Model factories (factory_boy) for users, groups and authorities; plain-data builders for
guides, which go through the same ``guides.services`` helpers as the demo command.
"""

from __future__ import annotations

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from factory.django import DjangoModelFactory

from guides import services
from guides.demo.dates import SECTION_REVIEW_DAYS, review_in
from guides.models import Authority

PASSWORD = "correct-horse-battery"


class GroupFactory(DjangoModelFactory):
    class Meta:
        model = Group
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Gruppe {n}")


class UserFactory(DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"bruger{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@vejviser.example")
    first_name = "Test"
    last_name = factory.LazyAttribute(lambda user: user.username.title())
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.set(extracted)
        if create:
            self.save()


class AuthorityFactory(DjangoModelFactory):
    class Meta:
        model = Authority
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"myndighed-{n}")
    name = factory.LazyAttribute(lambda authority: f"Myndighed {authority.code}")
    reviewer_group = factory.SubFactory(
        GroupFactory, name=factory.LazyAttribute(lambda group: f"Godkendere: {group.factory_parent.name}")
    )
    contact_email = factory.LazyAttribute(lambda authority: f"{authority.code}@myndighed.example")
    website = "https://example.org/"


# -- guide content as plain data (the format of guides/demo/*.py) -------------------------


def question(key, answers=("ja", "nej"), *, asked_when=None, label=None, short_label=""):
    return {
        "key": key,
        "label": label or f"Spørgsmål {key}?",
        "short_label": short_label,
        "help_text": "",
        "answers": [(answer, answer.replace("-", " ").capitalize()) for answer in answers],
        "asked_when": asked_when or {},
    }


def task(text="Gør noget", *, timing=("on_day", 0), obligation="skal", link=None, details=""):
    return {"text": text, "details": details, "timing": timing, "obligation": obligation, "link": link}


def section(key, *, authority="digst", audience=None, heading=None, content=None, tasks=None):
    blocks = list(content) if content is not None else [("rich_text", f"<p>Tekst om {key}.</p>")]
    blocks.append(("checklist", list(tasks) if tasks is not None else [task(f"Opgave i {key}")]))
    return {
        "key": key,
        "heading": heading or f"Afsnit {key}",
        "authority": authority,
        "audience": audience or {},
        "review_by": review_in(SECTION_REVIEW_DAYS),
        "source": "Testkilde",
        "content": blocks,
    }


def guide_data(slug="testguide", *, questions=None, sections=None, title=None, anchor_label="din første dag"):
    return {
        "slug": slug,
        "title": title or f"Guide {slug}",
        "intro": "En guide til test.",
        "anchor_label": anchor_label,
        "questions": questions
        if questions is not None
        else [
            question("akasse"),
            question("alder", ("under-30", "30-eller-derover"), asked_when={"akasse": ["nej"]}),
        ],
        "sections": sections
        if sections is not None
        else [
            section("alle", authority="digst"),
            section("medlem", authority="star", audience={"akasse": ["ja"]}),
            section("ung", authority="kl", audience={"akasse": ["nej"], "alder": ["under-30"]}),
            section("voksen", authority="kl", audience={"akasse": ["nej"], "alder": ["30-eller-derover"]}),
            section("skat", authority="skat"),
            section("pension", authority="atp-udk"),
        ],
    }


def reviewer_for(authority, username=None):
    """A member of the authority's reviewer group (the existing one, if already made)."""
    username = username or f"godkender-test-{authority.code}"
    existing = get_user_model().objects.filter(username=username).first()
    if existing is not None:
        existing.groups.add(authority.reviewer_group)
        return existing
    return UserFactory(username=username, groups=[authority.reviewer_group])


def reviewers_for_all():
    return {authority.code: reviewer_for(authority) for authority in Authority.objects.all()}


def publish_signed_off(page, editor=None):
    """Submit the page's latest revision and let a reviewer of every authority sign off:
    the sign-off workflow then publishes it (the only ordinary way to publish a guide)."""
    from guides.signoff import notifications, setup

    setup.ensure_workflow(page.get_parent())
    with notifications.muted():
        state = setup.submit_and_sign_off(page, editor, reviewers_for_all())
    page.refresh_from_db()
    return state


def make_guide(home, data=None, *, publish=True, user=None):
    """A guide page from plain data; signed off by every authority and published unless
    ``publish=False``."""
    page = services.build_guide(home, data or guide_data(), owner=user)
    page.save_revision(user=user)
    if publish:
        publish_signed_off(page, user)
    return page


def make_draft_with(home, data, *, user=None):
    """A draft whose latest revision holds ``data`` unvalidated (as if stored by another
    client), on top of a valid guide: for testing what validation says about it."""
    page = make_guide(home, guide_data(data["slug"]), publish=False, user=user)
    services.update_guide(page, data)
    page.save_revision(user=user, clean=False)
    return page
