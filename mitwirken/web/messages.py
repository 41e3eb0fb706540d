"""Success and error messages after a form: the page opens at them, and they take the focus.

``templates/components/messages.html`` shows them in a region with the id ``messages`` and
``tabindex="-1"``; a redirect to ``…#messages`` brings the reader there, and browsers move the
focus to a focusable fragment target, without JavaScript (a screen reader reads the message,
the next Tab goes on from it). A message may lead on to the place of
the form (the proposal just published): its ``extra_tags`` is then that place's ``#id``, which
the template shows as a link "Back to where you were"."""

from django.contrib import messages
from django.http import HttpResponseRedirect

MESSAGES_ID = "messages"


def at_messages(url: str) -> str:
    """``url`` opening at the messages (instead of any fragment it had)."""
    return f"{url.split('#', 1)[0]}#{MESSAGES_ID}"


def redirect_to_messages(url: str) -> HttpResponseRedirect:
    return HttpResponseRedirect(at_messages(url))


def success(request, text: str, *, anchor: str = "") -> None:
    """A success message; with ``anchor`` (an id on the page it leads to) a link on to it."""
    messages.success(request, text, extra_tags=f"#{anchor}" if anchor else "")
