# kind: correct
# why: max pooling with F.unfold on the channels folded into the batch, then max over the window axis
# %% maxpool2d
def maxpool2d(x, kernel_size, stride=None):
    stride = stride or kernel_size
    n, c, h, w = x.shape
    cols = F.unfold(x.reshape(n * c, 1, h, w), kernel_size, stride=stride)   # (N*C, k*k, L)
    best = cols.max(dim=1).values
    h_out = (h - kernel_size) // stride + 1
    w_out = (w - kernel_size) // stride + 1
    return best.reshape(n, c, h_out, w_out)
