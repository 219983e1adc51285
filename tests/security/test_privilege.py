"""Case 6, no privilege escalation: no role but the superuser can change users, groups or
permissions, and the agency admin (who manages the Authority records) cannot make
themselves, or anybody in their own groups, a sign-off reviewer.
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from guides.models import Authority
from tests.security.conftest import AGENCY_ADMINS_GROUP

pytestmark = pytest.mark.django_db

ROLES = ["editor", "reviewer_a", "reviewer_b", "agency_admin"]


def refused(response) -> bool:
    location = response.get("Location", "").split("?")[0]
    return response.status_code in (403, 404, 405) or (response.status_code == 302 and location == "/admin/")


def powers(user):
    user.refresh_from_db()
    return (
        user.is_superuser,
        user.is_staff,
        sorted(user.groups.values_list("name", flat=True)),
        sorted(user.user_permissions.values_list("codename", flat=True)),
    )


@pytest.mark.parametrize("role", ROLES)
def test_no_role_can_change_users_groups_or_permissions(world, role):
    user = world.users[role]
    client = world.client(role)
    reviewer_group = world.authorities["kl"].reviewer_group
    every_permission = list(Permission.objects.values_list("pk", flat=True)[:50])
    before = (
        powers(user),
        sorted(reviewer_group.permissions.values_list("pk", flat=True)),
        Group.objects.count(),
    )
    attempts = [
        ("GET", reverse("wagtailusers_users:index"), None),
        ("GET", reverse("wagtailusers_users:edit", args=[user.pk]), None),
        (
            "POST",
            reverse("wagtailusers_users:edit", args=[user.pk]),
            {
                "username": user.username,
                "email": user.email,
                "first_name": "x",
                "last_name": "y",
                "is_superuser": "on",
                "is_active": "on",
                "groups": [g.pk for g in Group.objects.all()],
            },
        ),
        (
            "POST",
            reverse("wagtailusers_users:add"),
            {
                "username": "ny-admin",
                "email": "ny@example.org",
                "password1": "Et-langt-kodeord-1",
                "password2": "Et-langt-kodeord-1",
                "is_superuser": "on",
                "is_active": "on",
            },
        ),
        ("GET", reverse("wagtailusers_groups:index"), None),
        (
            "POST",
            reverse("wagtailusers_groups:edit", args=[reviewer_group.pk]),
            {"name": reviewer_group.name, "permissions": every_permission},
        ),
        (
            "POST",
            reverse("wagtailusers_groups:add"),
            {"name": "Nye magthavere", "permissions": every_permission},
        ),
        ("POST", reverse("wagtailusers_groups:delete", args=[reviewer_group.pk]), {}),
    ]
    for method, url, data in attempts:
        response = client.post(url, data) if method == "POST" else client.get(url)
        assert refused(response), (role, method, url, response.status_code)
    after = (
        powers(user),
        sorted(reviewer_group.permissions.values_list("pk", flat=True)),
        Group.objects.count(),
    )
    assert after == before
    assert not type(user).objects.filter(username="ny-admin").exists()


@pytest.mark.parametrize("role", ROLES)
def test_own_account_page_cannot_grant_groups_or_superuser(world, role):
    user = world.users[role]
    client = world.client(role)
    before = powers(user)
    client.post(
        reverse("wagtailadmin_account"),
        {
            "name_email-first_name": "Ny",
            "name_email-last_name": "Navn",
            "name_email-email": user.email,
            "is_superuser": "on",
            "groups": [g.pk for g in Group.objects.all()],
        },
    )
    assert powers(user) == before


class TestAgencyAdmin:
    """The agency admin edits authorities' names, contacts and websites."""

    def test_can_edit_an_authoritys_contact_details(self, world):
        kl = world.authorities["kl"]
        response = world.client("agency_admin").post(
            reverse("wagtailsnippets_guides_authority:edit", args=[kl.pk]),
            {
                "name": "KL",
                "code": "kl",
                "reviewer_group": kl.reviewer_group_id,
                "contact_email": "ny@kl.example",
                "website": "https://www.kl.dk/",
            },
        )
        assert response.status_code == 302
        assert Authority.objects.get(pk=kl.pk).contact_email == "ny@kl.example"

    def test_cannot_point_an_authority_at_their_own_group(self, world):
        kl = world.authorities["kl"]
        own = Group.objects.get(name=AGENCY_ADMINS_GROUP)
        world.client("agency_admin").post(
            reverse("wagtailsnippets_guides_authority:edit", args=[kl.pk]),
            {
                "name": "KL",
                "code": "kl",
                "reviewer_group": own.pk,
                "contact_email": "guides@kl.example",
                "website": "https://www.kl.dk/",
            },
        )
        kl.refresh_from_db()
        assert kl.reviewer_group_id != own.pk
        assert not kl.has_member(world.users["agency_admin"])

    @pytest.mark.parametrize("group_name", [AGENCY_ADMINS_GROUP, "editors", "another authority's reviewers"])
    def test_cannot_create_an_authority_reviewed_by_a_group_of_theirs_or_with_other_powers(
        self, world, group_name, editor
    ):
        group = {
            AGENCY_ADMINS_GROUP: Group.objects.get(name=AGENCY_ADMINS_GROUP),
            "editors": editor.groups.get(),
            "another authority's reviewers": world.authorities["skat"].reviewer_group,
        }[group_name]
        response = world.client("agency_admin").post(
            reverse("wagtailsnippets_guides_authority:add"),
            {
                "name": "Ny myndighed",
                "code": "ny",
                "reviewer_group": group.pk,
                "contact_email": "ny@example.org",
                "website": "",
            },
        )
        assert response.status_code == 200  # the form again, with an error on the group
        assert "reviewer_group" in response.context["form"].errors
        assert not Authority.objects.filter(code="ny").exists()

    def test_may_create_an_authority_with_a_fresh_group_that_someone_else_fills(self, world):
        fresh = Group.objects.create(name="Godkendere: Ny myndighed")
        response = world.client("agency_admin").post(
            reverse("wagtailsnippets_guides_authority:add"),
            {
                "name": "Ny myndighed",
                "code": "ny",
                "reviewer_group": fresh.pk,
                "contact_email": "ny@example.org",
                "website": "",
            },
        )
        assert response.status_code == 302
        authority = Authority.objects.get(code="ny")
        assert not authority.has_member(world.users["agency_admin"])

    def test_a_superuser_may_assign_any_group(self, world):
        kl = world.authorities["kl"]
        other = Group.objects.create(name="KL's nye godkendere")
        world.client("admin").post(
            reverse("wagtailsnippets_guides_authority:edit", args=[kl.pk]),
            {
                "name": "KL",
                "code": "kl",
                "reviewer_group": other.pk,
                "contact_email": "guides@kl.example",
                "website": "https://www.kl.dk/",
            },
        )
        assert Authority.objects.get(pk=kl.pk).reviewer_group_id == other.pk
