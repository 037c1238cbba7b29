from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("<int:pk>/buka/", views.open_notification, name="open"),
    path("tandai-semua-dibaca/", views.mark_all_read, name="mark_all_read"),
    path("preferensi/", views.preferences, name="preferences"),
]
