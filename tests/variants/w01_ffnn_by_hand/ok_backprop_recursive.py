# kind: correct
# why: a recursive function over the layers, with its own forward pass and np.einsum for the outer product
# %% deep_backprop
def backprop(x, y, Ws, bs, h, h_grad):
    L = len(Ws)

    def go(l, inp):
        a = Ws[l] @ inp + bs[l]
        if l == L - 1:
            e = np.exp(a - a.max())
            delta = e / e.sum()
            delta[y] = delta[y] - 1
            return [np.einsum("i,j->ij", delta, inp)], [delta], delta
        dW_rest, db_rest, d_above = go(l + 1, h(a))
        delta = (Ws[l + 1].T @ d_above) * h_grad(a)
        return [np.einsum("i,j->ij", delta, inp)] + dW_rest, [delta] + db_rest, delta

    dWs, dbs, _ = go(0, np.asarray(x, dtype=float))
    return dWs, dbs
