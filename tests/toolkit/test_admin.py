"""Staff work through suggested formats in Wagtail's admin: new ones first, one step from a
suggestion to a draft format page, or declined. Only who may add formats below the
Instrumentenkoffer may do so; categories are snippets."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from tests.helpers import admin_access
from toolkit.models import FormatCategory, FormatPage, FormatSuggestion

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def outsider_client(client, user_factory, index):
    """May use the admin, but has no page permissions."""
    person = user_factory(email="andere@example.org")
    person.user_permissions.add(admin_access())
    client.force_login(person)
    return client


@pytest.fixture
def author(user_factory):
    return user_factory(display_name="Kiezläuferin")


@pytest.fixture
def suggestion(author, format_category):
    return FormatSuggestion.objects.create(
        author=author,
        title="Digitaler Kiezspaziergang",
        description="Wir gehen mit dem Handy durch das Viertel.\n\nUnd sammeln Hinweise.",
        category=format_category,
        counterpart="Stadtteilspaziergang",
        example_url="https://example.org/kiez",
    )


def review_url(suggestion):
    return reverse("toolkit_suggestions:review", args=[suggestion.pk])


# The queue --------------------------------------------------------------------------------------


def test_the_queue_lists_new_suggestions_first(editor_client, author, suggestion):
    declined = FormatSuggestion.objects.create(
        author=author,
        title="Abgelehnter Vorschlag",
        description="…",
        status=FormatSuggestion.Status.DECLINED,
    )

    response = editor_client.get(reverse("toolkit_suggestions:index"))

    html = response.content.decode()
    assert response.status_code == 200
    assert [row.pk for row in response.context["object_list"]] == [suggestion.pk, declined.pk]
    assert "Digitaler Kiezspaziergang" in html
    assert "Kiezläuferin" in html
    assert review_url(suggestion) in html


def test_the_queue_filters_by_status(editor_client, author, suggestion):
    FormatSuggestion.objects.create(
        author=author, title="Abgelehnt", description="…", status=FormatSuggestion.Status.DECLINED
    )

    response = editor_client.get(reverse("toolkit_suggestions:index"), {"status": "new"})

    assert [row.pk for row in response.context["object_list"]] == [suggestion.pk]


def test_the_menu_leads_editors_to_the_queue(editor_client):
    home = editor_client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("toolkit_suggestions:index") in home


def test_the_review_shows_the_whole_suggestion(editor_client, suggestion):
    response = editor_client.get(review_url(suggestion))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Und sammeln Hinweise." in html
    assert "Stadtteilspaziergang" in html
    assert 'href="https://example.org/kiez"' in html
    assert 'name="action" value="accept"' in html


# Create draft format ---------------------------------------------------------------------------


def test_create_draft_makes_one_unpublished_format_and_opens_the_editor(
    editor_client, editor, index, suggestion, format_category
):
    response = editor_client.post(review_url(suggestion), {"action": "accept"})

    page = FormatPage.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert not page.live
    assert page.get_parent().pk == index.pk
    assert page.title == "Digitaler Kiezspaziergang"
    assert page.title_de == "Digitaler Kiezspaziergang"
    assert page.slug == "digitaler-kiezspaziergang"
    assert page.category == format_category
    assert page.summary.startswith("Wir gehen mit dem Handy")
    text = str(page.how_it_works[0].value)
    assert "Wir gehen mit dem Handy durch das Viertel." in text
    assert page.owner == editor
    assert page.latest_revision is not None
    suggestion.refresh_from_db()
    assert suggestion.status == FormatSuggestion.Status.ACCEPTED
    assert suggestion.format_page == page
    assert ModelLogEntry.objects.filter(action="toolkit.suggestion_accept").count() == 1
    # the draft opens in the editor
    assert editor_client.get(response.url).status_code == 200


def test_without_a_category_the_draft_takes_the_first(editor_client, author, index):
    FormatCategory.objects.create(name="Zweite", slug="zweite", sort_order=2)
    first = FormatCategory.objects.create(name="Erste", slug="erste", sort_order=1)
    suggestion = FormatSuggestion.objects.create(
        author=author, title="Ohne Kategorie", description="Wie es geht."
    )

    editor_client.post(review_url(suggestion), {"action": "accept"})

    assert FormatPage.objects.get().category == first


def test_a_suggestion_becomes_a_draft_once(editor_client, suggestion):
    editor_client.post(review_url(suggestion), {"action": "accept"})
    response = editor_client.post(review_url(suggestion), {"action": "accept"})

    assert response.status_code == 302
    assert FormatPage.objects.count() == 1


def test_a_second_suggestion_of_the_same_name_gets_its_own_slug(editor_client, author, suggestion):
    twin = FormatSuggestion.objects.create(
        author=author, title=suggestion.title, description="Noch einmal."
    )

    editor_client.post(review_url(suggestion), {"action": "accept"})
    editor_client.post(review_url(twin), {"action": "accept"})

    assert sorted(FormatPage.objects.values_list("slug", flat=True)) == [
        "digitaler-kiezspaziergang",
        "digitaler-kiezspaziergang-2",
    ]


def test_decline_keeps_the_suggestion_marked_declined(editor_client, suggestion):
    response = editor_client.post(review_url(suggestion), {"action": "decline"})

    assert response.status_code == 302
    assert response.url == reverse("toolkit_suggestions:index")
    suggestion.refresh_from_db()
    assert suggestion.status == FormatSuggestion.Status.DECLINED
    assert not FormatPage.objects.exists()


# Permissions -----------------------------------------------------------------------------------


def test_staff_without_page_permissions_may_not_handle_suggestions(outsider_client, suggestion):
    listing = outsider_client.get(reverse("toolkit_suggestions:index"))
    review = outsider_client.get(review_url(suggestion))
    accept = outsider_client.post(review_url(suggestion), {"action": "accept"})

    # Wagtail answers a denied admin page with a redirect to the dashboard and a message.
    for response in (listing, review, accept):
        assert response.status_code == 302
        assert response.url == reverse("wagtailadmin_home")
    assert not FormatPage.objects.exists()
    suggestion.refresh_from_db()
    assert suggestion.status == FormatSuggestion.Status.NEW
    home = outsider_client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("toolkit_suggestions:index") not in home


def test_citizens_are_sent_to_the_login(client, user, suggestion):
    client.force_login(user)

    response = client.post(review_url(suggestion), {"action": "accept"})

    assert response.status_code == 302
    assert not FormatPage.objects.exists()


# Categories ------------------------------------------------------------------------------------


def test_staff_add_categories_as_snippets(admin_client, index):
    add_url = reverse("wagtailsnippets_toolkit_formatcategory:add")
    form = admin_client.get(add_url)
    assert form.status_code == 200
    fields = form.context["form"].fields

    data = {"slug": "vor-ort-digital", "sort_order": 3}
    for name in fields:
        if name.startswith("name"):
            data[name] = "Vor Ort und digital"
    response = admin_client.post(add_url, data)

    assert response.status_code == 302
    assert FormatCategory.objects.get(slug="vor-ort-digital").name == "Vor Ort und digital"
