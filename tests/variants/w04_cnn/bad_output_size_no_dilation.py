# kind: wrong
# why: dilation ignored: the kernel is taken to cover k positions
# loses: test_conv_output_size
# %% conv_output_size
def conv_output_size(n, k, stride=1, padding=0, dilation=1):
    return (n + 2 * padding - k) // stride + 1
