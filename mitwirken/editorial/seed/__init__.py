"""Demo accounts for ``manage.py seed_demo``: one per staff role (``staff.yaml``), with a
verified e-mail address and the password the file names. Made only where the setting
``DEMO_ACCOUNTS`` is on; ``seed_demo`` prints them."""

from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group

from mitwirken.seeding import Step, seed_data

from ..services import publishing_groups_ensure


def staff(data: dict) -> int:
    """Demo accounts, one per staff role"""
    if not settings.DEMO_ACCOUNTS:
        return 0
    from allauth.account.models import EmailAddress

    publishing_groups_ensure()  # made by migrations; a flushed test database lacks them
    # One hash for the one published password: hashing takes a deliberate half second each.
    password = make_password(data["password"])
    for spec in data["accounts"]:
        user, _created = get_user_model().objects.update_or_create(
            email=spec["email"],
            defaults={"display_name": spec["display_name"], "is_staff": True, "language": "de"},
        )
        user.password = password
        user.save()
        user.groups.set([Group.objects.get(name=spec["group"])])
        EmailAddress.objects.update_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
    return len(data["accounts"])


def demo_accounts() -> list[str]:
    """``e-mail (group)`` per demo account and the password: what ``seed_demo`` prints; empty
    where the setting ``DEMO_ACCOUNTS`` is off."""
    if not settings.DEMO_ACCOUNTS:
        return []
    data = seed_data(Path(__file__).parent, "staff.yaml")
    accounts = [f"{spec['email']} ({spec['group']})" for spec in data["accounts"]]
    return [*accounts, f"password: {data['password']}"]


STEPS = [Step("staff.yaml", staff)]
