"""The toolkit's back office in Wagtail's admin: format categories, the queue of formats citizens
suggest (one step from a suggestion to a draft format page), and the report of formats due for
review. ``toolkit/wagtail_hooks.py`` registers what is here.

The queue and the report follow Wagtail's page permissions on the Instrumentenkoffer: who may add
formats there handles suggestions; who may add, edit or publish there sees the report.
"""
