import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

from tests.helpers import admin_access


@pytest.fixture
def index(home_page, toolkit_index_page):
    return toolkit_index_page


@pytest.fixture
def editor(user_factory, index):
    """A member of a group with admin access that may add, edit and publish formats below the
    Instrumentenkoffer (as the Ombudsstelle may); mails to them are in English."""
    group = Group.objects.create(name="Redaktion Instrumentenkoffer")
    group.permissions.add(admin_access())
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group,
            page=index,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    person = user_factory(email="redaktion@example.org", display_name="Redaktion", language="en")
    person.groups.add(group)
    return person
