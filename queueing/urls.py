"""The queue's pages, mounted at /antrian/ (namespace "queueing")."""

from django.urls import path

from . import kiosk, views

app_name = "queueing"
urlpatterns = [
    path("", views.availability, name="availability"),
    path("kios/", views.kiosk, name="kiosk"),
    path("kios/terbitkan/", kiosk.kiosk_issue, name="kiosk_issue"),
    path("kios/tiket/<str:token>/", views.kiosk_ticket, name="kiosk_ticket"),
    path("tiket/<str:token>/", views.ticket_status, name="ticket_status"),
    path("papan/", views.board, name="board"),
    path("pesan/", views.booking_new, name="booking_new"),
    path("pesanan/", views.booking_list, name="booking_list"),
    path("pesanan/<str:code>/", views.booking_detail, name="booking_detail"),
    path("pesanan/<str:code>/batal/", views.booking_cancel, name="booking_cancel"),
    path("loket/", views.counter_list, name="counter_list"),
    path("loket/<int:pk>/", views.counter_page, name="counter"),
    path("loket/<int:pk>/aksi/", views.counter_action, name="counter_action"),
]
