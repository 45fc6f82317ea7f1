"""A long-lived grading process: imports nbgrader once, then autogrades one student per request.

Protocol: one JSON line per request on stdin ({"lab": ..., "student": ...}), one JSON line per reply
on the private channel the parent reads (the original stdout). Everything else, the kernel's output
included, goes to stderr, so a hand-in cannot forge a reply. Started by `Worker` below.

The worker's private folder (`socket_dir`, also its TMPDIR) holds the kernels' IPC sockets (ipc/), their
connection files and, when grading is sandboxed, the sandbox kernelspec (share/kernels/).
"""
from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import shutil
import sys
import tempfile
import time
from pathlib import Path


def guarded_execute():
    """nbgrader's Execute preprocessor that caps each cell's output while it arrives (nbconfig.clip_output)
    and, once the kernel is gone, deletes the links and pipes it left in the notebook's folder."""
    from nbgrader.preprocessors import Execute

    from .nbconfig import clip_output
    from .sandbox import scrub

    class GuardedExecute(Execute):
        _room: dict | None = None
        _cell = -1

        def output(self, outs, msg, display_id, cell_index):
            if cell_index != self._cell:
                self._cell, self._room = cell_index, None
            content, self._room = clip_output(msg["msg_type"], msg["content"], self._room)
            if content is None:
                return None
            return super().output(outs, {**msg, "content": content}, display_id, cell_index)

        def preprocess(self, nb, resources=None, km=None):
            try:
                return super().preprocess(nb, resources, km=km)
            finally:
                path = ((resources or {}).get("metadata") or {}).get("path")
                if path:
                    scrub(path)

    return GuardedExecute


def serve(settings_file: str, socket_dir: str) -> None:
    reply = os.fdopen(os.dup(1), "w", buffering=1)
    os.dup2(2, 1)  # the kernel inherits stdout: point it at stderr
    from nbgrader.apps import NbGraderAPI
    from nbgrader.converters import Autograde
    from nbgrader.coursedir import CourseDirectory
    from nbgrader.preprocessors import Execute
    from traitlets.config import Config

    cfg = Config(json.loads(Path(settings_file).read_text()))
    if cfg.KernelManager.get("transport") == "ipc":
        # socket files of this worker's kernels live in a private folder (short path: unix sockets allow ~100 chars)
        os.makedirs(os.path.join(socket_dir, "ipc"), exist_ok=True)
        cfg.KernelManager.ip = os.path.join(socket_dir, "ipc", "kernel")
    guarded = guarded_execute()
    cfg.Autograde.autograde_preprocessors = [guarded if p is Execute else p for p in
                                             Autograde.class_traits()["autograde_preprocessors"].default()]
    api = NbGraderAPI(CourseDirectory(config=cfg), config=cfg)
    reply.write(json.dumps({"ready": True}) + "\n")
    for line in sys.stdin:
        job = json.loads(line)
        try:
            res = api.autograde(job["lab"], job["student"], force=True, create=True)
            out = {"success": bool(res.get("success")), "log": (res.get("log") or "")[-20000:],
                   "error": (res.get("error") or "")[-4000:]}
        except Exception as err:  # nbgrader itself failed on this hand-in
            out = {"success": False, "log": "", "error": f"{err.__class__.__name__}: {err}"}
        out["student"] = job["student"]
        reply.write(json.dumps(out) + "\n")


class Worker:
    """Parent side: one worker process, restarted after a time-out or a crash."""

    def __init__(self, settings_file: Path, log_file: Path, env: dict, preexec_fn=None, sandbox=None):
        """`sandbox`: a sandbox.Policy for the kernels (the settings must select sandbox.KERNEL_NAME), or None."""
        self.settings_file, self.log_file, self.env, self.preexec_fn = settings_file, log_file, env, preexec_fn
        self.sandbox = sandbox
        self.proc: subprocess.Popen | None = None
        self.socket_dir = ""

    def _env(self) -> dict:
        """The worker's environment: kernel connection files (temporary files) and the sandbox kernelspec
        go to its private folder."""
        env = dict(self.env, TMPDIR=self.socket_dir)
        if self.sandbox is not None:
            from dataclasses import replace

            from .sandbox import write_kernelspec

            ipc = os.path.join(self.socket_dir, "ipc")
            share = write_kernelspec(Path(self.socket_dir) / "share", replace(self.sandbox, sockets=ipc))
            env["JUPYTER_PATH"] = os.pathsep.join(p for p in (str(share), env.get("JUPYTER_PATH")) if p)
        return env

    def _start(self) -> None:
        self.log_file.parent.mkdir(parents=True, exist_ok=True)
        log = self.log_file.open("ab")
        self.socket_dir = tempfile.mkdtemp(prefix="dlck-")
        self.proc = subprocess.Popen([sys.executable, "-m", "dlcourse.teach.grading.worker", str(self.settings_file),
                                      self.socket_dir],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log, env=self._env(),
                                     cwd=self.settings_file.parent, start_new_session=True,
                                     preexec_fn=self.preexec_fn, text=True)
        log.close()
        if self._read(120) is None:
            self.close()
            raise RuntimeError(f"the grading worker did not start: see {self.log_file}")

    def _read(self, timeout: float) -> dict | None:
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            ready, _, _ = select.select([self.proc.stdout], [], [], left)
            if ready:
                line = self.proc.stdout.readline()
                return json.loads(line) if line else None

    def grade(self, lab: str, student: str, timeout: float) -> dict:
        """{"success", "log", "error"}, or {"timeout": True} / {"crashed": True} when the process had to go."""
        if self.proc is None or self.proc.poll() is not None:
            self._start()
        self.proc.stdin.write(json.dumps({"lab": lab, "student": student}) + "\n")
        self.proc.stdin.flush()
        start = time.monotonic()
        out = self._read(timeout)
        if out is None:
            timed_out = time.monotonic() - start >= timeout
            self.close()
            return {"timeout": True} if timed_out else {"crashed": True}
        return out

    def close(self) -> None:
        if self.proc is None:
            return
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        self.proc.wait()
        for stream in (self.proc.stdin, self.proc.stdout):
            try:
                stream.close()
            except OSError:
                pass
        shutil.rmtree(self.socket_dir, ignore_errors=True)
        self.proc = None


if __name__ == "__main__":
    serve(sys.argv[1], sys.argv[2])
