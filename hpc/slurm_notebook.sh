#!/bin/bash
# Run a course notebook on a GPU node of a SLURM cluster, or start JupyterLab there.
#
#   sbatch hpc/slurm_notebook.sh weeks/w03_ffnn_pytorch/w03_ffnn_pytorch.ipynb   # run it; outputs saved beside it
#   sbatch hpc/slurm_notebook.sh                                                 # JupyterLab: see the .out file
#
# The course's Python comes from VENV=/path/to/venv (sbatch passes your environment on), else the conda
# environment CONDA_ENV (default dlcourse, from environment.yml). Adapt the #SBATCH lines to your cluster:
# partition (-p), account (-A), GPU type (--gres=gpu:a100:1). Command-line options override them.
#SBATCH --job-name=dl-notebook
#SBATCH --gres=gpu:1
#SBATCH --cpus-per-task=4
#SBATCH --mem=16G
#SBATCH --time=02:00:00
#SBATCH --output=%x-%j.out
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
  echo "Stop it: scancel ${SLURM_JOB_ID:-<job id>}"
  exec jupyter lab --no-browser --ip="$NODE" --port="$PORT"
fi

OUT=${OUTPUT:-${NOTEBOOK%.ipynb}.executed.ipynb}
exec jupyter nbconvert --to notebook --execute --ExecutePreprocessor.timeout=-1 \
  --output-dir "$(dirname "$OUT")" --output "$(basename "$OUT")" "$NOTEBOOK"
