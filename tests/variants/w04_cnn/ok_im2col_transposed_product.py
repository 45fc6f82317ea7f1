# kind: correct
# why: columns transposed to (N, L, K), multiplied by the filter matrix transposed, then permuted back
# %% conv2d_im2col
def conv2d_im2col(x, w, b=None, stride=1, padding=0):
    n, _, h, wd = x.shape
    f, _, kh, kw = w.shape
    patches = F.unfold(x, (kh, kw), padding=padding, stride=stride).transpose(1, 2)   # (N, L, K)
    y = patches @ w.flatten(1).T                                                       # (N, L, F)
    if b is not None:
        y = y + b
    ho, wo = conv_output_size(h, kh, stride, padding), conv_output_size(wd, kw, stride, padding)
    return y.transpose(1, 2).reshape(n, f, ho, wo)
