# kind: correct
# why: reward-to-go computed with torch and returned as a tensor
# %% reward_to_go
def reward_to_go(rewards, gamma):
    r = torch.as_tensor(np.asarray(rewards, dtype=np.float64))
    out = torch.zeros_like(r)
    running = torch.tensor(0.0, dtype=torch.float64)
    for t in range(len(r) - 1, -1, -1):
        running = r[t] + gamma * running
        out[t] = running
    return out.numpy()
