# kind: wrong
# why: written for exactly two layers (the toy network of Part 3): wrong for deeper or single-layer networks
# loses: test_deep_backprop
# %% deep_backprop
def backprop(x, y, Ws, bs, h, h_grad):
    xs, pre, p = deep_forward(x, Ws, bs, h)
    dz2 = p.copy()
    dz2[y] -= 1.0
    dz1 = (Ws[-1].T @ dz2) * h_grad(pre[-2])
    dWs = [np.outer(dz1, xs[-2]), np.outer(dz2, xs[-1])]
    dbs = [dz1, dz2]
    return dWs, dbs
