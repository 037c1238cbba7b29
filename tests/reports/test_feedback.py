"""The complaints and IKM sections of the dashboards, the officers' IKM in the ranking and the MPP's
IKM on /transparansi/: every figure equals a direct count (complaints, walked through the real
complaint services on the March 2026 calendar with 18-24 March closed) or the pure IKM formula
(surveys/ikm.py) over the same responses."""

import csv
import io
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from complaints import services as complaints
from complaints.models import Complaint, ComplaintCategory
from complaints.reporting import complaint_figures, complaint_trend
from reports import recognition
from reports.selectors import Period, Scope
from reports.services import survey_all_months, survey_months_rebuild, survey_months_refresh
from surveys import ikm as formula
from surveys.models import ELEMENTS, SubjectKind
from surveys.reporting import ikm_of_scope, officers_ikm
from surveys.services import survey_invite, survey_submit
from tests.factories import UserFactory
from tests.reports.test_dashboards import login, march  # noqa: F401  (the applications fixture)

pytestmark = pytest.mark.django_db
WIB = ZoneInfo("Asia/Jakarta")
MARCH = Period(date(2026, 3, 1), date(2026, 3, 31))
MARCH_APRIL = Period(date(2026, 3, 1), date(2026, 4, 30))
NOW = datetime(2026, 4, 2, 9, 0, tzinfo=WIB)
ANSWER = "Petugas loket sudah ditegur dan antrean kini dibuka pukul 07.30 WIB setiap hari kerja."
REPLY = "Jawaban belum menjelaskan kapan uang saya dikembalikan."


def wib(month, day, hour=10, minute=0):
    return datetime(2026, month, day, hour, minute, tzinfo=WIB)


def _file(category, at, **kwargs):
    return complaints.complaint_submit(
        category=category,
        reporter=None,
        kind="pengaduan",
        subject="Antrean loket Dispendukcapil terlalu lama",
        description="Saya menunggu lebih dari tiga jam untuk mengambil KTP elektronik di loket.",
        reporter_name="Siti Aminah",
        reporter_phone="081234567890",
        now=at,
        **kwargs,
    )


@pytest.fixture
def feedback(march):  # noqa: F811
    """Complaints routed to agency A (Budi answers) and B (Rina answers); answer deadlines are
    recorded as the service set them, so the expected on-time count is a direct comparison."""
    agency_a = march["service_a"].agency
    agency_b = march["service_b"].agency
    category = ComplaintCategory.objects.create(
        code="antrean", name="Antrean", name_en="Queue", group="Pelayanan", default_agency=agency_a
    )
    desk = UserFactory(complaint_officer=True)
    budi, rina = march["budi"], march["rina"]
    deadlines = {}

    def route(at, agency, **kwargs):
        complaint = complaints.complaint_route(
            complaint=_file(category, at, **kwargs), actor=desk, agency=agency, now=at
        )
        deadlines[complaint.pk] = complaint.due_at
        return complaint

    def answer(complaint, officer, at):
        deadlines[complaint.pk] = Complaint.objects.get(pk=complaint.pk).due_at
        return complaints.complaint_answer(complaint=complaint, actor=officer, answer=ANSWER, now=at)

    on_time = answer(route(wib(3, 16), agency_a, service=march["service_a"]), budi, wib(3, 17))
    late = answer(route(wib(3, 2), agency_a), budi, wib(3, 16))
    open_overdue = route(wib(3, 3), agency_a)
    unverified_overdue = _file(category, wib(3, 25))
    other = answer(route(wib(3, 4), agency_b), rina, wib(3, 5))
    # Answered on time, the reporter replied, the second answer came late: judged by the last stage.
    replied = answer(route(wib(3, 2), agency_a), budi, wib(3, 3))
    replied = complaints.complaint_reply(
        complaint=replied, actor=None, secret=replied.secret, body=REPLY, now=wib(3, 4)
    )
    replied = answer(replied, budi, wib(4, 1))
    return {
        **march,
        "deadlines": deadlines,
        "complaints": [on_time, late, open_overdue, unverified_overdue, other, replied],
        "agency_a": agency_a,
        "agency_b": agency_b,
    }


