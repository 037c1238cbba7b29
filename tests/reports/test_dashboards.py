"""Dashboard figures equal a direct count over the same applications, walked through the real
permit services on DOMAIN.md's calendar (18-24 Mar 2026 closed, Probolinggo hours), with pauses."""

import csv
import io
import zipfile
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from agencies.selectors import work_calendar
from permits import services as permits
from permits.models import Application
from reports import selectors
from reports.models import ApplicationFact
from reports.selectors import Period, Scope
from reports.services import facts_refresh
from tests.factories import MppProfileFactory, UserFactory
from tests.permits.factories import permit_service, png_file, requirements_of, submitted_application

pytestmark = pytest.mark.django_db
WIB = ZoneInfo("Asia/Jakarta")
S = Application.Status
MARCH_APRIL = Period(date(2026, 3, 1), date(2026, 4, 30))
RULE = "Lokasi tidak sesuai Perda Kota Probolinggo Nomor 2 Tahun 2021 tentang RTRW, pasal 45 ayat (2)."
NOW = datetime(2026, 4, 2, 9, 0, tzinfo=WIB)


def wib(month, day, hour, minute=0):
    return datetime(2026, month, day, hour, minute, tzinfo=WIB)


def verified(service, officer, at):
    application = submitted_application(service=service, now=at)
    return permits.application_verify_complete(application=application, actor=officer, now=at)


def approve(application, at):
    """The agency's supervisor completes the SOP steps and approves; the officer stays assigned."""
    supervisor = UserFactory(supervisor=True, agency=application.agency)
    for step in application.steps.order_by("order", "id"):
        permits.step_complete(application=application, step_progress=step, actor=supervisor, now=at)
    return permits.application_approve(application=application, actor=supervisor, now=at)


@pytest.fixture
def march():
    """Two agencies. In agency A (officer Budi): on time, on time after a pause, late, rejected at
    the desk, overdue now, and one waiting. In agency B (officer Rina): one on time."""
    MppProfileFactory()
    service_a = permit_service(time_limit_days=5)
    service_b = permit_service(time_limit_days=5)
    budi = UserFactory(officer=True, agency=service_a.agency, full_name="Budi Santoso")
    rina = UserFactory(officer=True, agency=service_b.agency, full_name="Rina Wulandari")

    on_time = approve(verified(service_a, budi, wib(3, 16, 10)), wib(3, 26, 10))

    paused = verified(service_a, budi, wib(3, 16, 10))
    correction = permits.application_request_correction(
        application=paused, actor=budi, items=[(None, "Tanda tangan kurang")], now=wib(3, 17, 10)
    )
    ktp, _ = requirements_of(paused)
    permits.document_upload(
        application=paused, requirement=ktp, file=png_file(), actor=paused.applicant, now=wib(3, 23, 9)
    )
    paused = permits.application_resubmit(
        application=correction.application, actor=paused.applicant, now=wib(3, 25, 10)
    )
    paused = approve(paused, wib(3, 31, 12))

    late = permits.application_reject(
        application=verified(service_a, budi, wib(3, 16, 10)), actor=budi, reason=RULE, now=wib(4, 1, 9)
    )
    desk = submitted_application(service=service_a, now=wib(3, 12, 9))
    desk = permits.application_reject(application=desk, actor=budi, reason=RULE, now=wib(3, 12, 10))
    overdue = verified(service_a, budi, wib(3, 13, 9))
    waiting = submitted_application(service=service_a, now=wib(3, 2, 9))

    other = approve(verified(service_b, rina, wib(3, 16, 10)), wib(3, 17, 10))
    facts_refresh()
    return {
        "service_a": service_a,
        "service_b": service_b,
        "budi": budi,
        "rina": rina,
        "apps": {
            "on_time": on_time,
            "paused": paused,
            "late": late,
            "desk": desk,
            "overdue": overdue,
            "waiting": waiting,
            "other": other,
        },
    }


