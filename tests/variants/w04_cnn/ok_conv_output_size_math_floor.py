# kind: correct
# why: output size with math.floor of a true division and an explicit int()
# %% conv_output_size
import math


def conv_output_size(n, k, stride=1, padding=0, dilation=1):
    effective_kernel = dilation * (k - 1) + 1
    return int(math.floor((n + 2 * padding - effective_kernel) / stride)) + 1
