# kind: wrong
# why: a running maximum that starts at 0, so all-negative windows give 0
# loses: test_maxpool2d
# %% maxpool2d
def maxpool2d(x, kernel_size, stride=None):
    s = kernel_size if stride is None else stride
    windows = x.unfold(2, kernel_size, s).unfold(3, kernel_size, s)
    best = torch.zeros_like(windows[..., 0, 0])
    for u in range(kernel_size):
        for v in range(kernel_size):
            best = torch.maximum(best, windows[..., u, v])
    return best