def direct(queryset, now=NOW):
    """The same figures counted straight from the applications and the calendar."""
    calendar = work_calendar(years=range(2025, 2028))
    start, end = MARCH_APRIL.start_at, MARCH_APRIL.end_at
    decided = [a for a in queryset if a.decided_at and start <= a.decided_at < end]
    measured = [a for a in decided if a.due_at is not None]
    days = []
    for a in decided:
        if a.clock_started_at is None:
            continue
        total = calendar.working_days_between(a.clock_started_at, a.decided_at)
        for c in a.corrections.all():
            total -= calendar.working_days_between(
                max(c.requested_at, a.clock_started_at), min(c.resolved_at or a.decided_at, a.decided_at)
            )
        days.append(total)
    days.sort()
    median = None
    if days:
        mid = len(days) // 2
        median = days[mid] if len(days) % 2 else (days[mid - 1] + days[mid]) / 2
    open_ = [a for a in queryset if a.status in (S.SUBMITTED, S.RETURNED, S.IN_PROCESS, S.APPROVED)]
    return {
        "received": sum(1 for a in queryset if a.submitted_at and start <= a.submitted_at < end),
        "decided": len(decided),
        "measured": len(measured),
        "on_time": sum(1 for a in measured if a.decided_at <= a.due_at),
        "median_days": median,
        "overdue": sum(1 for a in queryset if a.status == S.IN_PROCESS and a.due_at < now),
        "oldest_open": min((a.submitted_at for a in open_), default=None),
    }


def assert_same(figures, expected):
    median = figures.pop("median_days")
    expected_median = expected.pop("median_days")
    assert figures == expected
    if expected_median is None:
        assert median is None
    else:
        # Read off the histogram of tenths of a day: exact to the tenth the pages show.
        assert median == pytest.approx(expected_median, abs=0.051)


def test_mpp_figures_equal_a_direct_count(march):
    figures = selectors.application_figures(scope=Scope("mpp"), period=MARCH_APRIL, now=NOW)
    expected = direct(Application.objects.exclude(submitted_at=None))
    # Spelled out once, so a wrong "direct" count cannot hide a wrong dashboard:
    assert (figures["received"], figures["decided"], figures["measured"], figures["on_time"]) == (7, 5, 4, 3)
    assert figures["overdue"] == 1
    assert_same(figures, expected)


def test_agency_service_and_officer_figures_equal_a_direct_count(march):
    service_a, budi = march["service_a"], march["budi"]
    for scope, queryset in [
        (Scope("agency", agency=service_a.agency), Application.objects.filter(agency=service_a.agency)),
        (Scope("service", service=service_a), Application.objects.filter(service=service_a)),
        (Scope("officer", officer=budi), Application.objects.filter(assigned_to=budi)),
        (Scope("officer", officer=march["rina"]), Application.objects.filter(assigned_to=march["rina"])),
    ]:
        figures = selectors.application_figures(scope=scope, period=MARCH_APRIL, now=NOW)
        assert_same(figures, direct(queryset.exclude(submitted_at=None)))


def test_pause_and_holidays_in_the_processing_time(march):
    facts = {f.application_id: f for f in ApplicationFact.objects.all()}
    apps = march["apps"]
    # 16 Mar 10:00 -> 26 Mar 10:00 across the closed 18-24 Mar: 4/6 + 1 + 1 + 2/6.
    assert facts[apps["on_time"].pk].processing_days == pytest.approx(3.0, abs=1e-3)
    # The pause 17 Mar 10:00 - 25 Mar 10:00 (one working day of office time) is not counted.
    assert facts[apps["paused"].pk].processing_days == pytest.approx(5 + 1 / 3, abs=1e-3)
    assert facts[apps["paused"].pk].on_time is True  # due moved to 31 Mar 14:00 by the pause
    assert facts[apps["late"].pk].on_time is False
    assert facts[apps["desk"].pk].on_time is None


def test_refresh_picks_up_changes_and_is_idempotent(march):
    overdue = march["apps"]["overdue"]
    permits.application_reject(application=overdue, actor=march["budi"], reason=RULE, now=wib(4, 2, 9))
    facts_refresh()
    facts_refresh()
    fact = ApplicationFact.objects.get(pk=overdue.pk)
    assert (fact.status, fact.on_time) == (S.REJECTED, False)
    assert ApplicationFact.objects.count() == Application.objects.exclude(submitted_at=None).count()


def test_monthly_trend(march):
    trend = selectors.monthly_trend(scope=Scope("mpp"), end=date(2026, 4, 30), months=3)
    assert [row["month"] for row in trend] == [date(2026, 2, 1), date(2026, 3, 1), date(2026, 4, 1)]
    assert [row["received"] for row in trend] == [0, 7, 0]
    assert [(row["decided"], row["on_time"]) for row in trend] == [(0, 0), (4, 3), (1, 0)]


def login(client, user):
    client.force_login(user)
    return client


