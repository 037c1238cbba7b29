"""The page chrome: the site header and footer, rendered once per kind of visitor and kept.

Every HTML page renders the same header (navigation by role, the current section, the unread
count, the language switch) and footer (the mall's contacts and public links). As templates they
cost about 1.5 ms of CPU per page (some 25 ``{% url %}`` reversals and 20 role conditions;
benchmarks/README.md), for output that depends on a handful of values. Here the output is rendered
from ``partials/header.html`` and ``partials/footer.html`` once per combination of those values and
kept in this process (a bounded LRU); the per-request parts, the CSRF token and the current path,
and the signed-in user's name are put in afterwards.

``{% site_header %}`` and ``{% site_footer %}`` (``{% load chrome %}``) replace the includes.
"""

from __future__ import annotations

from functools import lru_cache
from types import SimpleNamespace

from django import template
from django.template.loader import get_template
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

register = template.Library()

# Stand-ins rendered into the kept output, then replaced per request. They survive escaping as
# they are (letters and underscores only) and appear nowhere else in the templates.
_CSRF = "MPPCHROMECSRFTOKEN"
_PATH = "MPPCHROMECURRENTPATH"
_NAME = "MPPCHROMEUSERNAME"  # the signed-in user's name: one kept header per kind of user, not per person


def _user_key(user) -> tuple | None:
    """What the header reads of the user (None: anonymous)."""
    if user is None or not user.is_authenticated:
        return None
    return (
        user.role,
        user.is_superuser,
        bool(user.agency_id),
        user.is_agency_staff,
        user.is_mpp_admin,
    )


def _mpp_key(mpp) -> tuple | None:
    """The mall's profile as the templates read it (a missing attribute reads as "", as there)."""
    if not mpp:
        return None
    return tuple(getattr(mpp, name, "") for name in ("name", "address", "phone", "whatsapp", "email"))


def _mpp_from(key: tuple | None):
    if key is None:
        return None
    name, address, phone, whatsapp, email = key
    return SimpleNamespace(name=name, address=address, phone=phone, whatsapp=whatsapp, email=email)


@lru_cache(maxsize=1024)
def _header(language: str, user_key, namespace: str, url_name: str, unread: int, mpp_key) -> str:
    if user_key is None:
        user = SimpleNamespace(is_authenticated=False)
    else:
        role, is_superuser, has_agency, is_agency_staff, is_mpp_admin = user_key
        user = SimpleNamespace(
            is_authenticated=True,
            role=role,
            is_superuser=is_superuser,
            agency_id=1 if has_agency else None,
            is_agency_staff=is_agency_staff,
            is_mpp_admin=is_mpp_admin,
            get_short_name=_NAME,
        )
    request = SimpleNamespace(
        resolver_match=SimpleNamespace(namespace=namespace, url_name=url_name),
        get_full_path=_PATH,
    )
    context = {
        "user": user,
        "request": request,
        "csrf_token": _CSRF,
        "unread_notification_count": unread,
        "mpp": _mpp_from(mpp_key),
    }
    return get_template("partials/header.html").render(context)


@lru_cache(maxsize=64)
def _footer(language: str, mpp_key) -> str:
    return get_template("partials/footer.html").render({"mpp": _mpp_from(mpp_key)})


@register.simple_tag(takes_context=True)
def site_header(context) -> str:
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    html = _header(
        get_language() or "",
        _user_key(context.get("user")),
        (match.namespace or "") if match else "",
        (match.url_name or "") if match else "",
        int(context.get("unread_notification_count") or 0),
        _mpp_key(context.get("mpp")),
    )
    token = context.get("csrf_token")
    path = request.get_full_path() if request is not None else ""
    user = context.get("user")
    name = user.get_short_name() if user is not None and user.is_authenticated else ""
    # Each is escaped as the template would escape it.
    html = html.replace(_CSRF, escape(str(token or ""))).replace(_PATH, escape(path))
    return mark_safe(html.replace(_NAME, escape(name)))


@register.simple_tag(takes_context=True)
def site_footer(context) -> str:
    return mark_safe(_footer(get_language() or "", _mpp_key(context.get("mpp"))))
