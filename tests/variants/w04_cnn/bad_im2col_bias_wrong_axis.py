# kind: wrong
# why: the bias reshaped to (1, 1, C_out), so it broadcasts over the positions, not the channels
# loses: test_conv2d_im2col_forward, test_conv2d_im2col_gradients
# %% conv2d_im2col
def conv2d_im2col(x, w, b=None, stride=1, padding=0):
    n, _, h, wd = x.shape
    c_out, _, kh, kw = w.shape
    cols = F.unfold(x, (kh, kw), padding=padding, stride=stride)
    out = w.reshape(c_out, -1) @ cols
    if b is not None:
        out = out + b.reshape(1, 1, c_out)
    return out.reshape(n, c_out, conv_output_size(h, kh, stride, padding), conv_output_size(wd, kw, stride, padding))
