"""Queue test fixtures. Time is frozen by replacing django.utils.timezone.now (what Django's
auto_now fields and the services read), so kiosk and counter pages work at a known office hour."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from tests.factories import AgencyFactory, CounterFactory, MppProfileFactory, ServiceFactory, UserFactory
from tests.queueing.factories import QueueFactory

WIB = ZoneInfo("Asia/Jakarta")
# Tuesday 24 November 2026, a working day (Probolinggo hours 08:00-14:00).
TUESDAY_9 = dt.datetime(2026, 11, 24, 9, 0, tzinfo=WIB)


class Clock:
    def __init__(self, monkeypatch, start: dt.datetime):
        self.now = start
        monkeypatch.setattr("django.utils.timezone.now", lambda: self.now.astimezone(dt.UTC))

    def set(self, moment: dt.datetime) -> None:
        self.now = moment

    def advance(self, **delta) -> None:
        self.now += dt.timedelta(**delta)


@pytest.fixture
def clock(monkeypatch):
    return Clock(monkeypatch, TUESDAY_9)


@pytest.fixture
def mpp(db):
    return MppProfileFactory()


@pytest.fixture
def agency(db):
    return AgencyFactory(name="Dinas Kependudukan dan Pencatatan Sipil", short_name="Dispendukcapil")


@pytest.fixture
def service(agency):
    return ServiceFactory(agency=agency, name="Perekaman KTP-el", code="KTP-EL")


@pytest.fixture
def queue(mpp, agency, service):
    q = QueueFactory(agency=agency, prefix="B", name="Administrasi Kependudukan")
    q.services.add(service)
    return q


@pytest.fixture
def officer(agency):
    return UserFactory(officer=True, agency=agency)


@pytest.fixture
def counter(queue, officer):
    c = CounterFactory(agency=queue.agency, label="Loket Adminduk 1")
    c.queues.add(queue)
    return c


@pytest.fixture
def open_counter(counter, officer, clock):
    from queueing.services import counter_set_status

    return counter_set_status(counter=counter, actor=officer, status="open")


@pytest.fixture
def citizen(db):
    return UserFactory(nik="3574011205900001")


@pytest.fixture(autouse=True)
def _fresh_board():
    """The board snapshot is also kept per process; no test sees another's."""
    from queueing.selectors import _LOCAL_BOARD

    _LOCAL_BOARD.clear()
    yield
    _LOCAL_BOARD.clear()
