"""allauth, as the portal needs it: its mails link to the portal's public address, and
signing in, up and out leads back to where the person was, in their language."""

from dataclasses import dataclass
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.utils import get_next_redirect_url
from django.conf import settings
from django.shortcuts import resolve_url

from mitwirken.web.links import absolute_url, home_url, site_root_url, with_next


@dataclass
class PortalSite:
    """What allauth's mail templates read of ``current_site``, as ``RequestSite`` has it."""

    domain: str
    name: str


class AccountAdapter(DefaultAccountAdapter):
    """A ``next`` that is safe always wins (allauth checks it); without one, the home page of
    the language the person uses, not the German one at ``/``."""

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

    def get_login_redirect_url(self, request) -> str:
        return home_url()

    def get_signup_redirect_url(self, request) -> str:
        return home_url()

    def get_logout_redirect_url(self, request) -> str:
        return home_url()

    def get_email_verification_redirect_url(self, email_address) -> str:
        if self.request.user.is_authenticated:
            return home_url()
        return resolve_url(settings.LOGIN_URL)

    def get_email_confirmation_url(self, request, emailconfirmation) -> str:
        """The link in the mail, in the language of the sign-up, leads back to the page the
        person signed up from (the sign-up form's ``next``).

        Confirmed in the browser that signed up, allauth signs them in and follows the
        sign-up's ``next`` itself. Confirmed elsewhere (a phone's mail program), nobody is
        signed in there: the link's ``next`` is the sign-in page, which then leads back."""
        url = super().get_email_confirmation_url(request, emailconfirmation)
        back = get_next_redirect_url(request) if request is not None else None
        if not back:
            return url
        return with_next(url, with_next(resolve_url(settings.LOGIN_URL), back))


def _on_portal(value, host: str, root: str):
    """``value`` on the portal's address when it is an address on ``host``."""
    if not isinstance(value, str) or "://" not in value:
        return value
    parts = urlsplit(value)
    if parts.netloc != host:
        return value
    return absolute_url(parts._replace(scheme="", netloc="").geturl(), root=root)
