# kind: wrong
# why: reward-to-go accumulated forwards from the start of the episode
# loses: test_reward_to_go
# %% reward_to_go
def reward_to_go(rewards, gamma):
    out = np.zeros(len(rewards))
    g = 0.0
    for t in range(len(rewards)):
        g = rewards[t] + gamma * g
        out[t] = g
    return out
