# kind: wrong
# why: padding added on one side only (n + p instead of n + 2p)
# loses: test_conv_output_size
# %% conv_output_size
def conv_output_size(n, k, stride=1, padding=0, dilation=1):
    return (n + padding - dilation * (k - 1) - 1) // stride + 1
