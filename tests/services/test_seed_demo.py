"""seed_demo loads a complete, believable MPP and can run again without changing anything."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone

from accounts.models import Role, User
from agencies.models import Agency, Maklumat, MppProfile
from notifications.models import MessageTemplate
from queueing.models import Counter
from services.management.commands.seed_demo import _closure_announcement
from services.models import Requirement, Service, ServiceStandard

pytestmark = pytest.mark.django_db


def _counts():
    return (
        Agency.objects.count(),
        Service.objects.count(),
        ServiceStandard.objects.count(),
        Requirement.objects.count(),
        Counter.objects.count(),
        Maklumat.objects.count(),
        User.objects.count(),
    )


def test_seed_demo_loads_the_catalogue_once(client, capsys):
    call_command("seed_demo")
    first = _counts()
    output = capsys.readouterr().out
    call_command("seed_demo")
    assert _counts() == first

    assert Agency.objects.count() == 22
    assert Agency.objects.filter(kind=Agency.Kind.LOCAL).count() == 12
    assert Service.objects.count() >= 150
    # every service has exactly one standard in force, with requirements and SOP steps
    in_force = ServiceStandard.objects.filter(status=ServiceStandard.Status.IN_FORCE)
    assert in_force.count() == Service.objects.count()
    assert not in_force.filter(requirements__isnull=True).exists()
    assert not in_force.filter(steps__isnull=True).exists()
    assert Requirement.history.count() == Requirement.objects.count()
    skck = Service.objects.get(code="SKCK").standards.get()
    assert skck.time_limit_days == 1
    assert [int(item.amount) for item in skck.fee_items.all()] == [30000]
    profile = MppProfile.objects.get()
    assert profile.office_hours.count() == 5
    assert Maklumat.objects.filter(agency__isnull=True).exists()
    assert MessageTemplate.objects.filter(event="application.received").exists()

    assert "admin@demo.mpp.id" in output and "mpp-demo-2026" in output
    officer = User.objects.get(email="petugas.dpmptsp@demo.mpp.id")
    assert officer.role == Role.OFFICER and officer.agency.slug == "dpmptsp"
    assert client.login(username="warga@demo.mpp.id", password="mpp-demo-2026")


def test_seed_demo_creates_no_accounts_outside_demo_mode(settings):
    settings.DEMO_MODE = False
    call_command("seed_demo")
    assert not User.objects.exists()
    assert Service.objects.count() >= 150


@pytest.mark.parametrize(
    ("today", "title", "until"),
    [
        ("2026-12-07", "Layanan tutup 24–25 Desember 2026", "2026-12-26"),  # cuti bersama + Natal
        ("2026-12-25", "Layanan tutup 25 Desember 2026", "2026-12-26"),  # on the day: still shown
        ("2026-12-28", "Layanan tutup 1 Januari 2027", "2027-01-02"),  # the old fixed notice had ended
        ("2027-02-15", "Layanan tutup 8–12 Maret 2027", "2027-03-13"),  # Nyepi, then Idul Fitri
    ],
)
def test_the_closure_notice_is_about_the_next_closed_days_whatever_the_date(today, title, until):
    """The demo's closure notice follows the calendar (national holidays and cuti bersama): with a
    fixed date it ended before it started once that date had passed, and seed_demo (so `make run`)
    failed on the announcement's window constraint."""
    now = timezone.make_aware(dt.datetime.fromisoformat(f"{today} 10:00"))
    [(shown_title, body, start, end)] = _closure_announcement(now)
    assert shown_title == title
    assert title.removeprefix("Layanan tutup ") in body
    assert start < now < end
    assert timezone.localtime(end).date().isoformat() == until
