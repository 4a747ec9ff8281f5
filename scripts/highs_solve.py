#!/usr/bin/env python3
"""Solve one LP file (CPLEX LP format, as `rota plan --export-model` writes it) with HiGHS, for the benchmark.

Usage: highs_solve.py MODEL.lp TIME_LIMIT_SECONDS
Prints one JSON object: status, objective, bound, gap, seconds (HiGHS's run only, reading excluded).
Needs the `highspy` package from PyPI (pip install highspy); the benchmark skips HiGHS with a note without it.
"""
import json
import sys
import time

import highspy

highs = highspy.Highs()
highs.setOptionValue("output_flag", False)
highs.setOptionValue("time_limit", float(sys.argv[2]))
if highs.readModel(sys.argv[1]) != highspy.HighsStatus.kOk:
    print(json.dumps({"status": "read error"}))
    sys.exit(1)
start = time.perf_counter()
highs.run()
seconds = time.perf_counter() - start
info = highs.getInfo()
print(json.dumps({
    "status": highs.modelStatusToString(highs.getModelStatus()),
    "objective": info.objective_function_value,
    "bound": info.mip_dual_bound,
    "gap": info.mip_gap,
    "seconds": seconds,
    "version": highspy.__version__ if hasattr(highspy, "__version__") else "",
}))
