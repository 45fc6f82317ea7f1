# kind: wrong
# why: / instead of // in conv_output_size (a float, and no rounding down); the 9-of-17 slip
# loses: test_conv_output_size
# %% conv_output_size
def conv_output_size(n, k, stride=1, padding=0, dilation=1):
    return (n + 2 * padding - dilation * (k - 1) - 1) / stride + 1
