#!/usr/bin/env python3
"""Writes scripts/studycircle.order: the functions the app runs from start to the first frame and
while paging, for the linker's --symbol-ordering-file (see Package.swift, issue 13).

Why: the release binary is ~22 MB of code, and the ~1.4 MB that a start and a few hundred keys run
is spread over all of it. Every first touch of a code page maps up to 64 KB around it (the kernel's
fault-around), so a start left 14 MB of the binary's code resident. Linked first and together,
those functions take a few hundred pages.

How: the binary (its debug info stripped, which valgrind cannot read) runs under valgrind's
callgrind in a pseudo-terminal with the same environment as scripts/bench_pty.py, opens the bench
room (--db: a database that StudyBench's `pty` group prepares, e.g.
`PTY_BENCH_DIR=/tmp/pty PTY_BENCH_NO_WEECHAT=1 .build/release/StudyBench pty` leaves
/tmp/pty/studycircle.db), shows the newest message, pages up, moves in the Library, quits. Every
function of the binary that ran at least once is
written (except names that several files define), in the order of its address in the binary
that was measured (so that functions of one file stay together).

Regenerate after large changes to the start path (`make link-order LINK_ORDER_DB=...`); a stale file is
harmless: the linker skips names it does not know and places new functions after the listed ones.

Usage: gen_link_order.py --app .build/release/studycircle --db DB [--out scripts/studycircle.order]
"""
import argparse
import bisect
import os
import re
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_pty  # noqa: E402  the pty driver and clean environment the benchmark uses


def run_under_callgrind(binary, db, user, marker, keys, workdir):
    out = os.path.join(workdir, "callgrind.out")
    argv = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", "--demangle=no", "--dump-instr=no",
            "--compress-strings=no", "--compress-pos=no", binary]
    bench = bench_pty.Bench(argparse.Namespace(workdir=workdir, user=user, term="xterm-256color", rows=24, cols=80))
    proc = bench.spawn(argv, {"STUDYCIRCLE_DB": db, "STUDYCIRCLE_USER": user, "DB_TYPE": "sqlite"})
    try:
        proc.wait_for_frame(marker.encode(), 1.0, 180)
        proc.send(b"2")  # Messages
        proc.settle(0.5)
        for _ in range(keys):
            proc.send(bench_pty.PAGE_UP)
            proc.settle(0.05, limit=2.0)
        proc.settle(1.0)
        proc.send(b"\t")  # Library
        proc.settle(0.5)
        for _ in range(20):
            proc.send(b"j")
            proc.settle(0.05, limit=2.0)
        proc.settle(1.0)
    finally:
        proc.stop(b"\x1b\x1bq")
    deadline = time.monotonic() + 60
    while not os.path.exists(out) or os.path.getsize(out) == 0:
        if time.monotonic() > deadline:
            raise RuntimeError("callgrind wrote no profile")
        time.sleep(0.2)
    time.sleep(1.0)  # let it finish writing
    return out


def executed_functions(profile, binary):
    """Names (or 0x addresses) of the functions callgrind saw run in `binary`."""
    names, current_object = set(), None
    with open(profile, errors="replace") as f:
        for line in f:
            if line.startswith("ob="):
                current_object = line[3:].strip()
            elif line.startswith(("fn=", "cfn=")) and current_object == binary:
                # A cfn= line names a callee of the current object only if the callee's object is
                # the same; callgrind writes cob= first otherwise, so take fn= lines only.
                if line.startswith("fn="):
                    names.add(re.sub(r"'\d+$", "", line[3:].strip()))
    return names


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--app", required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--user", default="bench")
    parser.add_argument("--marker", default="QZ7XK9JV")
    parser.add_argument("--keys", type=int, default=200)
    parser.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "studycircle.order"))
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as workdir:
        stripped = os.path.join(workdir, "studycircle")
        subprocess.run(["strip", "--strip-debug", "-o", stripped, args.app], check=True)
        profile = run_under_callgrind(stripped, args.db, args.user, args.marker, args.keys, workdir)
        executed = executed_functions(profile, stripped)
        nm = subprocess.run(["nm", "--defined-only", stripped], capture_output=True, text=True, check=True).stdout

    symbols = []  # (address, name) of the functions
    definitions = {}
    for line in nm.splitlines():
        parts = line.split(None, 2)
        if len(parts) == 3 and parts[1] in "tTwW":
            symbols.append((int(parts[0], 16), parts[2]))
            definitions[parts[2]] = definitions.get(parts[2], 0) + 1
    symbols.sort()
    addresses = [a for a, _ in symbols]
    # A name that several files define as a local symbol (outlined helpers such as `$sSqwcp`)
    # is left out: the linker would move every file's copy, with the whole unsplit .text of
    # files built without function sections (_StringProcessing's 400 KB, for one).
    by_name = {name: address for address, name in symbols if definitions[name] == 1}

    chosen = {}
    for name in executed:
        if name in by_name:
            chosen[name] = by_name[name]
        elif name.startswith("0x"):  # no symbol of its own: the function that contains it
            i = bisect.bisect_right(addresses, int(name, 16)) - 1
            if i >= 0 and symbols[i][1] in by_name:
                chosen[symbols[i][1]] = symbols[i][0]
    ordered = sorted(chosen, key=lambda n: chosen[n])
    with open(args.out, "w") as f:
        f.write("\n".join(ordered) + "\n")
    print(f"{len(ordered)} functions written to {args.out}")


if __name__ == "__main__":
    main()
