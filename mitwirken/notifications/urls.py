from django.urls import path
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "notifications"


def with_argument(route, argument: str):
    """A translated route followed by an untranslated argument, e.g. ``confirm/<str:token>/``."""
    return format_lazy("{}{}/", route, argument)


urlpatterns = [
    path("", views.overview, name="overview"),
    path(_("subscribe/"), views.subscribe, name="subscribe"),
    path(with_argument(_("confirm/"), "<str:token>"), views.confirm, name="confirm"),
    path(
        with_argument(_("unsubscribe/"), "<str:token>"),
        views.unsubscribe_view,
        name="unsubscribe",
    ),
    path(_("follow/"), views.follow, name="follow"),
    path(with_argument(_("unfollow/"), "<int:follow_id>"), views.unfollow, name="unfollow"),
]
