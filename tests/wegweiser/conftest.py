import pytest

from mitwirken.places.models import District


@pytest.fixture
def hoerde():
    return District.objects.get(slug="hoerde")


@pytest.fixture
def eving():
    return District.objects.get(slug="eving")


@pytest.fixture
def finder(home_page, wegweiser_page):
    return wegweiser_page
