"""What the trainings keep of a person (``mitwirken.privacy.registry``)."""

import datetime

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from mitwirken.accounts.sections import AccountSection, latest
from mitwirken.pages.kit import route_url
from mitwirken.privacy.exporting import iso, page_ref
from mitwirken.privacy.registry import ExportPart, Processing

from .models import Enrolment, LessonProgress, TrainingIndexPage
from .services import enrolment_cancel


def enrolments_expire(now: datetime.datetime) -> int:
    """Registrations that held no place when their session ended (cancelled, waiting, an offer
    not taken up), ``PRIVACY_TRAINING_DAYS`` after the session."""
    cutoff = now - datetime.timedelta(days=settings.PRIVACY_TRAINING_DAYS)
    placeless = Enrolment.objects.filter(session__end__lt=cutoff).exclude(
        status=Enrolment.Status.CONFIRMED
    )
    _total, deleted = placeless.delete()
    return deleted.get(Enrolment._meta.label, 0)


def enrolments_retention():
    days = settings.PRIVACY_TRAINING_DAYS
    return ngettext_lazy(
        "Registrations with a place: until you delete your account, so that you can download "
        "your certificate. Cancelled registrations and places on the waiting list: deleted "
        "%(days)d day after the session.",
        "Registrations with a place: until you delete your account, so that you can download "
        "your certificate. Cancelled registrations and places on the waiting list: deleted "
        "%(days)d days after the session.",
        days,
    ) % {"days": days}


PROCESSING = [
    Processing(
        key="training_enrolments",
        what=_(
            "Your registration for a training session: your account, status, place on the "
            "waiting list, attendance, the name for the certificate; the online lessons you "
            "completed."
        ),
        purpose=_(
            "Organising the session and its waiting list, reminders, the link to an online "
            "room, certificates of attendance."
        ),
        legal_basis=_("Art. 6(1)(e) GDPR with § 3 DSG NRW."),
        retention=enrolments_retention,
        recipients=_("The trainers of the session and the Ombudsstelle."),
        expire=enrolments_expire,
    ),
]


# Download of one's data


def account_export(user):

    enrolments = (
        Enrolment.objects.filter(user=user)
        .select_related("session__module", "session__district")
        .order_by("created_at", "pk")
    )
    yield ExportPart(
        "training_enrolments",
        [
            {
                "module": page_ref(enrolment.session.module),
                "session": {
                    "start": iso(enrolment.session.start),
                    "end": iso(enrolment.session.end),
                    "mode": enrolment.session.mode,
                    "place": enrolment.session.place,
                    "district": str(enrolment.session.district or ""),
                },
                "status": enrolment.status,
                "registered_at": iso(enrolment.created_at),
                "cancelled_at": iso(enrolment.cancelled_at),
                "attended": enrolment.attended,
                "certificate_code": enrolment.certificate_code,
                "certificate_name": enrolment.certificate_name,
                "certificate_issued_at": iso(enrolment.certificate_issued_at),
            }
            for enrolment in enrolments
        ],
    )
    progress = (
        LessonProgress.objects.filter(user=user)
        .select_related("module")
        .order_by("completed_at", "pk")
    )
    yield ExportPart(
        "lesson_progress",
        [
            {
                "module": page_ref(row.module),
                "lesson": row.lesson,
                "completed_at": iso(row.completed_at),
            }
            for row in progress
        ],
    )


# The account page


def account_sections(user) -> list:
    """The person's registrations for training sessions, the latest session first, with the
    way to "My trainings", which lists them all (cancel, confirm, certificates)."""
    enrolments = (
        Enrolment.objects.filter(user=user)
        .select_related("session__module")
        .order_by("-session__start", "-pk")
    )
    index = TrainingIndexPage.objects.live().first()
    return [
        AccountSection(
            key="trainings",
            title=_("Your training registrations"),
            template="training/account/enrolments.html",
            context={
                "enrolments": latest(enrolments),
                "my_trainings_url": route_url(index, "my_trainings") if index else "",
                "trainings_url": index.get_url() if index else "",
            },
            order=40,
        )
    ]


# Deletion of the account


def account_erase(user, emails) -> None:
    """Places and waiting-list entries in sessions still to come are cancelled the way the
    person would cancel them (``services.enrolment_cancel``): the first on the waiting list is
    offered the place, and the trainers see it in the list of participants. Then every
    enrolment (attendance and certificates included) and the progress in lessons go."""

    now = timezone.now()
    still_to_come = Enrolment.objects.filter(
        user=user,
        status__in=[*Enrolment.HOLDS_PLACE, Enrolment.Status.WAITING],
        session__start__gt=now,
    ).order_by("session__start", "pk")
    for enrolment in still_to_come:
        enrolment_cancel(enrolment=enrolment, now=now)
    Enrolment.objects.filter(user=user).delete()
    LessonProgress.objects.filter(user=user).delete()
