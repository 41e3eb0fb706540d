from django import template

from ..deadlines import countdown_text, deadline_text
from ..fragments import fragment as kept_fragment
from ..generations import PAGES
from ..links import absolute_url as _absolute_url
from ..links import login_url as _login_url
from ..links import return_path as _return_path
from ..links import signup_url as _signup_url

register = template.Library()


@register.simple_tag(takes_context=True)
def login_url(context):
    """The login page, coming back here afterwards."""
    return _login_url(context.get("request"), context.get("page"))


@register.simple_tag(takes_context=True)
def signup_url(context):
    """The sign-up page, coming back here once the address is confirmed."""
    return _signup_url(context.get("request"), context.get("page"))


@register.simple_tag(takes_context=True)
def return_path(context):
    """This page when anyone may see it (where logging out leads), else ""."""
    return _return_path(context.get("request"), context.get("page"))


@register.filter
def deadline(moment):
    """``{{ phase.end|deadline }}``: "until Sunday, 27 December 2026, midnight" (see
    ``mitwirken.web.deadlines``), for pages, cards and mails alike."""
    return deadline_text(moment) if moment else ""


@register.filter
def countdown(moment):
    """``{{ phase.end|countdown }}``: "3 days left", "ends today at 18:00"; "" until the last
    week and once it is over."""
    return countdown_text(moment) if moment else ""


@register.inclusion_tag("components/deadline.html")
def deadline_time(moment, countdown=True):
    """A deadline as a ``<time>`` element in words, with the countdown near the end."""
    return {
        "moment": moment,
        "text": deadline_text(moment) if moment else "",
        "countdown": countdown_text(moment) if moment and countdown else "",
    }


@register.simple_tag
def absolute_url(url):
    """``url`` on the portal's public address (``links.absolute_url``), for text that leaves
    the site."""
    return _absolute_url(url)


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, vary, depends_on, scheduled):
        self.nodelist, self.name, self.vary = nodelist, name, vary
        self.depends_on, self.scheduled = depends_on, scheduled

    def render(self, context):
        vary = [value.resolve(context) for value in self.vary]
        request = context.get("request") or getattr(context, "request", None)
        if request is None or any(value is None for value in vary):
            return self.nodelist.render(context)
        return kept_fragment(
            request,
            self.name.resolve(context),
            lambda: self.nodelist.render(context),
            *vary,
            depends_on=tuple(dict.fromkeys((PAGES, *self.depends_on))),
            scheduled=self.scheduled,
        )


@register.tag
def fragment(parser, token):
    """``{% fragment "name" value … [on "generation" …] [scheduled] %}…{% endfragment %}``:
    what it encloses, the same for everyone in a language, kept until a page is published or a
    generation named after ``on`` begins anew (``mitwirken.web.fragments``) and, with
    ``scheduled``, until pages change by the clock. Never around anything of the person (a
    name, a CSRF token). A value that is ``None`` renders it without keeping it."""
    bits = token.split_contents()[1:]
    if not bits:
        raise template.TemplateSyntaxError("{% fragment %} needs a name")
    scheduled = bits[-1] == "scheduled"
    if scheduled:
        bits.pop()
    depends_on = ()
    if "on" in bits:
        at = bits.index("on")
        bits, depends_on = bits[:at], tuple(name.strip("\"'") for name in bits[at + 1 :])
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    name, *vary = (parser.compile_filter(bit) for bit in bits)
    return FragmentNode(nodelist, name, vary, depends_on, scheduled)
