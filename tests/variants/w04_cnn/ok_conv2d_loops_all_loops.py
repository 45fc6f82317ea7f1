# kind: correct
# why: a loop over images, filters and positions, one dot product each; output size computed inline
# %% conv2d_loops
def conv2d_loops(x, w, b=None, stride=1, padding=0):
    N, C, H, W = x.shape
    F_out, _, KH, KW = w.shape
    xp = torch.nn.functional.pad(x, [padding] * 4)
    Ho = (H + 2 * padding - KH) // stride + 1
    Wo = (W + 2 * padding - KW) // stride + 1
    y = torch.zeros(N, F_out, Ho, Wo, dtype=x.dtype)
    for n in range(N):
        for f in range(F_out):
            for i in range(Ho):
                for j in range(Wo):
                    window = xp[n, :, i * stride:i * stride + KH, j * stride:j * stride + KW]
                    y[n, f, i, j] = (window * w[f]).sum() + (b[f] if b is not None else 0.0)
    return y
