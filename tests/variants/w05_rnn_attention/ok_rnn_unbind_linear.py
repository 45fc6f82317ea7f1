# kind: correct
# why: loops over x.unbind(1) and uses F.linear for both products
# %% rnn_forward
def rnn_forward(x, h0, W_ih, W_hh, b_ih, b_hh):
    h, states = h0, []
    for x_t in x.unbind(1):
        h = torch.tanh(F.linear(x_t, W_ih, b_ih) + F.linear(h, W_hh, b_hh))
        states.append(h)
    return torch.stack(states, 1), states[-1]
