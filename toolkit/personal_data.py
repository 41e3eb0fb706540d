"""What the toolkit keeps of a person (``mitwirken.privacy.registry``)."""

from django.utils.translation import gettext_lazy as _

from mitwirken.privacy.exporting import iso
from mitwirken.privacy.registry import ExportPart, Processing

from .models import FormatSuggestion

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


# Download of one's data


def account_export(user):

    suggestions = (
        FormatSuggestion.objects.filter(author=user)
        .select_related("category")
        .order_by("created_at", "pk")
    )
    yield ExportPart(
        "format_suggestions",
        [
            {
                "title": suggestion.title,
                "description": suggestion.description,
                "category": str(suggestion.category) if suggestion.category_id else None,
                "counterpart": suggestion.counterpart,
                "example_url": suggestion.example_url,
                "created_at": iso(suggestion.created_at),
                "status": suggestion.status,
            }
            for suggestion in suggestions
        ],
    )


# Deletion of the account


def account_erase(user, emails) -> None:
    """Suggested formats stay, without who suggested them."""

    FormatSuggestion.objects.filter(author=user).update(author=None)
