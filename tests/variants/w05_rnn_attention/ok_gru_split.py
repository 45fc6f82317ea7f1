# kind: correct
# why: torch.split on the pre-activations and the update written as h + (1 - z) * (n - h)
# %% gru_cell
def gru_cell(x, h, W_ih, W_hh, b_ih, b_hh):
    H = h.shape[-1]
    gi = torch.split(F.linear(x, W_ih, b_ih), H, dim=-1)
    gh = torch.split(F.linear(h, W_hh, b_hh), H, dim=-1)
    r = torch.sigmoid(gi[0] + gh[0])
    z = torch.sigmoid(gi[1] + gh[1])
    n = torch.tanh(gi[2] + r * gh[2])
    return h + (1 - z) * (n - h)
