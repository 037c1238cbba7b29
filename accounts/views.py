"""Account pages: register, verify e-mail, log in and out, reset the password, see the profile."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from mpp.errors import DomainError

from . import services
from .forms import LoginForm, ProfileForm, RegistrationForm
from .selectors import masked_nik, user_from_uidb64
from .tokens import email_verification_token


def _safe_next(request: HttpRequest) -> str | None:
    """The `next` URL from the request, only when it stays on this site."""
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return None


def _site_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/")


def _mpp_name() -> str:
    from agencies.selectors import mpp_profile

    profile = mpp_profile()
    return profile.name if profile else "Mal Pelayanan Publik"


def _remember_language(response: HttpResponse, language: str) -> HttpResponse:
    """Apply the user's preferred language from now on (the cookie LocaleMiddleware reads)."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response


# --- Registration and e-mail verification --------------------------------------------------------


@require_http_methods(["GET", "POST"])
def register(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect(_safe_next(request) or "accounts:profile")
    form = RegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = services.citizen_register(
                email=data["email"],
                full_name=data["full_name"],
                phone=data["phone"],
                nik=data["nik"],
                password=data["password1"],
                preferred_language=get_language() or settings.LANGUAGE_CODE,
                site_url=_site_url(request),
            )
        except DomainError as exc:
            field = getattr(exc, "field", None)
            form.add_error("password1" if field == "password" else field, exc.message)
        else:
            login(request, user)
            messages.success(
                request,
                _(
                    "Akun Anda sudah dibuat. Kami mengirim tautan verifikasi ke %(email)s; "
                    "buka email tersebut untuk memverifikasi alamat Anda."
                )
                % {"email": user.email},
            )
            return redirect(_safe_next(request) or "accounts:profile")
    return render(request, "accounts/register.html", {"form": form, "next": _safe_next(request) or ""})


@require_http_methods(["GET"])
def verify_email(request: HttpRequest, uidb64: str, token: str) -> HttpResponse:
    user = user_from_uidb64(uidb64)
    if user is not None and user.email_verified_at is not None:
        messages.info(request, _("Email Anda sudah terverifikasi."))
        return redirect("accounts:profile" if request.user.is_authenticated else "accounts:login")
    if user is None or not email_verification_token.check_token(user, token):
        return render(request, "accounts/verify_invalid.html", status=400)
    services.user_verify_email(user=user)
    messages.success(request, _("Terima kasih, email Anda sudah terverifikasi."))
    if request.user.is_authenticated and request.user.pk == user.pk:
        return redirect("accounts:profile")
    return redirect("accounts:login")


@login_required
@require_http_methods(["GET", "POST"])
def resend_verification(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return render(request, "accounts/resend_verification.html", {"next": _safe_next(request) or ""})
    try:
        services.email_verification_resend(user=request.user, site_url=_site_url(request))
    except services.EmailAlreadyVerified as exc:
        messages.info(request, exc.message)
        return redirect("accounts:profile")
    except DomainError as exc:
        messages.warning(request, exc.message)
    else:
        messages.success(
            request,
            _("Tautan verifikasi baru sudah dikirim ke %(email)s.") % {"email": request.user.email},
        )
    return redirect(_safe_next(request) or "accounts:profile")


# --- Profile ---------------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    user = request.user
    form = ProfileForm(
        request.POST or None,
        initial={
            "full_name": user.full_name,
            "phone": user.phone,
            "preferred_language": user.preferred_language,
        },
        phone_required=user.is_citizen,
    )
    if request.method == "POST" and form.is_valid():
        try:
            user = services.user_update_profile(user=user, actor=user, **form.cleaned_data)
        except DomainError as exc:
            form.add_error(getattr(exc, "field", None), exc.message)
        else:
            messages.success(request, _("Profil Anda sudah disimpan."))
            return _remember_language(redirect("accounts:profile"), user.preferred_language)
    context = {"form": form, "profile_user": user, "masked_nik": masked_nik(user.nik)}
    return render(request, "accounts/profile.html", context)


# --- Log in, log out, forgotten password ----------------------------------------------------------


class LoginView(auth_views.LoginView):
    """Django's login view: `next` is honoured only for this site's URLs (url_has_allowed_host_and_scheme)."""

    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        return _remember_language(response, form.get_user().preferred_language)


class LogoutView(auth_views.LogoutView):
    """POST only (Django refuses GET): a link or an image cannot log anyone out."""

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        messages.info(request, _("Anda sudah keluar."))
        return response


class PasswordResetView(auth_views.PasswordResetView):
    """Always the same answer, whether or not the address has an account (no enumeration)."""

    template_name = "accounts/password_reset_form.html"
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form):
        self.extra_email_context = {
            "mpp_name": _mpp_name(),
            "valid_days": max(settings.PASSWORD_RESET_TIMEOUT // 86400, 1),
        }
        return super().form_valid(form)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["login_url"] = reverse("accounts:login")
        return context
