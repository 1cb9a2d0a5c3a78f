"""A PyPI-like simple index over a directory of wheels: /simple/<project>/ lists the project's
files, and files are served with the long-lived Cache-Control header PyPI sends, which is what
makes pip keep them in its HTTP cache."""
import http.server
import os
import re
import sys

WHEELS = sys.argv[1]
PORT = int(sys.argv[2])


def project(filename):
    return re.sub(r"[-_.]+", "-", filename.split("-")[0]).lower()


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        parts = [p for p in self.path.split("/") if p]
        files = sorted(os.listdir(WHEELS))
        if len(parts) == 2 and parts[0] == "simple":
            links = "".join(
                f'<a href="/files/{f}">{f}</a>\n' for f in files if project(f) == parts[1]
            )
            body = f"<html><body>\n{links}</body></html>\n".encode()
            self.send(200, "text/html", body, "max-age=600")
        elif len(parts) == 2 and parts[0] == "files" and parts[1] in files:
            with open(os.path.join(WHEELS, parts[1]), "rb") as f:
                self.send(200, "application/octet-stream", f.read(), "max-age=365000000, immutable, public")
        else:
            self.send(404, "text/plain", b"not found\n", "no-store")

    def send(self, status, kind, body, cache):
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", cache)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


http.server.ThreadingHTTPServer(("127.0.0.1", PORT), Handler).serve_forever()
