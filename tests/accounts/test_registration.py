"""Citizen self-registration, the verification e-mail and its link, and the resend limit."""

import re

import pytest
from django.contrib.auth import get_user
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from accounts import services
from accounts.models import Role, User
from tests.factories import AgencyFactory, MppProfileFactory, UserFactory

pytestmark = pytest.mark.django_db

REGISTER_URL = "/akun/daftar/"
VALID = {
    "full_name": "Siti Aminah",
    "email": "Siti.Aminah@Contoh.ID",
    "phone": "0812-3456-7890",
    "nik": "3574015205900002",
    "password1": "Bromo-Tengger-2026",
    "password2": "Bromo-Tengger-2026",
}


def _link_in(message) -> str:
    match = re.search(r"https?://\S+", message.body)
    assert match, message.body
    return match.group(0)


def _register(client, django_capture_on_commit_callbacks, **changes):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(REGISTER_URL, {**VALID, **changes})


def test_register_page_shows_the_form_without_a_role_field(client):
    response = client.get(REGISTER_URL)
    assert response.status_code == 200
    html = response.content.decode()
    for label in ("Nama lengkap", "Email", "Nomor HP", "NIK", "Kata sandi", "Ulangi kata sandi"):
        assert f">{label}" in html
    assert 'name="role"' not in html


