#!/bin/bash
# Merge the shards' grades into the class gradebook and rebuild grades.csv, once the array is done.
# Written by `dlcourse grade LAB --lsf` from hpc/lsf_merge.sh; submitted with -w "done(<array>)".
#BSUB -J "{{name}}-merge"
#BSUB -n 1
#BSUB -o {{logs}}/{{name}}-merge-%J.out
{{directives}}
set -euo pipefail
{{environment}}
{{command}}
