#!/usr/bin/env python3
"""Solve one LP file (CPLEX LP format, as `rota plan --export-model` writes it) with HiGHS, for the benchmark.

Usage: highs_solve.py MODEL.lp TIME_LIMIT_SECONDS
Prints one JSON object: status, objective, bound, gap, seconds (HiGHS's run only, reading excluded).
Needs the `highspy` package from PyPI (pip install highspy); the benchmark skips HiGHS with a note without it.
"""
import json
import os
import sys
import tempfile
import time

import highspy

highs = highspy.Highs()
highs.setOptionValue("output_flag", False)
highs.setOptionValue("time_limit", float(sys.argv[2]))
# HiGHS's LP reader rejects "/" in names, which the CPLEX LP format allows and earlier Rota versions wrote
# ("p(ana,rotation_1/3)"): read a copy with it replaced. Names only; the model is the same.
with open(sys.argv[1]) as source:
    text = source.read()
with tempfile.NamedTemporaryFile("w", suffix=".lp", delete=False) as copy:
    copy.write(text.replace("/", "_"))
status = highs.readModel(copy.name)
os.unlink(copy.name)
if status == highspy.HighsStatus.kError:
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
