# kind: correct
# why: the windows with Tensor.unfold, then two max calls (over the last axis twice)
# %% maxpool2d
def maxpool2d(x, kernel_size, stride=None):
    if stride is None:
        stride = kernel_size
    win = x.unfold(2, kernel_size, stride).unfold(3, kernel_size, stride)
    return win.max(dim=-1).values.max(dim=-1).values
