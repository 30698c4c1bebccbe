#!/usr/bin/env python3
"""A stand-in for JDoodle's compiler API (POST /v1/execute), for tests only.

Listens on 127.0.0.1 on a free port, prints the port on its first line, and answers like
JDoodle does:
  clientId "bad"           HTTP 401 {"error": "Unauthorized Request", "statusCode": 401}
  clientId "spent"         HTTP 429 {"error": "Daily limit reached", "statusCode": 429}
  unknown language         HTTP 400 {"error": "Invalid Language", "statusCode": 400}
  script has MODE:compile  HTTP 200, isCompiled false, the compiler's message as output
  script has MODE:slow     waits 5 seconds before answering
  otherwise                HTTP 200 with output "ran <language>: <first line of the script>"
It exits when its parent closes standard input, so a test never leaves it running.
"""
import http.server, json, socketserver, sys, threading, time

LANGUAGES = {"python3", "python2", "nodejs", "java", "c", "cpp17", "csharp", "go", "rust", "ruby", "php",
             "swift", "kotlin", "scala", "haskell", "bash", "r", "perl", "lua", "sql"}

class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *a):
        pass

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        try:
            body = json.loads(self.rfile.read(length) or b"{}")
        except ValueError:
            return self.reply(400, {"error": "Invalid request", "statusCode": 400})
        client = body.get("clientId", "")
        script = body.get("script", "")
        language = body.get("language", "")
        if not client or client == "bad" or body.get("clientSecret") != "secret":
            return self.reply(401, {"error": "Unauthorized Request", "statusCode": 401})
        if client == "spent":
            return self.reply(429, {"error": "Daily limit reached", "statusCode": 429})
        if language not in LANGUAGES:
            return self.reply(400, {"error": "Invalid Language", "statusCode": 400})
        if "MODE:slow" in script:
            time.sleep(5)
        if "MODE:compile" in script:
            return self.reply(200, {"output": "jdoodle.c: In function 'main':\njdoodle.c:3:5: error: expected ';' before '}' token",
                                    "statusCode": 200, "memory": None, "cpuTime": None,
                                    "isCompiled": False, "isExecutionSuccess": False})
        first = script.split("\n", 1)[0]
        return self.reply(200, {"output": "ran %s: %s\n" % (language, first), "statusCode": 200,
                                "memory": "7340", "cpuTime": "0.01", "isCompiled": True, "isExecutionSuccess": True})

    def reply(self, status, obj):
        data = json.dumps(obj).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        try:
            self.wfile.write(data)
        except BrokenPipeError:
            pass

class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True

server = Server(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
threading.Thread(target=server.serve_forever, daemon=True).start()
sys.stdin.read()
server.shutdown()
