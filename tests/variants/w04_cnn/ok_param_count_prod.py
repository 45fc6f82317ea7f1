# kind: correct
# why: parameter count with math.prod over a normalised kernel tuple, bias added in a branch
# %% conv_param_count
import math


def conv_param_count(c_in, c_out, k, bias=True):
    kernel = (k, k) if isinstance(k, int) else k
    count = math.prod([c_out, c_in, *kernel])
    if bias:
        count += c_out
    return count
