#!/usr/bin/env python3
"""Black-box terminal benchmark: the release `studycircle` binary and weechat under a pty.

Usage (StudyBench's `pty` group prepares the database and calls this):
  bench_pty.py --app .build/release/studycircle --db PATH --user bench --workdir DIR [--marker TEXT]

What is measured, for each program, exactly as a student runs it:
- start: from just before the process is created to the end of the first complete frame that
  shows the newest message (the last byte written before the output stays quiet for --quiet
  seconds). Median of several cold starts; weechat's first screen is its empty core buffer.
  Beside it, the CPU time all threads used until then (schedstat), which load hardly moves.
- memory: VmRSS, VmHWM, RssAnon and RssFile from /proc/PID/status at the first frame and after
  paging.
- CPU per PgUp: utime+stime from /proc/PID/stat over --keys PgUp presses, each sent once the
  previous frame has been written, divided by the number of keys. Curses output included;
  background work during that time (the poller, weechat's timers) too, so the idle CPU per
  second is printed as well.
- CPU per library move (studycircle only): the same over --keys presses of `j` in the Library.
weechat (Debian weechat-curses, with weechat-python) gets its core buffer filled by a Python
script with 50,000 and then 100,000 lines, and is paged the same way.

Prints `name value unit` lines like the rest of StudyBench, `#` lines for context.
"""
import argparse
import fcntl
import os
import select
import shutil
import signal
import struct
import subprocess
import sys
import termios
import time

PAGE_UP = b"\x1b[5~"
CLOCK_TICK = os.sysconf("SC_CLK_TCK")
PAGE_SIZE_KB = os.sysconf("SC_PAGE_SIZE") // 1024


def figure(name, value, unit):
    if value is None:
        print(f"# {name}: not measured")
    else:
        text = f"{value:.0f}" if abs(value) >= 100 else f"{value:.2f}" if abs(value) >= 1 else f"{value:.4f}"
        print(f"{name} {text} {unit}")
    sys.stdout.flush()


def note(text):
    print("# " + text)
    sys.stdout.flush()


