# How long the disk under PostgreSQL's data takes to make a write durable: an 8 kB write and fdatasync,
# 100 times a second, as a commit's WAL flush does. Every invocation and token waits for such a flush
# before its answer, so a flush that stalls holds up every request in flight (performance.md, round
# 32). Prints one line of JSON.
# Arguments: the directory to write in (on the data's filesystem), the seconds to measure.
import json, os, sys, time

directory, seconds = sys.argv[1], float(sys.argv[2])
path = os.path.join(directory, f"flowgate-bench-flush-{os.getpid()}")
fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
flushes = []
try:
    block = b"\0" * 8192
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        started = time.monotonic()
        os.pwrite(fd, block, 0)
        os.fdatasync(fd)
        flushes.append((time.monotonic() - started) * 1000)
        time.sleep(0.01)
finally:
    os.close(fd)
    os.unlink(path)
flushes.sort()
print(json.dumps({"seconds": seconds, "flushes": len(flushes),
                  "p50_ms": round(flushes[len(flushes) // 2], 2),
                  "p99_ms": round(flushes[int(len(flushes) * 0.99)], 2),
                  "max_ms": round(flushes[-1], 2),
                  "over_20_ms": sum(1 for ms in flushes if ms > 20)}))
