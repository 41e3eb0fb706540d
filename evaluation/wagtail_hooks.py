"""What evaluation registers with Wagtail: the surveys (builder, list with response rates,
results, exports, printed codes, copies) and the dashboard's panel of surveys closing this week
and low response rates (all in ``evaluation/admin/``)."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .admin import dashboard
from .admin.viewsets import SurveyViewSet

register_snippet(SurveyViewSet)


@hooks.register("construct_homepage_panels")
def attention_panels(request, panels):
    panels.extend(dashboard.attention_panels(request.user))
