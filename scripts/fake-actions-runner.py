#!/usr/bin/env python3
"""Runs a composite GitHub Action's steps locally, as the runner would, for scripts/test-action.sh.

What it does like GitHub's runner (https://docs.github.com/en/actions/sharing-automations/creating-actions/
metadata-syntax-for-github-actions and .../workflow-commands-for-github-actions):
- inputs take their defaults from action.yml unless given with --input NAME=VALUE;
- ${{ inputs.X }}, ${{ steps.ID.outputs.X }}, ${{ github.action_path }}, ${{ github.action_repository }} and
  ${{ runner.temp }} are substituted; any other expression is refused, so the action cannot drift from what this
  runner understands;
- each `run:` step runs with `bash --noprofile --norc -eo pipefail {0}` (GitHub's bash template) in the workspace,
  its env: block set, GITHUB_OUTPUT a fresh file per step (NAME=VALUE and NAME<<DELIMITER forms read back),
  GITHUB_PATH read after each step and prepended to PATH for the next, GITHUB_STEP_SUMMARY one file for the job;
- `if:` understands always(), success(), failure(), ==, != and && (a step without one runs on success());
- a `uses:` step is not run: it is logged with its inputs to --uses-log, for the test to judge.
Exit status: 0 when every step that ran succeeded, 1 otherwise; the action's outputs are written to --outputs as
JSON.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

import yaml

EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


class Context:
    def __init__(self, inputs, action_path, repository, temp):
        self.inputs = inputs
        self.steps = {}
        self.action_path = action_path
        self.repository = repository
        self.temp = temp
        self.failed = False

    def value(self, name):
        parts = name.split(".")
        if parts[0] == "inputs" and len(parts) == 2:
            if parts[1] not in self.inputs:
                raise SystemExit(f"fake runner: unknown input {parts[1]!r}")
            return self.inputs[parts[1]]
        if parts[0] == "steps" and len(parts) == 4 and parts[2] == "outputs":
            return self.steps.get(parts[1], {}).get(parts[3], "")
        if name == "github.action_path":
            return self.action_path
        if name == "github.action_repository":
            return self.repository
        if name == "runner.temp":
            return self.temp
        raise SystemExit(f"fake runner: expression {name!r} is not supported")

    def substitute(self, text):
        return EXPRESSION.sub(lambda match: self.value(match.group(1)), str(text))

    def condition(self, expression):
        expression = expression.strip()
        match = EXPRESSION.fullmatch(expression)
        if match:
            expression = match.group(1)
        terms = [term.strip() for term in expression.split("&&")]
        status_function = any(term in ("always()", "failure()", "success()") for term in terms)
        result = True
        for term in terms:
            if term == "always()":
                continue
            if term == "success()":
                result = result and not self.failed
                continue
            if term == "failure()":
                result = result and self.failed
                continue
            comparison = re.fullmatch(r"([\w.-]+)\s*(==|!=)\s*'([^']*)'", term)
            if not comparison:
                raise SystemExit(f"fake runner: condition {term!r} is not supported")
            left = self.value(comparison.group(1))
            equal = left == comparison.group(3)
            result = result and (equal if comparison.group(2) == "==" else not equal)
        # Like GitHub: without a status function, success() is implied.
        return result and (status_function or not self.failed)


def read_outputs(path):
    outputs = {}
    with open(path, encoding="utf-8") as handle:
        lines = handle.read().split("\n")
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if not line:
            continue
        heredoc = re.fullmatch(r"([^=<]+)<<(.+)", line)
        if heredoc:
            name, delimiter, value = heredoc.group(1), heredoc.group(2), []
            while index < len(lines) and lines[index] != delimiter:
                value.append(lines[index])
                index += 1
            index += 1
            outputs[name] = "\n".join(value)
        elif "=" in line:
            name, value = line.split("=", 1)
            outputs[name] = value
        else:
            raise SystemExit(f"fake runner: malformed GITHUB_OUTPUT line {line!r}")
    return outputs


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("action", help="the action.yml")
    parser.add_argument("--input", action="append", default=[], metavar="NAME=VALUE")
    parser.add_argument("--workspace", default=os.getcwd())
    parser.add_argument("--summary", required=True, help="the job summary file (GITHUB_STEP_SUMMARY)")
    parser.add_argument("--outputs", required=True, help="where the action's outputs are written as JSON")
    parser.add_argument("--uses-log", required=True, help="where `uses:` steps are logged, one JSON per line")
    arguments = parser.parse_args()

    with open(arguments.action, encoding="utf-8") as handle:
        action = yaml.safe_load(handle)
    if action["runs"]["using"] != "composite":
        raise SystemExit("fake runner: only composite actions")
    inputs = {name: str(spec.get("default", "")) for name, spec in action.get("inputs", {}).items()}
    for given in arguments.input:
        name, value = given.split("=", 1)
        if name not in inputs:
            raise SystemExit(f"fake runner: the action has no input {name!r}")
        inputs[name] = value

    temp = tempfile.mkdtemp(prefix="fake-runner-")
    context = Context(
        inputs, os.path.dirname(os.path.abspath(arguments.action)), "rota-test/rota", temp)
    path_file = os.path.join(temp, "github_path")
    open(path_file, "w").close()
    open(arguments.summary, "a").close()
    added_paths = []

    for number, step in enumerate(action["runs"]["steps"], start=1):
        label = step.get("id", f"step {number}")
        if not context.condition(step.get("if", "success()")):
            print(f"fake runner: {label}: skipped")
            continue
        if "uses" in step:
            with open(arguments.uses_log, "a", encoding="utf-8") as log:
                uses = {name: context.substitute(value) for name, value in step.get("with", {}).items()}
                log.write(json.dumps({"uses": step["uses"], "with": uses}, sort_keys=True) + "\n")
            print(f"fake runner: {label}: {step['uses']} (not run) with {uses}")
            continue
        if step.get("shell") != "bash":
            raise SystemExit(f"fake runner: {label}: only shell: bash steps")
        output_file = os.path.join(temp, f"output-{number}")
        open(output_file, "w").close()
        script = os.path.join(temp, f"step-{number}.sh")
        with open(script, "w", encoding="utf-8") as handle:
            handle.write(context.substitute(step["run"]))
        environment = dict(os.environ)
        environment.update({name: context.substitute(value) for name, value in step.get("env", {}).items()})
        environment.update({
            "GITHUB_OUTPUT": output_file,
            "GITHUB_PATH": path_file,
            "GITHUB_STEP_SUMMARY": arguments.summary,
            "GITHUB_ACTIONS": "true",
            "GITHUB_WORKSPACE": arguments.workspace,
            "RUNNER_TEMP": temp,
            "PATH": os.pathsep.join(list(reversed(added_paths)) + [os.environ.get("PATH", "")]),
        })
        sys.stdout.flush()
        status = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", script],
            cwd=arguments.workspace, env=environment).returncode
        context.steps[step.get("id", f"step{number}")] = read_outputs(output_file)
        with open(path_file, encoding="utf-8") as handle:
            added_paths = [line for line in handle.read().split("\n") if line]
        print(f"fake runner: {label}: exit {status}")
        if status != 0:
            context.failed = True

    outputs = {name: context.substitute(spec["value"]) for name, spec in action.get("outputs", {}).items()}
    with open(arguments.outputs, "w", encoding="utf-8") as handle:
        json.dump(outputs, handle, sort_keys=True)
    return 1 if context.failed else 0


if __name__ == "__main__":
    sys.exit(main())
