#!/usr/bin/env python3
"""Solve one LP file (CPLEX LP format, as `rota plan --export-model` writes it) with OR-Tools' CP-SAT, for the
benchmark: an exact peer solving the same model GLPK solved at that level.

Usage: cpsat_solve.py MODEL.lp TIME_LIMIT_SECONDS
Prints one JSON object: status, objective, bound, seconds (CP-SAT's wall time, reading excluded), version.

OR-Tools' own LP reader takes a narrower dialect than GLPK writes, so the file is read by HiGHS and handed over as
MPS (the same rows, columns and bounds). CP-SAT solves integer programs; OR-Tools' MIP conversion scales the
continuous columns (Rota's deviations and levels) and checks the solution against the original rows. Its value is
reported as CP-SAT gives it, and the benchmark prints it beside GLPK's, so a conversion that lost exactness would
show. Needs `ortools` and `highspy` from PyPI; the benchmark skips CP-SAT with a note without them.
"""
import json
import os
import sys
import tempfile

import highspy
import ortools
from ortools.linear_solver.python import model_builder

with open(sys.argv[1]) as source:
    text = source.read()
with tempfile.TemporaryDirectory() as folder:
    # HiGHS's LP reader rejects "/" in names (earlier Rota versions wrote "p(ana,rotation_1/3)"): names only.
    lp = os.path.join(folder, "model.lp")
    mps = os.path.join(folder, "model.mps")
    with open(lp, "w") as copy:
        copy.write(text.replace("/", "_"))
    # HiGHS prints its banner on construction, before output_flag can be cleared: keep it off standard output.
    saved = os.dup(1)
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
    highs = highspy.Highs()
    highs.setOptionValue("output_flag", False)
    os.dup2(saved, 1)
    if highs.readModel(lp) == highspy.HighsStatus.kError or highs.writeModel(mps) == highspy.HighsStatus.kError:
        print(json.dumps({"status": "read error"}))
        sys.exit(1)
    model = model_builder.Model()
    if not model.import_from_mps_file(mps):
        print(json.dumps({"status": "read error"}))
        sys.exit(1)

solver = model_builder.Solver("sat")
solver.set_time_limit_in_seconds(float(sys.argv[2]))
status = solver.solve(model)
names = {
    model_builder.SolveStatus.OPTIMAL: "optimal",
    model_builder.SolveStatus.FEASIBLE: "stopped (time limit)",
    model_builder.SolveStatus.INFEASIBLE: "infeasible",
}
found = status in (model_builder.SolveStatus.OPTIMAL, model_builder.SolveStatus.FEASIBLE)
print(json.dumps({
    "status": names.get(status, status.name.lower()),
    "objective": solver.objective_value if found else None,
    "bound": solver.best_objective_bound if found else None,
    "seconds": solver.wall_time,
    "version": ortools.__version__,
}))
