from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("masuk/", views.LoginView.as_view(), name="login"),
    path("keluar/", views.LogoutView.as_view(), name="logout"),
    path("daftar/", views.register, name="register"),
    path("profil/", views.profile, name="profile"),
    path("verifikasi/kirim-ulang/", views.resend_verification, name="resend_verification"),
    path("verifikasi/<uidb64>/<token>/", views.verify_email, name="verify_email"),
    path("lupa-sandi/", views.PasswordResetView.as_view(), name="password_reset"),
    path("lupa-sandi/terkirim/", views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "lupa-sandi/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("lupa-sandi/selesai/", views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
]
