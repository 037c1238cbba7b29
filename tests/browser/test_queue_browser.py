"""Issue 6 in a real browser: a visitor takes a ticket at the kiosk, the officer opens the counter
and calls next, and the TV board shows the call and announces it in Indonesian; after a network
drop the board recovers by itself. Each person has their own browser context.

The server's clock is frozen at Tuesday 24 November 2026, 09:00 WIB (office hours), as in the
queue's other tests. The board's speech synthesis is replaced by a recorder (headless chromium has
no voices), so the test reads exactly what would be spoken, in order.
"""

import re

import pytest
from playwright.sync_api import expect

from queueing import services
from queueing.models import Ticket
from tests.browser_fixtures import DESKTOP_VIEWPORT, log_in
from tests.factories import AgencyFactory, CounterFactory, MppProfileFactory, ServiceFactory, UserFactory
from tests.queueing.conftest import TUESDAY_9, Clock
from tests.queueing.factories import QueueFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WAIT_MS = 15_000

RECORD_SPEECH = """
window.spoken = [];
Object.defineProperty(window, "speechSynthesis", {
  configurable: true,
  value: {
    speak(utterance) {
      if (!utterance.text) return;
      window.spoken.push({ text: utterance.text, lang: utterance.lang, at: Date.now() });
      setTimeout(() => utterance.onend && utterance.onend(), 300);
    },
  },
});
Object.defineProperty(window, "SpeechSynthesisUtterance", {
  configurable: true,
  value: function (text) { this.text = text; },
});
"""


@pytest.fixture(autouse=True)
def _expect_timeout():
    previous = expect._timeout
    expect.set_options(timeout=WAIT_MS)
    yield
    expect.set_options(timeout=previous)


@pytest.fixture
def floor(monkeypatch):
    Clock(monkeypatch, TUESDAY_9)
    MppProfileFactory()
    agency = AgencyFactory(name="Dinas Kependudukan dan Pencatatan Sipil", short_name="Dispendukcapil")
    service = ServiceFactory(agency=agency, name="Perekaman KTP-el", code="KTP-EL")
    queue = QueueFactory(agency=agency, prefix="B", name="Administrasi Kependudukan")
    queue.services.add(service)
    counter = CounterFactory(agency=agency, number=3, label="Loket Perekaman KTP-el")
    counter.queues.add(queue)
    officer = UserFactory(officer=True, agency=agency, email="petugas.capil@contoh.id")
    return {"queue": queue, "counter": counter, "officer": officer}


@pytest.fixture
def contexts(browser):
    """Each person's browser context, closed before the database is emptied (a board still
    polling an emptied database would only log errors)."""
    opened = []

    def new(viewport=DESKTOP_VIEWPORT):
        context = browser.new_context(viewport=viewport, locale="id-ID", timezone_id="Asia/Jakarta")
        context.set_default_timeout(WAIT_MS)
        opened.append(context)
        return context

    yield new
    for context in opened:
        context.close()


def test_kiosk_issues_counter_calls_board_announces(live_server, floor, contexts):
    board_context = contexts()
    board_context.add_init_script(RECORD_SPEECH)
    board = board_context.new_page()
    board.goto(f"{live_server.url}/antrian/papan/")
    expect(board.locator("#board-counter-rows")).to_contain_text("Loket Perekaman KTP-el")

    kiosk = contexts().new_page()
    kiosk.goto(f"{live_server.url}/antrian/kios/")
    kiosk.get_by_label(re.compile("Administrasi Kependudukan")).check()
    kiosk.get_by_label("Lanjut usia").check()
    kiosk.get_by_role("button", name="Ambil nomor").click()
    expect(kiosk.locator("#ticket-code")).to_have_text("B001")
    expect(kiosk.locator(".ticket-priority")).to_contain_text("Lanjut usia")
    assert Ticket.objects.get().priority_reason == "elderly"

    officer = contexts().new_page()
    log_in(officer, live_server.url, email=floor["officer"].email)
    officer.goto(f"{live_server.url}/antrian/loket/{floor['counter'].pk}/")
    officer.get_by_role("button", name="Buka loket").click()
    officer.get_by_role("button", name="Panggil berikutnya").click()
    expect(officer.locator(".counter-ticket")).to_contain_text("B001")

    # The board shows the call and announces it once, in Indonesian.
    expect(board.locator("#board-latest")).to_contain_text("B001")
    expect(board.locator("#board-counter-rows")).to_contain_text("B001")
    board.wait_for_function("window.spoken.length === 1")
    spoken = board.evaluate("window.spoken")
    assert spoken[0]["text"] == "Nomor antrian B nol nol satu, silakan ke loket 3"
    assert spoken[0]["lang"] == "id-ID"

    # The network drops: the board says so. Meanwhile counter 3 calls B001 again and counter 4
    # calls B002. The board recovers by itself and announces both, one after the other.
    board.route("**/api/v1/queue/board/**", lambda route: route.abort())
    expect(board.locator("#board-connection")).to_be_visible()
    officer.get_by_role("button", name="Panggil ulang").click()
    expect(officer.locator(".messages")).to_have_count(0)
    second = CounterFactory(agency=floor["queue"].agency, number=4, label="Loket Adminduk 2")
    second.queues.add(floor["queue"])
    services.ticket_issue(queue=floor["queue"])
    services.counter_set_status(counter=second, actor=floor["officer"], status="open")
    services.ticket_call_next(counter=second, actor=floor["officer"])
    board.unroute("**/api/v1/queue/board/**")
    expect(board.locator("#board-connection")).to_be_hidden()
    board.wait_for_function("window.spoken.length === 3", timeout=WAIT_MS * 2)
    spoken = board.evaluate("window.spoken")
    assert [s["text"] for s in spoken[1:]] == [
        "Nomor antrian B nol nol satu, silakan ke loket 3",
        "Nomor antrian B nol nol dua, silakan ke loket 4",
    ]
    # Never overlapping: the second started only after the first ended (300 ms) and a pause.
    assert spoken[2]["at"] - spoken[1]["at"] >= 300 + 400
    expect(board.locator("#board-counter-rows")).to_contain_text("B002")


def test_phone_pages_fit_360_px(live_server, floor, page):
    ticket = services.ticket_issue(queue=floor["queue"])
    for path in (
        f"/antrian/tiket/{ticket.token}/",
        "/antrian/?layanan=KTP-EL",
        "/antrian/kios/",
        f"/antrian/kios/tiket/{ticket.token}/?kertas=58",
    ):
        page.goto(live_server.url + path)
        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, (path, overflow)
    page.goto(f"{live_server.url}/antrian/tiket/{ticket.token}/")
    expect(page.locator("#ticket-live")).to_contain_text("B001")
