# kind: wrong
# why: epsilon keeps decaying past decay_steps (no clamp at end)
# loses: test_epsilon_by_step
# %% epsilon_by_step
def epsilon_by_step(step, start=1.0, end=0.05, decay_steps=10_000):
    return max(0.0, start - (start - end) * step / decay_steps)
