"""The kinds of notification. Each app registers the kinds it sends in its own ``kinds.py``,
with a label people read on their preferences page, and passes those ``Kind`` constants to
``notify()`` and ``notify_address()``. A kind's mail is ``notifications/email/<key>.{txt,html}``
or the generic ``update`` templates.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Kind:
    key: str
    label: str
    #: Whether people may choose "off" or a digest; staff alerts are always sent at once.
    digestible: bool = True


KINDS: dict[str, Kind] = {}


def register_kind(key: str, label: str, *, digestible: bool = True) -> Kind:
    kind = KINDS[key] = Kind(key=key, label=label, digestible=digestible)
    return kind


def get_kind(key: str) -> Kind:
    """The registered kind stored under ``key`` (e.g. in a message or a preference)."""
    try:
        return KINDS[key]
    except KeyError:
        raise ValueError(f"Unknown notification kind {key!r}; register it in kinds.py") from None


def kind_check(kind: Kind) -> Kind:
    """``kind`` when it is one of the registered constants; a string or a ``Kind`` made
    elsewhere is refused, so every mail has a label and templates someone registered."""
    if not isinstance(kind, Kind) or KINDS.get(kind.key) is not kind:
        raise ValueError(f"Unknown notification kind {kind!r}; pass a Kind from a kinds.py")
    return kind


SUBSCRIPTION_CONFIRM = register_kind(
    "subscription.confirm", _("Confirmation of an e-mail subscription"), digestible=False
)
