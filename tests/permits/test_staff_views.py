"""The officer's and supervisor's pages: the worklist (scoping, order, filters, search, pages,
htmx, query counts), the application page and every action posted from it (result, history row
with the actor and the reason, refusals that change nothing), and who may open what."""

import datetime as dt
import re
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from permits import services
from permits.models import Application, CorrectionRequest, StepProgress
from tests.factories import MppProfileFactory, ServiceFactory, UserFactory
from tests.permits.factories import (
    ApplicationFactory,
    in_process_application,
    permit_service,
    requirements_of,
    submitted_application,
)

pytestmark = pytest.mark.django_db
S = Application.Status
WIB = ZoneInfo("Asia/Jakarta")
WORKLIST = reverse("permits_staff:worklist")
CONFLICT = "baru saja diubah oleh orang lain"


def wib(month, day, hour, minute=0, year=2026):
    return dt.datetime(year, month, day, hour, minute, tzinfo=WIB)


@pytest.fixture(autouse=True)
def _mpp():
    MppProfileFactory()


@pytest.fixture
def service():
    return permit_service(time_limit_days=5, code="PBG")


@pytest.fixture
def officer(service):
    return UserFactory(officer=True, agency=service.agency, full_name="Petugas Andi")


@pytest.fixture
def supervisor(service):
    return UserFactory(supervisor=True, agency=service.agency, full_name="Supervisor Sari")


@pytest.fixture
def other_service():
    return permit_service(time_limit_days=3, code="SIP")


@pytest.fixture
def other_officer(other_service):
    return UserFactory(officer=True, agency=other_service.agency)


def fresh(application):
    return Application.objects.get(pk=application.pk)


def last_history(application):
    return Application.history.filter(id=application.pk).order_by("-history_id").first()


def worklist_numbers(response) -> list[str]:
    return [row["number"] for row in response.context["rows"]]


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


# --- Who may open what --------------------------------------------------------------------------


def staff_urls(application, document_pk=1, requirement_pk=1):
    pk = application.pk
    gets = [
        WORKLIST,
        reverse("permits_staff:detail", args=[pk]),
        reverse("permits_staff:document", args=[pk, document_pk]),
        reverse("permits_staff:assist"),
        reverse("permits_staff:assisted_edit", args=[pk]),
    ]
    posts = [
        reverse(f"permits_staff:{name}", args=[pk])
        for name in ("verify", "correction", "step", "approve", "reject", "issue", "claim", "assign")
    ] + [reverse("permits_staff:assisted_upload", args=[pk, requirement_pk])]
    return gets, posts


def test_anonymous_visitors_are_sent_to_the_login_page_from_every_staff_url(client, service):
    application = submitted_application(service=service)
    gets, posts = staff_urls(application)
    for url in gets:
        response = client.get(url)
        assert response.status_code == 302 and "/akun/masuk/" in response.url, url
    for url in posts:
        response = client.post(url, {"seen_status": "submitted"})
        assert response.status_code == 302 and "/akun/masuk/" in response.url, url
    assert fresh(application).status == S.SUBMITTED


def test_citizens_get_403_on_every_staff_url_even_for_their_own_application(client, service):
    application = submitted_application(service=service)
    client.force_login(application.applicant)
    gets, posts = staff_urls(application)
    for url in gets:
        assert client.get(url).status_code == 403, url
    for url in posts:
        assert client.post(url, {"seen_status": "submitted"}).status_code == 403, url
    assert fresh(application).status == S.SUBMITTED


def test_mpp_admins_read_every_agency_but_cannot_act(client, service, other_service):
    mine = submitted_application(service=service)
    theirs = submitted_application(service=other_service)
    admin = UserFactory(mpp_admin=True)
    client.force_login(admin)
    response = client.get(WORKLIST)
    assert set(worklist_numbers(response)) == {mine.tracking_number, theirs.tracking_number}
    assert "Ambil" not in response.content.decode()
    page = client.get(reverse("permits_staff:detail", args=[mine.pk])).content.decode()
    assert "hanya baca" in page
    assert reverse("permits_staff:verify", args=[mine.pk]) not in page
    assert (
        client.post(reverse("permits_staff:verify", args=[mine.pk]), {"seen_status": "submitted"}).status_code
        == 403
    )
    assert fresh(mine).status == S.SUBMITTED


def test_the_header_links_staff_and_admins_to_the_worklist_and_not_citizens(client, officer):
    client.force_login(officer)
    assert f'href="{WORKLIST}"' in client.get(reverse("services:home")).content.decode()
    client.force_login(UserFactory())
    assert f'href="{WORKLIST}"' not in client.get(reverse("services:home")).content.decode()


# --- Worklist -----------------------------------------------------------------------------------


