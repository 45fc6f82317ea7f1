# kind: wrong
# why: every step starts again from h0: the hidden state is not carried from one step to the next
# loses: test_rnn_forward
# %% rnn_forward
def rnn_forward(x, h0, W_ih, W_hh, b_ih, b_hh):
    outputs = []
    for t in range(x.shape[1]):
        h = torch.tanh(x[:, t] @ W_ih.T + b_ih + h0 @ W_hh.T + b_hh)
        outputs.append(h)
    return torch.stack(outputs, dim=1), h
