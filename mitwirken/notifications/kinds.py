"""The kinds of notification. Each app registers the kinds it sends, with a label people read
on their preferences page. A kind's mail is ``notifications/email/<kind>.{txt,html}`` or the
generic ``update`` templates.
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
    try:
        return KINDS[key]
    except KeyError:
        raise ValueError(f"Unknown notification kind {key!r}; register it in kinds.py") from None


SUBSCRIPTION_CONFIRM = register_kind(
    "subscription.confirm", _("Confirmation of an e-mail subscription"), digestible=False
)
