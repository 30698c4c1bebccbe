#!/usr/bin/env python3
"""Where a process's resident pages are: per mapping, per ELF section and per symbol.

Usage:
  resident_pages.py --pid PID [--binary PATH] [--symbols N] [--touched FILE]
  resident_pages.py --run .build/release/studycircle --db DB [--user bench] [--pgup 200] [...]

With --run the program is started under a pseudo-terminal exactly as scripts/bench_pty.py does
(the same clean environment; STUDYCIRCLE_DB/USER set), the script waits for the newest message
(--marker) to be drawn, optionally presses PgUp --pgup times on the Messages pane, and then reads
/proc/PID/smaps and /proc/PID/pagemap (bit 63: the page is mapped in this process; reading it
needs no privilege, only the PFNs do). For the program's own binary it prints the resident KB per
section (.text, .rodata, .eh_frame, .data.rel.ro, swift5_*, ...), anonymous (written: relocated or
.data/.bss) KB per section, and the symbols (from `nm`) with the most resident pages, grouped by
the module their mangled name or C name belongs to (ICU, Foundation, swift runtime, GRDB, ours...).

--touched FILE writes every function symbol whose first byte is on a resident page of .text, in
address order: the input of scripts/gen_symbol_order.sh (link-order file for start-up code).

The figure includes the kernel's fault-around (up to 64 KB mapped around each faulting page of a
file that is in the page cache): that is what VmRSS counts too.
"""
import argparse
import bisect
import collections
import os
import re
import struct
import subprocess
import sys
import time

PAGE = os.sysconf("SC_PAGE_SIZE")


def read_maps(pid):
    """[(start, end, perms, offset, path)] from /proc/PID/maps."""
    rows = []
    with open(f"/proc/{pid}/maps") as f:
        for line in f:
            parts = line.split(None, 5)
            start, end = (int(x, 16) for x in parts[0].split("-"))
            path = parts[5].strip() if len(parts) == 6 else ""
            rows.append((start, end, parts[1], int(parts[2], 16), path or "[anon]"))
    return rows


def smaps_split(pid):
    """{vma start: (Rss kB, Anonymous kB)} from /proc/PID/smaps."""
    result, current = {}, None
    with open(f"/proc/{pid}/smaps") as f:
        for line in f:
            first = line.split(None, 1)[0]
            if "-" in first and not first.endswith(":"):
                current = int(first.split("-")[0], 16)
                result[current] = [0, 0]
            elif first == "Rss:":
                result[current][0] = int(line.split()[1])
            elif first == "Anonymous:":
                result[current][1] = int(line.split()[1])
    return result


