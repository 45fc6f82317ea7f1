# kind: correct
# why: epsilon schedule with np.interp
# %% epsilon_by_step
def epsilon_by_step(step, start=1.0, end=0.05, decay_steps=10_000):
    return float(np.interp(step, [0, decay_steps], [start, end]))
