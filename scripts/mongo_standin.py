#!/usr/bin/env python3
"""A MongoDB wire-protocol STAND-IN for StudyCircle's tests and benchmarks.

It is not MongoDB. It speaks enough of the wire protocol (OP_MSG, plus the OP_QUERY
handshake that drivers send first) for the official C driver to connect, and answers the
commands StudyCircle's MongoDB backend uses with `mongomock`, an in-memory imitation of
MongoDB's query language. No MongoDB server is packaged for Debian or PyPI; this lets the
tests exercise the real driver, our BSON, our queries and our error handling on 127.0.0.1.

What it does NOT prove: MongoDB's own concurrency, durability, index performance, query
planner, text search ranking, replica sets or TLS. Set STUDYCIRCLE_TEST_MONGODB_URI to run
the same tests against a real server.

Usage: mongo_standin.py PORT [--user NAME:PASSWORD]
  Listens on 127.0.0.1 only and exits when stdin closes. With --user, every command but the
  handshake needs a SCRAM-SHA-256 login as that user (RFC 7677, as MongoDB does it); without
  it, no login is needed and every login attempt is refused.

Fault injection for tests: the command {standinFault: 1, command: NAME, action: "close"}
makes the server close the connection, without applying it, the next time NAME arrives for
the same database (so tests on other databases are not disturbed); action "apply-close"
applies the command first and then closes without answering (an answer lost after the write,
as when a connection resets), so a client cannot tell whether its write was stored.
"""
import base64
import datetime
import hashlib
import hmac
import os
import socket
import socketserver
import struct
import sys
import threading

import bson
from bson import SON
from bson.codec_options import CodecOptions
import mongomock

OP_REPLY, OP_QUERY, OP_MSG, OP_COMPRESSED = 1, 2004, 2013, 2012
CODEC = CodecOptions(document_class=SON, tz_aware=True, tzinfo=datetime.timezone.utc)

client = mongomock.MongoClient()
lock = threading.RLock()  # one command at a time: single-document atomicity like a real server
cursors = {}  # cursor id -> (namespace, remaining documents)
next_cursor = [1000]
connections = [0]
faults = {}  # (database, command name) -> action
users = {}  # name -> password (from --user)


class CommandError(Exception):
    def __init__(self, code, code_name, message):
        super().__init__(message)
        self.code, self.code_name, self.message = code, code_name, message


def error_doc(code, code_name, message):
    return SON([("ok", 0.0), ("errmsg", message), ("code", code), ("codeName", code_name)])


def hello(cmd, connection_id):
    doc = SON([
        ("helloOk", True), ("ismaster", True), ("isWritablePrimary", True),
        ("maxBsonObjectSize", 16 * 1024 * 1024), ("maxMessageSizeBytes", 48000000),
        ("maxWriteBatchSize", 100000), ("localTime", datetime.datetime.now(datetime.timezone.utc)),
        ("logicalSessionTimeoutMinutes", 30), ("connectionId", connection_id),
        ("minWireVersion", 0), ("maxWireVersion", 13), ("readOnly", False), ("ok", 1.0),
    ])
    if cmd.get("saslSupportedMechs"):
        doc["saslSupportedMechs"] = ["SCRAM-SHA-256"]
    return doc


