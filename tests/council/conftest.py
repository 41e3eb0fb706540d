import pytest
from wagtail.models import Site

from mitwirken.council.models import CouncilSettings

from .oparl_server import FakeOParl


@pytest.fixture(scope="module")
def oparl_server():
    server = FakeOParl().start()
    yield server
    server.stop()


@pytest.fixture
def oparl(oparl_server, db, settings):
    """The fake server, configured as the portal's endpoint, without faults; a quick client."""
    settings.OPARL_TIMEOUT = 0.3
    settings.OPARL_RETRIES = 1
    settings.OPARL_BACKOFF = 0
    oparl_server.faults.clear()
    oparl_server.requests.clear()
    oparl_server.objects["papers"] = oparl_server.load("papers")
    config = CouncilSettings.for_site(Site.objects.get(is_default_site=True))
    config.system_url = oparl_server.system_url
    config.save()
    return oparl_server
