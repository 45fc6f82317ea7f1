"""Kernel launcher of the sandboxed kernelspec: `python -I -m dlcourse.teach.grading.sandbox_kernel POLICY CONNECTION_FILE`.

jupyter_client starts it in the folder the notebook runs in (nbgrader's autograded/<student>/<lab>/);
it empties the IPC socket folder of a previous kernel's leftovers and replaces itself with bwrap running
ipykernel there (see dlcourse.teach.grading.sandbox). It runs outside the sandbox: it imports nothing of the
student's folder (-I) and refuses any folder outside the class's autograded/ folder.
"""
from __future__ import annotations

import glob
import os
import sys

from .sandbox import Policy, SandboxError, bwrap_argv, empty_folder, kernel_env


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.splitlines()[0], file=sys.stderr)
        return 2
    policy = Policy.load(argv[0])
    connection_file = os.path.abspath(argv[1])
    workdir = os.path.realpath(os.getcwd())
    try:
        notebooks = sorted(glob.glob(os.path.join(glob.escape(workdir), "*.ipynb")))
        args = bwrap_argv(policy, workdir, connection_file, notebooks)
    except SandboxError as err:
        print(f"dlcourse sandbox: {err}", file=sys.stderr)
        return 1
    if policy.sockets:
        empty_folder(policy.sockets)
    os.execve(args[0], args, kernel_env(dict(os.environ), policy))
    return 1  # not reached


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
