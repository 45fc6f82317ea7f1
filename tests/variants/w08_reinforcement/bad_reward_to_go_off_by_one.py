# kind: wrong
# why: reward-to-go stores G_{t+1} (the running sum before adding r_t)
# loses: test_reward_to_go
# %% reward_to_go
def reward_to_go(rewards, gamma):
    out = np.zeros(len(rewards))
    g = 0.0
    for t in reversed(range(len(rewards))):
        out[t] = g
        g = rewards[t] + gamma * g
    return out
