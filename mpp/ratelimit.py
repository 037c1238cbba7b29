"""Per-client fixed-window rate limits for public lookups (tracking, permit verification), kept in
the cache so every web process shares the count."""

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """The client's address. X-Forwarded-For is written by the client unless our own proxies
    rewrite it, so it is read only with ``MPP_TRUSTED_PROXY_COUNT`` set (the number of reverse
    proxies in front of Django): the entry that many places from the right is the one our first
    proxy saw. Without it, REMOTE_ADDR (behind a proxy, every client would share one limit)."""
    proxies = int(getattr(settings, "MPP_TRUSTED_PROXY_COUNT", 0) or 0)
    if proxies > 0:
        hops = [h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if h.strip()]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def over_limit(request: HttpRequest, *, scope: str, limit: int, window: int) -> bool:
    """Count this request for the client in ``scope`` and say whether it went over ``limit``
    requests in the current ``window`` seconds."""
    key = f"ratelimit:{scope}:{client_ip(request)}"
    cache.add(key, 0, window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)
        count = 1
    return count > limit
