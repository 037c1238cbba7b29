"""Queues, counters and calling breaks in the admin workspace: scope, validation, history."""

import datetime as dt

import pytest
from django.urls import reverse

from queueing.models import Counter, CounterStatus, Queue, QueueBreak
from tests.factories import AgencyFactory, CounterFactory, MppProfileFactory, ServiceFactory, UserFactory
from tests.queueing.factories import QueueFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def floor():
    MppProfileFactory()
    dpmptsp = AgencyFactory(name="Dinas Penanaman Modal dan PTSP", short_name="DPMPTSP")
    dispenduk = AgencyFactory(name="Dinas Kependudukan dan Pencatatan Sipil", short_name="Dispendukcapil")
    return {
        "own": dpmptsp,
        "other": dispenduk,
        "own_service": ServiceFactory(agency=dpmptsp, name="Persetujuan Bangunan Gedung"),
        "other_service": ServiceFactory(agency=dispenduk, name="Kartu Tanda Penduduk Elektronik"),
        "other_queue": QueueFactory(agency=dispenduk, prefix="K", name="Adminduk"),
        "admin": UserFactory(agency_admin=True, agency=dpmptsp, full_name="Dewi Lestari"),
        "mpp_admin": UserFactory(mpp_admin=True, full_name="Agus Prasetyo"),
    }


def queue_data(agency, **extra):
    return {
        "agency": agency.pk,
        "prefix": "p",
        "name": "Perizinan Bangunan",
        "priority_policy": "interleave",
        "priority_every": 4,
        "default_service_minutes": 15,
        "slot_minutes": 30,
        "slot_capacity": 10,
        "booking_share": 60,
        "is_active": "on",
        **extra,
    }


def test_agency_admin_creates_a_queue_for_own_agency_with_history(client, floor):
    client.force_login(floor["admin"])
    response = client.post(
        reverse("workspace:queues"), queue_data(floor["own"], services=[floor["own_service"].pk])
    )
    assert response.status_code == 302
    queue = Queue.objects.get(prefix="P")
    assert queue.agency == floor["own"]
    assert list(queue.services.all()) == [floor["own_service"]]
    assert (queue.priority_policy, queue.priority_every, queue.booking_share) == ("interleave", 4, 60)
    assert queue.booking_quota_per_slot == 6
    row = queue.history.latest()
    assert row.history_user == floor["admin"]
    assert row.history_change_reason == "antrian dibuat"
    page = client.get(reverse("workspace:queues")).content.decode()
    assert "P — Perizinan Bangunan" in page
    assert "Adminduk" not in page  # another agency's queue is not listed


def test_agency_admin_cannot_touch_another_agencys_queue(client, floor):
    client.force_login(floor["admin"])
    other = floor["other_queue"]
    assert client.get(reverse("workspace:queue_edit", args=[other.pk])).status_code == 403
    response = client.post(
        reverse("workspace:queue_edit", args=[other.pk]), queue_data(floor["own"], prefix="K", name="Diambil")
    )
    assert response.status_code == 403
    other.refresh_from_db()
    assert (other.name, other.agency) == ("Adminduk", floor["other"])
    # Nor create one for the other agency: it is not among the choices.
    response = client.post(reverse("workspace:queues"), queue_data(floor["other"], prefix="Z"))
    assert response.status_code == 200
    assert not Queue.objects.filter(prefix="Z").exists()


def test_prefix_taken_and_foreign_services_are_refused_in_indonesian(client, floor):
    client.force_login(floor["mpp_admin"])
    response = client.post(reverse("workspace:queues"), queue_data(floor["own"], prefix="k"))
    assert "Huruf awalan K sudah dipakai antrian lain." in response.content.decode()
    response = client.post(
        reverse("workspace:queues"), queue_data(floor["own"], services=[floor["other_service"].pk])
    )
    assert "bukan milik Dinas Penanaman Modal dan PTSP" in response.content.decode()
    response = client.post(reverse("workspace:queues"), queue_data(floor["own"], prefix="P1"))
    assert "satu atau dua huruf kapital" in response.content.decode()
    response = client.post(reverse("workspace:queues"), queue_data(floor["own"], booking_share=120))
    assert response.status_code == 200
    assert Queue.objects.count() == 1


def test_mpp_admin_edits_any_queue(client, floor):
    client.force_login(floor["mpp_admin"])
    other = floor["other_queue"]
    response = client.post(
        reverse("workspace:queue_edit", args=[other.pk]),
        queue_data(floor["other"], prefix="K", name="Administrasi Kependudukan", slot_capacity=20),
    )
    assert response.status_code == 302
    other.refresh_from_db()
    assert (other.name, other.slot_capacity, other.is_active) == ("Administrasi Kependudukan", 20, True)
    assert other.history.latest().history_user == floor["mpp_admin"]


