"""Shared fixtures. Test data comes from tests/factories.py (one trait per status)."""

import os
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.core.cache import cache

pytest_plugins = ["tests.browser_fixtures"]


def pytest_configure(config):
    """Parallel workers (pytest-xdist) each use their own Redis database for the cache, because
    every test clears the cache and would otherwise clear the other workers' too."""
    from django.conf import settings

    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    if worker.startswith("gw") and settings.REDIS_URL:
        parts = urlsplit(settings.REDIS_URL)
        database = 1 + int(worker.removeprefix("gw")) % 15
        settings.CACHES["default"]["LOCATION"] = urlunsplit(parts._replace(path=f"/{database}"))


@pytest.fixture(autouse=True)
def _clear_cache():
    """The calendar and the MPP profile are cached; every test starts from a clean cache."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _indonesian_by_default():
    """LocaleMiddleware leaves the last request's language active on the thread; every test starts
    in the portal's default language, Indonesian."""
    from django.utils import translation

    translation.activate("id")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings):
    """Tests hash many passwords; the production hasher is slow on purpose."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def api_client():
    from rest_framework.test import APIClient

    return APIClient()
