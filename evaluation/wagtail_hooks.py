"""What evaluation registers with Wagtail: the surveys (builder, list with response rates,
results, exports, printed codes, copies), the dashboard's panel of surveys closing this week
and low response rates (all in ``evaluation/admin/``), and a format page's "Experience in
Dortmund" (``views.results``)."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .admin import dashboard
from .admin.viewsets import SurveyViewSet
from .views import results

register_snippet(SurveyViewSet)

# A format's page shows the procedures that used it with their reach and satisfaction.
hooks.register("toolkit_format_related", results.format_experience)


@hooks.register("construct_homepage_panels")
def attention_panels(request, panels):
    panels.extend(dashboard.attention_panels(request.user))
