"""Log in, log out, forgotten password, and the profile page."""

import re

import pytest
from django.conf import settings
from django.contrib.auth import get_user
from django.urls import reverse

from accounts.models import User
from tests.factories import MppProfileFactory, UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "rahasia-Uji-123"  # UserFactory's
LOGIN_URL = "/akun/masuk/"
GENERIC_ERROR = "Email atau kata sandi salah."


def test_urls_have_the_indonesian_paths():
    assert reverse("accounts:login") == "/akun/masuk/"
    assert reverse("accounts:logout") == "/akun/keluar/"
    assert reverse("accounts:register") == "/akun/daftar/"
    assert reverse("accounts:profile") == "/akun/profil/"
    assert reverse("accounts:password_reset") == "/akun/lupa-sandi/"
    assert reverse("accounts:verify_email", args=["MQ", "abc-123"]) == "/akun/verifikasi/MQ/abc-123/"


# --- Log in ---------------------------------------------------------------------------------------


def test_login_page_asks_for_email_and_password(client):
    html = client.get(LOGIN_URL).content.decode()
    assert 'type="email"' in html
    assert 'autocomplete="current-password"' in html
    assert ">Email" in html and ">Kata sandi" in html
    assert reverse("accounts:password_reset") in html


def test_login_with_email_in_any_case(client):
    user = UserFactory(email="budi@contoh.id")

    response = client.post(LOGIN_URL, {"username": "BUDI@Contoh.ID", "password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == reverse(settings.LOGIN_REDIRECT_URL)
    assert get_user(client).pk == user.pk


@pytest.mark.parametrize(
    ("email", "password"),
    [
        ("budi@contoh.id", "salah-sandi-999"),  # known address, wrong password
        ("tidak.ada@contoh.id", PASSWORD),  # unknown address
        ("nonaktif@contoh.id", PASSWORD),  # deactivated account
    ],
)
def test_failed_login_gives_one_generic_message(client, email, password):
    UserFactory(email="budi@contoh.id")
    UserFactory(email="nonaktif@contoh.id", is_active=False)

    response = client.post(LOGIN_URL, {"username": email, "password": password})

    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [GENERIC_ERROR]
    assert GENERIC_ERROR in response.content.decode()
    assert not get_user(client).is_authenticated


def test_login_honours_next_on_this_site_only(client):
    UserFactory(email="budi@contoh.id")
    credentials = {"username": "budi@contoh.id", "password": PASSWORD}

    response = client.post(f"{LOGIN_URL}?next=/akun/profil/", credentials)
    assert response["Location"] == "/akun/profil/"

    for evil in ("https://jahat.example/akun/", "//jahat.example/", "javascript:alert(1)"):
        client.logout()
        response = client.post(LOGIN_URL, {**credentials, "next": evil})
        assert response["Location"] == reverse(settings.LOGIN_REDIRECT_URL), evil


def test_login_applies_the_preferred_language(client):
    UserFactory(email="tourist@contoh.id", preferred_language="en")

    response = client.post(LOGIN_URL, {"username": "tourist@contoh.id", "password": PASSWORD})

    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"


def test_logged_in_user_is_sent_away_from_the_login_page(client):
    client.force_login(UserFactory())
    assert client.get(LOGIN_URL).status_code == 302


# --- Log out --------------------------------------------------------------------------------------


def test_logout_is_post_only(client):
    client.force_login(UserFactory())

    assert client.get("/akun/keluar/").status_code == 405
    assert get_user(client).is_authenticated

    response = client.post("/akun/keluar/", follow=True)
    assert not get_user(client).is_authenticated
    assert response.redirect_chain[0][0] == reverse(settings.LOGOUT_REDIRECT_URL)
    assert "Anda sudah keluar." in response.content.decode()


# --- Forgotten password ---------------------------------------------------------------------------


def test_password_reset_end_to_end(client, mailoutbox):
    MppProfileFactory()
    user = UserFactory(email="budi@contoh.id", full_name="Budi Santoso")

    page = client.get("/akun/lupa-sandi/")
    assert "Lupa kata sandi" in page.content.decode()
    response = client.post("/akun/lupa-sandi/", {"email": "Budi@Contoh.id"})
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:password_reset_done")

    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["budi@contoh.id"]
    assert "Mal Pelayanan Publik Kota Probolinggo" in message.subject
    assert "Mal Pelayanan Publik Kota Probolinggo" in message.body
    assert "Halo Budi Santoso" in message.body
    link = re.search(r"http://testserver(/akun/lupa-sandi/\S+)", message.body).group(1)

    response = client.get(link, follow=True)  # Django moves the token into the session
    assert "Buat kata sandi baru" in response.content.decode()
    set_password_url = response.redirect_chain[-1][0]
    response = client.post(
        set_password_url, {"new_password1": "Probolinggo-Baru-1", "new_password2": "Probolinggo-Baru-1"}
    )
    assert response["Location"] == reverse("accounts:password_reset_complete")
    assert "Kata sandi sudah diganti" in client.get(response["Location"]).content.decode()

    user.refresh_from_db()
    assert user.check_password("Probolinggo-Baru-1")
    assert not client.login(email="budi@contoh.id", password=PASSWORD)
    assert client.login(email="budi@contoh.id", password="Probolinggo-Baru-1")

    client.logout()
    response = client.get(link)  # the link is spent once the password changed
    assert "Tautan tidak berlaku" in response.content.decode()


def test_password_reset_for_an_unknown_email_looks_the_same(client, mailoutbox):
    UserFactory(email="budi@contoh.id")

    known = client.post("/akun/lupa-sandi/", {"email": "budi@contoh.id"}, follow=True)
    unknown = client.post("/akun/lupa-sandi/", {"email": "tidak.ada@contoh.id"}, follow=True)

    assert len(mailoutbox) == 1
    assert known.redirect_chain == unknown.redirect_chain
    assert known.status_code == unknown.status_code == 200

    def page_text(response):  # the page minus the CSRF token, which differs per response
        return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())

    assert page_text(known) == page_text(unknown)
    assert "Bila alamat tersebut terdaftar" in page_text(unknown)


def test_password_reset_form_errors_are_indonesian(client):
    response = client.post("/akun/lupa-sandi/", {"email": "bukan-email"})
    assert "Email: Masukkan alamat email" in response.content.decode()


# --- Profile --------------------------------------------------------------------------------------


def test_profile_needs_a_login(client):
    response = client.get("/akun/profil/")
    assert response.status_code == 302
    assert response["Location"] == f"{LOGIN_URL}?next=/akun/profil/"


def test_profile_shows_the_nik_masked_except_the_last_four_digits(client):
    user = UserFactory(nik="3574015205900002", email="siti@contoh.id")
    client.force_login(user)

    html = client.get("/akun/profil/").content.decode()

    assert "3574015205900002" not in html
    assert "357401" not in html
    assert "••••••••••••0002" in html
    assert "siti@contoh.id" in html


def test_profile_edits_name_phone_and_language(client):
    user = UserFactory(full_name="Nama Lama", phone="+6281111111111")
    client.force_login(user)

    response = client.post(
        "/akun/profil/",
        {
            "full_name": "Nama Baru",
            "phone": "0813 2222 3333",
            "preferred_language": "en",
            "role": "mpp_admin",
        },
    )

    assert response.status_code == 302
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    user.refresh_from_db()
    assert (user.full_name, user.phone, user.preferred_language) == ("Nama Baru", "+6281322223333", "en")
    assert user.role == "citizen"
    change = user.history.first()
    assert change.history_change_reason == "profil diubah"
    assert change.history_user_id == user.pk


def test_profile_refuses_a_bad_phone(client):
    user = UserFactory(full_name="Nama Lama")
    client.force_login(user)

    response = client.post(
        "/akun/profil/", {"full_name": "Nama Baru", "phone": "12345", "preferred_language": "id"}
    )

    assert response.status_code == 200
    assert "Nomor HP harus nomor seluler Indonesia" in response.content.decode()
    user.refresh_from_db()
    assert user.full_name == "Nama Lama"


def test_staff_profile_has_no_nik_and_phone_is_optional(client):
    officer = UserFactory(officer=True)
    client.force_login(officer)

    html = client.get("/akun/profil/").content.decode()
    assert "Petugas loket" in html
    assert officer.agency.name in html

    response = client.post("/akun/profil/", {"full_name": "Petugas", "phone": "", "preferred_language": "id"})
    assert response.status_code == 302
    assert User.objects.get(pk=officer.pk).phone == ""
