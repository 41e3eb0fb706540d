"""One abuse limiter for every public write: counters on the cache, per person and per client.

Each action has a limit in ``settings.RATE_LIMITS``: ``{"action": (count, seconds)}``, or
``(count, seconds, client_count)`` where one address may send more than one person (the Wi-Fi
of a workshop, a carrier's shared address). A request is counted twice, for the signed-in person
(if any) and for the client's address, which is never stored: only a keyed hash of it is part
of the cache key. ``exceeded()`` counts an attempt
and answers whether it goes over either limit; an attempt over the limit is not counted, so a
person who waits gets in again once the window has passed.

The limiter fails open: when the cache cannot be reached, nothing is refused (the site stays
up; the database still enforces everything that must hold, such as one support per person).
"""

import contextlib
import ipaddress
import logging

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
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
    except (PermissionDenied, ImproperlyConfigured):
        # allauth finds no valid address, or fewer X-Forwarded-For entries than trusted proxies
        # (a request that went round the proxy): all such requests share one counter.
        return "unknown"


def client_hash(request) -> str:
    """A keyed hash of the client's address: the same within this installation, and not
    reversible to the address without the secret key. An IPv6 address counts as its /64
    network (``ALLAUTH_RATE_LIMIT_IPV6_PREFIX``), as one connection owns a whole /64."""
    address = client_ip(request)
    with contextlib.suppress(ValueError):
        if ipaddress.ip_address(address).version == 6:
            prefix = getattr(settings, "ALLAUTH_RATE_LIMIT_IPV6_PREFIX", 64)
            address = str(ipaddress.ip_network(f"{address}/{prefix}", strict=False))
    return keyed_hash("client", address)


def keyed_hash(purpose: str, value: str) -> str:
    """A keyed hash of ``value`` (an address, an e-mail address) to count by in the cache."""
    return salted_hmac(f"mitwirken.limits.{purpose}", value).hexdigest()[:32]


def _keys(request, action: str, scope: str) -> list[tuple[str, int]]:
    """The counters of this request with their limits: the client's, and the person's."""
    limit, _window, *client = settings.RATE_LIMITS[action]
    base = f"limit:{action}:{scope}" if scope else f"limit:{action}"
    keys = [(f"{base}:ip:{client_hash(request)}", client[0] if client else limit)]
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        keys.append((f"{base}:user:{user.pk}", limit))
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
    return _exceeded(action, _keys(request, action, scope))


def exceeded_for(action: str, subject: str) -> bool:
    """Count an attempt at ``action`` for ``subject`` whoever sends it, e.g. the
    ``keyed_hash`` of an e-mail address that confirmation links go to; ``True`` over the
    limit, and then it is not counted."""
    limit = settings.RATE_LIMITS[action][0]
    return _exceeded(action, [(f"limit:{action}:subject:{subject}", limit)])


def _exceeded(action: str, keys: list[tuple[str, int]]) -> bool:
    window = settings.RATE_LIMITS[action][1]
    counted = []
    try:
        for key, limit in keys:
            count = _count(key, window)
            counted.append(key)
            if count is None:  # a cache that ignores its errors answers nothing
                return False
            if count > limit:
                for done in counted:
                    with contextlib.suppress(ValueError):  # expired meanwhile
                        cache.decr(done)
                return True
    except Exception:  # noqa: BLE001 - the cache is optional: fail open, never fail the request
        logger.warning("rate limiter: cache unavailable, %s not limited", action, exc_info=True)
    return False
