# kind: correct
# why: reconstruction from F.binary_cross_entropy_with_logits, KL recomputed through kl_analytic
# %% elbo
def elbo(x, logits, mu, log_var):
    rec = -F.binary_cross_entropy_with_logits(logits, x, reduction="none").sum(dim=1)
    kl = kl_analytic(mu, log_var)
    out = rec - kl
    return out, rec, kl
