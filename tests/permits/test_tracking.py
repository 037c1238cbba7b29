"""The public tracking page /lacak/: number + secret, no login, no enumeration, rate-limited."""

import re

import pytest
from django.urls import reverse

from permits import services
from permits.models import Application
from permits.views import long_datetime
from tests.factories import MppProfileFactory, UserFactory
from tests.permits.factories import (
    ApplicationFactory,
    in_process_application,
    permit_service,
    submitted_application,
)

pytestmark = pytest.mark.django_db
URL = "/lacak/"
MISMATCH = "Nomor permohonan atau kode rahasia tidak cocok."


@pytest.fixture(autouse=True)
def _mpp():
    MppProfileFactory()


@pytest.fixture
def service():
    return permit_service(time_limit_days=5, code="PBG")


@pytest.fixture
def applicant():
    return UserFactory(full_name="Budi Santoso Rahasia", nik="3574011203850001")


@pytest.fixture
def application(service, applicant):
    return submitted_application(service=service, applicant=applicant)


def text_of(response):
    return re.sub(r"\s+", " ", response.content.decode())


def test_url_and_form_without_login(client):
    assert reverse("track:lookup") == URL
    response = client.get(URL)
    assert response.status_code == 200
    page = text_of(response)
    assert "Nomor permohonan" in page and "Kode rahasia" in page
    assert 'name="nomor"' in page and 'name="kode"' in page


def test_matching_number_and_secret_show_status_timeline_and_expected_date(client, application):
    response = client.post(URL, {"nomor": application.tracking_number, "kode": application.tracking_secret})
    assert response.status_code == 200
    html = response.content.decode()
    page = text_of(response)
    assert application.tracking_number in page
    assert "Diajukan" in page
    assert "menunggu pemeriksaan kelengkapan berkas" in page
    assert '<ol class="timeline">' in html and "Permohonan diajukan" in page
    assert "oleh Pemohon" in page
    assert long_datetime(application.estimated_due_at) in page
    assert application.service.name in page
    assert application.agency.name in page
    assert MISMATCH not in page


def test_the_result_never_shows_who_applied_or_their_documents(client, application, applicant):
    response = client.post(URL, {"nomor": application.tracking_number, "kode": application.tracking_secret})
    page = text_of(response)
    assert applicant.full_name not in page
    assert "Budi" not in page
    assert applicant.nik not in page
    assert applicant.email not in page
    for document in application.documents.all():
        assert document.original_name not in page
    assert "/dokumen/" not in page
    assert "Luas bangunan" not in page


def test_secret_is_forgiving_about_case_spaces_and_dashes(client, application):
    secret = application.tracking_secret
    typed = f"{secret[:4].lower()}-{secret[4:].lower()} "
    response = client.post(URL, {"nomor": application.tracking_number.lower(), "kode": typed})
    assert MISMATCH not in text_of(response)
    assert "Permohonan diajukan" in text_of(response)


def _without_echo(response, *values):
    """The page with the CSRF token and the echoed input removed, to compare two answers."""
    html = response.content.decode()
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)
    for value in values:
        html = html.replace(value, "")
    return html


def test_wrong_secret_and_unknown_number_give_the_same_answer(client, application):
    wrong = client.post(URL, {"nomor": application.tracking_number, "kode": "ZZZZ2222"})
    unknown_number = "PBG-2026-999999"
    unknown = client.post(URL, {"nomor": unknown_number, "kode": "ZZZZ2222"})
    assert wrong.status_code == unknown.status_code == 200
    assert MISMATCH in text_of(wrong)
    assert MISMATCH in text_of(unknown)
    assert _without_echo(wrong, application.tracking_number) == _without_echo(unknown, unknown_number)


def test_a_right_secret_of_another_application_does_not_match(client, application, service):
    other = submitted_application(service=service)
    response = client.post(URL, {"nomor": application.tracking_number, "kode": other.tracking_secret})
    assert MISMATCH in text_of(response)


def test_get_with_number_and_secret_looks_up_directly(client, application):
    response = client.get(URL, {"nomor": application.tracking_number, "kode": application.tracking_secret})
    assert response.status_code == 200
    assert "Permohonan diajukan" in text_of(response)
    # The URL carries the secret: not cached, no referrer to other sites.
    assert response["Referrer-Policy"] == "same-origin"
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]


def test_get_with_number_only_prefills_the_form(client, application):
    response = client.get(URL, {"nomor": application.tracking_number})
    page = text_of(response)
    assert f'value="{application.tracking_number}"' in page
    assert MISMATCH not in page
    assert "Isi kode rahasia" not in page


def test_empty_fields_say_what_is_missing(client):
    page = text_of(client.post(URL, {"nomor": "", "kode": ""}))
    assert "Isi nomor permohonan." in page
    assert "Isi kode rahasia." in page


def test_in_process_shows_the_sla_deadline(client, service):
    officer = UserFactory(officer=True, agency=service.agency)
    application = in_process_application(service=service, officer=officer)
    page = text_of(
        client.post(URL, {"nomor": application.tracking_number, "kode": application.tracking_secret})
    )
    assert "Batas waktu penyelesaian" in page
    assert long_datetime(application.due_at) in page
    assert "Berkas lengkap, permohonan diproses" in page
    assert officer.full_name not in page  # public wording: "Petugas"
    assert "oleh Petugas" in page


