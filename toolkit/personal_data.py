"""What the toolkit keeps of a person (``mitwirken.privacy.registry``)."""

from django.utils.translation import gettext_lazy as _

from mitwirken.privacy.registry import Processing

PROCESSING = [
    Processing(
        key="format_suggestions",
        what=_("A format you suggested for the toolkit, with your account."),
        purpose=_("Reviewing the suggestion; asking you back."),
        legal_basis=_("Art. 6(1)(e) GDPR with § 3 DSG NRW."),
        retention=_(
            "The suggestion stays for the toolkit's record; your account is removed from it "
            "when you delete the account."
        ),
        recipients=_("The Ombudsstelle."),
    ),
]
