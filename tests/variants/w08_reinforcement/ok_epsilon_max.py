# kind: correct
# why: epsilon schedule with max() and a slope
# %% epsilon_by_step
def epsilon_by_step(step, start=1.0, end=0.05, decay_steps=10_000):
    slope = (start - end) / decay_steps
    return max(end, start - slope * step)
