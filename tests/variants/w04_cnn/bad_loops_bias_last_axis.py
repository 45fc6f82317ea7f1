# kind: wrong
# why: the bias added as `out + b`, which broadcasts along the width instead of the channels
# loses: test_conv2d_loops
# %% conv2d_loops
def conv2d_loops(x, w, b=None, stride=1, padding=0):
    n, c_in, h, wd = x.shape
    c_out, _, kh, kw = w.shape
    ho, wo = conv_output_size(h, kh, stride, padding), conv_output_size(wd, kw, stride, padding)
    xp = F.pad(x, (padding, padding, padding, padding))
    out = x.new_zeros((n, c_out, ho, wo))
    for i in range(ho):
        for j in range(wo):
            patch = xp[:, :, i * stride:i * stride + kh, j * stride:j * stride + kw]
            out[:, :, i, j] = (patch[:, None] * w[None]).sum(dim=(2, 3, 4))
    if b is not None:
        out = out + b
    return out
