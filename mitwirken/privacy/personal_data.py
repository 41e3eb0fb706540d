"""What the portal's operation keeps of everyone who visits (``registry``): logs and the
counters against abuse. Neither has a rule here: the proxy rotates its logs
(docs/deployment.md) and the cache forgets the counters by itself."""

from django.utils.translation import gettext_lazy as _

from .registry import Processing

PROCESSING = [
    Processing(
        key="server_logs",
        what=_(
            "Technical logs: time, page, answer and errors; without IP addresses, e-mail "
            "addresses or links with keys (these are masked)."
        ),
        purpose=_("Running the portal safely; finding errors."),
        legal_basis=_("Art. 6(1)(e) and Art. 32 GDPR."),
        retention=_("7 days."),
        recipients=_("The portal's operations."),
    ),
    Processing(
        key="abuse_limits",
        what=_(
            "How often a form was sent in the last hour or day, counted under a keyed hash of "
            "the IP address or the account, never the address itself."
        ),
        purpose=_("Protecting votes, supports and mailboxes against abuse."),
        legal_basis=_("Art. 6(1)(e) and Art. 32 GDPR."),
        retention=_("At most one day; the counter then expires by itself."),
        recipients=_("Nobody: only the portal's software reads it."),
    ),
]
