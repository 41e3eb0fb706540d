"""allauth, as the portal needs it: its mails link to the portal's public address."""

from dataclasses import dataclass
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings

from mitwirken.web.links import absolute_url, site_root_url


@dataclass
class PortalSite:
    """What allauth's mail templates read of ``current_site``, as ``RequestSite`` has it."""

    domain: str
    name: str


class AccountAdapter(DefaultAccountAdapter):
    def render_mail(self, template_prefix, email, context, headers=None):
        """Every link allauth built on the host the request came in on (confirmation, password
        reset, sign-up) points to the portal's address instead (``mitwirken.web.links``), and
        the site the mail names (``current_site``) is the portal's."""
        root = site_root_url()
        request = context.get("request")
        host = request.get_host() if request is not None else None
        context = {
            key: _on_portal(value, host, root) if host else value for key, value in context.items()
        }
        context["current_site"] = PortalSite(
            domain=urlsplit(root).netloc, name=settings.WAGTAIL_SITE_NAME
        )
        return super().render_mail(template_prefix, email, context, headers=headers)


def _on_portal(value, host: str, root: str):
    """``value`` on the portal's address when it is an address on ``host``."""
    if not isinstance(value, str) or "://" not in value:
        return value
    parts = urlsplit(value)
    if parts.netloc != host:
        return value
    return absolute_url(parts._replace(scheme="", netloc="").geturl(), root=root)
