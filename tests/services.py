"""Real servers for tests, started in temporary folders and stopped afterwards: PostgreSQL and a one-node SLURM.

Both listen on loopback only, on free ports, with their own sockets and state, so they never meet a
system-wide installation. `start_*` raises `Unavailable` (with what to install) when a server cannot
start here; the test files turn that into a skip.
"""
from __future__ import annotations

import glob
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

PG_USER = "dlcourse"
SLURM_PACKAGES = "apt-get install slurm-wlm munge"


class Unavailable(Exception):
    """A server that cannot start on this machine; the message says why and what to install."""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _tail(path: Path, lines: int = 15) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def _stop(proc: subprocess.Popen | None, sig: int = signal.SIGTERM, timeout: float = 20) -> None:
    if proc is None or proc.poll() is not None:
        return
    proc.send_signal(sig)
    try:
        proc.wait(timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def _wait_for(check, timeout: float, proc: subprocess.Popen | None = None) -> bool:
    """Poll `check()` until true; False on time-out or when `proc` died."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        if proc is not None and proc.poll() is not None:
            return False
        time.sleep(0.2)
    return False


# ---------------------------------------------------------------- PostgreSQL

@dataclass
class Postgres:
    """A running PostgreSQL server: trusted connections from 127.0.0.1 as `PG_USER`."""

    folder: Path
    port: int
    proc: subprocess.Popen

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{PG_USER}@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        """A new, empty database; returns its SQLAlchemy URL."""
        import psycopg2

        conn = psycopg2.connect(host="127.0.0.1", port=self.port, user=PG_USER, dbname="postgres")
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute(f'CREATE DATABASE "{name}"')
        conn.close()
        return self.url(name)

    def stop(self) -> None:
        _stop(self.proc, signal.SIGINT)  # 'fast' shutdown: disconnect clients, then exit
        shutil.rmtree(self.folder, ignore_errors=True)


def postgres_bin() -> Path:
    """The newest PostgreSQL server binaries Debian installed (/usr/lib/postgresql/<version>/bin)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/postgres"), key=lambda p: int(Path(p).parts[4]))
    if not found:
        raise Unavailable("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/postgres): "
                          "apt-get install postgresql")
    return Path(found[-1]).parent


def _server_user() -> str | None:
    """The user to run postgres as: the 'postgres' system user when we are root (postgres refuses root)."""
    if os.geteuid() != 0:
        return None
    try:
        return pwd.getpwnam("postgres").pw_name
    except KeyError:
        raise Unavailable("running as root and there is no 'postgres' user: apt-get install postgresql "
                          "creates it") from None


def start_postgres() -> Postgres:
    """initdb into a temporary folder and start the server on 127.0.0.1 and a free port."""
    bin_dir = postgres_bin()
    user = _server_user()
    folder = Path(tempfile.mkdtemp(prefix="dlcourse-pg-"))
    if user:
        shutil.chown(folder, user)
    as_user = {"user": user} if user else {}
    try:
        init = subprocess.run([str(bin_dir / "initdb"), "-D", str(folder / "data"), "-U", PG_USER, "--auth=trust",
                               "-E", "UTF8", "--no-sync", "--no-instructions"],
                              cwd=folder, capture_output=True, text=True, timeout=120, **as_user)
        if init.returncode != 0:
            raise Unavailable(f"initdb failed: {(init.stderr or init.stdout).strip()[-500:]}")
        port = free_port()
        log = (folder / "postgres.log").open("wb")
        proc = subprocess.Popen([str(bin_dir / "postgres"), "-D", str(folder / "data"), "-h", "127.0.0.1",
                                 "-p", str(port), "-k", str(folder), "-c", "fsync=off",
                                 "-c", "synchronous_commit=off", "-c", "full_page_writes=off"],
                                cwd=folder, stdout=log, stderr=subprocess.STDOUT, start_new_session=True, **as_user)
        log.close()
        server = Postgres(folder, port, proc)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    if not _wait_for(lambda: _accepts(server), 60, proc):
        tail = _tail(folder / "postgres.log")
        server.stop()
        raise Unavailable(f"PostgreSQL did not start:\n{tail}")
    return server


def _accepts(server: Postgres) -> bool:
    import psycopg2

    try:
        psycopg2.connect(host="127.0.0.1", port=server.port, user=PG_USER, dbname="postgres", connect_timeout=2).close()
        return True
    except psycopg2.OperationalError:
        return False


# ---------------------------------------------------------------- SLURM

@dataclass
class Slurm:
    """A running one-node SLURM cluster (munged, slurmctld, slurmd); commands need SLURM_CONF=`conf`."""

    folder: Path
    node: str
    procs: list[subprocess.Popen] = field(default_factory=list)

    @property
    def conf(self) -> Path:
        return self.folder / "slurm.conf"

    @property
    def env(self) -> dict[str, str]:
        return dict(os.environ, SLURM_CONF=str(self.conf))

    def run(self, *cmd: str, timeout: float = 30) -> subprocess.CompletedProcess:
        return subprocess.run(list(cmd), env=self.env, capture_output=True, text=True, timeout=timeout)

    def node_state(self) -> str:
        try:
            return self.run("sinfo", "-h", "-n", self.node, "-o", "%T", timeout=10).stdout.strip()
        except subprocess.TimeoutExpired:
            return ""

    def logs(self) -> str:
        return "\n".join(f"--- {name}\n{_tail(self.folder / name)}" for name in ("slurmctld.log", "slurmd.log"))

    def stop(self) -> None:
        """Cancel what still runs, stop the daemons (slurmd, slurmctld, munged), remove the folder."""
        if self.procs and self.procs[-1].poll() is None:
            try:
                self.run("scancel", "--full", "--quiet", "--user", pwd.getpwuid(os.geteuid()).pw_name)
                _wait_for(lambda: not self.run("squeue", "-h").stdout.strip(), 15)
            except (OSError, subprocess.TimeoutExpired):
                pass
        for proc in reversed(self.procs):
            _stop(proc)
        shutil.rmtree(self.folder, ignore_errors=True)


def _which(name: str) -> str:
    found = shutil.which(name) or shutil.which(name, path="/usr/sbin:/usr/bin:/sbin:/bin")
    if not found:
        raise Unavailable(f"SLURM needs {name}, which is not installed: {SLURM_PACKAGES}")
    return found


def slurm_conf(folder: Path, node: str, cpus: int, memory_mb: int, ports: tuple[int, int]) -> str:
    """A minimal slurm.conf for one node on loopback: no cgroups, no accounting, state in `folder`."""
    return "\n".join([
        "ClusterName=dlcourse-test",
        f"SlurmctldHost={node}(127.0.0.1)",
        f"SlurmctldPort={ports[0]}",
        f"SlurmdPort={ports[1]}",
        "SlurmUser=root",
        "SlurmdUser=root",
        "AuthType=auth/munge",
        "CredType=cred/munge",
        f"AuthInfo=socket={folder / 'munge.socket'}",
        f"StateSaveLocation={folder / 'state'}",
        f"SlurmdSpoolDir={folder / 'spool'}",
        f"SlurmctldPidFile={folder / 'slurmctld.pid'}",
        f"SlurmdPidFile={folder / 'slurmd.pid'}",
        f"SlurmctldLogFile={folder / 'slurmctld.log'}",
        f"SlurmdLogFile={folder / 'slurmd.log'}",
        "MailProg=/bin/true",
        "MpiDefault=none",
        "ProctrackType=proctrack/linuxproc",
        "TaskPlugin=task/none",
        "SelectType=select/cons_tres",
        "SelectTypeParameters=CR_CPU",
        "JobAcctGatherType=jobacct_gather/none",
        "AccountingStorageType=accounting_storage/none",
        "ReturnToService=2",
        "MinJobAge=600",
        "SchedulerParameters=sched_min_interval=0",
        f"NodeName={node} NodeAddr=127.0.0.1 CPUs={cpus} RealMemory={memory_mb} State=UNKNOWN",
        "PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP",
    ]) + "\n"


def start_slurm(cpus: int = 2, memory_mb: int = 2000) -> Slurm:
    """munged, slurmctld and slurmd for this host (as root), in a temporary folder; waits for an idle node."""
    daemons = {name: _which(name) for name in ("munged", "slurmctld", "slurmd", "sbatch", "sinfo", "squeue", "scancel")}
    if os.geteuid() != 0:
        raise Unavailable("the test SLURM cluster runs its daemons as root (slurmd starts jobs): run the tests as root")
    folder = Path(tempfile.mkdtemp(prefix="dlcourse-slurm-"))
    folder.chmod(0o755)  # munged wants a socket folder everyone can reach
    node = socket.gethostname().split(".")[0]
    cluster = Slurm(folder, node)
    try:
        for sub in ("state", "spool"):
            (folder / sub).mkdir()
        key = folder / "munge.key"
        key.write_bytes(os.urandom(1024))
        key.chmod(0o400)
        cluster.conf.write_text(slurm_conf(folder, node, cpus, memory_mb, (free_port(), free_port())))

        def daemon(name: str, *args: str) -> subprocess.Popen:
            with (folder / f"{name}.out").open("wb") as out:
                proc = subprocess.Popen([daemons[name], *args], env=cluster.env, cwd=folder, stdout=out,
                                        stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
            cluster.procs.append(proc)
            return proc

        munged = daemon("munged", "--foreground", "--force", f"--socket={folder / 'munge.socket'}",
                        f"--key-file={key}", f"--pid-file={folder / 'munged.pid'}",
                        f"--seed-file={folder / 'munged.seed'}", f"--log-file={folder / 'munged.log'}")
        if not _wait_for((folder / "munge.socket").exists, 20, munged):
            raise Unavailable(f"munged did not start:\n{_tail(folder / 'munged.out')}")
        daemon("slurmctld", "-D", "-c", "-f", str(cluster.conf))
        daemon("slurmd", "-D", "-N", node, "-f", str(cluster.conf))
        if not _wait_for(lambda: cluster.node_state() == "idle", 60, cluster.procs[-1]):
            raise Unavailable(f"the SLURM node did not become idle (state {cluster.node_state()!r}):\n{cluster.logs()}")
    except BaseException:
        cluster.stop()
        raise
    return cluster
