from csp.middleware import CSPMiddleware

# Wagtail's admin still writes a few inline scripts and style attributes (panels, date widgets).
ADMIN_ALLOWANCES = {"script-src": ["'unsafe-inline'"], "style-src": ["'unsafe-inline'"]}


class PortalCSPMiddleware(CSPMiddleware):
    """The strict policy of settings everywhere; the staff-only Wagtail admin gets its allowances.

    Public pages never allow inline script: tests/browser checks that they run none.
    """

    def process_response(self, request, response):
        if request.path.startswith("/admin/") and not hasattr(response, "_csp_update"):
            response._csp_update = ADMIN_ALLOWANCES
        return super().process_response(request, response)
