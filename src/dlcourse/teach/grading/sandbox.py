"""A bubblewrap (bwrap) sandbox for the kernels that run student code; nbgrader itself stays outside.

Inside, the kernel sees a read-only system and Python, a private /tmp, no network, no other process,
and exactly one writable folder of the class: the autograded/<student>/<lab>/ folder it runs in, shown
as /home/student/<lab>, where the notebook being graded (it holds the hidden tests) cannot be read.
Everything else of the class (hand-ins, gradebook, results) and the source notebooks (labs/) is simply
not there. The kernel runs as "nobody" in a user namespace of its own, without capabilities (on the
host it is the grader's user), with only the harmless part of the grader's environment (no tokens).

How it is wired: the grading worker writes a kernelspec (`kernelspec`) and the `Policy` into its private
folder; nbgrader selects that kernel (`Execute.kernel_name`); jupyter_client starts its argv,
`python -I -m dlcourse.teach.grading.sandbox_kernel POLICY CONNECTION_FILE`, in the folder the notebook runs
in; that launcher checks the folder and replaces itself with bwrap (`bwrap_argv`) running ipykernel.
"""
from __future__ import annotations

import functools
import json
import os
import re
import shutil
import stat
import subprocess
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

BWRAP = "bwrap"
KERNEL_NAME = "dlcourse-sandbox"
UID = 65534                     # "nobody" inside; files it writes belong to the grader's user outside
TMP_MB = 1024                   # size of the private /tmp and of /dev/shm (memory-backed)
HOME = "/tmp/home"
STUDENT_HOME = "/home/student"  # the kernel's folder appears as /home/student/<lab>
DATA = "/tmp/dlcourse-data"     # DLCOURSE_DATA inside: writable, the host's cached data sets read-only in it
FIX = "install bubblewrap (apt-get install bubblewrap), or pass --no-sandbox to silence this"
# the harmless part of /etc (graded as root, the kernel may read root's files that it can see: no ssl/, no shadow)
ETC = ("ld.so.cache", "ld.so.conf", "ld.so.conf.d", "passwd", "group", "nsswitch.conf", "host.conf", "hosts",
       "localtime", "timezone", "mime.types", "fonts", "alternatives", "os-release", "debian_version", "matplotlibrc")
SYSTEM = ("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")
ENV_KEEP = {"LANG", "LANGUAGE", "TZ", "TERM", "MPLBACKEND", "PYTHONWARNINGS", "PYTHONHASHSEED", "PYTHONPATH",
            "PYTHONUNBUFFERED", "PYTHONDONTWRITEBYTECODE", "PYTHONIOENCODING", "TQDM_DISABLE", "NBGRADER_EXECUTION",
            "CUDA_VISIBLE_DEVICES", "VIRTUAL_ENV", "PYDEVD_DISABLE_FILE_VALIDATION"}
ENV_KEEP_PREFIXES = ("LC_", "DLCOURSE_", "OMP_", "MKL_", "OPENBLAS_", "KMP_", "NUMEXPR_")
ENV_DROP = {"DLCOURSE_ROOT", "DLCOURSE_CLASS", "DLCOURSE_RESULTS"}  # paths the kernel cannot (and must not) reach


class SandboxError(RuntimeError):
    """The sandbox cannot start this kernel."""


@dataclass
class Policy:
    """What the kernel launcher needs, computed once per grading run; stored as JSON next to the kernelspec."""

    bwrap: str
    python: str
    mounts: list[list[str]]          # bwrap options in order: system, Python, data sets, hidden paths
    workdirs_under: str              # a kernel runs only in a folder strictly below this one (autograded/)
    env: dict[str, str] = field(default_factory=dict)  # set inside (HOME, PATH, DLCOURSE_DATA, ...)
    sockets: str = ""                # the worker's folder of IPC sockets: the kernel creates its sockets there
    modern: bool = True              # bwrap >= 0.8: --disable-userns and sized tmpfs
    tmp_mb: int = TMP_MB

    def save(self, path: Path) -> Path:
        path.write_text(json.dumps(asdict(self), indent=1), encoding="utf-8")
        return path

    @classmethod
    def load(cls, path: str | os.PathLike) -> "Policy":
        return cls(**json.loads(Path(path).read_text(encoding="utf-8")))


# ---- pure: the bwrap command line and the kernel's environment ----

def namespace_args(modern: bool) -> list[str]:
    """Own user (no capabilities), pid, network (loopback only), IPC and host name; dies with the grader."""
    args = ["--unshare-user", "--uid", str(UID), "--gid", str(UID), "--unshare-pid", "--unshare-net",
            "--unshare-ipc", "--unshare-uts", "--hostname", "sandbox", "--unshare-cgroup-try",
            "--cap-drop", "ALL", "--die-with-parent", "--new-session"]
    return args + (["--disable-userns"] if modern else [])


def _tmpfs(path: str, mb: int, modern: bool) -> list[str]:
    return (["--size", str(mb * 1024 * 1024)] if modern else []) + ["--tmpfs", path]


