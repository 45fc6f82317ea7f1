# kind: correct
# why: projects all inputs at once, preallocates the outputs and writes them step by step
# %% rnn_forward
def rnn_forward(x, h0, W_ih, W_hh, b_ih, b_hh):
    n, steps, _ = x.shape
    projected = torch.einsum("ntd,hd->nth", x, W_ih) + b_ih + b_hh
    outputs = x.new_zeros((n, steps, W_hh.shape[0]))
    h = h0
    for t in range(steps):
        h = torch.tanh(projected[:, t] + torch.matmul(h, W_hh.t()))
        outputs[:, t] = h
    return outputs, outputs[:, -1]