class Scram:
    """The server side of one SCRAM-SHA-256 conversation (RFC 5802 / 7677)."""

    def __init__(self):
        self.user = None
        self.done = False

    @staticmethod
    def fields(text):
        return dict(part.split("=", 1) for part in text.split(",") if "=" in part)

    def start(self, cmd):
        if cmd.get("mechanism") != "SCRAM-SHA-256":
            raise CommandError(334, "MechanismUnavailable", "the stand-in supports SCRAM-SHA-256 only")
        message = bytes(cmd["payload"]).decode()
        self.client_first_bare = message.split(",", 2)[2]
        f = self.fields(self.client_first_bare)
        self.user = f.get("n")
        self.nonce = f.get("r", "") + base64.b64encode(os.urandom(18)).decode()
        self.salt = os.urandom(28)  # MongoDB (and libmongoc) use 28-byte salts for SHA-256
        self.iterations = 4096
        self.server_first = f"r={self.nonce},s={base64.b64encode(self.salt).decode()},i={self.iterations}"
        return SON([("conversationId", 1), ("done", False), ("payload", bson.Binary(self.server_first.encode())), ("ok", 1.0)])

    def finish(self, cmd):
        message = bytes(cmd["payload"]).decode()
        f = self.fields(message)
        without_proof = message.rsplit(",p=", 1)[0]
        password = users.get(self.user)
        if password is None or f.get("r") != self.nonce or "p" not in f:
            raise CommandError(18, "AuthenticationFailed", "Authentication failed.")
        salted = hashlib.pbkdf2_hmac("sha256", password.encode(), self.salt, self.iterations)
        client_key = hmac.new(salted, b"Client Key", hashlib.sha256).digest()
        stored_key = hashlib.sha256(client_key).digest()
        auth_message = f"{self.client_first_bare},{self.server_first},{without_proof}".encode()
        signature = hmac.new(stored_key, auth_message, hashlib.sha256).digest()
        proof = base64.b64decode(f["p"])
        if len(proof) != len(signature) or hashlib.sha256(bytes(a ^ b for a, b in zip(proof, signature))).digest() != stored_key:
            raise CommandError(18, "AuthenticationFailed", "Authentication failed.")
        server_key = hmac.new(salted, b"Server Key", hashlib.sha256).digest()
        verifier = base64.b64encode(hmac.new(server_key, auth_message, hashlib.sha256).digest()).decode()
        self.done = True
        return SON([("conversationId", 1), ("done", True), ("payload", bson.Binary(f"v={verifier}".encode())), ("ok", 1.0)])


def build_info():
    return SON([("version", "5.0.0-studycircle-standin"), ("versionArray", [5, 0, 0, 0]),
                ("gitVersion", "standin"), ("maxBsonObjectSize", 16 * 1024 * 1024), ("ok", 1.0)])


def collection(db, cmd, name_key):
    name = cmd[name_key]
    if not isinstance(name, str) or not name:
        raise CommandError(73, "InvalidNamespace", "collection name must be a non-empty string")
    return client[db][name]


def make_cursor(ns, docs, batch_size, first=True):
    docs = list(docs)
    if batch_size is None or batch_size <= 0:
        batch_size = 101 if first else len(docs)
    batch, rest = docs[:batch_size], docs[batch_size:]
    cursor_id = 0
    if rest:
        next_cursor[0] += 1
        cursor_id = next_cursor[0]
        cursors[cursor_id] = (ns, rest)
    key = "firstBatch" if first else "nextBatch"
    return SON([("cursor", SON([(key, batch), ("id", bson.Int64(cursor_id)), ("ns", ns)])), ("ok", 1.0)])


def write_error(index, exc):
    code = getattr(exc, "code", None) or (11000 if isinstance(exc, mongomock.DuplicateKeyError) else 2)
    return SON([("index", index), ("code", code), ("errmsg", str(exc))])


def cmd_find(db, cmd):
    coll = collection(db, cmd, "find")
    cur = coll.find(cmd.get("filter") or {}, projection=cmd.get("projection") or None)
    if cmd.get("sort"):
        cur = cur.sort(list(cmd["sort"].items()))
    if cmd.get("skip"):
        cur = cur.skip(int(cmd["skip"]))
    limit = int(cmd.get("limit") or 0)
    if limit:
        cur = cur.limit(abs(limit))
    docs = list(cur)
    batch = cmd.get("batchSize")
    if cmd.get("singleBatch") or limit < 0:
        batch = len(docs)
    return make_cursor(f"{db}.{coll.name}", docs, batch)


