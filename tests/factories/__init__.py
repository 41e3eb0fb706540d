"""Factories, one module per app (``tests.factories.participation`` for the participation app...),
registered as pytest fixtures in tests/conftest.py. Pages build on ``pages.PageFactory`` and, for
page types of which only one exists, on ``pages.SingletonPageFactory``."""
