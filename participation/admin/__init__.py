"""The back office of participation in Wagtail's admin: the moderators' queue, contributions
with their channel (staff enter analog ones here), official responses to proposals, exports and
the files of formal statements. ``participation/wagtail_hooks.py`` registers what is here.

Nothing here deletes a contribution: moderators hide it with a public reason and may restore it.
"""
