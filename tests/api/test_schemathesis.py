"""Schemathesis against /api/v1/openapi.json, in process through WSGI (RELIABILITY 18).

Every check is on. Generated requests (valid and invalid per the schema) hit the demo
guides, with and without answers, dates and preview tokens: no 5xx, every response
conforms to the schema (status, content type, headers, body), no ignored auth.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guides.api import preview

pytestmark = pytest.mark.django_db

EXAMPLES_PER_MODE = 100

CONFIG = {
    "checks": {
        # Whether answers are valid depends on the guide's own questions, which the schema
        # describes as data (`questions`), not as parameters: a well-formed but unknown
        # answer is a documented 400.
        "positive_data_acceptance": {"expected-statuses": ["2xx", "304", "400", "401", "403", "404"]},
    },
}


@pytest.fixture
def wsgi_in_test_transaction():
    """Requests run inside the test's transaction, as with Django's test client."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield get_wsgi_application()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def api_schema(wsgi_in_test_transaction):
    return schemathesis.openapi.from_wsgi(
        "/api/v1/openapi.json", wsgi_in_test_transaction, config=schemathesis.Config.from_dict(CONFIG)
    )


def operations(api_schema):
    return [result.ok() for result in api_schema.get_all_operations()]


@pytest.mark.parametrize("mode", [schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE])
def test_api_conforms_to_its_openapi_schema(demo, api_schema, mode):
    ledig = demo["hvis-du-bliver-ledig"]
    tokens = [preview.issue(ledig.pk, ledig.live_revision_id)[0], "ugyldigt-token"]
    calls = []
    for operation in operations(api_schema):
        if not mode.is_positive and not list(operation.iter_parameters()):
            continue  # nothing to make invalid
        slug_choices = st.sampled_from([*demo, "findes-ikke"])

        # Mostly public requests; sometimes a valid or an invalid preview token.
        token_choices = st.sampled_from([None, None, None, None, *tokens])

        @given(case=operation.as_strategy(generation_mode=mode), slug=slug_choices, token=token_choices)
        @settings(
            max_examples=EXAMPLES_PER_MODE,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
        )
        def check(case, slug, token):
            if "slug" in (case.path_parameters or {}) and mode.is_positive:
                case.path_parameters["slug"] = slug
            is_guide = "slug" in (case.path_parameters or {})
            headers = {"Authorization": f"Bearer {token}"} if token and is_guide else None
            response = case.call_and_validate(headers=headers)
            calls.append(response.status_code)

        check()
    assert calls, "schemathesis sent no request"
    assert not [status for status in calls if status >= 500]
    if mode.is_positive:
        assert 200 in calls and 400 in calls and 404 in calls
