import pytest

from mitwirken.places.data import create_places
from mitwirken.places.models import District, Topic


@pytest.fixture
def places(db):
    """The districts and topics of the data migration (transactional tests flush them)."""
    create_places(District, Topic)


@pytest.fixture
def district(places):
    return District.objects.get(slug="hoerde")


@pytest.fixture
def topic(places):
    return Topic.objects.get(slug="verkehr")
