"""Helpers for the API tests: a JSON client, URLs and publishing shortcuts."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from guides.audience import Answers

API = "/api/v1"


def guide_url(slug: str) -> str:
    return f"{API}/guides/{slug}/"


def body(response) -> dict:
    assert response["Content-Type"].startswith("application/json"), response["Content-Type"]
    return json.loads(response.content)


def answers_of(query: str) -> Answers:
    return Answers(tuple(pair.split("=")) for pair in query.split("&")) if query else Answers()


def publish_new_revision(page, user=None, **changes):
    """Change fields of the latest content, have every authority sign it off and publish it
    (through the sign-off workflow, the ordinary way a guide goes live)."""
    from tests.factories import publish_signed_off

    page = page.get_latest_revision_as_object()
    for field, value in changes.items():
        setattr(page, field, value)
    page.save_revision(user=user)
    publish_signed_off(page, user)
    return type(page).objects.get(pk=page.pk)


@pytest.fixture
def client():
    return Client()
