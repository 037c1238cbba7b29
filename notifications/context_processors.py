from django.core.cache import cache

from .selectors import unread_count

CACHE_SECONDS = 10


def cache_key(user_id: int) -> str:
    return f"notifications:unread:{user_id}"


def unread_notifications(request):
    """The header's unread count: one indexed COUNT per user, cached for a few seconds."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    key = cache_key(user.pk)
    count = cache.get(key)
    if count is None:
        count = unread_count(user=user)
        cache.set(key, count, CACHE_SECONDS)
    return {"unread_notification_count": count}
