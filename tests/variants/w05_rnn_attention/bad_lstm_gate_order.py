# kind: wrong
# why: splits the gates in the order i, f, o, g instead of PyTorch's i, f, g, o
# loses: test_lstm_cell
# %% lstm_cell
def lstm_cell(x, h, c, W_ih, W_hh, b_ih, b_hh):
    gates = x @ W_ih.T + b_ih + h @ W_hh.T + b_hh
    a_i, a_f, a_o, a_g = gates.chunk(4, dim=-1)
    c_new = torch.sigmoid(a_f) * c + torch.sigmoid(a_i) * torch.tanh(a_g)
    return torch.sigmoid(a_o) * torch.tanh(c_new), c_new
