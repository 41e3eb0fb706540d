"""Cached renderings name the generation of the page tree they were made from: publishing,
unpublishing and moving a page begin a new one, and a lost stamp never brings an old one back."""

import pytest
from django.core.cache import cache

from mitwirken.web import generations


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
