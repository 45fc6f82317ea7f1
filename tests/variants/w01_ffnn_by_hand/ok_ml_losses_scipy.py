# kind: correct
# why: the densities from scipy.stats (norm.logpdf), the softmax from scipy.special, column vectors
# %% ml_losses
from scipy.special import logsumexp, softmax as sp_softmax
from scipy.stats import norm

sse = float(((t_reg - y_reg) ** 2).sum())
gauss_nll = -norm.logpdf(t_reg, loc=y_reg, scale=sigma_reg).sum()
gauss_const = 3 * 0.5 * np.log(2 * np.pi * 0.25)
cat_probs = sp_softmax(z_cat).reshape(3, 1)
cat_nll = logsumexp(z_cat) - z_cat[2]
