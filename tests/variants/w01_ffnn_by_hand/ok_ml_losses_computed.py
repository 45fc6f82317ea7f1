# kind: correct
# why: the numbers computed with NumPy expressions (Python as a calculator), the NLL from the log-densities
# %% ml_losses
r = t_reg - y_reg
sse = np.sum(r ** 2)
gauss_nll = np.sum(r ** 2 / (2 * sigma_reg ** 2) + 0.5 * np.log(2 * np.pi * sigma_reg ** 2))
gauss_const = len(t_reg) / 2 * np.log(2 * np.pi * sigma_reg ** 2)
cat_probs = np.exp(z_cat) / np.sum(np.exp(z_cat))
cat_nll = np.log(np.sum(np.exp(z_cat))) - z_cat[y_cat]
