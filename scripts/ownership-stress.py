#!/usr/bin/env python3
"""Stress the ownership part of the model: teams whose pipeline weights make the largest load hard to prove.

The generator's pipelines weigh 1-3, which leaves the ownership level trivial (its start meets the LP bound). This
script takes a generated team (`rota generate --size SIZE --seed 1`), replaces its pipelines by COUNT random ones
(weights 1-5, 40 % investor-facing, on call, drawn from Python's seeded Mersenne Twister, so the same arguments
give the same teams), plans each with `rota plan --time-limit LIMIT` and prints the ownership level's value, status
and time, then the total and the worst time and how many levels were not proved.

    scripts/ownership-stress.py [--rota PATH] [--size s|m|l] [--teams N] [--time-limit SECONDS]

Pipelines per team: s 4-9, m 10-40, l 60-120.

The ownership part gets a quarter of the time limit (docs/model.md), so `--time-limit 20` stops it at 5 s.
Used for docs/performance.md, "The ownership part".
"""

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile

OWNERSHIP = re.compile(r"Largest ownership load: ([\d.]+) [^,]*, (.+) \(([\d.]+) (ms|s)\)$", re.M)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rota", default=".build/release/rota")
    parser.add_argument("--size", choices=["s", "m", "l"], default="m")
    parser.add_argument("--teams", type=int, default=25)
    parser.add_argument("--time-limit", type=float, default=20)
    args = parser.parse_args()
    counts = {"s": (4, 9), "m": (10, 40), "l": (60, 120)}[args.size]

    with tempfile.TemporaryDirectory(prefix="rota-ownership-") as folder:
        base = subprocess.run(
            [args.rota, "generate", "--size", args.size, "--seed", "1"], check=True, capture_output=True, text=True
        ).stdout
        total = 0.0
        worst = 0.0
        unproved = 0
        for team in range(args.teams):
            draw = random.Random(team)
            lines = []
            for k in range(draw.randint(*counts)):
                investor = draw.random() < 0.4
                weight = draw.randint(1, 5)
                lines.append(
                    f'  - {{id: p-{k:03d}, name: "Pipeline {k}", area: Profit, '
                    f'investor_facing: {"true" if investor else "false"}, on_call: true, weight: {weight}}}'
                )
            text = re.sub(r"pipelines:\n(  - .*\n)+", "pipelines:\n" + "\n".join(lines) + "\n", base)
            text = re.sub(r"\n    pipelines: \[.*?\]", "", text)  # rotations cover every on-call pipeline
            path = os.path.join(folder, f"team-{team}.yaml")
            with open(path, "w") as handle:
                handle.write(text)
            run = subprocess.run(
                [args.rota, "plan", path, "-o", os.path.join(folder, "out"), "--time-limit", str(args.time_limit)],
                capture_output=True,
                text=True,
            )
            match = OWNERSHIP.search(run.stdout + run.stderr)
            if not match:
                print(f"team {team}: no ownership level in the output (exit {run.returncode})", file=sys.stderr)
                print(run.stderr, file=sys.stderr)
                return 1
            seconds = float(match.group(3)) / (1000 if match.group(4) == "ms" else 1)
            total += seconds
            worst = max(worst, seconds)
            proved = match.group(2) == "optimal"
            unproved += 0 if proved else 1
            print(f"team {team:3d}: {len(lines):2d} pipelines, largest load {match.group(1):>5s}, "
                  f"{match.group(2)}, {seconds:.3f} s", flush=True)
        print(f"{args.teams} teams: ownership solving {total:.2f} s in all, worst {worst:.2f} s, "
              f"{unproved} not proved optimal")
    return 0


if __name__ == "__main__":
    sys.exit(main())
