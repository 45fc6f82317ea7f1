# kind: wrong
# why: h' evaluated at the layer's output x^(l) = h(a^(l)) instead of at its pre-activation a^(l)
# loses: test_deep_backprop
# %% deep_backprop
def backprop(x, y, Ws, bs, h, h_grad):
    xs, pre, p = deep_forward(x, Ws, bs, h)
    delta = p.copy()
    delta[y] -= 1.0
    dWs, dbs = [None] * len(Ws), [None] * len(Ws)
    for l in range(len(Ws) - 1, -1, -1):
        dWs[l] = np.outer(delta, xs[l])
        dbs[l] = delta
        if l > 0:
            delta = (Ws[l].T @ delta) * h_grad(xs[l])
    return dWs, dbs
