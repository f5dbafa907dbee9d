#!/usr/bin/env python3
"""Speed and memory of the suite, printed as figures (never asserted in a test).

Runs `conformance run` against the embedded reference server several times and reports wall time, cases per second
and the peak resident memory of the process; then once against hostile defect modes (a 64 MiB answer, an entity
bomb, a stalled answer) to show the body cap and the parser limits keep memory bounded.

Usage: python3 Benchmarks/run.py [--configuration debug|release] [--repeat N]
"""
import argparse, json, os, pathlib, re, statistics, subprocess, tempfile, time

root = pathlib.Path(__file__).resolve().parent.parent
parser = argparse.ArgumentParser()
parser.add_argument("--configuration", default="debug", choices=["debug", "release"])
parser.add_argument("--repeat", type=int, default=3)
args = parser.parse_args()

subprocess.run(["swift", "build", "-c", args.configuration, "--product", "conformance"], cwd=root, check=True)
binary = root / ".build" / args.configuration / "conformance"

def measure(extra):
    """Wall seconds, peak RSS in MiB and the case count of one run in a fresh child process."""
    junit = tempfile.mktemp(suffix=".xml")
    start = time.monotonic()
    child = subprocess.Popen([str(binary), "run", "--quiet", "--junit", junit, *extra], cwd=root,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    output = child.stdout.read()
    _, _, usage = os.wait4(child.pid, 0)  # this run's own rusage, not the build's
    child.returncode = 0
    seconds = time.monotonic() - start
    cases = sum(int(n) for n in re.findall(r"(\d+) (?:passed|failed|skipped|known)", output.splitlines()[-2] if output else ""))
    return seconds, usage.ru_maxrss / 1024, cases

print(f"conformance run against the embedded reference server ({args.configuration} build, {args.repeat} runs)")
walls, peaks, cases = [], [], 0
for _ in range(args.repeat):
    seconds, peak, cases = measure([])
    walls.append(seconds)
    peaks.append(peak)
median = statistics.median(walls)
print(f"  cases per run      {cases}")
print(f"  wall time          median {median:.2f} s (min {min(walls):.2f}, max {max(walls):.2f})")
print(f"  throughput         {cases / median:.0f} cases/s")
print(f"  throughput note    lifecycle cases poll for about 2 s of simulated progress; the rest finish in milliseconds")
print(f"  peak RSS           {max(peaks):.0f} MiB (client and embedded server in one process)")

config = {"apis": {}, "timeoutSeconds": 2, "embedded": {"defects": [
    "oracle.huge-body-when-in-progress", "s3control.entity-bomb-when-in-progress", "codecatalyst.stalls-when-in-progress"]}}
with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
    json.dump(config, handle)
seconds, peak, cases = measure(["--config", handle.name])
print("conformance run against hostile defect modes (64 MiB answer, entity bomb, stalled answer)")
print(f"  wall time          {seconds:.2f} s for {cases} cases")
print(f"  peak RSS           {peak:.0f} MiB (the server builds the 64 MiB answer in this same process; the client reads 1 MiB of it)")