def test_registration_creates_a_citizen_logs_in_and_mails_a_verification_link(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    MppProfileFactory()
    response = _register(client, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:profile")
    user = User.objects.get()
    assert user.email == "siti.aminah@contoh.id"
    assert user.full_name == "Siti Aminah"
    assert user.phone == "+6281234567890"
    assert user.nik == "3574015205900002"
    assert user.role == Role.CITIZEN
    assert not user.is_staff and not user.is_superuser
    assert user.email_verified_at is None
    assert user.check_password("Bromo-Tengger-2026")
    assert list(user.groups.values_list("name", flat=True)) == ["Warga"]
    created = user.history.get(history_type="+")
    assert created.history_type == "+"
    assert created.history_change_reason == "pendaftaran mandiri oleh warga"
    assert get_user(client).pk == user.pk

    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["siti.aminah@contoh.id"]
    assert "Mal Pelayanan Publik Kota Probolinggo" in message.subject
    assert "Siti Aminah" in message.body

    profile = client.get(reverse("accounts:profile"))
    assert "Akun Anda sudah dibuat" in profile.content.decode()
    assert "belum diverifikasi" in profile.content.decode()

    response = client.get(_link_in(message))
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:profile")
    user.refresh_from_db()
    assert user.email_verified_at is not None
    assert user.history.first().history_change_reason == "email diverifikasi lewat tautan"
    profile = client.get(reverse("accounts:profile")).content.decode()
    assert "email Anda sudah terverifikasi" in profile
    assert "terverifikasi" in profile and "belum diverifikasi" not in profile


def test_verification_link_works_without_being_logged_in(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    _register(client, django_capture_on_commit_callbacks)
    link = _link_in(mailoutbox[0])
    client.post(reverse("accounts:logout"))

    response = client.get(link, follow=True)

    assert response.redirect_chain[0][0] == reverse("accounts:login")
    assert "email Anda sudah terverifikasi" in response.content.decode()
    assert User.objects.get().email_verified_at is not None


def test_following_the_link_twice_says_already_verified(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    _register(client, django_capture_on_commit_callbacks)
    link = _link_in(mailoutbox[0])
    client.get(link)
    verified_at = User.objects.get().email_verified_at

    response = client.get(link, follow=True)

    assert "Email Anda sudah terverifikasi." in response.content.decode()
    assert User.objects.get().email_verified_at == verified_at


@pytest.mark.parametrize("email", ["siti.aminah@contoh.id", "SITI.AMINAH@CONTOH.ID"])
def test_duplicate_email_in_any_case_is_a_field_error(client, mailoutbox, email):
    existing = UserFactory(email="siti.aminah@contoh.id")

    response = client.post(REGISTER_URL, {**VALID, "email": email})

    assert response.status_code == 200
    assert response.context["form"].errors == {"email": ["Email ini sudah terdaftar."]}
    assert "Email ini sudah terdaftar." in response.content.decode()
    assert existing.full_name not in response.content.decode()
    assert User.objects.count() == 1
    assert mailoutbox == []
    assert not get_user(client).is_authenticated


def test_duplicate_nik_is_a_field_error(client, mailoutbox):
    UserFactory(nik=VALID["nik"])

    response = client.post(REGISTER_URL, VALID)

    assert response.status_code == 200
    assert response.context["form"].errors == {"nik": ["NIK ini sudah terdaftar."]}
    assert User.objects.count() == 1
    assert mailoutbox == []


@pytest.mark.parametrize(
    ("nik", "message"),
    [
        ("357401520590000", "NIK harus terdiri dari 16 angka."),
        ("3574017002900001", "Tanggal lahir pada NIK"),
        ("9974015205900002", "Kode provinsi"),
        ("3574015205900000", "0000"),
    ],
)
def test_invalid_nik_is_a_field_error_and_creates_nothing(client, mailoutbox, nik, message):
    response = client.post(REGISTER_URL, {**VALID, "nik": nik})

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == ["nik"]
    assert message in errors["nik"][0]
    assert message in response.content.decode()
    assert 'aria-invalid="true"' in response.content.decode()
    assert not User.objects.exists()
    assert mailoutbox == []


def test_invalid_phone_is_a_field_error(client):
    response = client.post(REGISTER_URL, {**VALID, "phone": "0335 421000"})

    assert list(response.context["form"].errors) == ["phone"]
    assert not User.objects.exists()


def test_password_rules_speak_indonesian(client):
    response = client.post(REGISTER_URL, {**VALID, "password1": "password", "password2": "password"})
    assert "Kata sandi ini terlalu umum." in response.context["form"].errors["password1"]

    response = client.post(REGISTER_URL, {**VALID, "password1": "12345", "password2": "12345"})
    errors = response.context["form"].errors["password1"]
    assert any("terlalu pendek" in error for error in errors)
    assert "Kata sandi ini seluruhnya terdiri dari angka." in errors

    response = client.post(REGISTER_URL, {**VALID, "password2": "Bromo-Tengger-2027"})
    assert response.context["form"].errors["password2"] == ["Kedua kata sandi tidak sama."]
    assert not User.objects.exists()


def test_posting_a_role_cannot_make_a_staff_account(client, django_capture_on_commit_callbacks):
    agency = AgencyFactory()

    _register(
        client,
        django_capture_on_commit_callbacks,
        role="mpp_admin",
        is_staff="on",
        is_superuser="on",
        agency=str(agency.pk),
        email_verified_at="2026-01-01T00:00:00Z",
    )

    user = User.objects.get()
    assert user.role == Role.CITIZEN
    assert not user.is_staff and not user.is_superuser
    assert user.agency is None
    assert user.email_verified_at is None
    assert client.get("/admin/").status_code == 302  # not let into the admin


def test_logged_in_user_is_sent_away_from_the_register_page(client):
    client.force_login(UserFactory())
    assert client.get(REGISTER_URL)["Location"] == reverse("accounts:profile")


def test_registration_honours_a_same_site_next_only(client, django_capture_on_commit_callbacks):
    response = _register(client, django_capture_on_commit_callbacks, next="https://jahat.example/")
    assert response["Location"] == reverse("accounts:profile")

    client.post(reverse("accounts:logout"))
    response = _register(
        client,
        django_capture_on_commit_callbacks,
        email="budi@contoh.id",
        nik="3574011205900001",
        next="/layanan/",
    )
    assert response["Location"] == "/layanan/"


# --- The verification link ------------------------------------------------------------------------


def test_garbled_link_shows_a_clear_message_and_offers_a_resend(client):
    user = UserFactory(email_verified_at=None)
    client.force_login(user)

    response = client.get(reverse("accounts:verify_email", args=["Mg", "salah-token"]))

    assert response.status_code == 400
    html = response.content.decode()
    assert "Tautan verifikasi tidak berlaku" in html
    assert reverse("accounts:resend_verification") in html
    user.refresh_from_db()
    assert user.email_verified_at is None


def test_expired_link_is_refused(client, settings, mailoutbox):
    user = UserFactory(email_verified_at=None)
    services.email_verification_send(user=user, site_url="http://testserver")
    settings.PASSWORD_RESET_TIMEOUT = -1  # every link is already too old

    response = client.get(_link_in(mailoutbox[0]))

    assert response.status_code == 400
    html = response.content.decode()
    assert "kedaluwarsa" in html
    assert "Masuk dan kirim ulang tautan" in html  # anonymous: log in first, then resend
    user.refresh_from_db()
    assert user.email_verified_at is None


def test_link_of_another_address_stops_working_when_the_address_changes(client, mailoutbox):
    user = UserFactory(email_verified_at=None, email="lama@contoh.id")
    services.email_verification_send(user=user, site_url="http://testserver")
    user.email = "baru@contoh.id"
    user.save()

    assert client.get(_link_in(mailoutbox[0])).status_code == 400


# --- Resending the link ---------------------------------------------------------------------------


def test_resend_sends_a_new_link_then_waits_sixty_seconds(client, mailoutbox):
    user = UserFactory(email_verified_at=None)
    client.force_login(user)
    url = reverse("accounts:resend_verification")

    assert "Kirim tautan verifikasi" in client.get(url).content.decode()
    response = client.post(url, {"next": "/layanan/"}, follow=True)
    assert response.redirect_chain[0][0] == "/layanan/"
    assert "Tautan verifikasi baru sudah dikirim" in response.content.decode()
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [user.email]

    response = client.post(url, follow=True)
    assert len(mailoutbox) == 1
    assert "Coba lagi dalam 60 detik" in response.content.decode()

    assert client.get(_link_in(mailoutbox[0])).status_code == 302
    user.refresh_from_db()
    assert user.email_verified_at is not None


def test_registration_counts_as_the_first_send(client, mailoutbox, django_capture_on_commit_callbacks):
    _register(client, django_capture_on_commit_callbacks)

    response = client.post(reverse("accounts:resend_verification"), follow=True)

    assert len(mailoutbox) == 1
    assert "Coba lagi dalam 60 detik" in response.content.decode()


def test_resend_for_a_verified_address_sends_nothing(client, mailoutbox):
    client.force_login(UserFactory())

    response = client.post(reverse("accounts:resend_verification"), follow=True)

    assert "Email Anda sudah terverifikasi." in response.content.decode()
    assert mailoutbox == []


def test_resend_needs_a_login(client):
    response = client.post(reverse("accounts:resend_verification"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


# --- The banner base.html includes ----------------------------------------------------------------


def test_banner_shows_only_for_unverified_users():
    request = RequestFactory().get("/layanan/")
    unverified = UserFactory(email_verified_at=None)

    html = render_to_string("accounts/_verify_banner.html", {"user": unverified, "request": request})
    assert "Email Anda belum diverifikasi" in html
    assert unverified.email in html
    assert reverse("accounts:resend_verification") in html
    assert 'value="/layanan/"' in html

    assert render_to_string("accounts/_verify_banner.html", {"user": UserFactory()}).strip() == ""


# --- The service on its own -----------------------------------------------------------------------


def test_citizen_register_refuses_duplicates_and_bad_values_with_field_names():
    UserFactory(email="ada@contoh.id", nik="3574011205900001")
    base = {
        "email": "baru@contoh.id",
        "full_name": "Warga Baru",
        "phone": "081234567890",
        "nik": "3574015205900002",
        "password": "Bromo-Tengger-2026",
    }
    cases = [
        ({"email": "ADA@contoh.id"}, services.EmailAlreadyRegistered, "email"),
        ({"nik": "3574011205900001"}, services.NikAlreadyRegistered, "nik"),
        ({"nik": "123"}, services.InvalidRegistration, "nik"),
        ({"phone": "12345"}, services.InvalidRegistration, "phone"),
        ({"password": "12345678"}, services.InvalidRegistration, "password"),
    ]
    for change, error, field in cases:
        with pytest.raises(error) as caught:
            services.citizen_register(**{**base, **change})
        assert caught.value.field == field
    assert User.objects.count() == 1


def test_citizen_register_sends_the_email_only_after_commit(mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        user = services.citizen_register(
            email="warga@contoh.id",
            full_name="Warga",
            phone="081234567890",
            nik="3574015205900002",
            password="Bromo-Tengger-2026",
            site_url="https://mpp.example.go.id/",
        )
    assert mailoutbox == []
    assert len(callbacks) == 1
    callbacks[0]()
    assert len(mailoutbox) == 1
    assert "https://mpp.example.go.id/akun/verifikasi/" in mailoutbox[0].body
    assert user.email_verified_at is None


def test_user_verify_email_is_idempotent():
    user = UserFactory(email_verified_at=None)
    first = services.user_verify_email(user=user).email_verified_at
    assert first is not None
    assert first <= timezone.now()
    assert services.user_verify_email(user=user).email_verified_at == first
    assert user.history.filter(history_change_reason="email diverifikasi lewat tautan").count() == 1