def cmd_get_more(db, cmd):
    cursor_id = int(cmd["getMore"])
    if cursor_id not in cursors:
        raise CommandError(43, "CursorNotFound", f"cursor id {cursor_id} not found")
    ns, rest = cursors.pop(cursor_id)
    batch = int(cmd.get("batchSize") or len(rest))
    reply = make_cursor(ns, rest, batch, first=False)
    if reply["cursor"]["id"]:
        # keep the id stable for the client
        new_id = int(reply["cursor"]["id"])
        cursors[cursor_id] = cursors.pop(new_id)
        reply["cursor"]["id"] = bson.Int64(cursor_id)
    return reply


def cmd_kill_cursors(db, cmd):
    killed = []
    for cursor_id in cmd.get("cursors", []):
        if cursors.pop(int(cursor_id), None) is not None:
            killed.append(cursor_id)
    return SON([("cursorsKilled", killed), ("cursorsNotFound", []), ("cursorsAlive", []),
                ("cursorsUnknown", []), ("ok", 1.0)])


def cmd_insert(db, cmd):
    coll = collection(db, cmd, "insert")
    ordered = cmd.get("ordered", True)
    n, errors = 0, []
    for index, doc in enumerate(cmd.get("documents", [])):
        try:
            coll.insert_one(doc)
            n += 1
        except Exception as exc:  # duplicate key and friends become write errors
            errors.append(write_error(index, exc))
            if ordered:
                break
    reply = SON([("n", n), ("ok", 1.0)])
    if errors:
        reply["writeErrors"] = errors
    return reply


def is_replacement(update):
    return isinstance(update, dict) and update and not any(k.startswith("$") for k in update)


def matched_by_id(coll, query):
    """The filter of the document `query` matches, by its own _id. mongomock copies the filter's
    _id into a replacement even when it is an operator ({"$in": [...]}); a real server keeps
    the matched document's _id. Commands run under the lock, so this stays atomic."""
    if isinstance(query.get("_id"), dict):
        found = coll.find_one(query, projection={"_id": 1})
        if found is not None:
            return {"_id": found["_id"]}
    return query


def cmd_update(db, cmd):
    coll = collection(db, cmd, "update")
    ordered = cmd.get("ordered", True)
    n = modified = 0
    upserted, errors = [], []
    for index, spec in enumerate(cmd.get("updates", [])):
        q, u = spec.get("q", {}), spec.get("u", {})
        if isinstance(u, list):
            errors.append(SON([("index", index), ("code", 9), ("errmsg", "the stand-in does not run update pipelines")]))
            if ordered:
                break
            continue
        try:
            kwargs = {"upsert": bool(spec.get("upsert"))}
            if spec.get("arrayFilters"):
                kwargs["array_filters"] = spec["arrayFilters"]
            if is_replacement(u):
                result = coll.replace_one(matched_by_id(coll, q), u, upsert=kwargs["upsert"])
            elif spec.get("multi"):
                result = coll.update_many(q, u, **kwargs)
            else:
                result = coll.update_one(q, u, **kwargs)
            n += result.matched_count
            modified += result.modified_count
            if result.upserted_id is not None:
                n += 1
                upserted.append(SON([("index", index), ("_id", result.upserted_id)]))
        except Exception as exc:
            errors.append(write_error(index, exc))
            if ordered:
                break
    reply = SON([("n", n), ("nModified", modified), ("ok", 1.0)])
    if upserted:
        reply["upserted"] = upserted
    if errors:
        reply["writeErrors"] = errors
    return reply


def cmd_delete(db, cmd):
    coll = collection(db, cmd, "delete")
    n = 0
    for spec in cmd.get("deletes", []):
        if int(spec.get("limit", 0)) == 1:
            n += coll.delete_one(spec.get("q", {})).deleted_count
        else:
            n += coll.delete_many(spec.get("q", {})).deleted_count
    return SON([("n", n), ("ok", 1.0)])