def base_args(policy: Policy) -> list[str]:
    """Namespaces, /proc, /dev, the private /tmp and the policy's mounts: everything but the kernel's folder."""
    return [*namespace_args(policy.modern), *_tmpfs("/tmp", policy.tmp_mb, policy.modern), "--proc", "/proc",
            "--dev", "/dev", *_tmpfs("/dev/shm", policy.tmp_mb, policy.modern), "--dir", HOME, "--dir", DATA,
            *(arg for mount in policy.mounts for arg in mount)]


def inside(path: str, folder: str) -> bool:
    """True when `path` lies strictly below `folder` (both normalised, absolute)."""
    path, folder = os.path.normpath(path), os.path.normpath(folder)
    return path != folder and path.startswith(folder.rstrip("/") + "/")


def inside_path(workdir: str) -> str:
    """Where the kernel's folder appears inside: the class folder's real location is nobody's business."""
    return f"{STUDENT_HOME}/{os.path.basename(workdir.rstrip('/'))}"


def bwrap_argv(policy: Policy, workdir: str, connection_file: str, notebooks: list[str] = ()) -> list[str]:
    """The command that runs ipykernel in the sandbox, in `workdir` (the only writable folder of the host).

    `workdir` appears as inside_path(workdir); the `notebooks` in it (the graded notebook holds the hidden
    tests) cannot be read. The rest of the file system is read-only, /tmp aside.
    """
    if not inside(workdir, policy.workdirs_under):
        raise SandboxError(f"refusing to run a kernel in {workdir}: not below {policy.workdirs_under}")
    work = inside_path(workdir)
    args = [policy.bwrap, *base_args(policy)]
    if policy.sockets:  # the kernel creates its socket files there: same path inside as outside
        args += ["--bind", policy.sockets, policy.sockets]
    args += ["--ro-bind", connection_file, connection_file, "--bind", workdir, work]
    for nb in notebooks:
        args += ["--ro-bind", "/dev/null", f"{work}/{os.path.basename(nb)}"]
    return args + ["--remount-ro", "/", "--chdir", work, "--",
                   policy.python, "-m", "ipykernel_launcher", "-f", connection_file]


def kernel_env(environ: dict[str, str], policy: Policy) -> dict[str, str]:
    """The kernel's environment: harmless settings of the grader's one (no secrets), then the policy's."""
    kept = {k: v for k, v in environ.items()
            if (k in ENV_KEEP or k.startswith(ENV_KEEP_PREFIXES)) and k not in ENV_DROP}
    return kept | policy.env


def hide_mounts(hidden: list[tuple[str, bool]], visible: list[str]) -> list[list[str]]:
    """Cover each (path, is_dir) that lies inside a `visible` folder: a folder by an empty tmpfs, a file by /dev/null.

    A path inside a folder covered already needs nothing more.
    """
    out, covered = [], []
    for path, is_dir in sorted(hidden, key=lambda h: os.path.normpath(h[0]).count("/")):
        if any(inside(path, v) for v in visible) and not any(path == c or inside(path, c) for c in covered):
            out.append(["--tmpfs", path] if is_dir else ["--ro-bind", "/dev/null", path])
            covered += [path] if is_dir else []
    return out


def outermost(paths: list[str]) -> list[str]:
    """`paths` normalised, without duplicates or paths inside another one, parents first."""
    out: list[str] = []
    for p in sorted({os.path.normpath(p) for p in paths}, key=lambda p: (p.count("/"), p)):
        if not any(p == o or inside(p, o) for o in out):
            out.append(p)
    return out


def kernelspec(python: str, policy_file: str) -> dict:
    """kernel.json of the sandboxed kernel; -I keeps the launcher from importing files of the student's folder."""
    return {"argv": [python, "-I", "-m", "dlcourse.teach.grading.sandbox_kernel", policy_file, "{connection_file}"],
            "display_name": "Python 3 (dlcourse sandbox)", "language": "python",
            "interrupt_mode": "message",  # a signal would stop bwrap, not the kernel inside
            "metadata": {"debugger": False}}


def warning(reason: str) -> str:
    """The one line printed when a sandbox was asked for but cannot run."""
    return (f"warning: {reason}, so grading runs unsandboxed (student code may read other hand-ins and use the "
            f"network); to fix, {FIX}")


# ---- I/O at the edges: probing bwrap, inspecting the host, writing the kernelspec ----

def _version(bwrap: str) -> tuple[int, ...]:
    out = subprocess.run([bwrap, "--version"], capture_output=True, text=True, timeout=30).stdout
    m = re.search(r"(\d+)\.(\d+)(?:\.(\d+))?", out)
    return tuple(int(x or 0) for x in m.groups()) if m else (0,)


def system_mounts() -> list[list[str]]:
    """The host's system folders (symlinks kept as such) and the harmless part of /etc, read-only."""
    mounts = []
    for path in SYSTEM:
        if os.path.islink(path):
            mounts.append(["--symlink", os.readlink(path), path])
        elif os.path.isdir(path):
            mounts.append(["--ro-bind", path, path])
    mounts += [["--ro-bind-try", f"/etc/{name}", f"/etc/{name}"] for name in ETC if os.path.lexists(f"/etc/{name}")]
    return mounts


