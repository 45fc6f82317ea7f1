# kind: correct
# why: softmax as exp(z - logsumexp(z)), with the log-sum-exp computed row by row from the row maxima
# %% softmax
def softmax(z):
    row_max = np.max(z, axis=1)[:, None]
    lse = row_max + np.log(np.sum(np.exp(z - row_max), axis=1))[:, None]
    return np.exp(z - lse)
