# kind: correct
# why: the derivatives computed with NumPy used as a calculator, unrounded
# %% derivative_numbers
s = 1 / (1 + np.exp(-z_demo))
dsigmoid = s * (1 - s)
dtanh = 1 - np.tanh(z_demo) ** 2
drelu = np.where(z_demo > 0, 1.0, 0.0)