class PtyProcess:
    """One program on its own pseudo-terminal, as the controlling terminal of a new session."""

    def __init__(self, argv, env, cwd, rows, cols):
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))

        def become_terminal_owner():
            os.setsid()
            fcntl.ioctl(0, termios.TIOCSCTTY, 0)

        self.started = time.monotonic()
        self.process = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env, cwd=cwd,
                                        preexec_fn=become_terminal_owner, close_fds=True)
        os.close(slave)
        self.pid = self.process.pid
        self.tail = b""  # the last bytes seen, to find a marker split across reads
        self.seen_marker_at = None
        self.total = 0

    def read_for(self, timeout):
        """Reads whatever arrives within `timeout` seconds; returns the time of the last byte or None."""
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return None
        try:
            data = os.read(self.master, 1 << 16)
        except OSError:  # the program ended and closed the terminal
            return None
        if not data:
            return None
        stamp = time.monotonic()
        self.total += len(data)
        self.tail = (self.tail + data)[-4096:]
        return stamp

    def wait_for_frame(self, marker, quiet, timeout):
        """Waits until `marker` has been written and the output then stays quiet for `quiet` s.
        Returns (seconds to the marker, seconds to the frame's last byte), from the start."""
        deadline = time.monotonic() + timeout
        last = None
        marker_at = None
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.process.args[0]} exited with status {self.process.returncode} before its first frame; "
                                   f"last output: {self.tail[-300:]!r}")
            stamp = self.read_for(quiet if marker_at else 0.5)
            if stamp is None:
                if marker_at is not None:
                    return marker_at - self.started, last - self.started
                continue
            last = stamp
            if marker_at is None and marker in self.tail:
                marker_at = stamp
        raise RuntimeError(f"no frame showing {marker!r} within {timeout:.0f} s; last output: {self.tail[-300:]!r}")

    def settle(self, quiet, limit=2.0):
        """Reads until the output has been quiet for `quiet` seconds (at most `limit` s)."""
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            if self.read_for(quiet) is None:
                return

    def send(self, data):
        os.write(self.master, data)

    def cpu_seconds(self):
        """utime + stime of all threads, from /proc/PID/stat (fields 14 and 15)."""
        with open(f"/proc/{self.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / CLOCK_TICK

    def cpu_seconds_exact(self):
        """Time on a CPU of the live threads, from /proc/PID/task/*/schedstat (nanoseconds): a
        start-up figure that, unlike the wall time, hardly moves with the machine's load."""
        total = 0
        try:
            for task in os.listdir(f"/proc/{self.pid}/task"):
                with open(f"/proc/{self.pid}/task/{task}/schedstat") as f:
                    total += int(f.read().split()[0])
        except OSError:
            return None
        return total / 1e9

    def status_mb(self):
        values = {}
        with open(f"/proc/{self.pid}/status") as f:
            for line in f:
                name, _, rest = line.partition(":")
                if name in ("VmRSS", "VmHWM", "RssAnon", "RssFile", "RssShmem"):
                    values[name] = int(rest.split()[0]) / 1024
        return values

    def smaps_rollup(self):
        values = {}
        try:
            with open(f"/proc/{self.pid}/smaps_rollup") as f:
                for line in f:
                    parts = line.split()
                    if len(parts) >= 3 and parts[-1] == "kB":
                        values[parts[0].rstrip(":")] = int(parts[1]) / 1024
        except OSError:
            pass
        return values

    def resident_by_mapping(self):
        """Resident MB per mapped file (and [heap], [anon], [stack]), largest first."""
        totals = {}
        current = None
        try:
            with open(f"/proc/{self.pid}/smaps") as f:
                for line in f:
                    first = line.split(None, 1)[0]
                    if "-" in first and not first.endswith(":"):
                        parts = line.split(None, 5)
                        current = parts[5].strip() if len(parts) == 6 and parts[5].strip() else "[anon]"
                    elif first == "Rss:" and current is not None:
                        totals[current] = totals.get(current, 0) + int(line.split()[1]) / 1024
        except OSError:
            pass
        return sorted(totals.items(), key=lambda item: -item[1])

    def stop(self, quit_keys=None):
        if self.process.poll() is None and quit_keys:
            try:
                self.send(quit_keys)
                self.settle(0.05, limit=0.5)
                self.process.wait(timeout=3)
            except (OSError, subprocess.TimeoutExpired):
                pass
        for sig in (signal.SIGTERM, signal.SIGKILL):
            if self.process.poll() is not None:
                break
            self.process.send_signal(sig)
            try:
                self.process.wait(timeout=3)
            except subprocess.TimeoutExpired:
                pass
        os.close(self.master)


def press(proc, key, count, quiet):
    """Sends `key` `count` times, each after the previous frame; returns CPU seconds per key.

    /proc/PID/stat counts in clock ticks (10 ms): over 200 keys that is 0.05 ms per key, and each
    of utime and stime is rounded down at both ends, so one run can read up to 0.1 ms per key off.
    `proc.exact_per_key` is the same from schedstat (nanoseconds, live threads), printed beside it."""
    proc.settle(quiet)
    before = proc.cpu_seconds()
    before_exact = proc.cpu_seconds_exact()
    for _ in range(count):
        proc.send(key)
        proc.settle(quiet, limit=1.0)
    proc.settle(quiet * 3)  # results of loads started by the last keys
    after_exact = proc.cpu_seconds_exact()
    proc.exact_per_key = None if before_exact is None or after_exact is None else (after_exact - before_exact) / count
    return (proc.cpu_seconds() - before) / count


def exact_ms(proc):
    """The last `press`'s CPU per key from schedstat, in ms (None when not measured)."""
    value = getattr(proc, "exact_per_key", None)
    return None if value is None else value * 1000


def idle_cpu_per_second(proc, seconds=1.0):
    proc.settle(0.05)
    before = proc.cpu_seconds()
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        proc.read_for(end - time.monotonic())
    return (proc.cpu_seconds() - before) / seconds


def report_memory(prefix, proc, when):
    status = proc.status_mb()
    figure(f"{prefix}_vmrss_{when}", status.get("VmRSS"), "MB")
    figure(f"{prefix}_vmhwm_{when}", status.get("VmHWM"), "MB")
    figure(f"{prefix}_rss_anon_{when}", status.get("RssAnon"), "MB")
    figure(f"{prefix}_rss_file_{when}", status.get("RssFile"), "MB")
    return status


def describe_memory(name, proc, top=12):
    rollup = proc.smaps_rollup()
    if rollup:
        keys = ["Rss", "Pss", "Pss_Anon", "Pss_File", "Shared_Clean", "Private_Clean", "Private_Dirty", "Anonymous"]
        note(f"{name} smaps_rollup: " + ", ".join(f"{k} {rollup[k]:.1f} MB" for k in keys if k in rollup))
    rows = proc.resident_by_mapping()
    if rows:
        note(f"{name} resident by mapping (largest first):")
        for path, mb in rows[:top]:
            note(f"  {mb:7.2f} MB  {path}")


def median(values):
    ordered = sorted(values)
    return ordered[len(ordered) // 2] if ordered else None


class Bench:
    def __init__(self, args):
        self.args = args
        self.home = os.path.join(args.workdir, "home")
        for sub in ("", "/.config", "/.local/share", "/.local/state", "/.cache"):
            os.makedirs(self.home + sub, exist_ok=True)
        # A small, clean environment: nothing of the caller's configuration leaks in.
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "TERM": args.term, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
            "HOME": self.home, "USER": args.user, "XDG_CONFIG_HOME": self.home + "/.config",
            "XDG_DATA_HOME": self.home + "/.local/share", "XDG_STATE_HOME": self.home + "/.local/state",
            "XDG_CACHE_HOME": self.home + "/.cache",
        }

    def spawn(self, argv, extra_env=None):
        env = dict(self.env, **(extra_env or {}))
        return PtyProcess(argv, env, self.args.workdir, self.args.rows, self.args.cols)

    # StudyCircle

    def studycircle(self):
        a = self.args
        argv = [a.app]
        extra = {"STUDYCIRCLE_DB": a.db, "STUDYCIRCLE_USER": a.user, "DB_TYPE": "sqlite"}
        marker = a.marker.encode()
        starts, markers, cpus = [], [], []
        for run in range(a.starts + 1):  # the first run warms the page cache and is not counted
            proc = self.spawn(argv, extra)
            try:
                to_marker, to_frame = proc.wait_for_frame(marker, a.quiet, a.timeout)
                cpu = proc.cpu_seconds_exact()
            finally:
                proc.stop()
            if run > 0:
                starts.append(to_frame * 1000)
                markers.append(to_marker * 1000)
                if cpu is not None:
                    cpus.append(cpu * 1000)
        figure("pty_studycircle_start_to_first_frame_median", median(starts), "ms")
        figure("pty_studycircle_start_to_first_frame_min", min(starts), "ms")
        figure("pty_studycircle_start_to_first_frame_max", max(starts), "ms")
        figure("pty_studycircle_start_to_newest_message_median", median(markers), "ms")
        # CPU time of all threads until the frame ended (and its quiet time passed).
        figure("pty_studycircle_cpu_to_first_frame_median", median(cpus), "ms")

        proc = self.spawn(argv, extra)
        try:
            proc.wait_for_frame(marker, a.quiet, a.timeout)
            proc.settle(0.2)
            report_memory("pty_studycircle", proc, "first_frame")
            figure("pty_studycircle_idle_cpu", idle_cpu_per_second(proc) * 1000, "ms/s")
            proc.send(b"2")  # the Messages pane (the app starts in Rooms)
            proc.settle(a.quiet)
            per_page = press(proc, PAGE_UP, a.keys, a.key_quiet)
            figure("pty_studycircle_cpu_per_pgup", per_page * 1000, "ms")
            figure("pty_studycircle_cpu_per_pgup_schedstat", exact_ms(proc), "ms")
            status = report_memory("pty_studycircle", proc, "after_paging")
            describe_memory("studycircle after paging", proc)
            proc.send(b"\t")  # Messages -> Library
            proc.settle(a.quiet)
            per_move = press(proc, b"j", a.keys, a.key_quiet)
            figure("pty_studycircle_cpu_per_library_move", per_move * 1000, "ms")
            figure("pty_studycircle_cpu_per_library_move_schedstat", exact_ms(proc), "ms")
        finally:
            proc.stop(b"\x1b\x1bq")
        return {"start": median(starts), "rss": status.get("VmRSS"), "hwm": status.get("VmHWM"), "pgup": per_page * 1000}

    # weechat

    def weechat(self):
        a = self.args
        binary = shutil.which("weechat-curses") or shutil.which("weechat")
        if binary is None:
            note("weechat is not installed (scripts/install-deps.sh bench installs weechat-curses); skipped")
            return None
        version = subprocess.run([binary, "--version"], capture_output=True, text=True).stdout.strip()
        note(f"weechat {version} ({binary})")
        results = {}
        starts, cpus = [], []
        for run in range(a.starts + 1):
            proc = self.spawn([binary, "-a", "-d", self.fresh_weechat_home(f"start{run}")])
            try:
                _, to_frame = proc.wait_for_frame(b"https://weechat.org/", a.quiet, a.timeout)
                cpu = proc.cpu_seconds_exact()
            finally:
                proc.stop(b"/quit\r")
            if run > 0:
                starts.append(to_frame * 1000)
                if cpu is not None:
                    cpus.append(cpu * 1000)
        figure("pty_weechat_start_to_first_frame_median", median(starts), "ms")
        figure("pty_weechat_cpu_to_first_frame_median", median(cpus), "ms")
        results["start"] = median(starts)

        fill = os.path.join(os.path.dirname(os.path.abspath(__file__)), "bench_weechat_fill.py")
        for lines in (50_000, 100_000):
            label = f"{lines // 1000}k"
            home = self.fresh_weechat_home(label)
            # No line limit in the core buffer (default 4,096), then the filler script.
            commands = f"/set weechat.history.max_buffer_lines_number 0;/python load {fill}"
            proc = self.spawn([binary, "-a", "-d", home, "-r", commands],
                              {"BENCH_LINES": str(lines), "BENCH_MARKER": a.marker})
            try:
                proc.wait_for_frame(a.marker.encode(), a.quiet, a.timeout + lines / 2000)
                proc.settle(0.2)
                report_memory(f"pty_weechat_{label}", proc, "filled")
                if lines == 50_000:
                    figure("pty_weechat_idle_cpu", idle_cpu_per_second(proc) * 1000, "ms/s")
                per_page = press(proc, PAGE_UP, a.keys, a.key_quiet)
                figure(f"pty_weechat_{label}_cpu_per_pgup", per_page * 1000, "ms")
                figure(f"pty_weechat_{label}_cpu_per_pgup_schedstat", exact_ms(proc), "ms")
                status = report_memory(f"pty_weechat_{label}", proc, "after_paging")
                if lines == 100_000:
                    describe_memory(f"weechat {label} after paging", proc, top=6)
                results[label] = {"rss": status.get("VmRSS"), "hwm": status.get("VmHWM"), "pgup": per_page * 1000}
            finally:
                proc.stop(b"/quit\r")
        return results

    def fresh_weechat_home(self, name):
        path = os.path.join(self.args.workdir, "weechat-" + name)
        shutil.rmtree(path, ignore_errors=True)
        os.makedirs(path)
        return path


def ratio(name, ours, theirs):
    if ours and theirs:
        figure(name, ours / theirs, "x")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--app", required=True, help="the studycircle binary")
    parser.add_argument("--db", required=True, help="SQLite database with the bench room")
    parser.add_argument("--user", default="bench")
    parser.add_argument("--workdir", required=True, help="temporary folder for HOME, XDG folders and weechat")
    parser.add_argument("--marker", default="QZ7XK9JV", help="text of the newest message")
    parser.add_argument("--rows", type=int, default=24)
    parser.add_argument("--cols", type=int, default=80)
    parser.add_argument("--term", default="xterm-256color")
    parser.add_argument("--starts", type=int, default=int(os.environ.get("PTY_BENCH_STARTS", "7")))
    parser.add_argument("--keys", type=int, default=int(os.environ.get("PTY_BENCH_KEYS", "200")))
    parser.add_argument("--quiet", type=float, default=0.05, help="seconds of silence that end a frame")
    parser.add_argument("--key-quiet", type=float, default=0.015, help="silence after a key before the next")
    parser.add_argument("--timeout", type=float, default=30)
    parser.add_argument("--no-weechat", action="store_true")
    args = parser.parse_args()

    note(f"pty bench: {args.cols}x{args.rows} {args.term}, {args.keys} keys, {args.starts} starts (+1 warm-up), "
         f"frame ends after {args.quiet * 1000:.0f} ms of silence; CPU from /proc/PID/stat "
         f"({CLOCK_TICK} ticks/s)")
    ours = Bench(args).studycircle()
    theirs = None if args.no_weechat else Bench(args).weechat()
    if theirs:
        ratio("pty_ratio_start_studycircle_to_weechat_empty", ours["start"], theirs.get("start"))
        for label in ("50k", "100k"):
            if label in theirs:
                ratio(f"pty_ratio_vmrss_studycircle_to_weechat_{label}", ours["rss"], theirs[label]["rss"])
                ratio(f"pty_ratio_cpu_per_pgup_studycircle_to_weechat_{label}", ours["pgup"], theirs[label]["pgup"])
    note("targets (issue 13): start <= 20 ms, VmRSS <= 20 MB, CPU per PgUp <= 0.35 ms")


if __name__ == "__main__":
    main()
