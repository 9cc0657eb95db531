#!/usr/bin/env python3
"""How long `kansrijk batch - < /dev/zero` takes to exit after SIGINT or SIGTERM (docs/reliability.md).

Usage: bench/stop-latency.py BINARY [TIMES]   (TIMES per signal, default 10)
Starts the binary on an endless line, signals it after 0.5 s and measures until it has exited.
"""
import signal
import statistics
import subprocess
import sys
import time

binary = sys.argv[1]
times = int(sys.argv[2]) if len(sys.argv) > 2 else 10
latencies = []
for sig, code in [(signal.SIGINT, 130)] * times + [(signal.SIGTERM, 143)] * times:
    with open("/dev/zero", "rb") as zero:
        proc = subprocess.Popen([binary, "batch", "-"], stdin=zero, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        time.sleep(0.5)
        start = time.monotonic()
        proc.send_signal(sig)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            sys.exit(f"{signal.Signals(sig).name}: still running after 30 s")
        latencies.append((time.monotonic() - start) * 1000)
        if proc.returncode != code:
            sys.exit(f"{signal.Signals(sig).name}: exit code {proc.returncode}, expected {code}")
print(f"{len(latencies)} stops: median {statistics.median(latencies):.1f} ms, at most {max(latencies):.1f} ms")
