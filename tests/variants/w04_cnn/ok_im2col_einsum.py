# kind: correct
# why: im2col with torch.einsum instead of @, and view for the final shape
# %% conv2d_im2col
def conv2d_im2col(x, w, b=None, stride=1, padding=0):
    N = x.shape[0]
    C_out, C_in, kH, kW = w.shape
    cols = F.unfold(x, kernel_size=(kH, kW), stride=stride, padding=padding)
    out = torch.einsum("fk,nkl->nfl", w.reshape(C_out, C_in * kH * kW), cols)
    if b is not None:
        out = out + b[:, None]
    H_out = (x.shape[2] + 2 * padding - kH) // stride + 1
    W_out = (x.shape[3] + 2 * padding - kW) // stride + 1
    return out.view(N, C_out, H_out, W_out)
