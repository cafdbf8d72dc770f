#!/usr/bin/env python3
"""The CI-sized checks of `scripts/load-test --ci` (issue 18); run by that script,
which builds the binaries and the synthetic archive first.

  load-test-ci.py --search BIN --index BIN --db DIR --work DIR [--duration S] [--big-story MB]

Phases: wrk with 8, 50 and 500 connections; 50 slow clients; 16 searches at once
that all match one long story. Prints the figures and exits 1 when a check fails.
"""
import argparse
import os
import re
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

TIME_LIMIT = 5.0  # ServiceOptions::time_limit_seconds, the service's default

QUERIES = '''
local queries = {
  "q=government", "q=market+shares", "q=%22prime+minister%22", "q=oil+prices&sort=date",
  "q=election&facets=1", "q=film&section=Culture", "q=company&offset=20", "q=minister+OR+president",
  "q=econom*", "section=Business&date=2015-03", "q=technology&facets=1&section=Technology",
  "q=interest+rates+inflation&sort=oldest", "q=title:profit", "q=zzyzx", "q=wheat",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "/api/search?" .. queries[(i % #queries) + 1])
end
'''

failures = []


def check(ok, what):
    print(f"  {'ok  ' if ok else 'FAIL'} {what}")
    if not ok:
        failures.append(what)


class Server:
    def __init__(self, search, db, log, flags=()):
        self.log = log
        with open(log, "w") as err:
            self.proc = subprocess.Popen([search, "--serve", "--listen", "127.0.0.1:0", *flags, "--db", str(db)],
                                         stderr=err, stdout=subprocess.DEVNULL)
        for _ in range(200):
            m = re.search(r"http://127\.0\.0\.1:(\d+)/", Path(log).read_text())
            if m:
                self.port = int(m.group(1))
                return
            time.sleep(0.05)
        raise SystemExit(f"load-test: the service did not start; see {log}")

    def rss_kib(self, field="VmRSS"):
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
        return 0

    def cpu_seconds(self):
        """User + system CPU time the service has used so far."""
        fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def ms(text):
    value, unit = re.match(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def wrk(port, connections, duration, script):
    out = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--timeout", "10s", "--latency",
                          "-s", str(script), f"http://127.0.0.1:{port}"], capture_output=True, text=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1))
    p99 = ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    errors = (int(non2xx.group(1)) if non2xx else 0) + (sum(map(int, sock.groups())) if sock else 0)
    print(f"  wrk -c{connections}: {rps:.0f} req/s, p50 {p50:.1f} ms, p99 {p99:.1f} ms, errors {errors}")
    return rps, p50, p99, errors


def request(port, target, timeout=30):
    """One GET on a new connection: (status, seconds)."""
    start = time.monotonic()
    data = b""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
            s.sendall(f"GET {target} HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n".encode())
            while chunk := s.recv(65536):
                data += chunk
    except OSError:  # refused, reset or timed out: status 0
        pass
    status = int(data.split(b" ", 2)[1]) if data.startswith(b"HTTP/") else 0
    return status, time.monotonic() - start


# The goal is 90% of the 8-connection throughput with 50 and 500
# connections. Requests/s on a shared machine move by a third between runs
# whatever the service does (docs/benchmarks.md), so the check holds the line
# at 60% to catch a regression and reports the goal beside it. The service's
# CPU time per request is steadier: with the event loop it stays flat from 8
# to 500 connections (a thread per connection cost 25-50% more per request at
# 500), and the check holds it within 1.25x.
GOAL_RATIO, CHECK_RATIO, CPU_RATIO = 0.9, 0.6, 1.25


def throughput_phases(server, duration, script, rounds=2):
    """Each connection count runs once per round, the rounds interleaved, and
    the best round counts: the machines are shared, and a neighbour's burst
    during one phase would otherwise read as the service slowing down."""
    print(f"load-test: throughput (wrk, 2 threads; {rounds} rounds, the best of each counts)")
    best, errors, cpu = {}, {}, {}
    for _ in range(rounds):
        for connections in (8, 50, 500):
            before = server.cpu_seconds()
            rps, p50, p99, errs = wrk(server.port, connections, duration, script)
            ms = (server.cpu_seconds() - before) * 1000 / max(rps * duration, 1)
            print(f"    service CPU {ms:.3f} ms per request")
            errors[connections] = errors.get(connections, 0) + errs
            cpu[connections] = min(cpu.get(connections, ms), ms)
            if connections not in best or rps > best[connections][0]:
                best[connections] = (rps, p50, p99)
    base = best[8][0]
    for connections in (50, 500):
        rps, p50, p99 = best[connections]
        check(errors[connections] == 0, f"{connections} connections: zero errors ({errors[connections]})")
        ratio = rps / base if base else 0.0
        check(ratio >= CHECK_RATIO,
              f"{connections} connections: {rps:.0f} req/s, {ratio:.0%} of {base:.0f} "
              f"(checked >= {CHECK_RATIO:.0%}; goal {GOAL_RATIO:.0%}: {'met' if ratio >= GOAL_RATIO else 'NOT met'})")
        check(p99 < 10 * p50, f"{connections} connections: p99 {p99:.1f} ms < 10x p50 {p50:.1f} ms")
    grow = cpu[500] / cpu[8] if cpu[8] else 0.0
    check(grow <= CPU_RATIO, f"service CPU per request at 500 connections {cpu[500]:.3f} ms, {grow:.2f}x "
                             f"that at 8 ({cpu[8]:.3f} ms; checked <= {CPU_RATIO:g}x)")


