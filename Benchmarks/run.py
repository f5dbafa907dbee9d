#!/usr/bin/env python3
"""Speed and memory of the suite, printed as figures (never asserted in a test).

1. `conformance run` against the embedded reference server: wall time, cases/s and peak RSS, per build configuration.
2. Against a separately started reference server (release build, so the server is not the bottleneck), at each
   concurrency: the raw request rate of a plain AsyncHTTPClient loop replaying the suite's own requests, `wrk` on a
   typical request when it is installed, the suite's cases/s on the non-lifecycle cases, and the ratio of the two;
   then µs per validation of a typical answer of each API (`conformance-bench`).
3. Hostile defect modes (a 64 MiB answer, an entity bomb, a stalled answer): memory stays bounded.

Usage: python3 Benchmarks/run.py [--configurations debug,release] [--concurrency 1,4,16] [--rounds N]
"""
import argparse, json, os, pathlib, platform, re, shutil, statistics, subprocess, tempfile, time

root = pathlib.Path(__file__).resolve().parent.parent
parser = argparse.ArgumentParser()
parser.add_argument("--configurations", default="debug,release")
parser.add_argument("--concurrency", default="1,4,16")
parser.add_argument("--rounds", type=int, default=5)
args = parser.parse_args()
configurations = args.configurations.split(",")

# The benchmark target exists only with CONFORMANCE_BENCHMARK=1 (Package.swift); both products are built with it, so
# the manifest is read one way throughout.
build_environment = dict(os.environ, CONFORMANCE_BENCHMARK="1")
for configuration in sorted(set(configurations) | {"release"}):
    for product in ["conformance", "conformance-bench"]:
        subprocess.run(["swift", "build", "-c", configuration, "--product", product], cwd=root, check=True,
                       env=build_environment)

def binary(configuration, name):
    return str(root / ".build" / configuration / name)

def child(command):
    """Output, wall seconds and peak RSS (MiB) of one child process."""
    start = time.monotonic()
    process = subprocess.Popen(command, cwd=root, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)  # this child's own rusage, not the build's
    process.returncode = os.waitstatus_to_exitcode(status)
    return output, time.monotonic() - start, usage.ru_maxrss / 1024

cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), platform.processor())
print(f"machine: {os.cpu_count()} cores, {cpu}, {platform.system()} {platform.release()}")

print("\n1. conformance run against the embedded reference server")
for configuration in configurations:
    walls, peaks, cases = [], [], 0
    for _ in range(args.rounds):
        output, seconds, peak = child([binary(configuration, "conformance"), "run", "--quiet", "--junit", tempfile.mktemp(suffix=".xml")])
        summary = output.strip().splitlines()[-2] if output.strip() else ""
        cases = sum(int(n) for n in re.findall(r"(\d+) (?:passed|failed|errors|skipped|known)", summary))
        walls.append(seconds)
        peaks.append(peak)
    median = statistics.median(walls)
    print(f"  {configuration:8} {cases} cases: wall median {median:.2f} s (min {min(walls):.2f}, max {max(walls):.2f}), "
          f"{cases / median:.0f} cases/s, peak RSS {max(peaks):.0f} MiB (client and server in one process)")

print("\n2. the suite against the raw request rate, on a separately started reference server (release build)")
server = subprocess.Popen([binary("release", "conformance"), "serve", "--port", "0", "--time-scale", "12.5"], cwd=root,
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
try:
    url = re.search(r"(http://\S+)", server.stdout.readline()).group(1)
    if shutil.which("wrk"):
        target = f"{url}/v1/spaces/ExampleCorp/projects/MyDemoProject/workflowRuns/a1b2c3d4-5678-90ab-cdef-000000000001"
        for concurrency in args.concurrency.split(","):
            # wrk needs at least one connection per thread.
            threads = str(min(2, int(concurrency)))
            text = subprocess.run(["wrk", "-t", threads, "-c", concurrency, "-d", "3s", "-H", "Authorization: Bearer conformance-bearer-token-0001",
                                   target], capture_output=True, text=True).stdout
            rate = re.search(r"Requests/sec:\s+([\d.]+)", text)
            shown = f"{float(rate.group(1)):.0f} req/s" if rate else "no figure (wrk said: " + text.strip()[:120] + ")"
            print(f"  wrk, concurrency {concurrency:>2}: {shown} (one CodeCatalyst GET, for scale)")
    else:
        print("  wrk is not installed (apt-get install wrk): skipped")
    for configuration in configurations:
        output, seconds, peak = child([binary(configuration, "conformance-bench"), "--url", url,
                                       "--concurrency", args.concurrency, "--rounds", str(args.rounds)])
        print(f"  conformance-bench, {configuration} build (peak RSS {peak:.0f} MiB):")
        print("\n".join("    " + line for line in output.rstrip().splitlines()))
finally:
    server.terminate()
    server.wait()

print("\n3. hostile defect modes (64 MiB answer, entity bomb, stalled answer)")
config = {"apis": {}, "timeoutSeconds": 2, "embedded": {"defects": [
    "oracle.huge-body-when-in-progress", "s3control.entity-bomb-when-in-progress", "codecatalyst.stalls-when-in-progress"]}}
with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
    json.dump(config, handle)
output, seconds, peak = child([binary(configurations[0], "conformance"), "run", "--quiet", "--config", handle.name,
                               "--junit", tempfile.mktemp(suffix=".xml")])
print(f"  {configurations[0]} build: wall {seconds:.2f} s, peak RSS {peak:.0f} MiB "
      "(the server builds the 64 MiB answer in this same process; the client reads 1 MiB of it)")
