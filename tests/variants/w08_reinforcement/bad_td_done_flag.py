# kind: wrong
# why: the TD target uses done = terminated or truncated (no bootstrap through truncation)
# loses: test_td_targets
# %% td_targets
def td_targets(rewards, next_q_values, terminated, truncated, gamma):
    done = torch.clamp(terminated + truncated, max=1.0)
    return rewards + gamma * (1 - done) * next_q_values.max(dim=1).values
