"""The dashboards' queue section equals a direct computation over the same tickets (medians by hand)."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.urls import reverse

from queueing.models import Ticket, TicketStatus
from queueing.reporting import (
    QueueProvider,
    live_queue_breakdown,
    live_queue_figures,
    live_queue_trend,
    queue_breakdown,
    queue_figures,
    queue_months_rebuild_all,
    queue_months_refresh,
    queue_trend,
)
from reports.selectors import Period, Scope
from tests.factories import MppProfileFactory, UserFactory
from tests.queueing.factories import QueueFactory, TicketFactory

pytestmark = pytest.mark.django_db
WIB = ZoneInfo("Asia/Jakarta")
NOVEMBER = Period(date(2026, 11, 1), date(2026, 11, 30))


def ticket(queue, day, status, *, wait=None, service=None, officer=None, service_obj=None):
    """A ticket issued at 08:00 on ``day``, called ``wait`` minutes later, served ``service`` minutes."""
    issued = datetime(day.year, day.month, day.day, 8, 0, tzinfo=WIB)
    t = TicketFactory(queue=queue, day=day, status=status, queued_at=issued, service=service_obj)
    fields = {"issued_at": issued}
    if wait is not None:
        fields["called_at"] = issued + timedelta(minutes=wait)
    if service is not None:
        fields["started_at"] = fields["called_at"] + timedelta(minutes=1)
        fields["finished_at"] = fields["started_at"] + timedelta(minutes=service)
    Ticket.objects.filter(pk=t.pk).update(**fields)
    if officer is not None:
        t.refresh_from_db()
        t._history_user = officer
        t._change_reason = "finished"
        t.save()
    return t


@pytest.fixture
def floor():
    """Queue A (agency 1): served after 10/20/40 min waits in 5/7/15 min, one no-show after 30 min,
    one still waiting; queue B (agency 2): one served (wait 6, service 4). One ticket in October."""
    MppProfileFactory()
    a = QueueFactory(prefix="A")
    b = QueueFactory(prefix="B")
    budi = UserFactory(officer=True, agency=a.agency, full_name="Budi Santoso")
    day = date(2026, 11, 10)
    D = TicketStatus
    ticket(a, day, D.DONE, wait=10, service=5, officer=budi)
    ticket(a, day, D.DONE, wait=20, service=7, officer=budi)
    ticket(a, date(2026, 11, 11), D.DONE, wait=40, service=15)
    ticket(a, day, D.NO_SHOW, wait=30)
    ticket(a, day, D.WAITING)
    ticket(b, day, D.DONE, wait=6, service=4)
    ticket(a, date(2026, 10, 5), D.DONE, wait=100, service=100)
    queue_months_rebuild_all()
    return {"a": a, "b": b, "budi": budi}


def test_mpp_figures_equal_hand_computation(floor):
    figures = queue_figures(scope=Scope("mpp"), period=NOVEMBER)
    # issued 6 in November; served 4; no-show 1; waits 6,10,20,30,40 -> 20; services 4,5,7,15 -> 6
    assert figures["issued"] == 6
    assert figures["served"] == 4
    assert figures["no_show"] == 1
    assert figures["wait_minutes"] == 20.0
    assert figures["service_minutes"] == 6.0


def test_agency_scope_counts_only_its_queues(floor):
    figures = queue_figures(scope=Scope("agency", agency=floor["b"].agency), period=NOVEMBER)
    assert (figures["issued"], figures["served"], figures["wait_minutes"], figures["service_minutes"]) == (
        1,
        1,
        6.0,
        4.0,
    )


def test_officer_scope_is_the_tickets_they_finished(floor):
    figures = queue_figures(scope=Scope("officer", officer=floor["budi"]), period=NOVEMBER)
    # waits 10, 20 -> 15; services 5, 7 -> 6
    assert figures["served"] == 2
    assert figures["wait_minutes"] == 15.0
    assert figures["service_minutes"] == 6.0


def test_empty_period_has_no_medians(floor):
    figures = queue_figures(scope=Scope("mpp"), period=Period(date(2025, 1, 1), date(2025, 1, 31)))
    assert figures["issued"] == 0
    assert figures["wait_minutes"] is None and figures["service_minutes"] is None


def test_trend_and_breakdown(floor):
    trend = {row["month"]: row for row in queue_trend(scope=Scope("mpp"), end=date(2026, 11, 30))}
    assert trend[date(2026, 10, 1)]["served"] == 1
    assert trend[date(2026, 10, 1)]["wait_minutes"] == 100.0
    assert trend[date(2026, 11, 1)]["issued"] == 6
    assert trend[date(2026, 9, 1)]["issued"] == 0
    rows = queue_breakdown(scope=Scope("mpp"), period=NOVEMBER, by="agency")
    assert [(r["label"], r["issued"], r["wait_minutes"]) for r in rows] == [
        (floor["a"].agency.name, 5, 25.0),
        (floor["b"].agency.name, 1, 6.0),
    ]
    per_queue = queue_breakdown(scope=Scope("agency", agency=floor["a"].agency), period=NOVEMBER, by="queue")
    assert [r["label"] for r in per_queue] == [str(floor["a"])]


def test_section_has_figures_and_tables(floor):
    section = QueueProvider().section(
        scope=Scope("mpp"), period=NOVEMBER, now=datetime(2026, 11, 30, tzinfo=WIB)
    )
    labels = {f.label: f.display for f in section.figures}
    assert labels["Tiket dilayani"] == "4"
    assert [t.key for t in section.tables] == ["antrian-tren-bulanan", "antrian-per-instansi"]


def test_dashboard_page_and_export_show_queue_tables(client, floor):
    admin = UserFactory(mpp_admin=True)
    client.force_login(admin)
    response = client.get(reverse("reports:home"), {"dari": "2026-11", "sampai": "2026-11"})
    assert response.status_code == 200
    assert "Median waktu tunggu (menit)" in response.content.decode()
    csv_response = client.get(
        reverse("reports:home"),
        {"dari": "2026-11", "sampai": "2026-11", "ekspor": "csv", "tabel": "antrian-per-instansi"},
    )
    assert csv_response.status_code == 200
    body = b"".join(csv_response.streaming_content if csv_response.streaming else [csv_response.content])
    text = body.decode("utf-8-sig")
    assert floor["a"].agency.name in text and "Median lama layanan (menit)" in text


def test_agency_admin_sees_only_own_agency_queue_figures(client, floor):
    admin = UserFactory(agency_admin=True, agency=floor["b"].agency)
    client.force_login(admin)
    own = client.get(
        reverse("reports:agency", args=[floor["b"].agency.slug]), {"dari": "2026-11", "sampai": "2026-11"}
    )
    assert own.status_code == 200
    assert str(floor["b"]) in own.content.decode()
    other = client.get(reverse("reports:agency", args=[floor["a"].agency.slug]))
    assert other.status_code in (403, 404)


@pytest.mark.parametrize("kind", ["mpp", "agency", "officer"])
def test_summaries_equal_the_live_computation(floor, kind):
    scope = {
        "mpp": Scope("mpp"),
        "agency": Scope("agency", agency=floor["a"].agency),
        "officer": Scope("officer", officer=floor["budi"]),
    }[kind]
    assert queue_figures(scope=scope, period=NOVEMBER) == live_queue_figures(scope=scope, period=NOVEMBER)
    assert queue_trend(scope=scope, end=date(2026, 11, 30)) == live_queue_trend(
        scope=scope, end=date(2026, 11, 30)
    )
    by = "agency" if kind == "mpp" else "queue"
    if kind != "officer":
        summary = [
            (r["label"], r["issued"], r["wait_minutes"])
            for r in queue_breakdown(scope=scope, period=NOVEMBER, by=by)
        ]
        live = [
            (r["label"], r["issued"], r["wait_minutes"])
            for r in live_queue_breakdown(scope=scope, period=NOVEMBER, by=by)
        ]
        assert summary == live


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the monthly summaries exist on PostgreSQL; SQLite counts live"
)
def test_refresh_picks_up_new_tickets_and_is_idempotent(floor):
    ticket(floor["b"], date(2026, 11, 12), TicketStatus.DONE, wait=50, service=30)
    before = queue_figures(scope=Scope("agency", agency=floor["b"].agency), period=NOVEMBER)
    assert before["served"] == 1  # the summary is as of the last refresh
    queue_months_refresh(months=[date(2026, 11, 1)])
    queue_months_refresh(months=[date(2026, 11, 1)])
    after = queue_figures(scope=Scope("agency", agency=floor["b"].agency), period=NOVEMBER)
    assert (after["served"], after["wait_minutes"], after["service_minutes"]) == (2, 28.0, 17.0)
    # October was not touched by the refresh.
    assert queue_trend(scope=Scope("mpp"), end=date(2026, 11, 30))[-2]["served"] == 1


def test_agency_without_queues_shows_zeros(client, floor):
    from tests.factories import AgencyFactory

    empty = AgencyFactory()
    section = QueueProvider().section(
        scope=Scope("agency", agency=empty), period=NOVEMBER, now=datetime(2026, 11, 30, tzinfo=WIB)
    )
    assert {f.label: f.display for f in section.figures}["Tiket dilayani"] == "0"
    assert section.tables[-1].rows == []
