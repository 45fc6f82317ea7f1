#!/bin/bash
# Autograde one shard of a lab's hand-ins per array element. Written by `dlcourse grade LAB --lsf`
# from hpc/lsf_grade.sh (submitted as `bsub < script`): edit that template to suit your cluster.
#BSUB -J "{{name}}[1-{{shards}}]"
#BSUB -n {{cpus}}
#BSUB -R "span[hosts=1]"
#BSUB -o {{logs}}/{{name}}-%J_%I.out
{{directives}}
set -euo pipefail
{{environment}}
TASK=$LSB_JOBINDEX
CPUS=${LSB_DJOB_NUMPROC:-{{cpus}}}
{{command}}
