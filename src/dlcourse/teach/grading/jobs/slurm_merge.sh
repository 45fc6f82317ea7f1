#!/bin/bash
# Merge the shards' grades into the class gradebook and rebuild grades.csv, once the array is done.
# Written by `dlcourse grade LAB --slurm` from hpc/slurm_merge.sh; submitted with --dependency=afterok:<array>.
#SBATCH --job-name={{name}}-merge
#SBATCH --nodes=1
#SBATCH --ntasks=1
#SBATCH --cpus-per-task=1
#SBATCH --output={{logs}}/%x-%j.out
{{directives}}
set -euo pipefail
{{environment}}
{{command}}
