"""Real-browser fixtures for the whole suite (registered in tests/conftest.py): Playwright's sync API
driving Debian's chromium against live_server. One Playwright session per process.

Run with `pytest -m browser`. When chromium is missing the tests are skipped, unless
MPP_REQUIRE_BROWSER=1 (CI), where a missing browser is a failure.
"""

import os
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in the test thread, so Django would refuse ORM calls
# there (SynchronousOnlyOperation). The calls are still synchronous: allow them.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE_VIEWPORT = {"width": 360, "height": 740}
DESKTOP_VIEWPORT = {"width": 1280, "height": 900}


def chromium_path() -> str:
    return os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def _browser_required() -> bool:
    return os.environ.get("MPP_REQUIRE_BROWSER") == "1"


@pytest.fixture(scope="session")
def browser():
    """One headless chromium for the whole session."""
    executable = chromium_path()
    if not Path(executable).exists():
        reason = f"chromium not found at {executable} (install it with `apt-get install -y chromium` or set CHROMIUM_PATH)"
        if _browser_required():
            pytest.fail(f"MPP_REQUIRE_BROWSER=1 but {reason}")
        pytest.skip(reason)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        if _browser_required():
            pytest.fail(f"MPP_REQUIRE_BROWSER=1 but Playwright is not installed: {error}")
        pytest.skip(f"Playwright is not installed: {error}")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _new_page(browser, viewport):
    context = browser.new_context(viewport=viewport, locale="id-ID", timezone_id="Asia/Jakarta")
    context.set_default_timeout(10_000)
    page = context.new_page()
    return context, page


@pytest.fixture
def page(browser):
    """A fresh page (own cookies) on a 360 x 740 phone viewport."""
    context, page = _new_page(browser, PHONE_VIEWPORT)
    yield page
    context.close()


@pytest.fixture
def desktop_page(browser):
    """A fresh page on a 1280px-wide desktop viewport."""
    context, page = _new_page(browser, DESKTOP_VIEWPORT)
    yield page
    context.close()


def log_in(page, live_server_url: str, *, email: str, password: str = "rahasia-Uji-123") -> None:
    """Log a user in through the real login form at /akun/masuk/ (factories' default password)."""
    page.goto(f"{live_server_url}/akun/masuk/")
    page.fill("#id_username", email)
    page.fill("#id_password", password)
    page.locator("form:has(#id_password) [type=submit]").click()
    page.wait_for_load_state("networkidle")


@pytest.fixture
def login():
    """`login(page, live_server.url, email=user.email)` logs that user in via the login form."""
    return log_in


def _assert_fits_viewport(page) -> None:
    # Measure the page a person sees: its stylesheets applied. A locator's wait ends once the
    # element is in the DOM, which can be before a page's own stylesheet (reports.css) has loaded;
    # CI once measured a dashboard's table without it, 95 px too wide.
    page.wait_for_load_state("load")
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{page.url} is {overflow}px wider than the viewport (horizontal scroll)"


@pytest.fixture
def assert_fits_viewport():
    """`assert_fits_viewport(page)`: the page has no sideways scrolling at its viewport width."""
    return _assert_fits_viewport
