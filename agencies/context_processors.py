from django.core.cache import cache

from .selectors import mpp_profile


def mpp(request):
    """The mall's name and contacts for the header and footer (cached: one row, rarely changed)."""
    profile = cache.get("mpp:profile")
    if profile is None:
        profile = mpp_profile() or False
        cache.set("mpp:profile", profile, 300)
    return {"mpp": profile or None}
