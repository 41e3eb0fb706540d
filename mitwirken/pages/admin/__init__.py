"""The pages app in Wagtail's admin: the inbox of accessibility feedback. Registered by
``mitwirken/pages/wagtail_hooks.py``."""
