# kind: wrong
# why: one bias per weight instead of one per filter
# loses: test_conv_param_count
# %% conv_param_count
def conv_param_count(c_in, c_out, k, bias=True):
    kh, kw = (k, k) if isinstance(k, int) else k
    weights = c_out * c_in * kh * kw
    return 2 * weights if bias else weights
