#!/usr/bin/env python3
"""The first build's time, per dependency: a fresh clone of HEAD built one target at a time, in dependency order, so
each step's time is what that target adds to what is already built (the modules it compiled are listed beside it).

    python3 Benchmarks/cold_build.py [--with-benchmark] [--rev REV]

Prints a Markdown table, slowest steps first, and the total. Builds in a temporary folder (HEAD, or `--rev`); the
work tree is not touched. Each step is `swift build --target T` (debug, as `swift test` builds), then `swift build --build-tests` for
the tests and whatever else remains.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

STEPS = [
    "NIOCore", "NIOPosix", "NIOHTTP1", "CNIOBoringSSL", "NIOSSL", "NIOHTTP2", "CCryptoBoringSSL", "Crypto",
    "AsyncHTTPClient", "Hummingbird", "ServiceLifecycle", "ArgumentParser", "ConformanceModel", "SigV4",
    "ConformanceEngine", "ReferenceServer", "EmbeddedTarget", "ConformanceTesting", "conformance",
]
COMPILING = re.compile(r"Compiling (\S+) ")


def run(command, cwd, env):
    started = time.monotonic()
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    modules = sorted(set(COMPILING.findall(done.stdout)))
    return time.monotonic() - started, modules


def main():
    root = subprocess.run(["git", "rev-parse", "--show-toplevel"], capture_output=True, text=True, check=True)
    work = tempfile.mkdtemp(prefix="cold-build-")
    env = dict(os.environ)
    steps = list(STEPS)
    if "--with-benchmark" in sys.argv:
        env["CONFORMANCE_BENCHMARK"] = "1"
        steps.append("conformance-bench")
    try:
        clone = os.path.join(work, "clone")
        subprocess.run(["git", "clone", "-q", root.stdout.strip(), clone], check=True)
        if "--rev" in sys.argv:
            revision = sys.argv[sys.argv.index("--rev") + 1]
            subprocess.run(["git", "-C", clone, "checkout", "-q", revision], check=True)
        rows = []
        seconds, _ = run(["swift", "package", "resolve"], clone, env)
        rows.append(("resolve", seconds, []))
        for target in steps:
            seconds, modules = run(["swift", "build", "--target", target], clone, env)
            rows.append((target, seconds, modules))
        seconds, modules = run(["swift", "build", "--build-tests"], clone, env)
        rows.append(("tests (--build-tests)", seconds, modules))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    total = sum(row[1] for row in rows)
    print(f"cold debug build, {os.cpu_count()} cores: {total:.0f} s in all\n")
    print("| step | seconds | share | modules compiled in it |")
    print("| --- | ---: | ---: | --- |")
    for name, seconds, modules in sorted(rows, key=lambda row: -row[1]):
        shown = ", ".join(modules[:8]) + (f" (+{len(modules) - 8})" if len(modules) > 8 else "")
        print(f"| {name} | {seconds:.0f} | {100 * seconds / total:.0f} % | {shown} |")


if __name__ == "__main__":
    main()
