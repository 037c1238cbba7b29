"""Forms for citizens' own account pages. The role is never a field: nobody picks it themself."""

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from .models import User
from .nik import InvalidNik, parse_nik
from .phone import InvalidPhone, normalize_mobile
from .selectors import user_email_taken, user_nik_taken


def _clean_phone(value: str) -> str:
    try:
        return normalize_mobile(value)
    except InvalidPhone as exc:
        raise forms.ValidationError(str(exc), code="invalid_phone") from exc


class RegistrationForm(forms.Form):
    full_name = forms.CharField(
        label=_("Nama lengkap"),
        max_length=150,
        help_text=_("Sesuai KTP-el."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Email"),
        max_length=254,
        help_text=_("Tautan verifikasi akan dikirim ke alamat ini."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=_("Nomor HP"),
        max_length=20,
        help_text=_("Nomor seluler, contoh: 0812 3456 7890 atau +62 812 3456 7890."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    nik = forms.CharField(
        label=_("NIK"),
        max_length=20,
        help_text=_("16 angka Nomor Induk Kependudukan pada KTP-el."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    password1 = forms.CharField(
        label=_("Kata sandi"),
        strip=False,
        help_text=_("Minimal 8 karakter, tidak hanya angka, dan tidak mudah ditebak."),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("Ulangi kata sandi"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        if user_email_taken(email):
            raise forms.ValidationError(_("Email ini sudah terdaftar."), code="email_taken")
        return email

    def clean_phone(self) -> str:
        return _clean_phone(self.cleaned_data["phone"])

    def clean_nik(self) -> str:
        nik = "".join(self.cleaned_data["nik"].split())
        try:
            parse_nik(nik)
        except InvalidNik as exc:
            raise forms.ValidationError(str(exc), code="invalid_nik") from exc
        if user_nik_taken(nik):
            raise forms.ValidationError(_("NIK ini sudah terdaftar."), code="nik_taken")
        return nik

    def clean_password2(self) -> str:
        password1 = self.cleaned_data.get("password1")
        password2 = self.cleaned_data.get("password2")
        if password1 and password2 and password1 != password2:
            raise forms.ValidationError(_("Kedua kata sandi tidak sama."), code="password_mismatch")
        return password2

    def clean(self):
        cleaned = super().clean()
        password = cleaned.get("password1")
        if password:
            # The similarity check compares the password with the person's own details.
            candidate = User(
                email=cleaned.get("email", ""),
                full_name=cleaned.get("full_name", ""),
                phone=cleaned.get("phone", ""),
            )
            try:
                password_validation.validate_password(password, candidate)
            except forms.ValidationError as exc:
                self.add_error("password1", exc)
        return cleaned


class LoginForm(AuthenticationForm):
    """Email and password. Every failure gives the same message: it must not tell whether an
    address has an account."""

    error_messages = {
        "invalid_login": _("Email atau kata sandi salah."),
        "inactive": _("Email atau kata sandi salah."),
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = _("Email")
        self.fields["username"].widget = forms.EmailInput(
            attrs={"autocomplete": "email", "autocapitalize": "none", "autofocus": True, "maxlength": 254}
        )
        self.fields["password"].label = _("Kata sandi")


class ProfileForm(forms.Form):
    """What a user may change about themself. Saved through `user_update_profile`."""

    full_name = forms.CharField(
        label=_("Nama lengkap"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    phone = forms.CharField(
        label=_("Nomor HP"),
        max_length=20,
        help_text=_("Nomor seluler, contoh: 0812 3456 7890."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    preferred_language = forms.ChoiceField(
        label=_("Bahasa"),
        choices=User._meta.get_field("preferred_language").choices,
        help_text=_("Bahasa untuk halaman dan email dari kami."),
    )

    def __init__(self, *args, phone_required: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        # Citizens are reached by phone about their applications; staff may leave it empty.
        self.fields["phone"].required = phone_required

    def clean_phone(self) -> str:
        phone = self.cleaned_data["phone"]
        return _clean_phone(phone) if phone else ""
