# kind: wrong
# why: multiplies the hidden state by W_hh instead of its transpose
# loses: test_rnn_forward
# %% rnn_forward
def rnn_forward(x, h0, W_ih, W_hh, b_ih, b_hh):
    h = h0
    outputs = []
    for t in range(x.shape[1]):
        h = torch.tanh(x[:, t] @ W_ih.T + b_ih + h @ W_hh + b_hh)
        outputs.append(h)
    return torch.stack(outputs, dim=1), h
