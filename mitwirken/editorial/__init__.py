"""The editorial base every app builds on: the staff groups, what each group edits (declared by
the apps in their ``ready()``, see ``registry``), the Ombudsstelle's review workflow, and who on
the staff is mailed. Imports only Django, Wagtail, ``mitwirken.accounts`` and ``mitwirken.places``.
"""
