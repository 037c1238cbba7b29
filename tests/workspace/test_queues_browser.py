"""An agency admin sets up a queue and a counter on a 360 px phone, from the workspace menu, using
the labelled form fields; the pages do not scroll sideways."""

import pytest
from playwright.sync_api import expect

from queueing.models import Counter, Queue
from tests.browser_fixtures import log_in
from tests.factories import AgencyFactory, MppProfileFactory, ServiceFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_agency_admin_sets_up_a_queue_and_a_counter_on_a_phone(page, live_server, assert_fits_viewport):
    MppProfileFactory()
    agency = AgencyFactory(name="Dinas Penanaman Modal dan PTSP", short_name="DPMPTSP")
    ServiceFactory(agency=agency, name="Persetujuan Bangunan Gedung")
    admin = UserFactory(agency_admin=True, agency=agency)
    log_in(page, live_server.url, email=admin.email)
    page.goto(f"{live_server.url}/kelola/")
    page.get_by_role("navigation", name="Menu ruang kerja admin").get_by_role("link", name="Antrian").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Antrian")
    page.get_by_label("Huruf awalan").fill("a")
    page.get_by_label("Nama antrian").fill("Perizinan Bangunan")
    page.get_by_label("DPMPTSP — Persetujuan Bangunan Gedung").check()
    page.get_by_role("button", name="Simpan").click()
    expect(page.get_by_role("link", name="A — Perizinan Bangunan")).to_be_visible()
    assert_fits_viewport(page)
    page.get_by_role("navigation", name="Menu ruang kerja admin").get_by_role("link", name="Loket").click()
    page.get_by_label("Nomor loket").fill("4")
    page.get_by_label("Nama loket").fill("Loket Perizinan")
    page.get_by_label("A — Perizinan Bangunan").check()
    page.get_by_role("button", name="Simpan").click()
    expect(page.get_by_role("link", name="4 — Loket Perizinan")).to_be_visible()
    assert_fits_viewport(page)
    assert list(Counter.objects.get(number=4).queues.all()) == [Queue.objects.get(prefix="A")]
