"""Helpers that many tests share."""

from django.utils import translation


def ui(text: str, language: str | None = None) -> str:
    """``text`` as the portal shows it (in the active language, or in ``language``), with or
    without a compiled catalogue."""
    if language is None:
        return translation.gettext(text)
    with translation.override(language):
        return translation.gettext(text)


def seed_demo() -> str:
    """Run ``manage.py seed_demo``; its output."""
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def member_of(group_name: str, **fields):
    """A verified staff account in the group ``group_name`` (made by the data migrations)."""
    from django.contrib.auth.models import Group

    from tests.factories.accounts import UserFactory

    person = UserFactory(is_staff=True, **fields)
    person.groups.add(Group.objects.get(name=group_name))
    return person


def admin_access():
    """The permission to use Wagtail's admin."""
    from django.contrib.auth.models import Permission

    return Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")


def statement_data(**overrides) -> dict:
    """The fields of a formal statement as a citizen fills them in."""
    return {
        "text": "Ich erhebe Einwendungen gegen die Höhe der Bebauung.",
        "name": "Erika Mustermann",
        "street": "Friedensplatz 1",
        "postcode": "44135",
        "city": "Dortmund",
        **overrides,
    }
