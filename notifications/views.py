"""Inbox pages: the user's own notifications, opening one, marking all read, channel preferences."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import selectors, services
from .context_processors import cache_key
from .forms import ChannelPreferenceForm
from .models import ChannelPreference

PAGE_SIZE = 20


@login_required
def inbox(request):
    page = Paginator(selectors.inbox(user=request.user), PAGE_SIZE).get_page(request.GET.get("halaman"))
    return render(request, "notifications/inbox.html", {"page": page, "notifications": page.object_list})


@login_required
def open_notification(request, pk: int):
    # Only the recipient's own rows: anyone else's id is a 404, not a 403 (no probing).
    notification = get_object_or_404(selectors.inbox(user=request.user), pk=pk)
    services.notification_mark_read(notification=notification)
    cache.delete(cache_key(request.user.pk))
    link = notification.link
    # Only same-site links are followed; anything else stays in the inbox.
    if link and url_has_allowed_host_and_scheme(
        link, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(link)
    return redirect("notifications:inbox")


@login_required
@require_POST
def mark_all_read(request):
    count = services.notifications_mark_all_read(user=request.user)
    cache.delete(cache_key(request.user.pk))
    if count:
        messages.success(request, _("Semua notifikasi ditandai sudah dibaca."))
    return redirect("notifications:inbox")


@login_required
def preferences(request):
    current = ChannelPreference.objects.filter(user=request.user).first() or ChannelPreference(
        user=request.user
    )
    form = ChannelPreferenceForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        services.channel_preference_update(user=request.user, **form.cleaned_data)
        messages.success(request, _("Preferensi notifikasi disimpan."))
        return redirect("notifications:preferences")
    return render(
        request, "notifications/preferences.html", {"form": form, "has_phone": bool(request.user.phone)}
    )