def test_returned_shows_status_but_not_the_officers_notes(client, application, service):
    officer = UserFactory(officer=True, agency=service.agency)
    requirement = application.standard.requirements.first()
    services.application_request_correction(
        application=application,
        actor=officer,
        items=[(requirement, "Foto KTP buram sekali")],
        note="internal",
    )
    page = text_of(
        client.post(URL, {"nomor": application.tracking_number, "kode": application.tracking_secret})
    )
    assert "Dikembalikan" in page
    assert "Foto KTP buram sekali" not in page
    assert "internal" not in page


def test_lookups_are_rate_limited_per_ip(client, application, settings):
    settings.MPP_TRACK_RATE_LIMIT = 3
    for _ in range(3):
        response = client.post(URL, {"nomor": application.tracking_number, "kode": "ZZZZ2222"})
        assert response.status_code == 200
    response = client.post(URL, {"nomor": application.tracking_number, "kode": application.tracking_secret})
    assert response.status_code == 429
    page = text_of(response)
    assert "Terlalu banyak percobaan" in page
    assert "tunggu 10 menit" in page
    assert response["Retry-After"] == "600"
    assert application.tracking_secret not in page
    # Another client IP is not affected; opening the empty form is not counted.
    other = client.post(
        URL,
        {"nomor": application.tracking_number, "kode": application.tracking_secret},
        REMOTE_ADDR="10.0.0.9",
    )
    assert other.status_code == 200
    assert client.get(URL).status_code == 200


def test_forwarded_for_counts_only_behind_trusted_proxies(client, settings):
    settings.MPP_TRACK_RATE_LIMIT = 1
    data = {"nomor": "PBG-2026-000404", "kode": "ZZZZ2222"}
    # Without trusted proxies a forged header does not buy a fresh limit.
    assert client.post(URL, data, HTTP_X_FORWARDED_FOR="1.1.1.1").status_code == 200
    assert client.post(URL, data, HTTP_X_FORWARDED_FOR="2.2.2.2").status_code == 429
    # Behind one proxy, the address it saw (the last entry) is the client.
    settings.MPP_TRUSTED_PROXY_COUNT = 1
    assert client.post(URL, data, HTTP_X_FORWARDED_FOR="9.9.9.9, 3.3.3.3").status_code == 200
    assert client.post(URL, data, HTTP_X_FORWARDED_FOR="8.8.8.8, 3.3.3.3").status_code == 429
    assert client.post(URL, data, HTTP_X_FORWARDED_FOR="4.4.4.4").status_code == 200


def test_default_limit_is_ten_per_ten_minutes(client, application):
    for _ in range(10):
        assert client.post(URL, {"nomor": "PBG-2026-000404", "kode": "ZZZZ2222"}).status_code == 200
    assert client.post(URL, {"nomor": "PBG-2026-000404", "kode": "ZZZZ2222"}).status_code == 429


def test_drafts_cannot_be_tracked(client, service):
    draft = ApplicationFactory(service=service, tracking_secret="ABCD2345")
    assert draft.status == Application.Status.DRAFT
    page = text_of(client.post(URL, {"nomor": str(draft), "kode": "ABCD2345"}))
    assert MISMATCH in page


def test_lookup_query_count_is_constant(client, application, service, django_assert_max_num_queries):
    data = {"nomor": application.tracking_number, "kode": application.tracking_secret}
    client.post(URL, data)  # warm the calendar and profile caches
    with django_assert_max_num_queries(4) as captured:
        client.post(URL, data)
    busy = submitted_application(service=service)
    officer = UserFactory(officer=True, agency=service.agency)
    busy = services.application_verify_complete(application=busy, actor=officer)
    for step in busy.steps.order_by("order")[:2]:
        services.step_complete(application=busy, step_progress=step, actor=officer)
    with django_assert_max_num_queries(len(captured.captured_queries)):
        client.post(URL, {"nomor": busy.tracking_number, "kode": busy.tracking_secret})


def test_header_and_footer_link_to_tracking(client):
    html = client.get("/").content.decode()
    assert html.count('href="/lacak/"') >= 2


def test_the_api_result_is_what_the_declared_fields_give(client, application, service):
    """The tracking API builds its result directly; the declared fields are the schema."""
    from rest_framework import serializers as drf_serializers

    from permits.selectors import application_timeline, track_lookup
    from permits.serializers import TrackResultSerializer

    officer = UserFactory(officer=True, agency=service.agency)
    requirement = application.standard.requirements.first()
    services.application_request_correction(
        application=application, actor=officer, items=[(requirement, "Foto KTP buram")], note=""
    )
    rejected = in_process_application(service=service, officer=officer)
    services.application_reject(
        application=rejected, actor=officer, reason="Persyaratan 2 tidak dipenuhi: IMB lama tidak ada."
    )
    for tracked in (application, rejected):
        found = track_lookup(tracked.tracking_number, tracked.tracking_secret)
        found.timeline_entries = application_timeline(found, public=True)
        fast = TrackResultSerializer(found).data
        declared = drf_serializers.Serializer.to_representation(TrackResultSerializer(), found)
        assert len(fast["timeline"]) >= 2
        assert fast == declared
        body = client.get(
            "/api/v1/track/", {"tracking_number": tracked.tracking_number, "secret": tracked.tracking_secret}
        ).json()
        assert body == fast