def test_mpp_admin_dashboard_page_and_exports(client, march, django_assert_max_num_queries):
    login(client, UserFactory(mpp_admin=True))
    url = reverse("reports:home") + "?dari=2026-03&sampai=2026-04"
    # 20 for the applications, complaints and IKM sections; 7 for the queue section (sums and
    # histogram medians of the figures, the trend and the per-agency table, the agencies' names).
    with django_assert_max_num_queries(27):
        response = client.get(url)
    assert response.status_code == 200
    content = response.content.decode()
    assert "<svg" in content and "Keputusan per instansi" in content
    response = client.get(url + "&ekspor=csv&tabel=per-agency")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Instansi", "Diputuskan", "Tepat waktu"]
    by_agency = {row[0]: row[1:3] for row in rows[1:]}
    assert by_agency[str(march["service_a"].agency)] == ["4", "2"]
    assert by_agency[str(march["service_b"].agency)] == ["1", "1"]
    response = client.get(url + "&ekspor=xlsx&tabel=tren-bulanan")
    assert response.content[:2] == b"PK"  # a zip container: the XLSX workbook
    with zipfile.ZipFile(io.BytesIO(response.content)) as workbook:
        strings = workbook.read("xl/sharedStrings.xml").decode()
        assert "<t>Bulan</t>" in strings and "<t>2026-03</t>" in strings


def test_bad_period_shows_a_message_and_the_default(client, march):
    login(client, UserFactory(mpp_admin=True))
    response = client.get(reverse("reports:home") + "?dari=2026-05&sampai=2026-04")
    assert response.status_code == 200
    assert "Bulan awal tidak boleh setelah bulan akhir." in response.content.decode()


def test_agency_admin_sees_only_their_agency(client, march):
    agency_a = march["service_a"].agency
    agency_b = march["service_b"].agency
    login(client, UserFactory(agency_admin=True, agency=agency_a))
    assert client.get(reverse("reports:home")).url == reverse("reports:agency", args=[agency_a.slug])
    assert client.get(reverse("reports:agency", args=[agency_a.slug])).status_code == 200
    assert client.get(reverse("reports:agency", args=[agency_b.slug])).status_code == 403
    assert client.get(reverse("reports:service", args=[march["service_b"].code])).status_code == 403
    assert client.get(reverse("reports:officer", args=[march["rina"].pk])).status_code == 403
    ranking = client.get(reverse("reports:ranking") + "?bulan=2026-03&instansi=" + agency_b.slug)
    assert "Rina Wulandari" not in ranking.content.decode()


def test_citizens_and_officers_get_no_dashboards(client, march):
    login(client, UserFactory())
    assert client.get(reverse("reports:home")).status_code == 403
    login(client, march["budi"])
    assert client.get(reverse("reports:ranking")).status_code == 403


def test_ranking_best_officer_and_repeated_breaches(client, settings, march, django_assert_max_num_queries):
    settings.MPP_RANKING_MIN_VOLUME = 1
    settings.MPP_BREACH_REPEAT = 2
    login(client, UserFactory(mpp_admin=True))
    with django_assert_max_num_queries(12):
        response = client.get(reverse("reports:ranking") + "?bulan=2026-03")
    content = response.content.decode()
    assert "0,7 × " in content  # the formula is on the page
    ranked = response.context["ranked"]
    # March: Budi decided 2, both on time (the desk rejection was never assigned to him), Rina 1 of 1.
    assert {(r.officer.full_name, r.decided, r.on_time_rate) for r in ranked} == {
        ("Budi Santoso", 2, 100.0),
        ("Rina Wulandari", 1, 100.0),
    }
    assert all(r.best_of_agency for r in ranked)  # one officer per agency: each is the best
    # Budi also has one late decision in April and one overdue now: a repeated breach that month.
    april = client.get(reverse("reports:ranking") + "?bulan=2026-04")
    assert [r.officer.full_name for r in april.context["breaches"]] == ["Budi Santoso"]
    export = client.get(reverse("reports:ranking") + "?bulan=2026-04&ekspor=csv&tabel=pelanggaran-berulang")
    assert "Budi Santoso" in export.content.decode("utf-8-sig")


def test_minimum_volume_keeps_officers_out_of_the_ranking(client, settings, march):
    settings.MPP_RANKING_MIN_VOLUME = 3
    login(client, UserFactory(mpp_admin=True))
    response = client.get(reverse("reports:ranking") + "?bulan=2026-03")
    assert response.context["ranked"] == []
    assert len(response.context["not_qualified"]) == 2


def test_public_transparency_page(client, march, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        response = client.get(reverse("transparency:home"))
    assert response.status_code == 200
    assert "Transparansi kinerja MPP" in response.content.decode()