def cmd_find_and_modify(db, cmd):
    coll = collection(db, cmd, next(iter(cmd)))
    query = cmd.get("query") or {}
    sort = list(cmd["sort"].items()) if cmd.get("sort") else None
    fields = cmd.get("fields") or None
    if cmd.get("remove"):
        value = coll.find_one_and_delete(query, projection=fields, sort=sort)
        return SON([("lastErrorObject", SON([("n", 1 if value else 0)])), ("value", value), ("ok", 1.0)])
    update = cmd.get("update")
    if update is None or isinstance(update, list):
        raise CommandError(9, "FailedToParse", "findAndModify needs an update document (pipelines are not supported by the stand-in)")
    upsert = bool(cmd.get("upsert"))
    new = bool(cmd.get("new"))
    existed = coll.find_one(query, projection={"_id": 1}, sort=sort) is not None
    return_doc = bool(new)  # pymongo.ReturnDocument.AFTER is True
    kwargs = {}
    if cmd.get("arrayFilters"):
        kwargs["array_filters"] = cmd["arrayFilters"]
    try:
        if is_replacement(update):
            value = coll.find_one_and_replace(matched_by_id(coll, query), update, projection=fields, sort=sort, upsert=upsert, return_document=return_doc)
        else:
            value = coll.find_one_and_update(query, update, projection=fields, sort=sort, upsert=upsert,
                                             return_document=return_doc, **kwargs)
    except mongomock.DuplicateKeyError as exc:
        raise CommandError(11000, "DuplicateKey", str(exc))
    last = SON([("n", 1 if (existed or upsert) else 0), ("updatedExisting", existed)])
    return SON([("lastErrorObject", last), ("value", value), ("ok", 1.0)])


def cmd_aggregate(db, cmd):
    coll = collection(db, cmd, "aggregate")
    docs = list(coll.aggregate(list(cmd.get("pipeline", []))))
    batch = (cmd.get("cursor") or {}).get("batchSize")
    return make_cursor(f"{db}.{coll.name}", docs, batch)


def cmd_count(db, cmd):
    coll = collection(db, cmd, "count")
    return SON([("n", coll.count_documents(cmd.get("query") or {})), ("ok", 1.0)])


def cmd_create_indexes(db, cmd):
    coll = collection(db, cmd, "createIndexes")
    before = len(coll.index_information()) if coll.name in client[db].list_collection_names() else 0
    created = coll.name not in client[db].list_collection_names()
    for spec in cmd.get("indexes", []):
        key = list(spec["key"].items())
        options = {k: v for k, v in spec.items() if k not in ("key", "v", "ns")}
        try:
            coll.create_index(key, **options)
        except mongomock.OperationFailure as exc:
            raise CommandError(getattr(exc, "code", None) or 85, "IndexOptionsConflict", str(exc))
    after = len(coll.index_information())
    return SON([("createdCollectionAutomatically", created), ("numIndexesBefore", before),
                ("numIndexesAfter", after), ("ok", 1.0)])


def cmd_list_indexes(db, cmd):
    coll = collection(db, cmd, "listIndexes")
    if coll.name not in client[db].list_collection_names():
        raise CommandError(26, "NamespaceNotFound", f"ns does not exist: {db}.{coll.name}")
    docs = []
    for name, info in coll.index_information().items():
        doc = SON([("v", 2), ("key", SON(info["key"])), ("name", name)])
        for option in ("unique", "sparse", "weights", "default_language", "partialFilterExpression"):
            if option in info:
                doc[option] = info[option]
        docs.append(doc)
    return make_cursor(f"{db}.$cmd.listIndexes.{coll.name}", docs, (cmd.get("cursor") or {}).get("batchSize"))


