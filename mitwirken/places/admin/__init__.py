"""Districts and topics in Wagtail's admin, as snippets; ``mitwirken/places/wagtail_hooks.py``
registers them."""