def test_staff_see_only_their_agencys_applications(client, service, other_service, officer, other_officer):
    mine = submitted_application(service=service)
    theirs = submitted_application(service=other_service)
    client.force_login(officer)
    response = client.get(WORKLIST)
    page = response.content.decode()
    assert mine.tracking_number in page
    assert theirs.tracking_number not in page
    assert mine.applicant.full_name in page
    # Another agency's application, its documents and its actions are "not found".
    assert client.get(reverse("permits_staff:detail", args=[theirs.pk])).status_code == 404
    document = theirs.documents.first()
    assert client.get(reverse("permits_staff:document", args=[theirs.pk, document.pk])).status_code == 404
    response = client.post(reverse("permits_staff:verify", args=[theirs.pk]), {"seen_status": "submitted"})
    assert response.status_code == 404
    assert fresh(theirs).status == S.SUBMITTED


def test_a_citizens_draft_is_not_visible_to_staff(client, service, officer):
    draft = ApplicationFactory(service=service)
    client.force_login(officer)
    assert client.get(reverse("permits_staff:detail", args=[draft.pk])).status_code == 404


def test_worklist_orders_by_deadline_nulls_last_then_submission(client, service, officer):
    now = dt.datetime.now(dt.UTC)
    late = ApplicationFactory(service=service, in_process=True, due_at=now + dt.timedelta(days=9))
    soon = ApplicationFactory(service=service, in_process=True, due_at=now + dt.timedelta(days=1))
    overdue = ApplicationFactory(service=service, in_process=True, due_at=now - dt.timedelta(days=2))
    new_old = ApplicationFactory(service=service, submitted=True, submitted_at=now - dt.timedelta(days=3))
    new_recent = ApplicationFactory(service=service, submitted=True, submitted_at=now - dt.timedelta(hours=1))
    client.force_login(officer)
    response = client.get(WORKLIST)
    assert worklist_numbers(response) == [
        a.tracking_number for a in (overdue, soon, late, new_old, new_recent)
    ]


def test_deadline_column_counts_working_days_left_and_late(client, service, officer):
    # Thursday 26 March 2026; 18-24 March are holidays and cuti bersama (DOMAIN.md).
    running = ApplicationFactory(service=service, in_process=True, due_at=wib(3, 30, 14))
    late = ApplicationFactory(service=service, in_process=True, due_at=wib(3, 17, 14))
    client.force_login(officer)
    with mock.patch("django.utils.timezone.now", return_value=wib(3, 26, 10)):
        response = client.get(WORKLIST)
    page = re.sub(r"\s+", " ", response.content.decode())
    rows = {row["pk"]: row["deadline_text"] for row in response.context["rows"]}
    assert rows[running.pk] == "sisa 2 hari kerja"  # Fri 27, Mon 30
    assert rows[late.pk] == "terlambat 2 hari kerja"  # Wed 25, Thu 26
    assert "sisa 2 hari kerja" in page and "terlambat 2 hari kerja" in page
    assert '<time datetime="2026-03-30T14:00:00+07:00">30 Mar 2026, 14.00</time>' in page


def test_worklist_filters(client, service, officer):
    now = dt.datetime.now(dt.UTC)
    second = permit_service(agency=service.agency, code="REK")
    overdue = ApplicationFactory(service=service, in_process=True, due_at=now - dt.timedelta(days=1))
    mine = ApplicationFactory(
        service=service, in_process=True, due_at=now + dt.timedelta(days=30), assigned_to=officer
    )
    returned = ApplicationFactory(service=service, returned=True)
    other_service = ApplicationFactory(service=second, submitted=True)
    issued = ApplicationFactory(service=service, issued=True)
    client.force_login(officer)

    def numbers(**params):
        return set(worklist_numbers(client.get(WORKLIST, params)))

    open_ones = {a.tracking_number for a in (overdue, mine, returned, other_service)}
    assert numbers() == open_ones
    assert numbers(status="returned") == {returned.tracking_number}
    assert numbers(status="issued") == {issued.tracking_number}
    assert numbers(status="all") == open_ones | {issued.tracking_number}
    assert numbers(layanan="REK") == {other_service.tracking_number}
    assert numbers(layanan="rek") == {other_service.tracking_number}
    options = client.get(WORKLIST, {"layanan": "rek"}).content.decode()
    assert f'<option value="REK" selected>{second.name} (REK)</option>' in options
    assert f'<option value="PBG">{service.name} (PBG)</option>' in options
    assert numbers(batas="terlambat") == {overdue.tracking_number}
    assert numbers(batas="0") == set()
    assert numbers(batas="60") == {mine.tracking_number}
    assert numbers(penanganan="saya") == {mine.tracking_number}
    assert numbers(penanganan="belum") == open_ones - {mine.tracking_number}
    assert numbers(status="in_process", penanganan="belum") == {overdue.tracking_number}


