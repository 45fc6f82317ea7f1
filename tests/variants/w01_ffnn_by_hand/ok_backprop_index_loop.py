# kind: correct
# why: deep_forward, then a while loop with explicit index arithmetic and broadcasting instead of np.outer
# %% deep_backprop
def backprop(x, y, Ws, bs, h, h_grad):
    xs, pre, p = deep_forward(x, Ws, bs, h)
    t = np.eye(len(p))[y]
    L = len(Ws)
    dWs = [np.zeros_like(W) for W in Ws]
    dbs = [np.zeros_like(b) for b in bs]
    k = L - 1
    delta = p - t
    while k >= 0:
        dWs[k] = delta[:, None] * xs[k][None, :]
        dbs[k] = delta + 0.0
        if k >= 1:
            back = np.zeros(Ws[k].shape[1])
            for j in range(Ws[k].shape[0]):
                back += Ws[k][j] * delta[j]
            delta = back * h_grad(pre[k - 1])
        k -= 1
    return dWs, dbs
