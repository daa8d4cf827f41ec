"""The JSON API of a bench portal started with --dayuan.demo=true, as the admin, for scripts under bench/."""
import base64, json, time, urllib.request


class DemoApi:

    def __init__(self, base, password):
        self.base = base
        self.auth = "Basic " + base64.b64encode(f"admin:{password}".encode()).decode()

    def call(self, method, path, body=None):
        req = urllib.request.Request(self.base + path, method=method, headers={"Authorization": self.auth,
              "Content-Type": "application/json"}, data=None if body is None else json.dumps(body).encode())
        with urllib.request.urlopen(req) as r:
            return json.loads(r.read())

    def wait_for_demo(self, seconds=600):
        """The demo content is loaded while the portal is already up: waits until the article count stops growing."""
        seen = []
        for _ in range(seconds):
            seen.append(self.call("GET", "/api/v1/articles?page=1&size=1")["totalItems"])
            if len(seen) >= 5 and seen[-1] > 0 and len(set(seen[-5:])) == 1:
                return
            time.sleep(1)
