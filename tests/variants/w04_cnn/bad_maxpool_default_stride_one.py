# kind: wrong
# why: stride=None taken as stride 1 instead of the kernel size
# loses: test_maxpool2d
# %% maxpool2d
def maxpool2d(x, kernel_size, stride=None):
    s = 1 if stride is None else stride
    return x.unfold(2, kernel_size, s).unfold(3, kernel_size, s).amax(dim=(-2, -1))
