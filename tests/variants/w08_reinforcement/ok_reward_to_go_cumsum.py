# kind: correct
# why: reward-to-go with a reversed list and np.array at the end
# %% reward_to_go
def reward_to_go(rewards, gamma):
    out = []
    g = 0.0
    for r in rewards[::-1]:
        g = r + gamma * g
        out.append(g)
    return np.array(out[::-1])