def test_due_within_n_working_days(client, service, officer):
    due_friday = ApplicationFactory(service=service, in_process=True, due_at=wib(3, 27, 11))
    due_monday = ApplicationFactory(service=service, in_process=True, due_at=wib(3, 30, 14))
    client.force_login(officer)
    with mock.patch("django.utils.timezone.now", return_value=wib(3, 26, 10)):
        one = set(worklist_numbers(client.get(WORKLIST, {"batas": "1"})))
        two = set(worklist_numbers(client.get(WORKLIST, {"batas": "2"})))
    assert one == {due_friday.tracking_number}
    assert two == {due_friday.tracking_number, due_monday.tracking_number}


def test_bad_filter_values_are_ignored_with_a_notice(client, service, officer, other_service):
    application = submitted_application(service=service)
    client.force_login(officer)
    response = client.get(
        WORKLIST,
        {
            "status": "hilang",
            "layanan": other_service.code,
            "batas": "kemarin",
            "penanganan": "x",
            "page": "9",
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert worklist_numbers(response) == [application.tracking_number]
    assert "Filter status &#x27;hilang&#x27; tidak dikenal dan diabaikan." in page
    assert f"Filter layanan &#x27;{other_service.code}&#x27; tidak dikenal dan diabaikan." in page
    assert "Filter batas waktu &#x27;kemarin&#x27; tidak valid dan diabaikan" in page
    assert "Filter penanganan &#x27;x&#x27; tidak dikenal dan diabaikan." in page
    assert "Halaman &#x27;9&#x27; tidak ada" in page


def test_filters_that_exclude_the_chosen_status_say_why_the_list_is_empty(client, service, officer):
    ApplicationFactory(service=service, issued=True)
    ApplicationFactory(service=service, submitted=True)
    client.force_login(officer)

    unassigned_issued = client.get(WORKLIST, {"status": "issued", "penanganan": "belum"})
    overdue_submitted = client.get(WORKLIST, {"status": "submitted", "batas": "terlambat"})
    unassigned_submitted = client.get(WORKLIST, {"status": "submitted", "penanganan": "belum"})

    assert worklist_numbers(unassigned_issued) == []
    assert (
        "&#x27;Belum ditangani&#x27; hanya mencakup permohonan yang masih terbuka, jadi tidak ada "
        "permohonan berstatus &#x27;Diterbitkan&#x27; di daftar ini."
    ) in unassigned_issued.content.decode()
    assert worklist_numbers(overdue_submitted) == []
    assert (
        "Filter batas waktu hanya mencakup permohonan yang sedang diproses, jadi tidak ada "
        "permohonan berstatus &#x27;Diajukan&#x27; di daftar ini."
    ) in overdue_submitted.content.decode()
    assert len(worklist_numbers(unassigned_submitted)) == 1
    assert "hanya mencakup" not in unassigned_submitted.content.decode()

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.get(WORKLIST, {"status": "issued", "penanganan": "belum"}).content.decode()
    assert (
        "&#x27;Not yet handled&#x27; covers only open applications, so this list has no "
        "applications with status &#x27;Issued&#x27;."
    ) in english


def test_search_by_tracking_number_or_applicant_name(client, service, officer):
    siti = submitted_application(service=service, applicant=UserFactory(full_name="Siti Aminah"))
    budi = submitted_application(service=service, applicant=UserFactory(full_name="Budi Santoso"))
    client.force_login(officer)

    def numbers(q):
        return worklist_numbers(client.get(WORKLIST, {"q": q}))

    assert numbers("aminah") == [siti.tracking_number]
    assert numbers(budi.tracking_number.lower()) == [budi.tracking_number]
    prefix = siti.tracking_number.rsplit("-", 1)[0]  # "PBG-2026"
    assert numbers(prefix) == [siti.tracking_number, budi.tracking_number]
    assert numbers("tidak ada orangnya") == []
    assert "Tidak ada permohonan yang cocok" in client.get(WORKLIST, {"q": "zzz"}).content.decode()


def test_a_name_search_pages_in_deadline_order_and_keeps_other_agencies_out(
    client, service, officer, other_service
):
    now = dt.datetime.now(dt.UTC)
    expected = []
    for i in range(45):
        name = "Siti Rahma" if i % 2 else "Budi Santoso"
        application = ApplicationFactory(
            service=service,
            in_process=True,
            due_at=now + dt.timedelta(hours=100 - i),
            applicant=UserFactory(full_name=name),
        )
        if name.startswith("Siti"):
            expected.append((application.due_at, application.tracking_number))
    ApplicationFactory(service=other_service, in_process=True, applicant=UserFactory(full_name="Siti Lain"))
    expected = [number for _due, number in sorted(expected)]
    client.force_login(officer)

    first = client.get(WORKLIST, {"q": "siti"})
    second = client.get(WORKLIST, {"q": "siti", "page": "2"})

    assert len(expected) == 22
    assert "22 permohonan" in first.content.decode()
    # Nearest deadline first, 20 a page; never the other agency's Siti.
    assert worklist_numbers(first) == expected[:20]
    assert worklist_numbers(second) == expected[20:]


def test_worklist_rows_escape_what_applicants_typed(client, service, officer):
    hostile = '<script>alert("x")</script> & Co'
    submitted_application(service=service, applicant=UserFactory(full_name=hostile))
    client.force_login(officer)

    page = client.get(WORKLIST).content.decode()

    assert hostile not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co" in page


def test_the_filter_form_keeps_the_chosen_filters_in_both_languages(client, service, officer):
    client.force_login(officer)
    params = {"status": "in_process", "batas": "3", "layanan": service.code.lower()}

    page = re.sub(r"\s+", " ", client.get(WORKLIST, params).content.decode())
    selected = re.findall(r'<option value="([^"]*)" selected>([^<]*)</option>', page)

    assert selected == [
        ("in_process", "Diproses"),
        (service.code, f"{service.name} ({service.code})"),
        ("3", "Jatuh tempo dalam 3 hari kerja"),
    ]
    assert '<option value="0">Jatuh tempo hari ini</option>' in page
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.get(WORKLIST, params).content.decode()
    assert '<option value="3" selected>Due within 3 working days</option>' in english


def test_worklist_is_paginated_by_20(client, service, officer):
    now = dt.datetime.now(dt.UTC)
    for i in range(30):
        ApplicationFactory(service=service, in_process=True, due_at=now + dt.timedelta(hours=i + 1))
    client.force_login(officer)
    first = client.get(WORKLIST)
    second = client.get(WORKLIST, {"page": "2"})
    assert len(first.context["rows"]) == 20
    assert len(second.context["rows"]) == 10
    assert "30 permohonan" in first.content.decode()
    assert "Halaman 1 dari 2" in first.content.decode()
    assert not set(worklist_numbers(first)) & set(worklist_numbers(second))


def test_the_count_stops_at_the_cap_and_pages_past_it_are_refused(client, service, officer):
    now = dt.datetime.now(dt.UTC)
    for i in range(26):
        ApplicationFactory(service=service, in_process=True, due_at=now + dt.timedelta(hours=i + 1))
    client.force_login(officer)
    with mock.patch("permits.selectors.COUNT_CAP", 25):
        first = client.get(WORKLIST)
        past = client.get(WORKLIST, {"page": "3"})
    page = re.sub(r"\s+", " ", first.content.decode())
    assert "Lebih dari 25 permohonan" in page
    assert "Halaman 1 dari 2 pertama" in page
    assert len(first.context["rows"]) == 20
    refused = re.sub(r"\s+", " ", past.content.decode())
    assert "Halaman &#x27;3&#x27; tidak ada; menampilkan halaman 1 dari 2." in refused
    assert (
        "Hanya 25 hasil pertama yang dapat dibuka; persempit daftar dengan filter atau pencarian." in refused
    )
    assert worklist_numbers(past) == worklist_numbers(first)


def test_a_name_search_needs_three_characters(client, service, officer):
    siti = submitted_application(service=service, applicant=UserFactory(full_name="Siti Aminah"))
    budi = submitted_application(service=service, applicant=UserFactory(full_name="Budi Santoso"))
    client.force_login(officer)
    response = client.get(WORKLIST, {"q": "si"})
    page = response.content.decode()
    assert "Ketik minimal 3 huruf untuk mencari nama pemohon, atau nomor permohonan lengkap." in page
    assert set(worklist_numbers(response)) == {siti.tracking_number, budi.tracking_number}
    assert 'value="si"' in page  # what was typed stays in the box
    assert worklist_numbers(client.get(WORKLIST, {"q": "sit"})) == [siti.tracking_number]


@pytest.mark.parametrize("viewer", ["officer", "mpp_admin"])
def test_worklist_query_count_does_not_grow_with_the_number_of_applications(
    client, service, officer, other_service, viewer
):
    now = dt.datetime.now(dt.UTC)
    # The MPP admin's list spans every agency and shows each row's agency.
    client.force_login(officer if viewer == "officer" else UserFactory(mpp_admin=True))

    def queries_for_page():
        client.get(WORKLIST)  # warm the calendar cache, as on a running server
        with CaptureQueriesContext(connection) as captured:
            response = client.get(WORKLIST)
        assert response.status_code == 200
        return len(captured), len(response.context["rows"])

    for i in range(5):
        ApplicationFactory(
            service=service, in_process=True, due_at=now + dt.timedelta(days=i), assigned_to=officer
        )
    few, rows = queries_for_page()
    assert rows == 5
    ApplicationFactory.create_batch(15, service=service, submitted=True)
    ApplicationFactory.create_batch(10, service=other_service, submitted=True)
    many, rows = queries_for_page()
    assert rows == 20
    assert few == many
    # Session (unless sessions are read from the shared cache), user, the keys of the first 1,001
    # rows (the count), the page's rows by key; the filter choices and the header's unread count
    # are cached.
    session_query = 0 if settings.SESSION_ENGINE.endswith("cached_db") else 1
    assert many == 3 + session_query


@pytest.mark.parametrize("services_in_agency", [1, 12])
def test_worklist_query_count_is_the_same_whatever_the_number_of_services(
    client, service, officer, services_in_agency, django_assert_max_num_queries
):
    now = dt.datetime.now(dt.UTC)
    extra = [permit_service(agency=service.agency, code=f"X{i:02d}") for i in range(services_in_agency - 1)]
    for i, each in enumerate([service, *extra] * 3):
        ApplicationFactory(service=each, in_process=True, due_at=now + dt.timedelta(hours=i + 1))
    client.force_login(officer)
    client.get(WORKLIST)  # warm the calendar cache
    # Session, user, count, rows: the same with 1 or 12 services (the filter's services and the
    # agency's name are cached per agency, the header's unread count for 10 s).
    with django_assert_max_num_queries(4):
        response = client.get(WORKLIST)
    assert len(response.context["rows"]) == min(3 * services_in_agency, 20)


def test_htmx_gets_only_the_results_which_refresh_every_30_seconds(client, service, officer):
    application = submitted_application(service=service)
    client.force_login(officer)
    full = client.get(WORKLIST).content.decode()
    assert 'hx-get="/petugas/permohonan/"' in full and 'hx-push-url="true"' in full
    response = client.get(WORKLIST, {"status": "submitted"}, headers={"HX-Request": "true"})
    partial = response.content.decode()
    assert "<html" not in partial
    assert application.tracking_number in partial
    assert "every 30s" in partial
    assert 'hx-get="/petugas/permohonan/?status=submitted&amp;page=1"' in partial
    assert "HX-Request" in response["Vary"]
    # A filter change announces the count; the 30-second refresh does not.
    assert 'hx-swap-oob="innerHTML"' in partial
    refresh = client.get(
        WORKLIST, {"status": "submitted"}, headers={"HX-Request": "true", "HX-Trigger": "worklist-results"}
    ).content.decode()
    assert "hx-swap-oob" not in refresh


def test_claim_from_the_worklist_row(client, service, officer):
    application = submitted_application(service=service)
    client.force_login(officer)
    page = client.get(WORKLIST).content.decode()
    claim_url = reverse("permits_staff:claim", args=[application.pk])
    assert f'action="{claim_url}"' in page
    response = client.post(claim_url, {"seen_status": "submitted", "next": f"{WORKLIST}?page=1"}, follow=True)
    assert response.redirect_chain[-1][0] == f"{WORKLIST}?page=1"
    assert fresh(application).assigned_to == officer
    row = last_history(application)
    assert (row.history_user, row.history_change_reason) == (officer, "diambil untuk ditangani")
    assert f'action="{claim_url}"' not in response.content.decode()
    # The row now names who handles it, marked as the viewer.
    assert f'{officer.full_name} <span class="muted">(Anda)</span>' in response.content.decode()
    # An outside "next" is not followed.
    other = submitted_application(service=service)
    response = client.post(
        reverse("permits_staff:claim", args=[other.pk]),
        {"seen_status": "submitted", "next": "https://jahat.example/"},
    )
    assert response.url == reverse("permits_staff:detail", args=[other.pk])


def test_claiming_what_someone_else_took_first_is_refused(client, service, officer, supervisor):
    application = submitted_application(service=service)
    services.application_claim(application=application, actor=supervisor)
    client.force_login(officer)
    response = client.post(
        reverse("permits_staff:claim", args=[application.pk]), {"seen_status": "submitted"}, follow=True
    )
    assert "sudah ditangani oleh Supervisor Sari" in " ".join(messages_of(response))
    assert fresh(application).assigned_to == supervisor


# --- Application page ---------------------------------------------------------------------------


def test_application_page_shows_the_file_and_its_record(client, service, officer):
    applicant = UserFactory(full_name="Siti Aminah", nik="3574014101900003", phone="+6281234567890")
    application = in_process_application(service=service, officer=officer, applicant=applicant)
    client.force_login(officer)
    response = client.get(reverse("permits_staff:detail", args=[application.pk]))
    page = response.content.decode()
    assert "Siti Aminah" in page
    assert "0003" in page and "3574014101900003" not in page
    assert "+6281234567890" in page and applicant.email in page
    assert "Jl. Suroyo 10, Probolinggo" in page and "120 m²" in page
    standard = application.standard
    assert reverse("services:standard_version", args=[service.code, standard.version]) in page
    assert standard.decree_number in page
    assert "5 hari kerja" in page
    for step in application.steps.all():
        assert step.name in page
    assert "Berkas lengkap, permohonan diproses" in page and "oleh Petugas Andi" in page
    assert "Diambil" not in page
    ktp = application.documents.get(requirement=requirements_of(application)[0])
    url = reverse("permits_staff:document", args=[application.pk, ktp.pk])
    assert url in page
    file_response = client.get(url)
    assert file_response.status_code == 200
    assert file_response["Content-Type"] == "image/png"
    assert file_response["Content-Disposition"].startswith("inline")
    assert file_response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(file_response.streaming_content).startswith(b"\x89PNG")


def test_application_page_query_count_is_bounded(client, service, officer, django_assert_max_num_queries):
    application = in_process_application(service=service, officer=officer)
    client.force_login(officer)
    client.get(reverse("permits_staff:detail", args=[application.pk]))
    with django_assert_max_num_queries(20):
        assert client.get(reverse("permits_staff:detail", args=[application.pk])).status_code == 200


# --- Actions ------------------------------------------------------------------------------------


def post_action(client, name, application, data=None, **kwargs):
    payload = {"seen_status": application.status, **(data or {})}
    return client.post(
        reverse(f"permits_staff:{name}", args=[application.pk]), payload, follow=True, **kwargs
    )


def test_verify_starts_the_clock_and_records_the_officer(client, service, officer):
    application = submitted_application(service=service)
    client.force_login(officer)
    page = client.get(reverse("permits_staff:detail", args=[application.pk])).content.decode()
    assert 'name="seen_status" value="submitted"' in page
    response = post_action(client, "verify", application, {"note": "KTP asli sudah dicocokkan"})
    application = fresh(application)
    assert application.status == S.IN_PROCESS
    assert application.due_at is not None and application.assigned_to == officer
    row = last_history(application)
    assert row.history_user == officer
    assert row.history_change_reason == "berkas lengkap: KTP asli sudah dicocokkan"
    assert "Berkas dinyatakan lengkap" in " ".join(messages_of(response))
    assert application.steps.count() == 3


def test_a_stale_status_gives_the_conflict_message_and_changes_nothing(client, service, officer, supervisor):
    application = submitted_application(service=service)
    client.force_login(officer)
    # The officer's page still says "submitted"; meanwhile a supervisor asks for a correction.
    seen = application.status
    services.application_request_correction(
        application=application, actor=supervisor, items=[(None, "Foto KTP buram")]
    )
    before = Application.history.filter(id=application.pk).count()
    response = client.post(
        reverse("permits_staff:verify", args=[application.pk]), {"seen_status": seen}, follow=True
    )
    assert CONFLICT in " ".join(messages_of(response))
    assert fresh(application).status == S.RETURNED
    assert Application.history.filter(id=application.pk).count() == before


def test_request_correction_with_items_naming_a_requirement_and_a_field(client, service, officer):
    application = submitted_application(service=service)
    ktp = requirements_of(application)[0]
    field = application.standard.form_fields.get(key="luas_bangunan")
    client.force_login(officer)
    response = post_action(
        client,
        "correction",
        application,
        {
            "items-TOTAL_FORMS": "3",
            "items-INITIAL_FORMS": "0",
            "items-MIN_NUM_FORMS": "0",
            "items-MAX_NUM_FORMS": "20",
            "items-0-target": f"req-{ktp.pk}",
            "items-0-message": "Foto KTP buram, foto ulang",
            "items-1-target": f"field-{field.pk}",
            "items-1-message": "Luas tidak sesuai gambar",
            "items-2-target": "umum",
            "items-2-message": "",
            "note": "Lengkapi dalam 14 hari kerja",
        },
    )
    application = fresh(application)
    assert application.status == S.RETURNED
    correction = CorrectionRequest.objects.get(application=application)
    items = list(correction.items.order_by("id"))
    assert [(i.requirement, i.form_field, i.message) for i in items] == [
        (ktp, None, "Foto KTP buram, foto ulang"),
        (None, field, "Luas tidak sesuai gambar"),
    ]
    row = last_history(application)
    assert row.history_user == officer
    assert row.history_change_reason == "dikembalikan untuk perbaikan: Lengkapi dalam 14 hari kerja"
    page = response.content.decode()
    assert "Perbaikan yang diminta" in page and "Foto KTP buram, foto ulang" in page


def test_a_correction_needs_at_least_one_item(client, service, officer):
    application = submitted_application(service=service)
    client.force_login(officer)
    response = client.post(
        reverse("permits_staff:correction", args=[application.pk]),
        {
            "seen_status": "submitted",
            "items-TOTAL_FORMS": "1",
            "items-INITIAL_FORMS": "0",
            "items-0-target": "umum",
            "items-0-message": "  ",
        },
    )
    assert response.status_code == 200
    assert "Sebutkan paling sedikit satu hal yang perlu diperbaiki." in response.content.decode()
    assert fresh(application).status == S.SUBMITTED
    assert not CorrectionRequest.objects.exists()


def test_steps_are_completed_in_order_by_the_responsible_role(client, service, officer, supervisor):
    application = in_process_application(service=service, officer=officer)
    first, second, head = application.steps.order_by("order")
    client.force_login(officer)
    page = client.get(reverse("permits_staff:detail", args=[application.pk])).content.decode()
    assert "Langkah berikutnya: Pemeriksaan kelengkapan berkas" in page
    assert "Dapat diselesaikan oleh: Petugas loket atau Supervisor instansi." in page

    # Only the next step: skipping ahead is refused.
    response = post_action(client, "step", application, {"step": second.pk})
    assert "tidak boleh dilewati" in " ".join(messages_of(response))
    assert StepProgress.objects.get(pk=second.pk).completed_at is None

    post_action(client, "step", application, {"step": first.pk, "note": "Berkas asli cocok"})
    post_action(client, "step", application, {"step": second.pk})
    first = StepProgress.objects.get(pk=first.pk)
    assert (first.completed_by, first.note) == (officer, "Berkas asli cocok")
    history = StepProgress.history.filter(id=first.pk).order_by("-history_id").first()
    assert history.history_user == officer
    assert (
        history.history_change_reason == "langkah selesai: Pemeriksaan kelengkapan berkas: Berkas asli cocok"
    )

    # The head's signature is not an officer's step.
    page = client.get(reverse("permits_staff:detail", args=[application.pk])).content.decode()
    assert "Peran Anda tidak dapat menyelesaikan langkah ini." in page
    response = post_action(client, "step", application, {"step": head.pk})
    assert (
        "Langkah &#x27;Penandatanganan izin&#x27; menjadi tanggung jawab Kepala instansi"
        in response.content.decode()
    )
    assert StepProgress.objects.get(pk=head.pk).completed_at is None

    client.force_login(supervisor)
    post_action(client, "step", application, {"step": head.pk})
    assert StepProgress.objects.get(pk=head.pk).completed_by == supervisor


def test_approve_then_issue(client, service, officer, supervisor):
    application = in_process_application(service=service, officer=officer)
    client.force_login(officer)
    # Approving with steps open is refused with the service's message.
    response = post_action(client, "approve", application, {"note": "ok"})
    assert "Belum semua langkah SOP selesai" in " ".join(messages_of(response))
    assert fresh(application).status == S.IN_PROCESS
    for step in application.steps.order_by("order"):
        services.step_complete(application=fresh(application), step_progress=step, actor=supervisor)

    response = post_action(client, "approve", fresh(application), {"note": "Sesuai RTRW"})
    application = fresh(application)
    assert application.status == S.APPROVED
    row = last_history(application)
    assert (row.history_user, row.history_change_reason) == (officer, "disetujui: Sesuai RTRW")
    assert "Permohonan disetujui" in " ".join(messages_of(response))

    response = post_action(client, "issue", application)
    application = fresh(application)
    assert application.status == S.ISSUED
    assert "Izin diterbitkan." in " ".join(messages_of(response))
    row = Application.history.filter(id=application.pk, status=S.ISSUED).order_by("history_id").first()
    assert (row.history_user, row.history_change_reason) == (officer, "diterbitkan")


def test_issuing_with_an_unpaid_levy_shows_the_issuance_check_and_changes_nothing(client, service, officer):
    service.standards.update(fee_kind="levy", levy_formula="other")
    application = ApplicationFactory(service=service, approved=True)
    client.force_login(officer)
    page = client.get(reverse("permits_staff:detail", args=[application.pk])).content.decode()
    assert "Retribusi (SKRD)" in page  # the levy panel is on the staff page
    response = post_action(client, "issue", application)
    assert "Retribusi layanan ini belum ditetapkan" in " ".join(messages_of(response))
    assert fresh(application).status == S.APPROVED


def test_reject_cites_a_requirement_and_is_shown_to_the_citizen(client, service, officer):
    application = submitted_application(service=service)
    ktp = requirements_of(application)[0]
    client.force_login(officer)
    post_action(
        client,
        "reject",
        application,
        {"basis": f"req-{ktp.pk}", "explanation": "KTP-el sudah tidak berlaku sejak 2020."},
    )
    application = fresh(application)
    assert application.status == S.REJECTED
    reason = "Persyaratan tidak dipenuhi: Fotokopi KTP-el. KTP-el sudah tidak berlaku sejak 2020."
    assert application.rejection_reason == reason
    row = last_history(application)
    assert (row.history_user, row.history_change_reason) == (officer, f"ditolak: {reason}")


def test_reject_citing_another_rule(client, service, officer):
    application = in_process_application(service=service, officer=officer)
    client.force_login(officer)
    post_action(
        client,
        "reject",
        application,
        {"basis": "aturan", "rule": "Perda 5/2021 Pasal 12", "explanation": "Lokasi di zona hijau kota."},
    )
    assert fresh(application).rejection_reason == (
        "Tidak memenuhi aturan: Perda 5/2021 Pasal 12. Lokasi di zona hijau kota."
    )


@pytest.mark.parametrize(
    "data, error",
    [
        ({"basis": "aturan", "rule": "Perda 5/2021", "explanation": ""}, "Penjelasan untuk pemohon"),
        ({"basis": "aturan", "rule": "", "explanation": "Lokasi di zona hijau kota."}, "Tulis aturan"),
        ({"basis": "", "explanation": "Lokasi di zona hijau kota."}, "Dasar penolakan"),
    ],
)
def test_reject_without_a_reason_or_citation_is_refused(client, service, officer, data, error):
    application = submitted_application(service=service)
    client.force_login(officer)
    response = client.post(
        reverse("permits_staff:reject", args=[application.pk]), {"seen_status": "submitted", **data}
    )
    assert response.status_code == 200
    assert error in response.content.decode()
    assert fresh(application).status == S.SUBMITTED
    assert fresh(application).rejection_reason == ""


def test_only_supervisors_assign(client, service, officer, supervisor, other_officer):
    application = submitted_application(service=service)
    colleague = UserFactory(officer=True, agency=service.agency, full_name="Petugas Budi")
    client.force_login(officer)
    page = client.get(reverse("permits_staff:detail", args=[application.pk])).content.decode()
    assert reverse("permits_staff:assign", args=[application.pk]) not in page
    response = client.post(
        reverse("permits_staff:assign", args=[application.pk]),
        {"seen_status": "submitted", "assignee": colleague.pk},
    )
    assert response.status_code == 403
    assert fresh(application).assigned_to is None

    client.force_login(supervisor)
    page = client.get(reverse("permits_staff:detail", args=[application.pk])).content.decode()
    assert "Petugas Budi (petugas)" in page
    assert other_officer.full_name not in page  # only the agency's own staff are offered
    response = post_action(client, "assign", application, {"assignee": colleague.pk})
    assert fresh(application).assigned_to == colleague
    row = last_history(application)
    assert (row.history_user, row.history_change_reason) == (supervisor, "ditugaskan kepada Petugas Budi")
    assert "ditugaskan kepada Petugas Budi" in " ".join(messages_of(response))
    # Another agency's officer is not a valid choice.
    response = client.post(
        reverse("permits_staff:assign", args=[application.pk]),
        {"seen_status": "submitted", "assignee": other_officer.pk},
    )
    assert response.status_code == 200 and fresh(application).assigned_to == colleague


def test_actions_not_allowed_in_the_status_are_refused_with_the_table_message(client, service, officer):
    application = ApplicationFactory(service=service, rejected=True)
    client.force_login(officer)
    page = client.get(reverse("permits_staff:detail", args=[application.pk])).content.decode()
    assert "Tidak ada tindakan untuk permohonan berstatus Ditolak." in page
    response = post_action(client, "verify", application)
    assert "Permohonan berstatus &#x27;Ditolak&#x27; tidak dapat diproses." in response.content.decode()
    assert fresh(application).status == S.REJECTED


def test_a_tampered_status_field_is_refused(client, service, officer):
    application = submitted_application(service=service)
    client.force_login(officer)
    response = client.post(reverse("permits_staff:verify", args=[application.pk]), {"seen_status": "bukan"})
    assert response.status_code == 200
    assert "Tindakan belum dijalankan" in response.content.decode()
    assert fresh(application).status == S.SUBMITTED


def test_the_filter_lists_a_new_service_and_a_renamed_agency_at_once(
    client, service, officer, django_capture_on_commit_callbacks
):
    client.force_login(officer)
    page = client.get(WORKLIST).content.decode()
    assert f'<option value="{service.code}"' in page
    with django_capture_on_commit_callbacks(execute=True):
        added = ServiceFactory(agency=service.agency, code="SIUP", name="Surat Izin Usaha Perdagangan")
    with django_capture_on_commit_callbacks(execute=True):
        agency = service.agency
        agency.name = "Dinas Penanaman Modal dan PTSP Kota Probolinggo"
        agency.save()
    page = client.get(WORKLIST).content.decode()
    assert f'<option value="{added.code}">Surat Izin Usaha Perdagangan ({added.code})</option>' in page
    assert "Permohonan Dinas Penanaman Modal dan PTSP Kota Probolinggo, diurutkan" in page
    assert client.get(WORKLIST, {"layanan": added.code}).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        added.delete()
    assert f'<option value="{added.code}"' not in client.get(WORKLIST).content.decode()


def test_the_filter_of_one_agency_never_lists_anothers_services(client, service, officer, other_service):
    client.force_login(officer)
    client.get(WORKLIST)
    other_officer = UserFactory(officer=True, agency=other_service.agency)
    client.force_login(other_officer)
    page = client.get(WORKLIST).content.decode()
    assert f'<option value="{other_service.code}"' in page
    assert f'<option value="{service.code}"' not in page
    assert other_service.agency.name in page


def test_rows_show_the_applicants_name_and_the_agency_to_admins_only(client, service, officer):
    application = submitted_application(service=service)
    name = application.applicant.full_name
    client.force_login(officer)
    page = client.get(WORKLIST).content.decode()
    assert name in page
    assert (
        f'<span class="muted small">· {service.agency.short_name or service.agency.name}</span>' not in page
    )
    client.force_login(UserFactory(mpp_admin=True))
    page = client.get(WORKLIST).content.decode()
    assert name in page
    assert f'<span class="muted small">· {service.agency.short_name or service.agency.name}</span>' in page
