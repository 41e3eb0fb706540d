import datetime
import tempfile
from functools import partial

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from mitwirken import limits
from mitwirken.text import strip_format_controls

from . import rules
from .models import DataExport, User
from .selectors import DELETE_ACTION


def user_update(
    *,
    user: User,
    display_name: str,
    language: str | None = None,
    first_name: str | None = None,
    last_name: str | None = None,
    privacy_version: str | None = None,
) -> User:
    """Change what the person says about themselves: the public display name, the language of
    their mails and, where given, the optional real name (never public); at sign-up also the
    version of the privacy notice the form showed. ``None`` leaves a field as it is; an unknown
    language too. One row, one statement."""
    fields = {"display_name": _line(display_name)}
    if language in dict(settings.LANGUAGES):
        fields["language"] = language
    if first_name is not None:
        fields["first_name"] = _line(first_name)
    if last_name is not None:
        fields["last_name"] = _line(last_name)
    if privacy_version is not None:
        fields["privacy_version"] = privacy_version
    for name, value in fields.items():
        setattr(user, name, value)
    user.save(update_fields=list(fields))
    return user


def _line(text: str) -> str:
    """A name as shown: without invisible format characters and surrounding spaces."""
    return strip_format_controls(text).strip()


@transaction.atomic
def user_email_sync(*, user: User) -> None:
    """Make ``user.email``, as staff set it in the admin, the only address the account has.

    Old addresses no longer log in. A new address is unverified: allauth asks its owner to confirm
    it at the next login.
    """
    EmailAddress.objects.filter(user=user).exclude(email__iexact=user.email).delete()
    address, _created = EmailAddress.objects.get_or_create(
        user=user,
        email__iexact=user.email,
        defaults={"email": user.email, "verified": False, "primary": True},
    )
    if not address.primary:
        address.primary = True
        address.save(update_fields=["primary"])


# Download of one's data ---------------------------------------------------------------------

#: What a person hears who asks again while their download is being prepared.
EXPORT_PREPARING = _(
    "We are preparing the download of your data. You will get an e-mail with the link when it "
    "is ready."
)
#: What a person hears who asked too often (``RATE_LIMITS["accounts.export"]``).
EXPORT_TOO_OFTEN = _(
    "Your data has been prepared for download several times today. Please use the link in the "
    "last e-mail, or try again tomorrow."
)
#: An export still unfinished after this long is queued again when it is asked for (a task
#: lost with a broker outage): the task is idempotent.
EXPORT_REQUEUE_AFTER = datetime.timedelta(hours=1)


def _export_queue(export: DataExport) -> None:
    from .tasks import build_data_export

    # robust: a broker outage must not fail the request; asking again later queues it again.
    transaction.on_commit(partial(build_data_export.delay, export.pk), robust=True)


def data_export_request(*, user: User, requested_by: User | None = None) -> DataExport:
    """Ask for a download of ``user``'s data: saves the request and builds it in a task after
    the commit; the person gets a mail with the link when it is ready (docs/privacy.md).

    One export in preparation per person: asking again returns the one on its way (queued
    again when it has waited long). At most ``RATE_LIMITS["accounts.export"]`` per person,
    whoever asks. Refused with a ``ValidationError`` (code ``export_pending`` or
    ``export_limit``) that says why.
    """
    pending = DataExport.objects.filter(user=user, finished_at__isnull=True).first()
    if pending is not None:
        if timezone.now() - pending.created_at > EXPORT_REQUEUE_AFTER:
            _export_queue(pending)
            return pending
        raise ValidationError(EXPORT_PREPARING, code="export_pending")
    if limits.exceeded_for("accounts.export", limits.keyed_hash("export", str(user.pk))):
        raise ValidationError(EXPORT_TOO_OFTEN, code="export_limit")
    try:
        with transaction.atomic():
            export = DataExport.objects.create(user=user, requested_by=requested_by)
    except IntegrityError:  # a second request at the same moment: the first one counts
        raise ValidationError(EXPORT_PREPARING, code="export_pending") from None
    _export_queue(export)
    return export


