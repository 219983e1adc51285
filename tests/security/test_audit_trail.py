"""Case 14, audit trail: what is covered in tests/signoff (who, when, revision, section for
every transition; refused attempts logged; the model refuses updates and deletes) plus:
no admin view, snippet or API can change or delete a sign-off event, and every event is
written as one JSON line to the separate sink (``VEJVISER_AUDIT_LOG``).
"""

from __future__ import annotations

import json
import logging
import logging.handlers
import subprocess
import sys

import pytest
from django.urls import get_resolver
from wagtail.snippets.models import get_snippet_models

from guides.signoff import actions
from guides.signoff.models import SignOffEvent
from tests.security.test_deploy import ROOT, production_env
from tests.security.test_route_inventory import walk

pytestmark = pytest.mark.django_db


def test_no_admin_view_or_snippet_writes_the_sign_off_log():
    assert SignOffEvent not in get_snippet_models()
    routes = [
        route for route in walk(get_resolver()) if "godkendelse/log" in route or "signoff" in route.lower()
    ]
    assert routes == ["admin/godkendelse/log/", "admin/godkendelse/log/results/"]
    from django.conf import settings

    assert "django.contrib.admin" not in settings.INSTALLED_APPS


def test_the_sign_off_log_views_take_no_writes(world):
    before = SignOffEvent.objects.count()
    client = world.client("admin")
    for url in ("/admin/godkendelse/log/", "/admin/godkendelse/log/results/"):
        for method in ("post", "put", "patch", "delete"):
            response = getattr(client, method)(url, {"action": "approved", "comment": "forfalsket"})
            assert response.status_code == 405, (url, method, response.status_code)
    assert SignOffEvent.objects.count() == before


def test_the_api_has_nothing_of_the_sign_off_log(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert all("signoff" not in path and "log" not in path for path in schema["paths"])


def test_every_event_goes_to_the_audit_sink_as_one_json_line(world, tmp_path):
    sink = tmp_path / "audit.jsonl"
    handler = logging.handlers.WatchedFileHandler(sink)
    handler.setFormatter(logging.Formatter("%(message)s"))
    logger = logging.getLogger("vejviser.audit")
    logger.addHandler(handler)
    level = logger.level
    logger.setLevel(logging.INFO)
    try:
        first = SignOffEvent.objects.order_by("-pk").values_list("pk", flat=True).first()
        actions.decide(world.request.pk, world.users["reviewer_a"], actions.APPROVE)
        with pytest.raises(actions.NotAReviewer):
            actions.decide(world.request.pk, world.users["reviewer_b"], actions.APPROVE)
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
        handler.close()
    events = list(SignOffEvent.objects.filter(pk__gt=first).order_by("pk"))
    lines = [json.loads(line) for line in sink.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == len(events) >= 3  # approval, publish of each unit, the refused attempt
    for line, event in zip(lines, events, strict=True):
        assert line["event"] == "signoff"
        assert (
            line["action"],
            line["page"],
            line["section"],
            line["authority"],
            line["fingerprint"],
            line["user"],
        ) == (
            event.action,
            event.page_id,
            event.section_id,
            event.authority_code,
            event.fingerprint,
            event.username,
        )
        assert line["time"] == event.created_at.isoformat()
    assert {line["action"] for line in lines} >= {"approved", "published", "attempt_refused"}


def test_vejviser_audit_log_setting_sends_the_trail_to_that_file(tmp_path):
    sink = tmp_path / "audit.jsonl"
    env = production_env(tmp_path)
    env["VEJVISER_AUDIT_LOG"] = str(sink)
    script = (
        "import django, logging; django.setup(); "
        "logging.getLogger('vejviser.audit').info('{\"event\": \"signoff\"}'); "
        "logging.getLogger('vejviser.audit').warning('{\"event\": \"signoff\"}')"
    )
    result = subprocess.run(  # noqa: S603 (our own interpreter and script)
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert sink.read_text(encoding="utf-8").splitlines() == ['{"event": "signoff"}'] * 2
    assert "signoff" not in result.stderr  # not on the console: only in the sink
