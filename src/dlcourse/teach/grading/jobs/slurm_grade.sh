#!/bin/bash
# Autograde one shard of a lab's hand-ins per array task. Written by `dlcourse grade LAB --slurm`
# from hpc/slurm_grade.sh: edit that template (account, memory, modules) to suit your cluster.
#SBATCH --job-name={{name}}
#SBATCH --array=1-{{shards}}
#SBATCH --nodes=1
#SBATCH --ntasks=1
#SBATCH --cpus-per-task={{cpus}}
#SBATCH --output={{logs}}/%x-%A_%a.out
{{directives}}
set -euo pipefail
{{environment}}
TASK=$SLURM_ARRAY_TASK_ID
CPUS=${SLURM_CPUS_PER_TASK:-{{cpus}}}
{{command}}
