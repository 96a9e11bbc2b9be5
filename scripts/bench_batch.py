"""The side-by-side batch benchmark (run by scripts/bench-batch.sh): OpenFisca and doudi on the same
households in one run, their rates, the ratio, and every 低保 amount compared.

Usage: python bench_batch.py WORKDIR N DOUDI
"""

import json
import os
import re
import subprocess
import sys
import time


def run_doudi(doudi, households, out, threads):
    """Runs `doudi batch --records compact`; returns (seconds, peak KB of the child)."""
    args = [doudi, "batch", "--input", households, "--output", out, "--records", "compact"]
    if threads:
        args += ["--threads", str(threads)]
    t = time.perf_counter()
    child = subprocess.Popen(args)
    _, status, usage = os.wait4(child.pid, 0)
    secs = time.perf_counter() - t
    if status != 0:
        sys.exit(f"bench-batch: {' '.join(args)} failed ({status})")
    return secs, usage.ru_maxrss


def dibao_amounts(path):
    """Each record's 低保 amount as OpenFisca writes it ("0.00" when not eligible), in input order."""
    out = []
    with open(path) as f:
        for line in f:
            r = json.loads(line)
            p = r.get("programmes", {}).get("dibao", {})
            out.append(p.get("monthly", "0.00") if p.get("status") == "eligible" else "0.00")
    return out


def main():
    work, n, doudi = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    os.chdir(work)
    subprocess.run([sys.executable, "gen.py", str(n)], check=True)
    households = f"households_{n}.jsonl"
    cores = os.cpu_count()
    print(f"bench-batch: {n:,} Tianjin households (gen.py), {cores} cores, "
          f"1-min load average {os.getloadavg()[0]:.2f} before the runs")

    of = subprocess.run([sys.executable, "run_of.py", str(n), "3"], check=True, capture_output=True, text=True).stdout
    m = re.search(r"batch, SimulationBuilder \+ parse\s+([\d.]+)\s+([\d,]+)", of)
    if not m:
        sys.exit(f"bench-batch: cannot read OpenFisca's rate from:\n{of}")
    of_rate = float(m.group(2).replace(",", ""))

    t_all, kb_all = run_doudi(doudi, households, "doudi_compact.jsonl", None)
    t_one, kb_one = run_doudi(doudi, households, "doudi_compact_1.jsonl", 1)
    rate_all, rate_one = n / t_all, n / t_one

    ours = dibao_amounts("doudi_compact.jsonl")
    with open(f"results_of_{n}.jsonl") as f:
        theirs = [json.loads(line)["dibao"] for line in f]
    differ = sum(1 for a, b in zip(ours, theirs) if a != b) + abs(len(ours) - len(theirs))
    same_bytes = open("doudi_compact.jsonl", "rb").read() == open("doudi_compact_1.jsonl", "rb").read()
    size = os.path.getsize("doudi_compact.jsonl")

    print(f"{'':44}{'households/s':>14}{'ratio':>8}{'peak memory':>14}")
    print(f"{'OpenFisca 46, batch incl. JSONL parse':44}{of_rate:14,.0f}{1:8.1f}")
    print(f"{f'doudi batch --records compact ({cores} threads)':44}{rate_all:14,.0f}{rate_all / of_rate:8.1f}{kb_all / 1024:11.1f} MB")
    print(f"{'doudi batch --records compact --threads 1':44}{rate_one:14,.0f}{rate_one / of_rate:8.1f}{kb_one / 1024:11.1f} MB")
    print(f"低保 amounts differing from OpenFisca's: {differ} of {n:,}; "
          f"threaded output identical to one thread's: {same_bytes}; compact output {size / n:.0f} bytes a household")
    if differ:
        sys.exit(1)


if __name__ == "__main__":
    main()
