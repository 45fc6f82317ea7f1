# kind: wrong
# why: the new hidden state is o * c instead of o * tanh(c)
# loses: test_lstm_cell
# %% lstm_cell
def lstm_cell(x, h, c, W_ih, W_hh, b_ih, b_hh):
    a_i, a_f, a_g, a_o = (x @ W_ih.T + b_ih + h @ W_hh.T + b_hh).chunk(4, dim=-1)
    c_new = torch.sigmoid(a_f) * c + torch.sigmoid(a_i) * torch.tanh(a_g)
    return torch.sigmoid(a_o) * c_new, c_new
