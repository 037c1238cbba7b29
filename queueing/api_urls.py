"""/api/v1/queue/... (included into the "api" namespace by mpp/api_urls.py)."""

from django.urls import path

from . import api

urlpatterns = [
    path("tickets/", api.TicketIssueView.as_view(), name="queue-ticket-issue"),
    path("tickets/<str:token>/", api.TicketStatusView.as_view(), name="queue-ticket-status"),
    path("check-in/", api.CheckInView.as_view(), name="queue-check-in"),
    path("board/", api.BoardView.as_view(), name="queue-board"),
    path("availability/", api.AvailabilityView.as_view(), name="queue-availability"),
    path("counters/<int:pk>/<str:action>/", api.CounterActionView.as_view(), name="queue-counter-action"),
]
