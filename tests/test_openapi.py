"""The OpenAPI schema (/api/schema/) and the Swagger UI (/api/docs/), served without internet."""

import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command
from drf_spectacular.validation import validate_schema

pytestmark = pytest.mark.django_db

ENDPOINTS = {
    "/api/v1/agencies/": "get",
    "/api/v1/agencies/{slug}/": "get",
    "/api/v1/categories/": "get",
    "/api/v1/services/": "get",
    "/api/v1/services/{code}/": "get",
}


@pytest.fixture
def schema(api_client):
    response = api_client.get("/api/schema/", {"format": "json"})
    assert response.status_code == 200
    return response.json()


def test_schema_generation_has_no_warnings_and_validates(tmp_path):
    # Any warning of drf-spectacular (an undocumented field, a guessed type) fails this.
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yaml"))
    assert "openapi: 3.0" in (tmp_path / "schema.yaml").read_text()


def test_schema_endpoint_serves_valid_openapi_3(schema):
    validate_schema(schema)
    assert schema["openapi"].startswith("3.")
    assert schema["info"]["title"] == "API Mal Pelayanan Publik"


def test_every_endpoint_is_documented_read_only(schema):
    for path, method in ENDPOINTS.items():
        assert path in schema["paths"], path
        assert set(schema["paths"][path]) == {method}, f"{path} must be read-only"
        operation = schema["paths"][path][method]
        assert operation["summary"]
        assert "200" in operation["responses"]


def _parameters(schema, path):
    return {p["name"]: p for p in schema["paths"][path]["get"].get("parameters", [])}


def test_service_list_parameters(schema):
    params = _parameters(schema, "/api/v1/services/")

    assert set(params) == {"agency", "category", "q", "is_permit", "page", "page_size"}
    assert all(p["in"] == "query" for p in params.values())
    assert params["is_permit"]["schema"]["type"] == "boolean"
    assert params["q"]["schema"]["maxLength"] == 200
    assert params["page_size"]["schema"]["maximum"] == 100
    assert params["page_size"]["schema"]["minimum"] == 1
    responses = schema["paths"]["/api/v1/services/"]["get"]["responses"]
    assert {"200", "400", "404"} <= set(responses)


def test_path_parameters(schema):
    assert _parameters(schema, "/api/v1/services/{code}/")["code"]["in"] == "path"
    assert _parameters(schema, "/api/v1/agencies/{slug}/")["slug"]["in"] == "path"
    assert "404" in schema["paths"]["/api/v1/services/{code}/"]["get"]["responses"]
    assert "404" in schema["paths"]["/api/v1/agencies/{slug}/"]["get"]["responses"]


def _component(schema, ref: str) -> dict:
    return schema["components"]["schemas"][ref.rsplit("/", 1)[-1]]


def test_response_schemas_match_the_payloads(schema):
    services = _component(
        schema,
        schema["paths"]["/api/v1/services/"]["get"]["responses"]["200"]["content"]["application/json"][
            "schema"
        ]["$ref"],
    )
    assert set(services["properties"]) == {"count", "next", "previous", "results"}
    item = _component(schema, services["properties"]["results"]["items"]["$ref"])
    assert set(item["properties"]) == {
        "code",
        "name",
        "name_en",
        "agency",
        "category",
        "is_permit",
        "completed_at_mpp",
        "time_limit_days",
        "fee_kind",
        "fee_items",
        "levy_formula",
        "url",
    }
    assert item["properties"]["time_limit_days"]["nullable"] is True

    detail = _component(
        schema,
        schema["paths"]["/api/v1/services/{code}/"]["get"]["responses"]["200"]["content"]["application/json"][
            "schema"
        ]["$ref"],
    )
    assert {"standard", "versions", "description"} <= set(detail["properties"])
    standard = _component(schema, detail["properties"]["standard"]["allOf"][0]["$ref"])
    assert {"requirements", "steps", "fee_items", "legal_basis", "performance_evaluation"} <= set(
        standard["properties"]
    )
    assert "published_by" not in standard["properties"]

    categories = schema["paths"]["/api/v1/categories/"]["get"]["responses"]["200"]["content"][
        "application/json"
    ]["schema"]
    assert categories["type"] == "array"
    assert set(_component(schema, categories["items"]["$ref"])["properties"]) == {
        "slug",
        "name",
        "name_en",
        "service_count",
    }

    agency = _component(
        schema,
        schema["paths"]["/api/v1/agencies/{slug}/"]["get"]["responses"]["200"]["content"]["application/json"][
            "schema"
        ]["$ref"],
    )
    assert {"maklumat", "counters", "services", "service_count"} <= set(agency["properties"])


def test_endpoints_are_public_in_the_schema(schema):
    for path, method in ENDPOINTS.items():
        assert schema["paths"][path][method]["security"] == [{}], path


def test_swagger_ui_is_served_from_our_own_static_files(api_client):
    response = api_client.get("/api/docs/")

    assert response.status_code == 200
    html = response.content.decode()
    bundle = "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js"
    assert bundle in html
    assert "cdn.jsdelivr.net" not in html
    assert "unpkg.com" not in html
    assert "/api/schema/" in html
    # The file the page loads really ships with the sidecar package.
    assert finders.find("drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js")
    assert finders.find("drf_spectacular_sidecar/swagger-ui-dist/swagger-ui.css")
