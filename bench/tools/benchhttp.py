"""Small HTTP helpers shared by the bench tools: keep-alive connections to 127.0.0.1 only, Basic auth for the API."""
import base64
import http.client
import json
import socket
import time

HOST = "127.0.0.1"


class Client:
    """One keep-alive connection; reconnects once if the server closed it."""

    def __init__(self, port, password=None, timeout=30, authorization=None):
        self.port = port
        self.timeout = timeout
        self.conn = None
        self.auth = authorization
        if password is not None:
            token = base64.b64encode(f"admin:{password}".encode()).decode()
            self.auth = f"Basic {token}"

    def _connect(self):
        self.conn = http.client.HTTPConnection(HOST, self.port, timeout=self.timeout)
        self.conn.connect()
        # Small requests on a kept-alive connection: without TCP_NODELAY the timings would include Nagle's delay.
        self.conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def request(self, method, path, body=None, headers=None):
        """Returns (status, headers dict with lower-case names, body bytes)."""
        hdrs = {"Host": f"{HOST}:{self.port}"}
        if headers:
            hdrs.update(headers)
        data = None
        if body is not None:
            data = json.dumps(body, ensure_ascii=False).encode("utf-8")
            hdrs["Content-Type"] = "application/json"
            if self.auth:
                hdrs["Authorization"] = self.auth
        for attempt in (1, 2):
            try:
                if self.conn is None:
                    self._connect()
                self.conn.request(method, path, body=data, headers=hdrs)
                resp = self.conn.getresponse()
                payload = resp.read()
                headers_out = {k.lower(): v for k, v in resp.getheaders()}
                if headers_out.get("connection", "").lower() == "close":
                    self.close()
                return resp.status, headers_out, payload
            except (http.client.HTTPException, ConnectionError, OSError):
                self.close()
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def get(self, path, gzip=False):
        return self.request("GET", path, headers={"Accept-Encoding": "gzip"} if gzip else None)

    def close(self):
        if self.conn is not None:
            try:
                self.conn.close()
            finally:
                self.conn = None


def api_authorization(port, password, mode):
    """The Authorization header for API writes: HTTP Basic as admin, or ("token") a personal API token issued once
    with Basic. Basic costs a password-hash check (BCrypt) on every request; a token costs a SHA-256 lookup."""
    basic = Client(port, password)
    if mode == "basic":
        return basic.auth
    # On a first start the admin account is created just after the server reports UP: wait for it.
    deadline = time.monotonic() + 60
    while True:
        status, _, body = basic.request("POST", "/api/v1/tokens", {"name": f"bench {time.strftime('%H:%M:%S')}"})
        if status != 401 or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    basic.close()
    if status != 201:
        raise SystemExit(f"issuing an API token failed: HTTP {status} {body[:300]!r} (try --auth basic)")
    return f"Bearer {json.loads(body)['token']}"


def percentile(values, p):
    """Nearest-rank percentile of a list of numbers (p in 0..100)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, min(len(ordered), int(-(-p * len(ordered) // 100))))
    return ordered[rank - 1]


def monotonic_ms():
    return time.perf_counter() * 1000.0


def read_manifest(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]
