# kind: wrong
# why: epsilon never decays (returns start at every step)
# loses: test_epsilon_by_step
# %% epsilon_by_step
def epsilon_by_step(step, start=1.0, end=0.05, decay_steps=10_000):
    return start
