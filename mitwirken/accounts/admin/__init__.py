"""Accounts in Wagtail's admin: the user views with the display name. Registered by
``mitwirken.accounts.apps.WagtailUsersConfig`` (Wagtail's way to replace its user views), so
accounts needs no ``wagtail_hooks.py``."""