def direct_complaints(items, deadlines, period, *, now=NOW, agency=None, officer=None):
    items = [Complaint.objects.get(pk=c.pk) for c in items]
    if agency is not None:
        items = [c for c in items if c.agency_id == agency.pk and c.routed_at is not None]
    if officer is not None:
        items = [c for c in items if c.answered_by_id == officer.pk]

    def inside(moment):
        return moment is not None and period.start_at <= moment < period.end_at

    answered = [c for c in items if inside(c.answered_at)]
    return {
        "received": sum(inside(c.created_at) for c in items),
        "answered": len(answered),
        "on_time": sum(c.answered_at <= deadlines[c.pk] for c in answered),
        "open": sum(c.status in ("submitted", "routed") for c in items),
        "overdue": sum(c.status in ("submitted", "routed") and c.due_at < now for c in items),
    }


def test_complaint_figures_equal_a_direct_count(feedback):
    items, deadlines = feedback["complaints"], feedback["deadlines"]
    cases = [
        (Scope("mpp"), {}),
        (Scope("agency", agency=feedback["agency_a"]), {"agency": feedback["agency_a"]}),
        (Scope("agency", agency=feedback["agency_b"]), {"agency": feedback["agency_b"]}),
        (Scope("officer", officer=feedback["budi"]), {"officer": feedback["budi"]}),
    ]
    for period in (MARCH, MARCH_APRIL):
        for scope, where in cases:
            expected = direct_complaints(items, deadlines, period, **where)
            assert complaint_figures(scope=scope, period=period, now=NOW) == expected, (scope.kind, period)
    # The figures a user would read: in March the MPP answered 3 (on time, late, agency B's), 2 on
    # time; the replied complaint's last answer (late) is in April.
    mpp = complaint_figures(scope=Scope("mpp"), period=MARCH, now=NOW)
    assert mpp == {"received": 6, "answered": 3, "on_time": 2, "open": 2, "overdue": 2}
    both = complaint_figures(scope=Scope("mpp"), period=MARCH_APRIL, now=NOW)
    assert (both["answered"], both["on_time"]) == (4, 2)
    service = complaint_figures(scope=Scope("service", service=feedback["service_a"]), period=MARCH, now=NOW)
    assert (service["received"], service["answered"], service["on_time"]) == (1, 1, 1)


def test_complaint_trend_by_month(feedback):
    trend = {row["month"]: row for row in complaint_trend(scope=Scope("mpp"), end=date(2026, 4, 30))}
    assert len(trend) == 12
    assert trend[date(2026, 3, 1)] == {"month": date(2026, 3, 1), "received": 6, "answered": 3, "on_time": 2}
    assert trend[date(2026, 4, 1)] == {"month": date(2026, 4, 1), "received": 0, "answered": 1, "on_time": 0}


def _respond(agency, service, subject_id, scores, at, kind=SubjectKind.APPLICATION):
    invitation = survey_invite(
        subject_kind=kind, subject_id=subject_id, citizen=None, agency=agency, service=service, now=at
    )
    return survey_submit(token=invitation.token, scores=dict(zip(ELEMENTS, scores, strict=True)), now=at)


@pytest.fixture
def surveys(feedback):
    """Responses on Budi's applications (agency A), on Rina's (agency B), and on a queue ticket."""
    apps = feedback["apps"]
    service_a, service_b = feedback["service_a"], feedback["service_b"]
    agency_a, agency_b = feedback["agency_a"], feedback["agency_b"]
    budi_rows = [(4, 4, 3, 4, 4, 4, 4, 3, 4), (3, 3, 2, 4, 3, 3, 4, 3, 3), (4, 3, 3, 4, 4, 3, 4, 2, 3)]
    rina_rows = [(2, 2, 1, 3, 2, 2, 3, 2, 2)]
    ticket_rows = [(3, 3, 3, 3, 3, 3, 3, 3, 3)]
    _respond(agency_a, service_a, apps["on_time"].pk, budi_rows[0], wib(3, 27))
    _respond(agency_a, service_a, apps["paused"].pk, budi_rows[1], wib(3, 31, 15))
    _respond(agency_a, service_a, apps["late"].pk, budi_rows[2], wib(3, 30))
    _respond(agency_b, service_b, apps["other"].pk, rina_rows[0], wib(3, 18))
    _respond(agency_a, None, 99001, ticket_rows[0], wib(3, 20), kind=SubjectKind.QUEUE_TICKET)
    _respond(agency_b, service_b, apps["desk"].pk, (4,) * 9, wib(5, 4))  # outside the period
    survey_months_rebuild(months=survey_all_months())  # what beat's refresh does
    return {**feedback, "budi_rows": budi_rows, "rina_rows": rina_rows, "ticket_rows": ticket_rows}


