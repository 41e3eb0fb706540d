"""The privacy notice (``privacy.PrivacyPage``), one below the home page."""

from tests.factories.pages import SingletonPageFactory


class PrivacyPageFactory(SingletonPageFactory):
    class Meta:
        model = "privacy.PrivacyPage"

    title = "Datenschutzerklärung"
    title_en = "Privacy notice"
    slug = "datenschutz"
    slug_en = "privacy"
    intro = "<p>Wir verarbeiten so wenige Daten wie möglich.</p>"
    controller_name = "Stadt Dortmund"
    controller_address = "Friedensplatz 1\n44135 Dortmund"
    contact_name = "Ombudsstelle"
    contact_address = "Friedensplatz 1\n44135 Dortmund"
    contact_email = "ombudsstelle@dortmund.de"
    contact_phone = "0231 50-0"
    dpo_name = "Behördliche Datenschutzbeauftragte der Stadt Dortmund"
    dpo_address = "Friedensplatz 1\n44135 Dortmund"
    dpo_email = "datenschutz@dortmund.de"
