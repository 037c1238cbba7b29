"""mpp/templatetags/chrome.py: the kept header and footer are what the templates render."""

import re

import pytest
from django.template.loader import get_template
from django.test import RequestFactory
from django.urls import resolve
from django.utils import translation

from accounts.models import Role
from mpp.templatetags import chrome
from tests.factories import MppProfileFactory, UserFactory

pytestmark = pytest.mark.django_db

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')


def _contexts(user, path):
    request = RequestFactory().get(path)
    request.user = user
    request.resolver_match = resolve(path.split("?")[0])
    return request


@pytest.mark.parametrize(
    ("make_user", "path"),
    [
        (lambda: None, "/lacak/?nomor=PBG-2026-000001"),
        (lambda: UserFactory(full_name="Siti Aminah"), "/permohonan/"),
        (lambda: UserFactory(officer=True, full_name="Budi Petugas"), "/petugas/permohonan/?q=siti"),
        (lambda: UserFactory(mpp_admin=True, full_name="Ani Admin"), "/kelola/"),
        (lambda: UserFactory(role=Role.COMPLAINT_OFFICER, full_name="Rina Pengaduan"), "/pengaduan/"),
    ],
)
@pytest.mark.parametrize("language", ["id", "en"])
def test_the_kept_header_and_footer_equal_the_templates(make_user, path, language):
    from django.contrib.auth.models import AnonymousUser

    MppProfileFactory(name="MPP Kota Probolinggo", phone="0335 123 456", email="mpp@probolinggokota.go.id")
    from agencies.selectors import mpp_profile

    user = make_user() or AnonymousUser()
    request = _contexts(user, path)
    context = {
        "request": request,
        "user": user,
        "csrf_token": "abcDEF123",
        "unread_notification_count": 4 if user.is_authenticated else 0,
        "mpp": mpp_profile(),
    }
    with translation.override(language):
        expected_header = get_template("partials/header.html").render(context)
        expected_footer = get_template("partials/footer.html").render(context)
        header = chrome.site_header(context)
        footer = chrome.site_footer(context)
    assert header == expected_header
    assert footer == expected_footer
    assert 'name="csrfmiddlewaretoken" value="abcDEF123"' in header  # the language switch at least


def test_the_per_request_parts_are_not_kept():
    from agencies.selectors import mpp_profile

    officer = UserFactory(officer=True, full_name="Budi Petugas")
    other = UserFactory(officer=True, full_name="Dewi Petugas")
    pages = []
    for user, token, path in (
        (officer, "tokenSATU", "/petugas/permohonan/?q=siti"),
        (other, "tokenDUA", "/petugas/permohonan/?status=all"),
    ):
        context = {
            "request": _contexts(user, path),
            "user": user,
            "csrf_token": token,
            "unread_notification_count": 0,
            "mpp": mpp_profile(),
        }
        with translation.override("id"):
            pages.append(chrome.site_header(context))
    first, second = pages
    assert "Budi" in first and "Dewi" not in first
    assert "Dewi" in second and "Budi" not in second
    assert CSRF_INPUT.findall(first) == ['name="csrfmiddlewaretoken" value="tokenSATU"'] * 2
    assert CSRF_INPUT.findall(second) == ['name="csrfmiddlewaretoken" value="tokenDUA"'] * 2
    assert 'value="/petugas/permohonan/?q=siti"' in first
    assert 'value="/petugas/permohonan/?status=all"' in second


def test_a_name_is_escaped_and_one_kept_header_serves_every_officer():
    chrome._header.cache_clear()
    for name in ("<b>Budi</b> Petugas", "Dewi Petugas"):
        user = UserFactory(officer=True, full_name=name)
        context = {"request": _contexts(user, "/petugas/permohonan/"), "user": user, "csrf_token": "t"}
        with translation.override("id"):
            header = chrome.site_header(context)
    assert "Dewi" in header
    assert chrome._header.cache_info().currsize == 1
    user = UserFactory(officer=True, full_name="<b>Budi</b> Petugas")
    context = {"request": _contexts(user, "/petugas/permohonan/"), "user": user, "csrf_token": "t"}
    with translation.override("id"):
        assert "&lt;b&gt;Budi&lt;/b&gt;" in chrome.site_header(context)


def test_a_path_is_escaped_in_the_language_switch():
    user = UserFactory()
    context = {
        "request": _contexts(user, "/permohonan/?status=all&layanan=PBG"),
        "user": user,
        "csrf_token": "t",
        "unread_notification_count": 0,
        "mpp": None,
    }
    header = chrome.site_header(context)
    assert 'name="next" type="hidden" value="/permohonan/?status=all&amp;layanan=PBG"' in header


@pytest.mark.parametrize("url", ["/ikm/", "/lacak/", "/layanan/"])
def test_every_page_names_the_mall_in_its_header(client, url):
    """A view's own context must not hide the mall's profile from the header (the IKM page had its
    own "mpp" and showed the generic name)."""
    from django.core.cache import cache

    MppProfileFactory(name="MPP Kota Probolinggo Uji")
    cache.delete("mpp:profile")
    page = client.get(url).content.decode()
    assert '<span class="brand-name">MPP Kota Probolinggo Uji</span>' in page
