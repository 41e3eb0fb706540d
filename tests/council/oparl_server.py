"""A local OParl 1.1 server for the tests, never the internet: it serves the JSON fixtures in
``oparl/`` (written after the specification's examples) on 127.0.0.1, lists in pages of two
with ``links.next`` and ``pagination``, honours ``modified_since``, records what it was asked,
and misbehaves on request: ``faults[kind] = "500" | "invalid" | "loop" | "slow"`` breaks the
second page of that list."""

import contextlib
import datetime
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

FIXTURES = Path(__file__).parent / "oparl"
PER_PAGE = 2
SLOW = 0.6  # seconds: beyond the client's timeout in the tests
LISTS = {
    "/oparl/v1/bodies": "bodies",
    "/oparl/v1/body/1/organizations": "organizations",
    "/oparl/v1/body/1/meetings": "meetings",
    "/oparl/v1/body/1/papers": "papers",
}


class FakeOParl:
    def __init__(self):
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self.handler())
        self.base = f"http://127.0.0.1:{self.server.server_port}"
        self.objects = {
            name: self.load(name)
            for name in ("system", "bodies", "organizations", "meetings", "papers")
        }
        self.faults: dict[str, str] = {}
        self.requests: list[tuple[str, dict]] = []

    def load(self, name: str):
        return json.loads((FIXTURES / f"{name}.json").read_text().replace("{base}", self.base))

    @property
    def system_url(self) -> str:
        return f"{self.base}/oparl/v1"

    def asked(self, kind: str) -> list[dict]:
        """The query of each request for a page of the list ``kind``."""
        return [query for path, query in self.requests if LISTS.get(path) == kind]

    def start(self):
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    def answer(self, path: str, query: dict) -> tuple[int, bytes]:
        if path == "/oparl/v1":
            return 200, json.dumps(self.objects["system"]).encode()
        kind = LISTS.get(path)
        if kind is None:
            return 404, b'{"error": "not found"}'
        page = int(query.get("page", "1"))
        fault = self.faults.get(kind) if page == 2 else None
        if fault == "500":
            return 500, b"Internal Server Error"
        if fault == "invalid":
            return 200, b'{"data": [{"id": '
        if fault == "slow":
            time.sleep(SLOW)
        items = self.objects[kind]
        if "modified_since" in query:
            since = datetime.datetime.fromisoformat(query["modified_since"])
            items = [
                item for item in items if datetime.datetime.fromisoformat(item["modified"]) >= since
            ]
        pages = max(1, -(-len(items) // PER_PAGE))
        links = {"first": f"{self.base}{path}"}
        following = {**query, "page": 1 if fault == "loop" else page + 1}
        if page < pages or fault == "loop":
            links["next"] = f"{self.base}{path}?{urlencode(following)}"
        body = {
            "data": items[(page - 1) * PER_PAGE : page * PER_PAGE],
            "pagination": {
                "totalElements": len(items),
                "elementsPerPage": PER_PAGE,
                "currentPage": page,
                "totalPages": pages,
            },
            "links": links,
        }
        return 200, json.dumps(body).encode()

    def handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server's name)
                parts = urlsplit(self.path)
                query = {key: values[0] for key, values in parse_qs(parts.query).items()}
                fake.requests.append((parts.path, query))
                status, body = fake.answer(parts.path, query)
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                # The client may have given up waiting (the "slow" fault).
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(body)

            def log_message(self, *args):
                pass

        return Handler
