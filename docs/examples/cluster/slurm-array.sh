#!/bin/bash
# An experiment spread over a Slurm job array: each task trains its share of the runs (--shard auto reads the task's
# SLURM_ARRAY_* variables) into one run store on a shared file system. Submit with `sbatch slurm-array.sh`; words
# after the script's name are passed on to reproduce (`sbatch slurm-array.sh --seeds 2`). Once the array is done,
# write the report from the store, with the same options, without training anything:
#   harness reproduce --experiment keras-tutorial-05 --from /shared/harness-store --out report
# Every node needs `harness` on its PATH (the .NET tool). HARNESS_STORE and HARNESS_DATA_DIR, if set when you submit,
# replace the store and the MNIST folder below (sbatch passes your environment on to the tasks).
#SBATCH --array=1-8 --cpus-per-task=2
harness reproduce --experiment keras-tutorial-05 --shard auto \
  --store "${HARNESS_STORE:-/shared/harness-store}" --data-dir "${HARNESS_DATA_DIR:-/shared/mnist}" "$@"
