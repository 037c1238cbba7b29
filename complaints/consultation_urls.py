from django.urls import path

from . import consultation_views as views

app_name = "consultation"

urlpatterns = [
    path("tanya/<str:code>/", views.ask, name="ask"),
    path("saya/", views.mine, name="mine"),
    path("petugas/", views.staff_list, name="staff"),
    path("petugas/<int:pk>/jawab/", views.staff_answer, name="answer"),
]
