# kind: correct
# why: Huber loss written by hand with indexing instead of gather
# %% dqn_loss
def dqn_loss(q_values, actions, targets):
    q = q_values[torch.arange(len(actions)), actions]
    d = q - targets.detach()
    small = d.abs() < 1
    return torch.where(small, 0.5 * d ** 2, d.abs() - 0.5).mean()
