"""Maklumat, announcements, the calendar screen and staff accounts in the workspace."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role, User
from agencies.models import Announcement, CalendarOverride, Maklumat, OfficeHours
from agencies.selectors import active_announcements, current_maklumat
from permits import services as permits
from tests.factories import AgencyFactory, MppProfileFactory, UserFactory
from tests.permits.factories import permit_service, submitted_application

pytestmark = pytest.mark.django_db
WIB = ZoneInfo("Asia/Jakarta")


@pytest.fixture
def agency_admin():
    MppProfileFactory()
    return UserFactory(agency_admin=True, full_name="Dewi Lestari")


def test_a_new_maklumat_becomes_the_one_in_force_and_keeps_the_old(client, agency_admin):
    agency = agency_admin.agency
    client.force_login(agency_admin)
    for signed_on, signer in [("2025-01-02", "Drs. Hadi"), ("2026-01-05", "Ir. Sulastri")]:
        response = client.post(
            reverse("workspace:maklumat"),
            {
                "agency": agency.pk,
                "text": "Dengan ini kami menyatakan sanggup menyelenggarakan pelayanan sesuai standar.",
                "signer_name": signer,
                "signer_position": "Kepala Dinas",
                "signed_on": signed_on,
            },
        )
        assert response.status_code == 302
    assert current_maklumat(agency=agency).signer_name == "Ir. Sulastri"
    assert Maklumat.objects.filter(agency=agency).count() == 2
    assert Maklumat.history.filter(history_user=agency_admin).count() == 2


def test_agency_admin_cannot_publish_for_the_mpp_or_another_agency(client, agency_admin):
    client.force_login(agency_admin)
    other = AgencyFactory()
    base = {"text": "Maklumat", "signer_name": "A", "signer_position": "B", "signed_on": "2026-01-01"}
    response = client.post(reverse("workspace:maklumat"), {**base, "agency": other.pk})
    assert response.status_code == 200  # not a choice offered to them
    response = client.post(reverse("workspace:maklumat"), {**base, "agency": ""})
    assert response.status_code == 200
    assert Maklumat.objects.count() == 0


def test_announcement_window_and_home_page(client, agency_admin):
    client.force_login(agency_admin)
    now = timezone.localtime()
    response = client.post(
        reverse("workspace:announcements"),
        {
            "agency": agency_admin.agency.pk,
            "title": "Layanan tutup pukul 11.00 hari Jumat",
            "body": "Loket tutup lebih awal karena apel.",
            "publish_from": (now - dt.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
            "publish_until": (now + dt.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M"),
        },
    )
    assert response.status_code == 302
    assert [a.title for a in active_announcements()] == ["Layanan tutup pukul 11.00 hari Jumat"]
    bad = client.post(
        reverse("workspace:announcements"),
        {
            "agency": agency_admin.agency.pk,
            "title": "Salah",
            "body": "x",
            "publish_from": now.strftime("%Y-%m-%dT%H:%M"),
            "publish_until": (now - dt.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M"),
        },
    )
    assert "Akhir penayangan harus setelah awal penayangan." in bad.content.decode()
    assert Announcement.objects.count() == 1


def test_calendar_is_for_the_mpp_admin_only(client, agency_admin):
    client.force_login(agency_admin)
    assert client.get(reverse("workspace:calendar")).status_code == 403


def test_calendar_lists_holidays_by_source_and_recomputes_deadlines(client):
    MppProfileFactory()
    admin = UserFactory(mpp_admin=True)
    service = permit_service(time_limit_days=5)
    officer = UserFactory(officer=True, agency=service.agency)
    application = submitted_application(service=service, now=dt.datetime(2026, 3, 13, 9, tzinfo=WIB))
    application = permits.application_verify_complete(
        application=application, actor=officer, now=dt.datetime(2026, 3, 16, 10, tzinfo=WIB)
    )
    assert application.due_at == dt.datetime(2026, 3, 30, 14, tzinfo=WIB)
    client.force_login(admin)
    page = client.get(reverse("workspace:calendar") + "?tahun=2026").content.decode()
    assert "Cuti bersama" in page and "Libur nasional" in page
    # A local closure on Thu 26 Mar moves the deadline one working day later.
    response = client.post(
        reverse("workspace:calendar") + "?tahun=2026",
        {
            "action": "override",
            "date": "2026-03-26",
            "kind": "closed",
            "reason": "Hari Jadi Kota Probolinggo",
        },
        follow=True,
    )
    assert "Hitung ulang batas waktu" in response.content.decode()
    response = client.post(reverse("workspace:calendar"), {"action": "recompute"}, follow=True)
    assert "1 berpindah" in response.content.decode()
    application.refresh_from_db()
    assert application.due_at == dt.datetime(2026, 3, 31, 14, tzinfo=WIB)
    override = CalendarOverride.objects.get()
    assert override.history.first().history_user == admin


def test_office_hours_are_saved_and_bad_hours_refused(client):
    MppProfileFactory()
    client.force_login(UserFactory(mpp_admin=True))
    data = {"action": "hours"}
    for day in range(5):
        data.update({f"open_{day}": "on", f"opens_{day}": "08:00", f"closes_{day}": "14:00"})
    data.update({"open_5": "on", "opens_5": "08:00", "closes_5": "12:00"})  # Saturday mornings
    assert client.post(reverse("workspace:calendar"), data).status_code == 302
    assert OfficeHours.objects.get(weekday=4).closes_at == dt.time(14, 0)
    assert OfficeHours.objects.filter(weekday=5).exists()
    data.update({"opens_5": "13:00", "closes_5": "12:00"})
    response = client.post(reverse("workspace:calendar"), data)
    assert "Jam tutup harus setelah jam buka." in response.content.decode()
    assert OfficeHours.objects.get(weekday=5).opens_at == dt.time(8, 0)


def test_agency_admin_creates_officers_of_their_own_agency_only(client, agency_admin):
    client.force_login(agency_admin)
    response = client.post(
        reverse("workspace:staff"),
        {
            "email": "petugas.baru@contoh.id",
            "full_name": "Andi Wijaya",
            "role": Role.OFFICER,
            "agency": agency_admin.agency.pk,
        },
    )
    assert response.status_code == 302
    created = User.objects.get(email="petugas.baru@contoh.id")
    assert (created.role, created.agency) == (Role.OFFICER, agency_admin.agency)
    other = AgencyFactory()
    response = client.post(
        reverse("workspace:staff"),
        {"email": "x@contoh.id", "full_name": "X", "role": Role.MPP_ADMIN, "agency": other.pk},
    )
    assert response.status_code == 200 and not User.objects.filter(email="x@contoh.id").exists()
    # Role changes stay inside their agency and their roles.
    client.post(reverse("workspace:staff_role", args=[created.pk]), {"role": Role.SUPERVISOR})
    created.refresh_from_db()
    assert (created.role, created.agency) == (Role.SUPERVISOR, agency_admin.agency)
    stranger = UserFactory(officer=True, agency=other)
    assert (
        client.post(
            reverse("workspace:staff_role", args=[stranger.pk]), {"role": Role.SUPERVISOR}
        ).status_code
        == 404
    )