def cmd_list_collections(db, cmd):
    wanted = (cmd.get("filter") or {}).get("name")
    names = client[db].list_collection_names()
    docs = [SON([("name", n), ("type", "collection"), ("options", SON()), ("info", SON([("readOnly", False)]))])
            for n in sorted(names) if wanted is None or n == wanted]
    if cmd.get("nameOnly"):
        docs = [SON([("name", d["name"]), ("type", "collection")]) for d in docs]
    return make_cursor(f"{db}.$cmd.listCollections", docs, (cmd.get("cursor") or {}).get("batchSize"))


def cmd_drop(db, cmd):
    name = cmd["drop"]
    if name not in client[db].list_collection_names():
        raise CommandError(26, "NamespaceNotFound", "ns not found")
    client[db].drop_collection(name)
    return SON([("ns", f"{db}.{name}"), ("ok", 1.0)])


def cmd_create(db, cmd):
    name = cmd["create"]
    if name in client[db].list_collection_names():
        raise CommandError(48, "NamespaceExists", f"Collection {db}.{name} already exists.")
    client[db].create_collection(name)
    return SON([("ok", 1.0)])


def cmd_drop_database(db, cmd):
    client.drop_database(db)
    return SON([("dropped", db), ("ok", 1.0)])


def cmd_fault(db, cmd):
    faults[(db, cmd["command"])] = cmd.get("action", "close")
    return SON([("ok", 1.0)])


def refuse_login(db, cmd):
    # No such user: every login fails as a wrong password does on a real server.
    raise CommandError(18, "AuthenticationFailed", "Authentication failed.")


COMMANDS = {
    "ping": lambda db, cmd: SON([("ok", 1.0)]),
    "buildinfo": lambda db, cmd: build_info(),
    "find": cmd_find, "getmore": cmd_get_more, "killcursors": cmd_kill_cursors,
    "insert": cmd_insert, "update": cmd_update, "delete": cmd_delete,
    "findandmodify": cmd_find_and_modify, "aggregate": cmd_aggregate, "count": cmd_count,
    "createindexes": cmd_create_indexes, "listindexes": cmd_list_indexes,
    "listcollections": cmd_list_collections, "drop": cmd_drop, "create": cmd_create,
    "dropdatabase": cmd_drop_database,
    "endsessions": lambda db, cmd: SON([("ok", 1.0)]),
    "saslstart": refuse_login, "saslcontinue": refuse_login, "authenticate": refuse_login,
    "standinfault": cmd_fault,
}


def run_command(db, cmd, connection_id, session=None):
    name = next(iter(cmd), "")
    lowered = name.lower()
    if lowered in ("hello", "ismaster"):
        return hello(cmd, connection_id)
    if users and session is not None:
        try:
            if lowered == "saslstart":
                return session.start(cmd)
            if lowered == "saslcontinue":
                if session.done:
                    return SON([("conversationId", 1), ("done", True), ("payload", bson.Binary(b"")), ("ok", 1.0)])
                return session.finish(cmd)
        except CommandError as exc:
            return error_doc(exc.code, exc.code_name, exc.message)
        if not session.done and lowered not in ("endsessions",):
            return error_doc(13, "Unauthorized", f"command {name} requires authentication")
    handler = COMMANDS.get(lowered)
    if handler is None:
        return error_doc(59, "CommandNotFound",
                         f"no such command: '{name}' (the StudyCircle MongoDB stand-in does not implement it)")
    try:
        with lock:
            return handler(db, cmd)
    except CommandError as exc:
        return error_doc(exc.code, exc.code_name, exc.message)
    except mongomock.DuplicateKeyError as exc:
        return error_doc(11000, "DuplicateKey", str(exc))
    except NotImplementedError as exc:
        return error_doc(238, "NotImplemented", f"the stand-in cannot run this: {exc}")
    except mongomock.OperationFailure as exc:
        return error_doc(getattr(exc, "code", None) or 2, "BadValue", str(exc))
    except Exception as exc:  # anything mongomock cannot do is an error document, never a crash
        return error_doc(2, "BadValue", f"{type(exc).__name__}: {exc}")


