"""Demo content of the Schulungen for ``manage.py seed_demo``.

The index below the home page, the trainers, eight modules (with lessons for self-study and
handouts as PDF files that ``scripts/seed_handouts.py`` makes), and fifteen sessions in the
districts and online, past and upcoming, with demo people registered through the services: one
session full with a waiting list, one past session with its attendance and certificates.

The content is in this folder's YAML files; the functions below write it. Idempotent: pages are
found by their German slug, trainers by name, a module's sessions by their order, people by
e-mail address; a person already registered for a session is left as they are.
"""

import datetime
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Collection

from mitwirken.editorial import seed as editorial_seed
from mitwirken.pages.models import HomePage
from mitwirken.places.models import District
from mitwirken.seeding import (
    Step,
    document_ensure,
    model_values,
    page_ensure,
    person_ensure,
    seed_data,
    translated,
)

from .. import services
from ..models import (
    Audience,
    Enrolment,
    ModuleMaterial,
    Session,
    Trainer,
    TrainingIndexPage,
    TrainingModulePage,
)

FOLDER = Path(__file__).parent


def training_index(data: dict) -> int:
    """Schulungen (the index of the training modules)"""
    page_ensure(HomePage.objects.get(), TrainingIndexPage, data)
    return 1


# Trainers --------------------------------------------------------------------------------------


def _trainer_account(spec: dict):
    """The demo account of a trainer, where demo accounts are on and its group exists (the
    editorial app's demo staff, with their password)."""
    if not settings.DEMO_ACCOUNTS or not Group.objects.filter(name=spec["group"]).exists():
        return None
    password = seed_data(Path(editorial_seed.__file__).parent, "staff.yaml")["password"]
    editorial_seed.staff({"password": password, "accounts": [spec]})
    return get_user_model().objects.get(email=spec["email"])


def trainers(data: dict) -> int:
    """Schulungen: trainers from the Ombudsstelle, the Volkshochschule and the volunteers"""
    for spec in data["trainers"]:
        spec = dict(spec)
        account = spec.pop("account", None)
        values = {
            "role": spec["role"]["de"],
            "bio": spec["bio"]["de"],
            **model_values(Trainer, {key: value for key, value in spec.items() if key != "name"}),
        }
        if account:
            values["user"] = _trainer_account(account)
        Trainer.objects.update_or_create(name=spec["name"], defaults=values)
    return len(data["trainers"])


# Modules ---------------------------------------------------------------------------------------


def _participants_collection(spec: dict) -> Collection:
    """A collection of the participants-only materials, to find them in the admin. It has no
    privacy of its own: the material's flag is what keeps the file to the people enrolled
    (``training.views.materials``), and a closed collection would shut them out too."""
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=spec["name"]).first()
    return collection or root.add_child(name=spec["name"])


def _material(spec: dict, documents: dict) -> ModuleMaterial:
    return ModuleMaterial(
        title=spec["title"]["de"],
        **translated("title", spec["title"]),
        kind=spec["kind"],
        document=documents[spec["document"]],
        participants_only=spec.get("participants_only", False),
    )


def modules(data: dict) -> int:
    """Schulungen: eight modules with goals, formats, trainers, materials and lessons"""
    # The audiences come from a migration; a flushed test database has lost them.
    for slug in Audience.Choices.values:
        Audience.objects.get_or_create(slug=slug)
    private = _participants_collection(data["participants_collection"])
    documents = {
        spec["title"]: document_ensure(
            FOLDER, {**spec, "collection": private if spec.get("participants_only") else None}
        )
        for spec in data["documents"]
    }
    index = TrainingIndexPage.objects.get()
    for spec in data["modules"]:
        spec = dict(spec)
        materials = spec.pop("materials", [])
        names = spec.pop("trainers")
        spec.setdefault("lessons", {"de": [], "en": []})
        page_ensure(
            index,
            TrainingModulePage,
            spec,
            duration=spec["duration"]["de"],
            trainers=list(Trainer.objects.filter(name__in=names)),
            materials=[_material(material, documents) for material in materials],
        )
    return len(data["modules"]) + len(documents)


# Sessions and registrations --------------------------------------------------------------------


def _start(spec: dict, closed: set[str]) -> datetime.datetime:
    """``days`` from today at local ``time``, moved off weekends and ``closed`` days
    (``"12-24"``) to the next working day. Derived from today's date only, so a rerun on the
    same day gives the same time."""
    day = timezone.localdate() + datetime.timedelta(days=spec["days"])
    while day.weekday() >= 5 or f"{day:%m-%d}" in closed:
        day += datetime.timedelta(days=1)
    return timezone.make_aware(
        datetime.datetime.combine(day, datetime.time.fromisoformat(spec["time"]))
    )


