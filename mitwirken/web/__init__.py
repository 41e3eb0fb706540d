"""What the web pages of every app share, below notifications and pages: the honeypot form, the
KERN form renderer, and links (the login page with the way back, the site's fixed pages).

It imports no app of the project; an app that owns a link (pages, with its "Footer links"
setting) answers through the ``site_link`` hook.
"""
