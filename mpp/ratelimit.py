"""Per-client fixed-window rate limits for public lookups (tracking, permit verification), kept in
the cache so every web process shares the count."""

from django.conf import settings
from django.http import HttpRequest

from .cache import hit_and_get


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


def limit_key(request: HttpRequest, scope: str) -> str:
    """The cache key counting ``request``'s client in ``scope``."""
    return f"ratelimit:{scope}:{client_ip(request)}"


def over_limit(request: HttpRequest, *, scope: str, limit: int, window: int) -> bool:
    """Count this request for the client in ``scope`` and say whether it went over ``limit``
    requests in the current ``window`` seconds (one round trip on Redis: ``mpp.cache.hit_and_get``)."""
    count, _values = hit_and_get(limit_key(request, scope), window)
    return count > limit
