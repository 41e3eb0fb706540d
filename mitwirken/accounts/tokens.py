"""The signed link to a download of one's data: it names the export and its owner and lives
``PRIVACY_EXPORT_DAYS`` days from the moment it was made (when the export was ready)."""

from django.conf import settings
from django.core import signing
from django.urls import reverse

SALT = "mitwirken.accounts.data_export"


def export_signed(export) -> str:
    return signing.dumps({"export": export.pk, "user": export.user_id}, salt=SALT)


def export_link(export) -> str:
    """The path of the download (in the active language)."""
    return reverse("accounts:export_download", args=[export_signed(export)])


def export_unsign(signed: str) -> tuple[int, int] | None:
    """``(export id, user id)`` of a valid, unexpired link, else ``None``."""
    try:
        value = signing.loads(
            signed, salt=SALT, max_age=settings.PRIVACY_EXPORT_DAYS * 24 * 60 * 60
        )
    except signing.BadSignature:  # also SignatureExpired
        return None
    if not isinstance(value, dict):
        return None
    export_id, user_id = value.get("export"), value.get("user")
    if not isinstance(export_id, int) or not isinstance(user_id, int):
        return None
    return export_id, user_id
