"""Open311 GeoReport v2 (JSON), field by field against http://wiki.open311.org/GeoReport_v2/."""

import pytest
from django.utils import timezone

from complaints import services
from complaints.models import Complaint
from tests.complaints.helpers import DESCRIPTION, MONDAY, file_complaint

pytestmark = pytest.mark.django_db

REQUEST_FIELDS = {
    "service_request_id",
    "status",
    "status_notes",
    "service_name",
    "service_code",
    "description",
    "agency_responsible",
    "service_notice",
    "requested_datetime",
    "updated_datetime",
    "expected_datetime",
    "address",
    "address_id",
    "zipcode",
    "lat",
    "long",
    "media_url",
}


def test_services(client, category):
    response = client.get("/open311/v2/services.json")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/json")
    assert response.json() == [
        {
            "service_code": "pungli",
            "service_name": "Pungutan liar",
            "description": "",
            "metadata": False,
            "type": "realtime",
            "keywords": "",
            "group": "Integritas",
        }
    ]


def test_post_request_creates_a_complaint(client, category):
    response = client.post(
        "/open311/v2/requests.json",
        {
            "service_code": "pungli",
            "lat": "-7.7543",
            "long": "113.2159",
            "address_string": "MPP Kota Probolinggo, Jl. Panglima Sudirman",
            "first_name": "Ahmad",
            "last_name": "Fauzi",
            "phone": "081298765432",
            "description": DESCRIPTION,
        },
    )
    assert response.status_code == 201
    body = response.json()
    complaint = Complaint.objects.get()
    assert list(body[0]) == ["service_request_id", "service_notice", "account_id"]
    assert body[0]["service_request_id"] == complaint.number and body[0]["account_id"] is None
    assert complaint.secret in body[0]["service_notice"]
    assert complaint.channel == "open311" and complaint.reporter_name == "Ahmad Fauzi"
    assert str(complaint.lat) == "-7.754300"


@pytest.mark.parametrize(
    "data, status, fragment",
    [
        ({"service_code": "banjir", "address_string": "x", "description": DESCRIPTION}, 400, "service_code"),
        ({"service_code": "pungli", "description": DESCRIPTION}, 400, "Lokasi"),
        ({"service_code": "pungli", "lat": "99", "long": "1", "description": DESCRIPTION}, 400, "lat"),
        ({"service_code": "pungli", "address_string": "Loket 3", "description": "pendek"}, 400, "Uraikan"),
    ],
)
def test_post_errors_use_the_open311_error_format(client, category, data, status, fragment):
    response = client.post("/open311/v2/requests.json", data)
    assert response.status_code == status
    body = response.json()
    assert isinstance(body, list) and set(body[0]) == {"code", "description"}
    assert body[0]["code"] == status and fragment in body[0]["description"]
    assert not Complaint.objects.exists()


def test_api_key_required_when_configured(client, category, settings):
    settings.MPP_OPEN311_API_KEYS = ["kunci-rahasia"]
    data = {"service_code": "pungli", "address_string": "Loket 3", "description": DESCRIPTION}
    denied = client.post("/open311/v2/requests.json", data)
    assert denied.status_code == 403 and denied.json()[0]["code"] == 403
    assert client.post("/open311/v2/requests.json", {**data, "api_key": "kunci-rahasia"}).status_code == 201


def test_get_request_field_by_field(client, category, desk_officer, officer):
    complaint = file_complaint(category, address="Loket 3 MPP", allow_publication=True)
    complaint = services.complaint_route(
        complaint=complaint, actor=desk_officer, agency=officer.agency, now=MONDAY
    )
    response = client.get(f"/open311/v2/requests/{complaint.number}.json")
    assert response.status_code == 200
    [item] = response.json()
    assert set(item) == REQUEST_FIELDS
    assert item["service_request_id"] == complaint.number
    assert item["status"] == "open"
    assert item["status_notes"] == "Ditangani instansi"
    assert item["service_code"] == "pungli" and item["service_name"] == "Pungutan liar"
    assert item["description"] == DESCRIPTION
    assert item["agency_responsible"] == officer.agency.name
    assert item["expected_datetime"] == "2026-03-30T14:00:00+07:00"  # the answer deadline
    assert item["requested_datetime"] == "2026-03-16T10:00:00+07:00"
    assert item["updated_datetime"].endswith("+07:00")
    assert item["address"] == "Loket 3 MPP"
    assert item["lat"] is None and item["long"] is None and item["media_url"] is None


def test_get_requests_filters_and_hides_confidential(client, category, desk_officer):
    public = file_complaint(category)
    secret = file_complaint(category, confidential=True)
    whistle = file_complaint(category, kind="whistleblowing")
    archived = services.complaint_archive(
        complaint=file_complaint(category), actor=desk_officer, reason="Laporan ganda, sudah ditangani."
    )
    ids = [r["service_request_id"] for r in client.get("/open311/v2/requests.json").json()]
    assert public.number in ids and archived.number in ids
    assert secret.number not in ids and whistle.number not in ids
    assert client.get(f"/open311/v2/requests/{secret.number}.json").status_code == 404
    closed = client.get("/open311/v2/requests.json", {"status": "closed"}).json()
    assert [r["service_request_id"] for r in closed] == [archived.number]
    assert closed[0]["expected_datetime"] is None
    # Without the reporter's permission the description is not published.
    assert all(r["description"] is None for r in closed)
    by_id = client.get(
        "/open311/v2/requests.json", {"service_request_id": f"{public.number},{secret.number}"}
    ).json()
    assert [r["service_request_id"] for r in by_id] == [public.number]
    bad = client.get("/open311/v2/requests.json", {"start_date": "kemarin"})
    assert bad.status_code == 400 and bad.json()[0]["code"] == 400
    later = timezone.now().isoformat()
    assert client.get("/open311/v2/requests.json", {"start_date": later}).json() == []


def test_unknown_request_is_a_404_in_open311_format(client):
    response = client.get("/open311/v2/requests/ADU-2026-999999.json")
    assert response.status_code == 404 and response.json()[0]["code"] == 404