def read_exact(sock, n):
    data = bytearray()
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            raise ConnectionError("closed")
        data += chunk
    return bytes(data)


def cstring(data, offset):
    end = data.index(b"\x00", offset)
    return data[offset:end].decode("utf-8"), end + 1


def parse_op_msg(body):
    flags = struct.unpack_from("<I", body, 0)[0]
    end = len(body) - (4 if flags & 1 else 0)
    offset = 4
    command = None
    sequences = {}
    while offset < end:
        kind = body[offset]
        offset += 1
        if kind == 0:
            size = struct.unpack_from("<i", body, offset)[0]
            command = bson.decode(body[offset:offset + size], codec_options=CODEC)
            offset += size
        elif kind == 1:
            size = struct.unpack_from("<i", body, offset)[0]
            section_end = offset + size
            identifier, pos = cstring(body, offset + 4)
            docs = []
            while pos < section_end:
                doc_size = struct.unpack_from("<i", body, pos)[0]
                docs.append(bson.decode(body[pos:pos + doc_size], codec_options=CODEC))
                pos += doc_size
            sequences[identifier] = docs
            offset = section_end
        else:
            raise ValueError(f"unknown OP_MSG section kind {kind}")
    for identifier, docs in sequences.items():
        command[identifier] = docs
    return command


class Handler(socketserver.BaseRequestHandler):
    def handle(self):
        with lock:
            connections[0] += 1
            connection_id = connections[0]
        sock = self.request
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        session = Scram()
        try:
            while True:
                header = read_exact(sock, 16)
                length, request_id, _, opcode = struct.unpack("<iiii", header)
                body = read_exact(sock, length - 16)
                if opcode == OP_QUERY:
                    offset = 4
                    full_name, offset = cstring(body, offset)
                    offset += 8
                    size = struct.unpack_from("<i", body, offset)[0]
                    query = bson.decode(body[offset:offset + size], codec_options=CODEC)
                    if "$query" in query:
                        query = query["$query"]
                    reply = run_command(full_name.split(".")[0], query, connection_id, session)
                    payload = bson.encode(reply, codec_options=CODEC)
                    out = struct.pack("<iqii", 0, 0, 0, 1) + payload
                    sock.sendall(struct.pack("<iiii", 16 + len(out), connection_id, request_id, OP_REPLY) + out)
                elif opcode == OP_MSG:
                    command = parse_op_msg(body)
                    name = next(iter(command), "")
                    with lock:
                        fault = faults.pop((command.get("$db", "admin"), name), None)
                    if fault == "close":
                        return  # close the connection without running the command
                    db = command.pop("$db", "admin")
                    for extra in ("lsid", "$clusterTime", "$readPreference", "txnNumber", "apiVersion"):
                        command.pop(extra, None)
                    reply = run_command(db, command, connection_id, session)
                    if fault == "apply-close":
                        return  # applied, then the answer is lost: close without replying
                    payload = bson.encode(reply, codec_options=CODEC)
                    out = struct.pack("<I", 0) + b"\x00" + payload
                    sock.sendall(struct.pack("<iiii", 16 + len(out), connection_id, request_id, OP_MSG) + out)
                else:
                    return  # compression and legacy opcodes are not spoken: close
        except (ConnectionError, OSError):
            return


class Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


def main():
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    if len(sys.argv) > 3 and sys.argv[2] == "--user":
        name, _, password = sys.argv[3].partition(":")
        users[name] = password
    server = Server(("127.0.0.1", port), Handler)
    print(f"mongo stand-in listening on 127.0.0.1:{server.server_address[1]}", flush=True)
    # Exit when our parent closes our stdin, so a crashed test run leaves nothing behind.
    threading.Thread(target=lambda: (sys.stdin.read(), os._exit(0)), daemon=True).start()
    server.serve_forever()


if __name__ == "__main__":
    main()
