"""What the editorial base registers with Wagtail: the order of the dashboard's panels."""

from wagtail import hooks

from .dashboard import wagtail_panels_arrange


@hooks.register("construct_homepage_panels")
def arrange_wagtail_panels(request, panels):
    wagtail_panels_arrange(panels)