def test_ikm_equals_the_pure_formula(surveys):
    budi, rina, ticket = surveys["budi_rows"], surveys["rina_rows"], surveys["ticket_rows"]
    cases = [
        (Scope("mpp"), budi + rina + ticket),
        (Scope("agency", agency=surveys["agency_a"]), budi + ticket),
        (Scope("agency", agency=surveys["agency_b"]), rina),
        (Scope("service", service=surveys["service_a"]), budi),
        (Scope("officer", officer=surveys["budi"]), budi),
        (Scope("officer", officer=surveys["rina"]), rina),
    ]
    for scope, rows in cases:
        row = ikm_of_scope(scope=scope, period=MARCH)
        assert row.respondents == len(rows), scope.kind
        assert row.shown == formula.ikm_of_responses(rows), scope.kind
        assert row.grade == formula.grade(formula.ikm_of_responses(rows))
    assert (
        ikm_of_scope(
            scope=Scope("agency", agency=surveys["agency_b"]),
            period=Period(date(2026, 2, 1), date(2026, 2, 1)),
        )
        is None
    )
    ikm = officers_ikm([surveys["budi"].pk, surveys["rina"].pk], MARCH)
    assert ikm == {
        surveys["budi"].pk: float(formula.ikm_of_responses(budi)),
        surveys["rina"].pk: float(formula.ikm_of_responses(rina)),
    }


def test_dashboard_shows_complaints_and_ikm_and_exports_them(client, surveys, django_assert_max_num_queries):
    login(client, UserFactory(mpp_admin=True))
    url = reverse("reports:home") + "?dari=2026-03&sampai=2026-03"
    with django_assert_max_num_queries(30):
        response = client.get(url)
    content = response.content.decode()
    sections = {s.key: s for s in response.context["sections"]}
    assert list(sections) == ["applications", "queue", "complaints", "ikm"]
    complaint = {f.label: f.value for f in sections["complaints"].figures}
    assert complaint["Pengaduan diterima"] == 6 and complaint["Dijawab"] == 3
    assert complaint["Dijawab tepat waktu"] == pytest.approx(66.7)
    # Today is after April 2026: the two complaints waiting since March are overdue.
    assert complaint["Menunggu verifikasi atau jawaban"] == 2
    assert complaint["Pengaduan lewat batas waktu saat ini"] == 2
    all_rows = surveys["budi_rows"] + surveys["rina_rows"] + surveys["ticket_rows"]
    expected = formula.ikm_of_responses(all_rows)
    ikm = {f.label: f for f in sections["ikm"].figures}
    assert Decimal(str(ikm["IKM"].value)) == expected
    assert ikm["Responden"].value == 5
    assert ikm["Mutu pelayanan"].display.startswith(formula.grade(expected).letter)
    assert "Pengaduan per instansi" in content and "IKM per instansi" in content
    assert "Siti Aminah" not in content and "081234567890" not in content  # no reporter data

    export = client.get(url + "&ekspor=csv&tabel=pengaduan-per-instansi")
    rows = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig"))))
    assert rows[0][:5] == ["Instansi", "Diterima", "Dijawab", "Dijawab tepat waktu", "Tepat waktu (%)"]
    by_agency = {row[0]: row[1:4] for row in rows[1:]}
    assert by_agency[surveys["agency_a"].name] == ["4", "2", "1"]
    assert by_agency[surveys["agency_b"].name] == ["1", "1", "1"]
    assert "Siti Aminah" not in export.content.decode("utf-8-sig")

    export = client.get(url + "&ekspor=csv&tabel=ikm-per-unsur")
    rows = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig"))))
    assert len(rows) == 10 and rows[1][0].startswith("U1")
    assert Decimal(rows[1][2]) == Decimal(sum(r[0] for r in all_rows)) / 5
    export = client.get(url + "&ekspor=xlsx&tabel=ikm-per-agency")
    assert export.content[:2] == b"PK"


