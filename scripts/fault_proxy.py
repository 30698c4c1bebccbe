#!/usr/bin/env python3
"""A loopback HTTP proxy in front of a DynamoDB-compatible server that injects faults.

Usage: fault_proxy.py LISTEN_PORT UPSTREAM_PORT   (both on 127.0.0.1)

Faults are queued with  POST /__faults  and a JSON list; each DynamoDB request takes the next
fault from the queue (none left: plain forwarding). A fault is an object:
  {"kind": "throttle"}              answer 400 ThrottlingException, do not forward
  {"kind": "error500", "forward": b} answer 500 (after forwarding the request if b is true)
  {"kind": "reset", "forward": b}    reset the TCP connection (after forwarding if b)
  {"kind": "slow", "seconds": s}     forward, then wait s seconds before answering
  {"kind": "badcrc"}                 forward, then answer with a wrong x-amz-crc32
GET /__stats answers {"forwarded": n, "targets": {...}}. Exits when stdin closes, so a crashed
test never leaves it behind.
"""
import http.client
import json
import os
import socket
import struct
import sys
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LISTEN_PORT = int(sys.argv[1])
UPSTREAM_PORT = int(sys.argv[2])
lock = threading.Lock()
faults = []
stats = {"forwarded": 0, "targets": {}}


def watch_stdin():
    sys.stdin.read()
    os._exit(0)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def _reply(self, status, body, headers=None):
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _reset(self):
        # SO_LINGER with a zero timeout makes close() send RST instead of FIN.
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()
        self.close_connection = True

    def _forward(self, body):
        conn = http.client.HTTPConnection("127.0.0.1", UPSTREAM_PORT, timeout=30)
        headers = {k: v for k, v in self.headers.items() if k.lower() not in ("connection", "content-length")}
        conn.request(self.command, self.path, body=body, headers=headers)
        response = conn.getresponse()
        data = response.read()
        out_headers = {k: v for k, v in response.getheaders()
                       if k.lower() not in ("content-length", "connection", "transfer-encoding", "server", "date")}
        conn.close()
        target = self.headers.get("X-Amz-Target", "")
        with lock:
            stats["forwarded"] += 1
            stats["targets"][target] = stats["targets"].get(target, 0) + 1
        return response.status, data, out_headers

    def do_GET(self):
        if self.path == "/__stats":
            with lock:
                body = json.dumps(stats).encode()
            return self._reply(200, body, {"Content-Type": "application/json"})
        status, data, headers = self._forward(None)
        self._reply(status, data, headers)

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length) if length else b""
        if self.path == "/__faults":
            with lock:
                faults.extend(json.loads(body or b"[]"))
            return self._reply(200, b"{}", {"Content-Type": "application/json"})
        with lock:
            fault = faults.pop(0) if faults else None
        kind = fault.get("kind") if fault else None
        if kind == "throttle":
            payload = b'{"__type":"com.amazonaws.dynamodb.v20120810#ThrottlingException","message":"Rate of requests exceeds the allowed throughput."}'
            return self._reply(400, payload, {"Content-Type": "application/x-amz-json-1.0", "x-amz-crc32": str(zlib.crc32(payload))})
        if kind == "error500":
            if fault.get("forward"):
                self._forward(body)
            payload = b'{"__type":"com.amazonaws.dynamodb.v20120810#InternalServerError","message":"Internal server error"}'
            return self._reply(500, payload, {"Content-Type": "application/x-amz-json-1.0"})
        if kind == "reset":
            if fault.get("forward"):
                self._forward(body)
            return self._reset()
        status, data, headers = self._forward(body)
        if kind == "slow":
            time.sleep(float(fault.get("seconds", 2)))
        if kind == "badcrc":
            headers = {k: v for k, v in headers.items() if k.lower() != "x-amz-crc32"}
            headers["x-amz-crc32"] = str((zlib.crc32(data) + 1) & 0xFFFFFFFF)
        try:
            self._reply(status, data, headers)
        except (BrokenPipeError, ConnectionResetError):
            pass


if __name__ == "__main__":
    threading.Thread(target=watch_stdin, daemon=True).start()
    server = ThreadingHTTPServer(("127.0.0.1", LISTEN_PORT), Handler)
    server.daemon_threads = True
    server.serve_forever()
