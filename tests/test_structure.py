"""The package's shape: students' modules never import teacher code, no import cycle anywhere, start-up in
proportion to the command, and the job-script templates travel inside a wheel."""
from __future__ import annotations

import ast
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT

SRC = ROOT / "src"
PACKAGE = SRC / "dlcourse"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path, bases_only: bool = False) -> set[str]:
    """Every dlcourse module `path` imports, at module level or inside a function (with `bases_only`, only the
    X of each 'from X import ...' and each 'import X')."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.startswith("dlcourse")}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.startswith("dlcourse"):
                out.add(target)
                if not bases_only:
                    out |= {f"{target}.{a.name}" for a in node.names}
    return out


MODULES = {module_name(p): p for p in PACKAGE.rglob("*.py")}
GRAPH = {name: {m for m in imports(path) if m in MODULES and m != name} for name, path in MODULES.items()}


def test_every_internal_import_resolves():
    broken = {name: sorted(t for t in imports(path, bases_only=True) if t not in MODULES)
              for name, path in MODULES.items()}
    assert not any(broken.values()), f"imports of modules that do not exist: { {k: v for k, v in broken.items() if v} }"


def test_student_modules_never_import_teacher_code():
    student = [n for n in MODULES if not n.startswith("dlcourse.teach")]
    offenders = {n: sorted(m for m in GRAPH[n] if m.startswith("dlcourse.teach")) for n in student}
    assert not any(offenders.values()), f"student modules import teacher code: {offenders}"


def test_no_import_cycle():
    state: dict[str, int] = {}

    def visit(node: str, path: list[str]) -> list[str] | None:
        state[node] = 1
        for nxt in sorted(GRAPH[node]):
            if nxt.startswith(node + "."):  # a package importing its own sub-module is no cycle
                continue
            if state.get(nxt) == 1:
                return path + [node, nxt]
            if nxt not in state:
                found = visit(nxt, path + [node])
                if found:
                    return found
        state[node] = 2
        return None

    for name in sorted(GRAPH):
        if name not in state:
            cycle = visit(name, [])
            assert cycle is None, "import cycle: " + " -> ".join(cycle[cycle.index(cycle[-1]):])


def test_help_imports_nothing_heavy():
    code = ("import sys\nfrom dlcourse.teach.cli import build_parser\nbuild_parser().format_help()\n"
            "print(sorted(m for m in ('nbformat', 'nbgrader', 'torch', 'matplotlib', 'numpy', 'scipy') "
            "if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]", f"`dlcourse --help` imports {done.stdout.strip()}: import them lazily"


def test_job_templates_work_from_a_wheel(tmp_path):
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                           "-w", str(tmp_path), str(ROOT)], capture_output=True, text=True)
    if done.returncode:
        pytest.fail(f"pip wheel failed: {done.stderr[-500:]}")
    wheel = next(tmp_path.glob("dlcourse-*.whl"))
    unpacked = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(unpacked)
    code = ("from dlcourse.teach.grading.cluster import template\n"
            "import dlcourse, sys\nassert 'site' in dlcourse.__file__, dlcourse.__file__\n"
            "print(all(template(f'{k}_{w}.sh') for k in ('slurm', 'lsf') for w in ('grade', 'merge')))")
    run = subprocess.run([sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(unpacked)!r})\n" + code],
                         capture_output=True, text=True)
    assert run.stdout.strip() == "True", run.stderr[-800:]
