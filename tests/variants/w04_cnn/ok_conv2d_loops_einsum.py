# kind: correct
# why: loops over output rows and columns with torch.einsum for the channel/kernel sum, bias via None-indexing
# %% conv2d_loops
def conv2d_loops(x, w, b=None, stride=1, padding=0):
    kh, kw = w.shape[-2:]
    h_out = conv_output_size(x.shape[2], kh, stride, padding)
    w_out = conv_output_size(x.shape[3], kw, stride, padding)
    padded = F.pad(x, (padding,) * 4)
    rows = []
    for i in range(h_out):
        cols = []
        for j in range(w_out):
            patch = padded[..., i * stride:i * stride + kh, j * stride:j * stride + kw]
            cols.append(torch.einsum("nchw,fchw->nf", patch, w))
        rows.append(torch.stack(cols, dim=-1))
    out = torch.stack(rows, dim=-2)
    return out if b is None else out + b[None, :, None, None]
