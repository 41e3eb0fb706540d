"""What pages registers with Wagtail: the footer's site links for other apps, the inbox of
accessibility feedback with its log actions (``mitwirken/pages/admin/``), the home page's
news section and the news feeds that pages link."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from mitwirken.web.feeds import FEED_LINKS_HOOK
from mitwirken.web.generations import PAGES
from mitwirken.web.links import SITE_LINK_HOOK

from .admin import dashboard
from .admin.feedback import FeedbackAnsweredFormatter, FeedbackStatusFormatter, FeedbackViewSet
from .feeds import news_feed_links
from .sections import home_section
from .selectors import site_links
from .services import FEEDBACK_ANSWER_ACTION, FEEDBACK_STATUS_ACTION
from .views import news_section

# The same for everyone until a page is published anew.
home_section(
    "news", label=_("Latest news"), heading=_("Latest news"), order=90, depends_on=(PAGES,)
)(news_section)

hooks.register(FEED_LINKS_HOOK, news_feed_links, order=10)


@hooks.register(SITE_LINK_HOOK)
def site_link(request, name: str) -> str:
    """The live page the "Footer links" setting names ``name`` (``privacy`` → ``privacy_page``)."""
    return site_links(request).get(name, {}).get("url", "")


@hooks.register("register_admin_viewset")
def register_viewsets():
    return FeedbackViewSet()


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(FEEDBACK_ANSWER_ACTION)(FeedbackAnsweredFormatter)
    actions.register_action(FEEDBACK_STATUS_ACTION)(FeedbackStatusFormatter)


@hooks.register("construct_homepage_panels")
def attention_panels(request, panels):
    panels.extend(dashboard.attention_panels(request.user))
