# kind: correct
# why: row-vector convention (x of shape (1, n), x @ W.T), gradients built by prepending, bias as a row
# %% deep_backprop
def backprop(x, y, Ws, bs, h, h_grad):
    rows, pres = [np.reshape(x, (1, -1))], []
    for W, b in zip(Ws, bs):
        pres.append(rows[-1] @ W.T + b)
        rows.append(h(pres[-1]))
    a = pres[-1]
    p = np.exp(a - a.max()) / np.exp(a - a.max()).sum()
    t = np.zeros_like(p)
    t[0, y] = 1
    delta = p - t
    dWs, dbs = [], []
    for l in reversed(range(len(Ws))):
        dWs = [delta.T @ rows[l]] + dWs
        dbs = [delta.reshape(-1, 1)] + dbs
        if l > 0:
            delta = (delta @ Ws[l]) * h_grad(pres[l - 1])
    return tuple(dWs), tuple(dbs)
