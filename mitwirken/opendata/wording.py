"""Django's own form messages that REST framework's German catalogue, installed with it, words
otherwise ("Gib eine gültige URL ein."): named here so that the portal's catalogue, which comes
before every app's, keeps Django's German wording on every form of the portal."""

from django.utils.translation import gettext_noop

DJANGO_WORDING = [
    gettext_noop("Enter a valid URL."),
    gettext_noop("Enter a valid email address."),
    gettext_noop("No file was submitted."),
    gettext_noop("The submitted file is empty."),
    gettext_noop(
        "Upload a valid image. The file you uploaded was either not an image or a corrupted image."
    ),
]