def _session_values(spec: dict, data: dict) -> dict:
    start = _start(spec["start"], set(data["closed_days"]))
    end = timezone.make_aware(
        datetime.datetime.combine(
            timezone.localdate(start), datetime.time.fromisoformat(spec["end"])
        )
    )
    venue = dict(data["venues"].get(spec.get("venue"), {}))
    place = venue.pop("place", {"de": "", "en": ""})
    notes = spec.get("notes", {"de": "", "en": ""})
    access = venue.pop("accessibility_notes", {"de": "", "en": ""})
    return {
        "start": start,
        "end": end,
        "registration_deadline": start - datetime.timedelta(days=spec["deadline_days"]),
        "mode": spec["mode"],
        "district": District.objects.get(slug=venue.pop("district")) if venue else None,
        "step_free": venue.get("step_free", False),
        "hearing_loop": venue.get("hearing_loop", False),
        "sign_language": spec.get("sign_language", False),
        "capacity": spec["capacity"],
        "online_link": spec.get("online_link", ""),
        "internal": spec.get("internal", False),
        "place": place["de"],
        **translated("place", place),
        "accessibility_notes": access["de"],
        **translated("accessibility_notes", access),
        "notes": notes["de"],
        **translated("notes", notes),
    }


def _sessions_of_modules(data: dict) -> list[Session]:
    """Each entry's session: a module's sessions are matched to its entries in order of
    creation, so a rerun updates them; entries without one get a new session, and sessions
    without an entry are removed."""
    modules = {
        page.slug_de: page
        for page in TrainingModulePage.objects.filter(
            slug_de__in={spec["module"] for spec in data["sessions"]}
        )
    }
    existing = {
        slug: list(Session.objects.filter(module=module).order_by("pk"))
        for slug, module in modules.items()
    }
    sessions = []
    for spec in data["sessions"]:
        values = _session_values(spec, data)
        found = existing[spec["module"]]
        session = found.pop(0) if found else Session(module=modules[spec["module"]])
        for name, value in values.items():
            setattr(session, name, value)
        session.full_clean()
        session.save()
        session.trainers.set(Trainer.objects.filter(name__in=spec["trainers"]))
        sessions.append(session)
    for leftover in existing.values():
        for session in leftover:
            session.delete()
    return sessions


def _attendance_record(session: Session, attendance: dict, *, now) -> None:
    """Who came (and the name on their certificate) and who did not, as a trainer records it;
    a certificate for each who came. The recording service of the staff pages does the same for
    real sessions."""
    for enrolment in session.enrolments.select_related("user"):
        name = attendance.get(enrolment.user.email)
        if enrolment.attended is not None:
            continue  # recorded on an earlier run
        enrolment.attended = bool(name)
        if name:
            enrolment.certificate_name = name
            enrolment.certificate_code = services.certificate_code_new()
            enrolment.certificate_issued_at = now
        enrolment.save()


def _registrations(session: Session, emails: list[str], people: dict, *, now) -> int:
    """Register ``emails`` in order (a full session puts the rest on its waiting list); a past
    session as of a week before its deadline. Accounts that do not exist (demo staff where demo
    accounts are off) are left out."""
    at = min(now, session.registration_deadline - datetime.timedelta(days=7))
    registered = set(
        Enrolment.objects.filter(session=session).values_list("user__email", flat=True)
    )
    written = 0
    for minute, email in enumerate(emails):
        user = people.get(email)
        if user is None or email in registered:
            continue
        services.enrolment_register(
            session=session, user=user, now=at + datetime.timedelta(minutes=minute)
        )
        written += 1
    return written


def sessions(data: dict) -> int:
    """Schulungen: 15 sessions across the districts and online, with registrations"""
    now = timezone.now()
    for spec in data["learners"]:
        person_ensure(email=spec["email"], display_name=spec["display_name"])
    emails = {email for spec in data["sessions"] for email in spec["participants"]}
    people = {user.email: user for user in get_user_model().objects.filter(email__in=emails)}
    written = len(data["learners"])
    for session, spec in zip(_sessions_of_modules(data), data["sessions"], strict=True):
        written += 1 + _registrations(session, spec["participants"], people, now=now)
        if "attendance" in spec:
            _attendance_record(session, spec["attendance"], now=session.end)
    return written


STEPS = [
    Step("index.yaml", training_index),
    Step("trainers.yaml", trainers),
    Step("modules.yaml", modules),
    Step("sessions.yaml", sessions),
]
