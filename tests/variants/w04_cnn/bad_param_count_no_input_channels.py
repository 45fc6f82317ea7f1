# kind: wrong
# why: forgets that each filter has one kernel per input channel
# loses: test_conv_param_count
# %% conv_param_count
def conv_param_count(c_in, c_out, k, bias=True):
    kh, kw = (k, k) if isinstance(k, int) else k
    return c_out * kh * kw + (c_out if bias else 0)
