# kind: correct
# why: TD targets with torch.where on the terminated flag and amax
# %% td_targets
def td_targets(rewards, next_q_values, terminated, truncated, gamma):
    best = next_q_values.amax(dim=-1)
    return torch.where(terminated.bool(), rewards, rewards + gamma * best)