def slow_clients_phase(server):
    print("load-test: 50 slow clients (one header line every 0.5 s)")
    slow = []
    for _ in range(50):
        s = socket.create_connection(("127.0.0.1", server.port))
        s.sendall(b"GET /healthz HTTP/1.1\r\n")
        slow.append(s)
    done = threading.Event()

    def dribble():
        while not done.wait(0.5):
            for s in slow:
                try:
                    s.sendall(b"X-Slow: 1\r\n")
                except OSError:
                    pass
    t = threading.Thread(target=dribble)
    t.start()
    time.sleep(1)
    for target in ("/healthz", "/api/search?q=government"):
        # The best of three: one try can meet a busy moment of a shared machine.
        tries = [request(server.port, target, timeout=10) for _ in range(3)]
        best = min(seconds for status, seconds in tries)
        statuses = {status for status, _ in tries}
        check(statuses == {200} and best < 0.1,
              f"{target} from a new client: {best * 1000:.1f} ms (statuses {sorted(statuses)})")
    done.set()
    t.join()
    for s in slow:
        s.close()


def long_story(work, index, mb):
    """A database with one story of `mb` MB that every query word below matches."""
    db = Path(work) / f"long-{mb}-db"
    if (Path(work) / f"long-{mb}.done").exists():
        return db
    folder = Path(work) / f"long-{mb}"
    folder.mkdir(parents=True, exist_ok=True)
    paragraph = "Marsh wardens counted herons and egrets along the estuary before the tide turned again. " * 20
    with open(folder / "long.txt", "w") as out:
        out.write("2024-03-01 - World\n\nThe longest report\n\n")
        written = 0
        while written < mb * 1_000_000:
            out.write(paragraph + "\n\n")
            written += len(paragraph) + 2
    start = time.monotonic()
    subprocess.run([index, "--quiet", "--no-people", "--db", str(db), str(folder)], check=True)
    print(f"load-test: indexed a {mb} MB story in {time.monotonic() - start:.1f} s")
    (Path(work) / f"long-{mb}.done").touch()
    return db


def long_story_phase(args):
    db = long_story(args.work, args.index, args.big_story)
    server = Server(args.search, db, Path(args.work) / "long-server.log")
    print(f"load-test: 16 searches at once that all match a {args.big_story} MB story")
    results, peak = [None] * 16, [0]
    done = threading.Event()

    def watch():
        while not done.wait(0.02):
            peak[0] = max(peak[0], server.rss_kib())

    def one(i):
        results[i] = request(server.port, "/api/search?q=herons+estuary&facets=1")
    watcher = threading.Thread(target=watch)
    watcher.start()
    clients = [threading.Thread(target=one, args=(i,)) for i in range(16)]
    for c in clients:
        c.start()
    for c in clients:
        c.join()
    done.set()
    watcher.join()
    peak[0] = max(peak[0], server.rss_kib("VmHWM"))
    server.stop()
    slowest = max(seconds for _, seconds in results)
    statuses = sorted({status for status, _ in results})
    print(f"  statuses {statuses}, slowest {slowest:.2f} s, peak resident {peak[0] / 1024:.0f} MB")
    check(set(statuses) <= {200, 503}, f"every answer is 200 or 503 ({statuses})")
    check(slowest <= TIME_LIMIT + 0.5, f"every request ends within {TIME_LIMIT + 0.5:g} s ({slowest:.2f} s)")
    check(peak[0] < 1024 * 1024, f"peak resident {peak[0] / 1024:.0f} MB < 1 GB")


def main():
    ap = argparse.ArgumentParser()
    for flag in ("--search", "--index", "--db", "--work"):
        ap.add_argument(flag, required=True)
    ap.add_argument("--duration", type=int, default=5)
    ap.add_argument("--big-story", type=int, default=60)
    args = ap.parse_args()
    script = Path(args.work) / "queries-ci.lua"
    script.write_text(QUERIES)
    server = Server(args.search, args.db, Path(args.work) / "server.log")
    try:
        throughput_phases(server, args.duration, script)
        slow_clients_phase(server)
    finally:
        server.stop()
    if args.big_story > 0:
        long_story_phase(args)
    print("load-test: " + ("all checks passed" if not failures else f"{len(failures)} check(s) failed"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
