# kind: wrong
# why: the TD target ignores terminated and always bootstraps
# loses: test_td_targets
# %% td_targets
def td_targets(rewards, next_q_values, terminated, truncated, gamma):
    return rewards + gamma * next_q_values.max(dim=1).values
