#!/bin/bash
# Run a course notebook on a GPU node of an LSF cluster, or start JupyterLab there.
#
#   NOTEBOOK=weeks/w03_ffnn_pytorch/w03_ffnn_pytorch.ipynb bsub < hpc/lsf_notebook.sh   # run it; outputs saved beside it
#   bsub < hpc/lsf_notebook.sh                                                          # JupyterLab: see the .out file
#
# The course's Python comes from VENV=/path/to/venv (bsub passes your environment on), else the conda
# environment CONDA_ENV (default dlcourse, from environment.yml). Adapt the #BSUB lines to your cluster:
# the GPU queue (-q), the GPU request (-gpu), memory per core (rusage[mem=...]).
#BSUB -J dl-notebook
#BSUB -q gpu
#BSUB -gpu "num=1:mode=exclusive_process"
#BSUB -n 4
#BSUB -R "span[hosts=1]"
#BSUB -R "rusage[mem=4GB]"
#BSUB -W 2:00
#BSUB -o dl-notebook-%J.out
# activate first: conda's scripts trip over `set -u`
if [[ -n "${VENV:-}" ]]; then
  source "$VENV/bin/activate"
elif command -v conda >/dev/null; then
  eval "$(conda shell.bash hook)"
  conda activate "${CONDA_ENV:-dlcourse}"
fi
set -euo pipefail
nvidia-smi --query-gpu=name,memory.total --format=csv,noheader 2>/dev/null \
  || echo "no GPU visible: the notebook runs on the CPU"

NOTEBOOK=${1:-${NOTEBOOK:-}}
if [[ -z "$NOTEBOOK" ]]; then
  PORT=${PORT:-$((8800 + RANDOM % 1000))}
  NODE=$(hostname)
  echo "JupyterLab runs on $NODE, port $PORT. On your laptop run"
  echo "    ssh -N -L $PORT:$NODE:$PORT ${USER:-you}@<the cluster's login node>"
  echo "then open the http://127.0.0.1:$PORT/lab?token=... address printed below."
  echo "Stop it: bkill ${LSB_JOBID:-<job id>}"
  exec jupyter lab --no-browser --ip="$NODE" --port="$PORT"
fi

OUT=${OUTPUT:-${NOTEBOOK%.ipynb}.executed.ipynb}
exec jupyter nbconvert --to notebook --execute --ExecutePreprocessor.timeout=-1 \
  --output-dir "$(dirname "$OUT")" --output "$(basename "$OUT")" "$NOTEBOOK"