def counter_data(agency, **extra):
    return {"agency": agency.pk, "number": 7, "label": "Loket Perizinan", "is_active": "on", **extra}


def test_counter_create_edit_and_scope(client, floor):
    own_queue = QueueFactory(agency=floor["own"], prefix="P")
    client.force_login(floor["admin"])
    response = client.post(reverse("workspace:counters"), counter_data(floor["own"], queues=[own_queue.pk]))
    assert response.status_code == 302
    counter = Counter.objects.get(number=7)
    assert list(counter.queues.all()) == [own_queue]
    assert counter.history.latest().history_user == floor["admin"]
    # Another agency's queue is not a choice, another agency's counter is forbidden.
    response = client.post(
        reverse("workspace:counters"), counter_data(floor["own"], number=8, queues=[floor["other_queue"].pk])
    )
    assert response.status_code == 200 and not Counter.objects.filter(number=8).exists()
    foreign = CounterFactory(agency=floor["other"], number=3, label="Loket KTP")
    assert client.get(reverse("workspace:counter_edit", args=[foreign.pk])).status_code == 403
    response = client.post(
        reverse("workspace:counter_edit", args=[foreign.pk]), counter_data(floor["own"], number=3)
    )
    assert response.status_code == 403
    foreign.refresh_from_db()
    assert (foreign.agency, foreign.label) == (floor["other"], "Loket KTP")


def test_counter_rules(client, floor):
    client.force_login(floor["mpp_admin"])
    CounterFactory(agency=floor["other"], number=3)
    response = client.post(reverse("workspace:counters"), counter_data(floor["own"], number=3))
    assert "Nomor loket 3 sudah dipakai." in response.content.decode()
    response = client.post(
        reverse("workspace:counters"), counter_data(floor["own"], queues=[floor["other_queue"].pk])
    )
    assert "Antrian berikut bukan milik Dinas Penanaman Modal dan PTSP: K." in response.content.decode()
    open_counter = CounterFactory(agency=floor["own"], number=9, status=CounterStatus.OPEN)
    response = client.post(
        reverse("workspace:counter_edit", args=[open_counter.pk]),
        {"agency": floor["own"].pk, "number": 9, "label": "Loket 9"},  # is_active unticked
    )
    assert "tutup loket lebih dulu" in response.content.decode()
    open_counter.refresh_from_db()
    assert open_counter.is_active


def test_breaks_are_the_mpp_admins(client, floor):
    client.force_login(floor["admin"])
    data = {"label": "ISHOMA", "weekday": "", "starts_at": "12:00", "ends_at": "13:00"}
    assert client.post(reverse("workspace:queue_break_add"), data).status_code == 403
    client.force_login(floor["mpp_admin"])
    client.post(reverse("workspace:queue_break_add"), data)
    pause = QueueBreak.objects.get()
    assert (pause.weekday, pause.starts_at) == (None, dt.time(12))
    assert pause.history.latest().history_user == floor["mpp_admin"]
    response = client.post(
        reverse("workspace:queue_break_add"),
        {"label": "Salat Jumat", "weekday": "4", "starts_at": "11:30", "ends_at": "12:30"},
        follow=True,
    )
    assert "bertumpang tindih" in response.content.decode()
    assert QueueBreak.objects.count() == 1
    client.post(reverse("workspace:queue_break_delete", args=[pause.pk]))
    assert not QueueBreak.objects.exists()
    deleted = QueueBreak.history.filter(id=pause.pk, history_type="-").get()
    assert deleted.history_user == floor["mpp_admin"]


def test_officer_and_citizen_are_kept_out(client, floor):
    client.force_login(UserFactory(officer=True, agency=floor["own"]))
    assert client.get(reverse("workspace:queues")).status_code == 403
    assert client.get(reverse("workspace:counters")).status_code == 403


def test_lists_take_a_fixed_number_of_queries(client, floor, django_assert_max_num_queries):
    for n, prefix in enumerate("ABCDE"):
        queue = QueueFactory(agency=floor["other"], prefix=prefix)
        queue.services.add(floor["other_service"])
        CounterFactory(agency=floor["other"], number=20 + n).queues.add(queue)
    client.force_login(floor["mpp_admin"])
    with django_assert_max_num_queries(14):
        page = client.get(reverse("workspace:queues")).content.decode()
    assert page.count("Kartu Tanda Penduduk Elektronik") >= 5
    with django_assert_max_num_queries(12):
        client.get(reverse("workspace:counters"))
