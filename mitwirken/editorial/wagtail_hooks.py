"""What the editorial base registers with Wagtail: the dashboard's order, its calm line when
nothing waits, and no site summary (``dashboard``)."""

from wagtail import hooks

from .dashboard import AllClearPanel, wagtail_panels_arrange


@hooks.register("construct_homepage_panels")
def arrange_wagtail_panels(request, panels):
    wagtail_panels_arrange(panels)
    panels.append(AllClearPanel(request, panels))


@hooks.register("construct_homepage_summary_items", order=1)
def drop_site_summary(request, summary_items):
    """After Wagtail's own items (``order``): the counts of pages, images and documents ask
    nothing of anyone, count pages a district's editors may not edit, and each leads where
    the menu does; without them the dashboard starts with what needs attention."""
    summary_items.clear()
