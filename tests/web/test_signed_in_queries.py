"""The demo portal's pages for a signed-in citizen, whom no page cache serves: at most so many
queries, once what is the same for everyone is kept (``mitwirken.web.fragments``), and when it
is built anew. scripts/bench_pages.py measures their time (docs/performance.md)."""

import pytest
from django.core.cache import cache

from mitwirken.accounts.models import User

pytestmark = pytest.mark.django_db

#: Page, its queries with the fragments kept, and when every fragment is built anew (one of
#: them the header's link to "My trainings": the Schulungen and, with the cache cleared, the
#: sites' root paths, two queries). The home page also reads its trainings and the Schulungen'
#: address (three), the finder the Schulungen' address for its trainings (two), a hub its
#: district's trainings and that address (three). A page with feeds builds their addresses
#: (the index pages' own, two; a hub those of its district's six feeds and calendars, seven).
#: A hub also reads the imported meetings of its Bezirksvertretung and its own calendar's page,
#: a procedure its imported paper.
CEILINGS = {
    "/": (7, 41),
    "/beteiligung/": (9, 30),
    "/beteiligung/?district=hoerde&status=open": (10, 31),
    "/wegweiser/?intent=opinion&district=hoerde&how=either": (9, 42),
    "/stadtbezirke/hoerde/": (14, 52),
    "/beteiligung/hoerde/phoenix-see-uferpromenade/": (28, 46),
    "/impressum/": (8, 17),
}


@pytest.fixture
def citizen_client(client, seeded):
    client.force_login(User.objects.get(email="phoenixsee@example.org"))
    client.get("/")  # the process's own caches (content types, templates) filled
    return client


@pytest.mark.parametrize("url", CEILINGS)
def test_a_signed_in_citizens_page_makes_few_queries(
    citizen_client, url, django_assert_max_num_queries
):
    kept, built = CEILINGS[url]
    cache.clear()
    with django_assert_max_num_queries(built):
        first = citizen_client.get(url)
    with django_assert_max_num_queries(kept):
        again = citizen_client.get(url)

    assert first.status_code == again.status_code == 200
    assert "Phoenixseeläuferin" in again.content.decode()  # the person's own name, not kept
