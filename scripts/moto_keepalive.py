#!/usr/bin/env python3
"""moto's DynamoDB-compatible server, answering over HTTP/1.1 keep-alive connections.

Usage: moto_keepalive.py PORT

Why: `python3 -m moto.server` runs moto's WSGI app on werkzeug's development server, which
sends `Connection: close` on every response (werkzeug cannot drain a request body safely
between requests, so it never keeps a connection). Every request of a client then pays a new
TCP connection: connect, accept, teardown, in the client's own process too. DynamoDB itself
keeps connections alive, and boto3 (urllib3's pool) and StudyCircle's client (libcurl) both
reuse one when the server allows. For the client benchmark (StudyBench dynamo) this serves
the very same app that moto.server builds (DomainDispatcherApplication(create_backend_app))
on the standard library's HTTP/1.1 server instead: the request body is read whole by its
Content-Length before the app sees it, and the answer goes out in one write with its
Content-Length, so the connection stays usable for the next request.

`GET /__connections` answers {"connections": N}: how many TCP connections have carried requests
to moto so far, so the benchmark can show that each client kept one.

Listens on 127.0.0.1 only, one thread per connection, and exits when its stdin closes (the
process that started it holds the other end), so it never outlives the benchmark.
"""
import io
import os
import socket
import sys
import threading
from urllib.parse import unquote
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app

# As moto.server.main does.
APP = DomainDispatcherApplication(create_backend_app)
APP.debug = True


class KeepAliveHandler(BaseHTTPRequestHandler):
    """Runs one WSGI request per HTTP request; the connection stays open between them."""

    protocol_version = "HTTP/1.1"  # keep-alive unless the client asks to close
    server_version = "moto-keepalive"

    def handle_one_request(self):
        # As BaseHTTPRequestHandler's, but every method goes to the app instead of do_<METHOD>.
        # (parse_request answers `Expect: 100-continue` and decides keep-alive from the request.)
        self.raw_requestline = self.rfile.readline(65537)
        if not self.raw_requestline:
            self.close_connection = True
            return
        if len(self.raw_requestline) > 65536 or not self.parse_request():
            self.close_connection = True
            return
        self.run_app()
        self.wfile.flush()

    def run_app(self):
        if self.path == "/__connections" and self.command == "GET":
            # For the benchmark: how many TCP connections have carried requests to moto so far,
            # to show that each client keeps one (not part of moto or DynamoDB). The asker's own
            # connection does not count, however often its client reconnects.
            payload = b'{"connections": %d}' % self.server.used_connections
            self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s" % (len(payload), payload))
            return
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            body = self.read_chunked()
        else:
            # HTTP/1.1: a request with neither a length nor chunks has no body.
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if not getattr(self, "counted", False):
            self.counted = True
            with self.server.lock:
                self.server.used_connections += 1
        path, _, query = self.path.partition("?")
        environ = {
            "wsgi.version": (1, 0), "wsgi.url_scheme": "http", "wsgi.input": io.BytesIO(body),
            "wsgi.errors": sys.stderr, "wsgi.multithread": True, "wsgi.multiprocess": False,
            "wsgi.run_once": False, "wsgi.input_terminated": True,
            "REQUEST_METHOD": self.command, "SCRIPT_NAME": "", "PATH_INFO": unquote(path, encoding="latin-1"), "QUERY_STRING": query,
            "REQUEST_URI": self.path, "RAW_URI": self.path,
            "REMOTE_ADDR": self.client_address[0], "REMOTE_PORT": self.client_address[1],
            "SERVER_NAME": self.server.server_address[0], "SERVER_PORT": str(self.server.server_address[1]),
            "SERVER_PROTOCOL": self.request_version, "CONTENT_LENGTH": str(len(body)),
        }
        for key, value in self.headers.items():
            key = key.upper().replace("-", "_")
            if key in ("CONTENT_LENGTH", "TRANSFER_ENCODING"):
                continue
            if key != "CONTENT_TYPE":
                key = "HTTP_" + key
            environ[key] = f"{environ[key]},{value}" if key in environ else value

        answer = {}

        def start_response(status, headers, exc_info=None):
            answer["status"], answer["headers"] = status, headers
            return lambda data: answer.setdefault("early", []).append(data)

        try:
            chunks = APP(environ, start_response)
            try:
                payload = b"".join(answer.get("early", [])) + b"".join(chunks)
            finally:
                if hasattr(chunks, "close"):
                    chunks.close()
        except Exception as error:  # a crash in moto: answer 500 and close, as werkzeug would
            import traceback
            traceback.print_exc()
            answer = {"status": "500 Internal Server Error", "headers": [("Content-Type", "text/plain")]}
            payload = f"moto failed: {error!r}".encode()
            self.close_connection = True
        lines = [f"HTTP/1.1 {answer['status']}"]
        for name, value in answer["headers"]:
            if name.lower() not in ("content-length", "connection", "transfer-encoding"):
                lines.append(f"{name}: {value}")
        lines.append(f"Content-Length: {0 if self.command == 'HEAD' else len(payload)}")
        if self.close_connection:
            lines.append("Connection: close")
        head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
        # One write: a separate small write for the body could wait on a delayed ACK.
        self.wfile.write(head if self.command == "HEAD" else head + payload)

    def read_chunked(self):
        parts = []
        while True:
            size = int(self.rfile.readline(65537).split(b";")[0].strip() or b"0", 16)
            if size == 0:
                while self.rfile.readline(65537) not in (b"\r\n", b"\n", b""):  # trailers
                    pass
                return b"".join(parts)
            parts.append(self.rfile.read(size))
            self.rfile.readline(65537)  # the CRLF after each chunk

    def log_message(self, format, *args):  # one line per request would cost the benchmark's CPU
        pass


class Server(ThreadingHTTPServer):
    daemon_threads = True
    used_connections = 0  # connections that carried a request to moto, under `lock`
    lock = threading.Lock()

    def server_bind(self):
        super().server_bind()
        self.socket.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def get_request(self):
        connection, address = super().get_request()
        connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return connection, address


def main():
    port = int(sys.argv[1])
    server = Server(("127.0.0.1", port), KeepAliveHandler)
    # Exit when the parent closes our stdin (or dies).
    threading.Thread(target=lambda: (sys.stdin.read(), os._exit(0)), daemon=True).start()
    print(f"moto (keep-alive) on http://127.0.0.1:{port}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