def present_pages(pid, start, end):
    """The page-aligned addresses in [start, end) that are mapped (pagemap bit 63), and which
    of them are anonymous/exclusive (bit 61 clear: not a file page; bit 56: exclusively mapped)."""
    present, anon = [], []
    with open(f"/proc/{pid}/pagemap", "rb") as f:
        f.seek(start // PAGE * 8)
        data = f.read((end - start) // PAGE * 8)
    for i in range(len(data) // 8):
        (entry,) = struct.unpack_from("<Q", data, i * 8)
        if entry >> 63 & 1:
            address = start + i * PAGE
            present.append(address)
            if not entry >> 61 & 1:  # bit 61: file-page or shared-anon; clear = private anonymous (written)
                anon.append(address)
    return present, anon


def sections(binary):
    """[(name, vaddr, size, file offset)] of the allocated sections, from `readelf -S -W`."""
    out = subprocess.run(["readelf", "-S", "-W", binary], capture_output=True, text=True, check=True).stdout
    rows = []
    for line in out.splitlines():
        m = re.match(r"\s*\[\s*\d+\]\s+(\S+)\s+(\S+)\s+([0-9a-f]+)\s+([0-9a-f]+)\s+([0-9a-f]+)\s+\S+\s+(\S*)\s", line)
        if not m or m.group(1) == "NULL":
            continue
        name, kind, addr, off, size, flags = m.groups()
        if "A" not in flags:
            continue
        rows.append((name, int(addr, 16), int(size, 16), int(off, 16), kind))
    return sorted(rows, key=lambda r: r[1])


def symbols(binary):
    """Sorted [(vaddr, size, kind, name)] from `nm -S --defined-only` (static symbols included)."""
    out = subprocess.run(["nm", "-S", "--defined-only", "-n", binary], capture_output=True, text=True).stdout
    rows = []
    for line in out.splitlines():
        parts = line.split(None, 3)
        if len(parts) == 4:
            rows.append((int(parts[0], 16), int(parts[1], 16), parts[2], parts[3]))
    rows.sort()
    return rows


MODULE_PATTERNS = [
    ("ICU data", re.compile(r"^icudt")),
    ("ICU", re.compile(r"^(u[a-z]*_|U[A-Z]|_ZN6icu_|_ZNK6icu_|_ZN\d*icu_|icu_)|icu")),
    ("sqlite (C)", re.compile(r"^sqlite3|^_sqlite")),
    ("swift runtime", re.compile(r"^(swift_|_swift_|__swift|_ZN5swift|_ZNK5swift|\$ss|\$sS|\$sB|\$ssX)")),
]
SWIFT_MODULE = re.compile(r"^\$s(\d+)([A-Za-z_][A-Za-z0-9_]*)")


def module_of(name):
    """A coarse owner for a symbol: the Swift module from the mangled name, else a C library."""
    m = SWIFT_MODULE.match(name)
    if m:
        length = int(m.group(1))
        return m.group(2)[:length]
    for label, pattern in MODULE_PATTERNS:
        if pattern.search(name):
            return label
    if name.startswith("_Z"):
        return "C++ (other)"
    return "C (other)"


def analyse(pid, binary, top, touched_path):
    binary = os.path.realpath(binary)
    maps = read_maps(pid)
    split = smaps_split(pid)

    by_path = collections.defaultdict(lambda: [0, 0])
    for start, _end, _perms, _off, path in maps:
        rss, anon = split.get(start, (0, 0))
        by_path[path][0] += rss
        by_path[path][1] += anon
    total = sum(v[0] for v in by_path.values())
    total_anon = sum(v[1] for v in by_path.values())
    print(f"# pid {pid}: Rss {total / 1024:.2f} MB, of which anonymous {total_anon / 1024:.2f} MB, file {(total - total_anon) / 1024:.2f} MB")
    print("# resident by mapping (kB: rss / anonymous):")
    for path, (rss, anon) in sorted(by_path.items(), key=lambda kv: -kv[1][0]):
        if rss:
            print(f"  {rss:8d} {anon:8d}  {path}")

    # The binary's mappings: load bias = start - offset of the first (offset 0) mapping.
    own = [(s, e, p, o) for s, e, p, o, path in maps if os.path.realpath(path) == binary if path.startswith("/")]
    if not own:
        print(f"# {binary} is not mapped by {pid}", file=sys.stderr)
        return
    bias = min(s - o for s, e, p, o in own)
    secs = sections(binary)
    starts = [s[1] for s in secs]

    def section_of(vaddr):
        i = bisect.bisect_right(starts, vaddr) - 1
        if i >= 0 and vaddr < secs[i][1] + max(secs[i][2], 1):
            return secs[i][0]
        return "(between sections)"

    resident, written = set(), set()
    # Anonymous pages in the binary's range (.bss beyond the file: an anonymous mapping next to it).
    low = min(s for s, e, p, o in own)
    high_vaddr = max(sec[1] + sec[2] for sec in secs) + bias
    for s, e, p, o, path in maps:
        if e <= low or s >= high_vaddr:
            continue
        if os.path.realpath(path) != binary and path != "[anon]":
            continue
        pages, anon = present_pages(pid, s, e)
        resident.update(pages)
        written.update(anon)

    per_section = collections.Counter()
    per_section_anon = collections.Counter()
    for address in resident:
        # A page can hold the end of one section and the start of the next: count it for the
        # section its first byte (or the section that overlaps it first) belongs to.
        name = section_of(address - bias)
        if name == "(between sections)":
            name = section_of(address - bias + PAGE - 1)
        per_section[name] += 1
        if address in written:
            per_section_anon[name] += 1
    kb = PAGE // 1024
    print(f"# {binary}: {len(resident) * kb} kB resident ({len(written) * kb} kB written/anonymous) by section:")
    sizes = {s[0]: s[2] for s in secs}
    for name, count in per_section.most_common():
        print(f"  {count * kb:8d} kB  anon {per_section_anon[name] * kb:6d} kB  of {sizes.get(name, 0) // 1024:8d} kB  {name}")

    syms = symbols(binary)
    if not syms:
        return
    addrs = [s[0] for s in syms]
    # Resident bytes per symbol (its overlap with resident pages) and per module.
    per_symbol = collections.Counter()
    per_module = collections.Counter()
    covered_pages = collections.Counter()
    for address in sorted(resident):
        lo, hi = address - bias, address - bias + PAGE
        i = max(bisect.bisect_right(addrs, lo) - 1, 0)
        while i < len(syms) and syms[i][0] < hi:
            a, size, kind, name = syms[i]
            overlap = min(hi, a + size) - max(lo, a)
            if overlap > 0:
                per_symbol[name] += overlap
                per_module[(section_of(a), module_of(name))] += overlap
                covered_pages[address] += overlap
            i += 1
    print("# resident bytes by (section, owner), from symbol extents (top 40):")
    for (section, owner), size in per_module.most_common(40):
        print(f"  {size // 1024:8d} kB  {section:24s} {owner}")
    print(f"# symbols with the most resident bytes (top {top}):")
    for name, size in per_symbol.most_common(top):
        print(f"  {size // 1024:8d} kB  {name[:150]}")

    if touched_path:
        text = [s for s in secs if s[0] == ".text"][0]
        names = []
        for a, size, kind, name in syms:
            if kind not in "tTwW" or not (text[1] <= a < text[1] + text[2]):
                continue
            if (a + bias) // PAGE * PAGE in resident:
                names.append(name)
        with open(touched_path, "w") as f:
            f.write("\n".join(names) + "\n")
        print(f"# {len(names)} function symbols on resident .text pages written to {touched_path}")


def run_and_analyse(args):
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import bench_pty  # the same pty driver and environment as the benchmark

    bench_args = argparse.Namespace(workdir=args.workdir, user=args.user, term="xterm-256color", rows=24, cols=80)
    os.makedirs(args.workdir, exist_ok=True)
    bench = bench_pty.Bench(bench_args)
    proc = bench.spawn([args.run], {"STUDYCIRCLE_DB": args.db, "STUDYCIRCLE_USER": args.user, "DB_TYPE": "sqlite"})
    try:
        to_marker, to_frame = proc.wait_for_frame(args.marker.encode(), 0.05, 30)
        print(f"# first frame after {to_frame * 1000:.1f} ms (newest message at {to_marker * 1000:.1f} ms)")
        proc.settle(0.2)
        if args.pgup:
            proc.send(b"2")
            proc.settle(0.05)
            for _ in range(args.pgup):
                proc.send(bench_pty.PAGE_UP)
                proc.settle(0.015, limit=1.0)
            proc.settle(0.1)
            print(f"# after {args.pgup} PgUp")
        with open(f"/proc/{proc.pid}/status") as f:
            for line in f:
                if line.split(":")[0] in ("VmRSS", "VmHWM", "RssAnon", "RssFile"):
                    print("# " + " ".join(line.split()))
        analyse(proc.pid, args.run, args.symbols, args.touched)
    finally:
        proc.stop(b"\x1b\x1bq")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pid", type=int)
    parser.add_argument("--binary", help="the mapped binary to break down (default: /proc/PID/exe)")
    parser.add_argument("--run", help="start this studycircle binary under a pty first")
    parser.add_argument("--db", help="SQLite database (with --run)")
    parser.add_argument("--user", default="bench")
    parser.add_argument("--marker", default="QZ7XK9JV")
    parser.add_argument("--pgup", type=int, default=0)
    parser.add_argument("--workdir", default="/tmp/resident_pages")
    parser.add_argument("--symbols", type=int, default=40)
    parser.add_argument("--touched", help="write the function symbols on resident .text pages to this file")
    args = parser.parse_args()
    if args.run:
        if not args.db:
            parser.error("--run needs --db")
        run_and_analyse(args)
    elif args.pid:
        analyse(args.pid, args.binary or os.readlink(f"/proc/{args.pid}/exe"), args.symbols, args.touched)
    else:
        parser.error("give --pid or --run")


if __name__ == "__main__":
    main()
