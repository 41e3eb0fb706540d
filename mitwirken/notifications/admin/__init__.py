"""The notifications app in Wagtail's admin; ``wagtail_hooks.py`` registers it."""