@functools.lru_cache(maxsize=None)
def _probe(bwrap_name: str) -> tuple[str, str, bool]:
    path = shutil.which(bwrap_name)
    if not path:
        return "", "bubblewrap (bwrap) is not installed", False
    try:
        modern = _version(path) >= (0, 8)
        trial = Policy(path, sys.executable, system_mounts(), "/nonexistent", modern=modern, tmp_mb=16)
        done = subprocess.run([path, *base_args(trial), "--", "true"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError) as err:
        return "", f"bwrap does not run: {err.__class__.__name__}: {err}", False
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or [f"exit status {done.returncode}"])[-1]
        return "", f"bwrap does not run here: {last}", False
    return path, "", modern


def unavailable() -> str:
    """Why kernels cannot be sandboxed here ("" when they can); bwrap is tried once per process."""
    return _probe(BWRAP)[1]


def interpreter_paths(python: str, env: dict[str, str]) -> list[str]:
    """Folders the kernel's Python imports from: its prefixes, sys.path and where dlcourse and ipykernel live."""
    code = ("import sys, json, importlib.util as u\n"
            "p = [sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix, *sys.path]\n"
            "for m in ('dlcourse', 'ipykernel'):\n"
            "    s = u.find_spec(m)\n"
            "    p += list(s.submodule_search_locations or []) if s else []\n"
            "print(json.dumps(p))")
    out = subprocess.run([python, "-c", code], env=env, cwd="/", capture_output=True, text=True, timeout=120,
                         check=True).stdout
    return [p for p in json.loads(out) if p and os.path.isabs(p) and os.path.isdir(p)]


def data_mounts(cache: Path) -> list[list[str]]:
    """The host's cached data sets, read-only inside the private data folder: same data, no poisoning."""
    if not cache.is_dir():
        return []
    return [["--ro-bind", str(p), f"{DATA}/{p.name}"] for p in sorted(cache.iterdir())]


def make_policy(class_dir: Path, hidden: list[Path], env: dict[str, str], python: str = sys.executable) -> Policy:
    """The sandbox for kernels grading in `class_dir`; `hidden` paths stay covered even inside visible folders.

    Call only when `unavailable()` is "".
    """
    from ...settings import data_dir

    bwrap, _, modern = _probe(BWRAP)
    code = outermost(interpreter_paths(python, env))
    system = [m[1] for m in system_mounts() if m[0] == "--ro-bind"]
    python_mounts = [["--ro-bind", p, p] for p in code if p != "/" and not any(p == s or inside(p, s) for s in system)]
    secret = [os.path.realpath(p) for p in [class_dir, *hidden]] + [str(p) for p in [class_dir, *hidden]]
    covered = hide_mounts([(p, os.path.isdir(p)) for p in dict.fromkeys(secret) if os.path.lexists(p)],
                          system + code)
    venv_bin = str(Path(python).parent)
    # JPY_PARENT_PID=1: the grader is outside the pid namespace, bwrap --die-with-parent watches it instead
    fixed = {"HOME": HOME, "TMPDIR": "/tmp", "DLCOURSE_DATA": DATA, "USER": "student", "LOGNAME": "student",
             "JPY_PARENT_PID": "1",
             "PATH": f"{venv_bin}:/usr/local/bin:/usr/bin:/bin", "MPLCONFIGDIR": f"{HOME}/.config/matplotlib"}
    return Policy(bwrap, python, system_mounts() + python_mounts + data_mounts(data_dir()) + covered,
                  os.path.realpath(class_dir / "autograded"), fixed, modern=modern)


def write_kernelspec(folder: Path, policy: Policy) -> Path:
    """Write kernels/<KERNEL_NAME>/ (kernel.json, policy.json) under `folder`; returns `folder` for JUPYTER_PATH."""
    spec = folder / "kernels" / KERNEL_NAME
    spec.mkdir(parents=True, exist_ok=True)
    policy_file = policy.save(spec / "policy.json")
    (spec / "kernel.json").write_text(json.dumps(kernelspec(policy.python, str(policy_file)), indent=1),
                                      encoding="utf-8")
    return folder


def empty_folder(folder: str) -> None:
    """Remove everything in `folder` (a previous kernel's leftovers), never following links."""
    for entry in os.scandir(folder):
        if entry.is_dir(follow_symlinks=False):
            shutil.rmtree(entry.path, ignore_errors=True)
        else:
            os.unlink(entry.path)


def scrub(folder: str) -> list[str]:
    """Delete links, pipes and sockets a kernel left in `folder`, so nothing that later reads or writes there
    (nbgrader writing the graded notebook, feedback) is redirected elsewhere; returns what was removed."""
    removed = []
    for parent, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = os.path.join(parent, name)
            try:
                mode = os.lstat(path).st_mode
                if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
                    os.unlink(path)
                    removed.append(path)
            except OSError:
                pass
    return removed
