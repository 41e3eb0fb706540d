"""One abuse limiter for every public write: counters on the cache, per person and per client.

Each action has a limit in ``settings.RATE_LIMITS``: ``{"action": (count, seconds)}``. A request
is counted twice, for the signed-in person (if any) and for the client's address, which is
never stored: only a keyed hash of it is part of the cache key. ``exceeded()`` counts an attempt
and answers whether it goes over either limit; an attempt over the limit is not counted, so a
person who waits gets in again once the window has passed.

The limiter fails open: when the cache cannot be reached, nothing is refused (the site stays
up; the database still enforces everything that must hold, such as one support per person).
"""

import logging

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

#: What a person reads when a limit is hit, on a 429 page or beside the form.
MESSAGE = _(
    "You have sent this form very often in a short time. Nothing was stored. "
    "Please wait a while and try again."
)


def client_ip(request) -> str:
    """The client's address as allauth determines it: ``REMOTE_ADDR`` unless a trusted proxy
    header is configured (``ALLAUTH_TRUSTED_CLIENT_IP_HEADER`` or
    ``ALLAUTH_TRUSTED_PROXY_COUNT``), so a spoofed ``X-Forwarded-For`` is ignored."""
    from allauth.account.adapter import get_adapter

    try:
        return get_adapter(request).get_client_ip(request)
    except PermissionDenied:  # allauth refuses a request whose address it cannot determine
        return "unknown"


def client_hash(request) -> str:
    """A keyed hash of the client's address: the same within this installation, and not
    reversible to the address without the secret key."""
    return salted_hmac("mitwirken.limits.client", client_ip(request)).hexdigest()[:32]


def _keys(request, action: str, scope: str) -> list[str]:
    base = f"limit:{action}:{scope}" if scope else f"limit:{action}"
    keys = [f"{base}:ip:{client_hash(request)}"]
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        keys.append(f"{base}:user:{user.pk}")
    return keys


def _count(key: str, window: int) -> int:
    cache.add(key, 0, timeout=window)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window)
        return 1


def exceeded(request, action: str, *, scope: str = "") -> bool:
    """Count this attempt at ``action`` (within ``scope``, e.g. one poll); ``True`` when it goes
    over the limit for this person or this client, and then it is not counted."""
    limit, window = settings.RATE_LIMITS[action]
    counted = []
    try:
        for key in _keys(request, action, scope):
            count = _count(key, window)
            counted.append(key)
            if count is None:  # a cache that ignores its errors answers nothing
                return False
            if count > limit:
                for done in counted:
                    cache.decr(done)
                return True
    except Exception:  # noqa: BLE001 - the cache is optional: fail open, never fail the request
        logger.warning("rate limiter: cache unavailable, %s not limited", action, exc_info=True)
    return False