def data_export_build(*, export: DataExport, now: datetime.datetime | None = None) -> DataExport:
    """Write the ZIP of ``export``'s person (``exports.export_write``), store it and mail the
    signed link. Idempotent: a finished export is neither built nor mailed again, also when two
    runs meet (the second one throws its file away)."""
    if export.finished_at is not None:
        return export
    from mitwirken.notifications.services import notify_address

    from .exports import export_write
    from .kinds import DATA_EXPORT_READY
    from .tokens import export_link

    now = now or timezone.now()
    user = export.user
    language = user.language or settings.LANGUAGE_CODE
    with tempfile.TemporaryFile() as archive:
        with translation.override(language):
            export_write(archive, user=user, now=now)
        size = archive.tell()
        archive.seek(0)
        with transaction.atomic():
            locked = DataExport.objects.select_for_update().filter(pk=export.pk).first()
            if locked is None or locked.finished_at is not None:
                return locked or export
            locked.file.save("export.zip", File(archive), save=False)
            locked.size = size
            locked.finished_at = now
            locked.save(update_fields=["file", "size", "finished_at"])
            notify_address(
                DATA_EXPORT_READY,
                email=user.email,
                language=language,
                key=f"export:{locked.pk}",
                context={
                    "export": locked,
                    "days": settings.PRIVACY_EXPORT_DAYS,
                    "expires_at": locked.expires_at,
                    "by_staff": locked.requested_by_id is not None,
                },
                url=lambda: export_link(locked),
                user=user,
            )
    return locked


def data_exports_expire(now: datetime.datetime) -> int:
    """Delete the downloads (rows and files) whose link has expired, and requests that never
    finished within as long; returns how many. The retention rule ``data_exports``."""
    cutoff = now - datetime.timedelta(days=settings.PRIVACY_EXPORT_DAYS)
    due = DataExport.objects.filter(
        Q(finished_at__lt=cutoff) | Q(finished_at__isnull=True, created_at__lt=cutoff)
    )
    # Each file goes with its row: deleting sends post_delete for every row (accounts.signals).
    _total, deleted = due.delete()
    return deleted.get(DataExport._meta.label, 0)


# Deletion of the account


def account_label(user: User) -> str:
    """How the admin's log names an account, in the site's language: by its number, without
    name or address."""
    with translation.override(settings.LANGUAGE_CODE):
        return gettext("Account %(number)s") % {"number": user.pk}


def account_emails(user: User) -> list[str]:
    """Every address of the account, the login's and allauth's, once each (in lower case)."""
    addresses = EmailAddress.objects.filter(user=user).values_list("email", flat=True)
    return sorted({email.lower() for email in [user.email, *addresses] if email})


def personal_data_erase(*, user: User, emails: list[str] | None = None) -> None:
    """What every app keeps of ``user`` removed or anonymised before the user row goes (each
    app's ``account_erase`` in ``personal_data.py``), inside the caller's transaction.

    Apps are asked from the top of the layers down (the reverse of ``INSTALLED_APPS``): what a
    higher app's erase writes through a lower app's service, such as the mail about a training
    place it cancels, is then still removed by the lower app's."""
    from mitwirken.privacy.registry import declared

    emails = account_emails(user) if emails is None else emails
    for account_erase in reversed(list(declared("account_erase"))):
        account_erase(user, emails)


@transaction.atomic
def account_delete(*, user: User, by: User | None = None, reason: str = "") -> None:
    """Delete ``user``'s account (Art. 17 DSGVO): ``personal_data_erase``, then the user row
    goes, all in one transaction, with the user row locked.

    ``by`` is the staff member who deletes on the person's request, with ``reason`` (required
    then); without ``by`` the person deletes their own account. The admin's log keeps who
    deleted and the reason, never a name or an address: the reason must not contain one of the
    account's addresses."""
    user = User.objects.select_for_update().filter(pk=user.pk).first()
    if user is None:  # deleted a moment ago by a request sent at the same time
        return
    rules.require_account_deletable(user)
    emails = account_emails(user)
    reason = strip_format_controls(reason).strip()
    by_staff = by is not None and by.pk != user.pk
    if by_staff and not reason:
        raise ValidationError(_("Please give the reason for deleting this account."))
    if any(email in reason.lower() for email in emails):
        raise ValidationError(
            _("Please do not write the person's e-mail address into the reason: it is kept.")
        )
    personal_data_erase(user=user, emails=emails)
    log(
        instance=user,
        action=DELETE_ACTION,
        user=by if by_staff else None,
        title=account_label(user),
        data={"by": "staff" if by_staff else "self", "reason": reason if by_staff else ""},
    )
    user.delete()
