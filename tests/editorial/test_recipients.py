"""Which staff we mail: members of a group, holders of a permission, or who may add below a page;
the staff mailbox when nobody is."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import checks
from django.utils import translation

from mitwirken.accounts.rules import account_reason
from mitwirken.editorial.groups import OMBUDSSTELLE_GROUP
from mitwirken.editorial.registry import registry
from mitwirken.editorial.selectors import Recipient, staff_recipients, staff_users
from tests.factories.accounts import UserFactory
from tests.factories.toolkit import ToolkitIndexPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def mailbox(settings):
    settings.STAFF_EMAIL = "ombudsstelle@example.org"
    return [Recipient("ombudsstelle@example.org", settings.LANGUAGE_CODE, None)]


def member(group: str, **fields):
    user = UserFactory(**fields)
    user.groups.add(Group.objects.get(name=group))
    return user


def test_nobody_named_or_nobody_holding_it_means_the_staff_mailbox(mailbox):
    assert staff_recipients() == mailbox
    assert staff_recipients(group=OMBUDSSTELLE_GROUP) == mailbox
    assert staff_recipients(permission="participation.moderate_contributions") == mailbox


def test_members_of_a_group_active_ones_in_their_language(mailbox):
    first = member(OMBUDSSTELLE_GROUP, language="en")
    second = member(OMBUDSSTELLE_GROUP)
    member(OMBUDSSTELLE_GROUP, is_active=False)

    assert staff_recipients(group=OMBUDSSTELLE_GROUP) == [
        Recipient(first.email, "en", first),
        Recipient(second.email, "de", second),
    ]


def test_holders_of_a_permission_through_a_group_or_their_own():
    moderator = member("Moderation")
    own = UserFactory()
    own.user_permissions.add(Permission.objects.get(codename="moderate_contributions"))
    UserFactory(is_superuser=True)  # may do everything, but is not mailed for it

    assert list(staff_users(permission="participation.moderate_contributions")) == [moderator, own]


def test_who_may_add_below_a_page(home_page, mailbox):
    index = ToolkitIndexPageFactory()  # the Ombudsstelle may add below it, as toolkit registers
    editor = member(OMBUDSSTELLE_GROUP)
    member("Bezirksvertretung Hörde")

    assert staff_recipients(page=index) == [Recipient(editor.email, editor.language, editor)]
    assert staff_recipients(page=None) == mailbox  # no Instrumentenkoffer yet


def test_staff_users_takes_exactly_one_description():
    with pytest.raises(TypeError):
        staff_users()
    with pytest.raises(TypeError):
        staff_users(group=OMBUDSSTELLE_GROUP, permission="participation.moderate_contributions")


def test_the_account_rule_words_the_log_in_for_the_action():
    with translation.override("en"):
        assert str(account_reason(None)) == "Please log in to take part."
    assert account_reason(None, log_in="Please log in to suggest a format.") == (
        "Please log in to suggest a format."
    )


def test_check_refuses_a_registration_that_would_grant_nothing(monkeypatch):
    monkeypatch.setattr(registry, "ombudsstelle_snippets", {"toolkit.formatcategroy"})
    monkeypatch.setattr(registry, "ombudsstelle_pages", {"places.district"})
    monkeypatch.setattr(registry, "district_pages", {"pages.standardpage"})

    ids = {error.id for error in checks.run_checks()}

    assert {"editorial.E001", "editorial.E002", "editorial.E003"} <= ids
