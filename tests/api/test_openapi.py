"""The OpenAPI document and the interactive docs."""

import json

import pytest

from tests.api.conftest import API

pytestmark = pytest.mark.django_db


@pytest.fixture
def schema(client):
    response = client.get(f"{API}/openapi.json")
    assert response.status_code == 200
    return json.loads(response.content)


def test_schema_is_openapi_3_and_describes_both_endpoints(schema):
    assert schema["openapi"].startswith("3.")
    assert set(schema["paths"]) == {"/api/v1/guides/", "/api/v1/guides/{slug}/"}
    detail = schema["paths"]["/api/v1/guides/{slug}/"]["get"]
    assert {p["name"] for p in detail["parameters"]} == {"slug", "answers", "dato", "preview_token"}
    assert set(detail["responses"]) == {"200", "304", "400", "401", "403", "404"}
    assert {"ETag", "Last-Modified", "Cache-Control"} <= set(detail["responses"]["200"]["headers"])


def test_preview_token_is_an_optional_bearer_scheme(schema):
    detail = schema["paths"]["/api/v1/guides/{slug}/"]["get"]
    assert detail["security"] == [{}, {"previewToken": []}]
    assert schema["components"]["securitySchemes"]["previewToken"] == {
        "type": "http",
        "scheme": "bearer",
        "description": schema["components"]["securitySchemes"]["previewToken"]["description"],
    }


def test_content_blocks_are_a_discriminated_union_by_type(schema):
    schemas = schema["components"]["schemas"]
    content = schemas["Section"]["properties"]["content"]["items"]
    assert content["discriminator"]["propertyName"] == "type"
    assert set(content["discriminator"]["mapping"]) == {
        "rich_text",
        "checklist",
        "actors",
        "self_service",
        "callout",
    }


def test_editor_only_fields_are_not_in_the_contract(schema):
    text = json.dumps(schema)
    assert "review_by" not in text and '"source"' not in text


def test_docs_page_serves_swagger_ui_from_our_own_static_files(client):
    response = client.get(f"{API}/docs")
    html = response.content.decode()
    assert response.status_code == 200
    assert "/static/ninja/swagger-ui-bundle.js" in html
    assert "cdn." not in html and "unpkg" not in html


def test_success_responses_document_both_body_and_headers(schema):
    """Guards against a merge that keeps the documented headers but loses the body schema."""
    for path in ("/api/v1/guides/", "/api/v1/guides/{slug}/"):
        ok = schema["paths"][path]["get"]["responses"]["200"]
        assert "schema" in ok["content"]["application/json"]
        assert set(ok["headers"]) == {"ETag", "Last-Modified", "Cache-Control"}


def test_operation_ids_are_stable_names_not_module_paths(schema):
    """Generated clients name their methods after these (issue 17: they leaked
    ``guides_api_api_get_guide``)."""
    operation_ids = {
        operation["operationId"] for path in schema["paths"].values() for operation in path.values()
    }
    assert operation_ids == {"listGuides", "getGuide"}
