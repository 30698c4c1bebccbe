#!/usr/bin/env python3
"""A stand-in for an OpenAI-compatible chat-completions endpoint, for tests only.

Listens on 127.0.0.1 on a free port, prints the port on its first line, and answers
POST /v1/chat/completions according to the last word of the user message:
  MODE:ok        a normal completion echoing a canned summary
  MODE:json      a completion whose content is the JSON in the file given by --json-file
  MODE:500       HTTP 500 with an OpenAI-style error body
  MODE:401       HTTP 401
  MODE:garbage   HTTP 200 with a body that is not a completion
  MODE:slow      waits 5 seconds before answering
It exits when its parent closes standard input, so a test never leaves it running.
"""
import http.server, json, socketserver, sys, threading, time, argparse

parser = argparse.ArgumentParser()
parser.add_argument("--json-file")
args = parser.parse_args()
canned_json = open(args.json_file).read() if args.json_file else "[]"

class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *a):
        pass

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        body = json.loads(self.rfile.read(length) or b"{}")
        text = body.get("messages", [{}])[-1].get("content", "")
        mode = "ok"
        if "MODE:" in text:
            mode = text.rsplit("MODE:", 1)[1].split()[0]
        auth = self.headers.get("Authorization", "")
        if mode == "401" or (auth and auth != "Bearer test-key"):
            return self.reply(401, {"error": {"message": "bad key"}})
        if mode == "500":
            return self.reply(500, {"error": {"message": "model overloaded"}})
        if mode == "garbage":
            return self.reply(200, {"hello": "world"})
        if mode == "slow":
            time.sleep(5)
        content = canned_json if mode == "json" else "Plants turn light into chemical energy. Oxygen is released."
        self.reply(200, {"id": "x", "object": "chat.completion", "model": body.get("model"),
                         "choices": [{"index": 0, "finish_reason": "stop",
                                      "message": {"role": "assistant", "content": content}}]})

    def reply(self, status, obj):
        data = json.dumps(obj).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True

server = Server(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
threading.Thread(target=server.serve_forever, daemon=True).start()
sys.stdin.read()  # parent gone → exit
