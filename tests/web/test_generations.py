"""Cached renderings name the generations they were made from: publishing, unpublishing, moving
and deleting a page begin a new one of the page tree, and so does saving what pages show, after
the commit; a lost stamp never brings an old one back."""

import pytest
from django.core.cache import cache

from evaluation.generations import EVALUATION
from mitwirken.places.models import District
from mitwirken.web import generations
from participation.generations import PARTICIPATION
from training.generations import TRAINING


@pytest.mark.django_db
def test_publishing_unpublishing_and_moving_a_page_begin_new_generations(
    standard_page_factory, home_page
):
    page = standard_page_factory(parent=home_page, title="Kontakt")
    before = generations.stamp(generations.PAGES)

    page.save_revision().publish()
    published = generations.stamp(generations.PAGES)
    page.unpublish()
    unpublished = generations.stamp(generations.PAGES)
    other = standard_page_factory(parent=home_page, title="Impressum")
    page.move(other, pos="last-child")
    moved = generations.stamp(generations.PAGES)

    assert len({before, published, unpublished, moved}) == 4


def test_a_stamp_stays_until_its_generation_ends():
    first = generations.stamp(generations.PAGES, "participation")

    assert generations.stamp(generations.PAGES, "participation") == first
    generations.begin("participation")
    assert generations.stamp(generations.PAGES, "participation") != first


def test_a_lost_stamp_begins_a_new_generation():
    first = generations.stamp(generations.PAGES)

    cache.clear()

    assert generations.stamp(generations.PAGES) != first


@pytest.mark.django_db
def test_deleting_a_page_begins_a_new_generation(standard_page_factory, home_page):
    page = standard_page_factory(parent=home_page, title="Kontakt")
    before = generations.stamp(generations.PAGES)

    page.delete()

    assert generations.stamp(generations.PAGES) != before


@pytest.mark.django_db
def test_a_saved_snippet_begins_a_new_generation_after_the_commit(
    django_capture_on_commit_callbacks,
):
    district = District.objects.get(slug="hoerde")
    before = generations.stamp(generations.PAGES)

    with django_capture_on_commit_callbacks() as callbacks:
        district.name = "Hörde am See"
        district.save()
        assert generations.stamp(generations.PAGES) == before  # not before the commit
    for callback in callbacks:
        callback()

    assert generations.stamp(generations.PAGES) != before


def test_every_page_depends_on_the_pages_and_what_people_send():
    assert set(generations.every_page()) == {
        generations.PAGES,
        PARTICIPATION,
        TRAINING,
        EVALUATION,
    }