def test_agency_admin_sees_only_their_agencys_complaints_and_ikm(client, surveys):
    agency_a, agency_b = surveys["agency_a"], surveys["agency_b"]
    login(client, UserFactory(agency_admin=True, agency=agency_b))
    response = client.get(reverse("reports:agency", args=[agency_b.slug]) + "?dari=2026-03&sampai=2026-03")
    sections = {s.key: s for s in response.context["sections"]}
    complaint = {f.label: f.value for f in sections["complaints"].figures}
    assert complaint["Pengaduan diterima"] == 1 and complaint["Dijawab"] == 1
    ikm = {f.label: f.value for f in sections["ikm"].figures}
    assert ikm["Responden"] == 1
    assert Decimal(str(ikm["IKM"])) == formula.ikm_of_responses(surveys["rina_rows"])
    for url in (
        reverse("reports:agency", args=[agency_a.slug]) + "?ekspor=csv&tabel=pengaduan-tren-bulanan",
        reverse("reports:agency", args=[agency_a.slug]) + "?ekspor=csv&tabel=ikm-per-service",
        reverse("reports:officer", args=[surveys["budi"].pk]),
    ):
        assert client.get(url).status_code == 403
    # The agency's tables name no other agency and no per-agency table is offered.
    response = client.get(
        reverse("reports:agency", args=[agency_b.slug]) + "?ekspor=csv&tabel=pengaduan-per-instansi"
    )
    assert response.status_code == 404


def test_ranking_counts_satisfaction(client, settings, surveys, django_assert_max_num_queries):
    settings.MPP_RANKING_MIN_VOLUME = 1
    assert recognition.officer_satisfaction is officers_ikm
    login(client, UserFactory(mpp_admin=True))
    with django_assert_max_num_queries(14):
        response = client.get(reverse("reports:ranking") + "?bulan=2026-03")
    content = response.content.decode()
    assert "0,3 × IKM" in content
    ranked = {r.officer.full_name: r for r in response.context["ranked"]}
    budi_ikm = float(formula.ikm_of_responses(surveys["budi_rows"]))
    rina_ikm = float(formula.ikm_of_responses(surveys["rina_rows"]))
    assert ranked["Budi Santoso"].ikm == budi_ikm
    # Both decided all on time and are the busiest of their agency: 50 + 20 + 0.3 x IKM.
    assert ranked["Budi Santoso"].score == round(50 + 20 + 0.3 * budi_ikm, 2)
    assert ranked["Rina Wulandari"].score == round(50 + 20 + 0.3 * rina_ikm, 2)
    assert [r.officer.full_name for r in response.context["ranked"]] == ["Budi Santoso", "Rina Wulandari"]
    export = client.get(reverse("reports:ranking") + "?bulan=2026-03&ekspor=csv&tabel=peringkat")
    rows = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig"))))
    assert rows[0][5] == "IKM" and float(rows[1][5]) == budi_ikm


def test_transparency_page_shows_the_mpps_ikm(client, surveys, monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: date(2026, 6, 1))
    response = client.get(reverse("transparency:home"))
    content = response.content.decode()
    rows = surveys["budi_rows"] + surveys["rina_rows"] + surveys["ticket_rows"] + [(4,) * 9]
    shown = formula.ikm_of_responses(rows)
    assert "IKM 2026" in content
    assert f"{shown:.2f}".replace(".", ",") in content
    assert "6 responden" in content
    export = client.get(reverse("transparency:home") + "?ekspor=csv&tabel=angka-utama")
    assert "IKM 2026" in export.content.decode("utf-8-sig")


def test_survey_sums_follow_new_responses_and_rebuild_idempotently(surveys):
    scope = Scope("agency", agency=surveys["agency_b"])
    before = ikm_of_scope(scope=scope, period=MARCH)
    _respond(
        surveys["agency_b"], surveys["service_b"], 99002, (1,) * 9, wib(3, 26), kind=SubjectKind.QUEUE_TICKET
    )
    assert ikm_of_scope(scope=scope, period=MARCH) == before  # not yet summed
    survey_months_refresh(today=date(2026, 4, 10))  # beat: this month and the last
    survey_months_refresh(today=date(2026, 4, 10))  # twice: the same rows
    rows = surveys["rina_rows"] + [(1,) * 9]
    after = ikm_of_scope(scope=scope, period=MARCH)
    assert (after.respondents, after.shown) == (2, formula.ikm_of_responses(rows))
    assert after.grade.letter == "D"


def test_refresh_catches_up_with_responses_in_older_months(surveys):
    march_before = ikm_of_scope(scope=Scope("mpp"), period=MARCH)
    # A response recorded in March but loaded late (an import): beat in June still sums it.
    _respond(surveys["agency_b"], None, 99003, (2,) * 9, wib(3, 27), kind=SubjectKind.QUEUE_TICKET)
    survey_months_refresh(today=date(2026, 6, 15))
    march_after = ikm_of_scope(scope=Scope("mpp"), period=MARCH)
    assert march_after.respondents == march_before.respondents + 1
