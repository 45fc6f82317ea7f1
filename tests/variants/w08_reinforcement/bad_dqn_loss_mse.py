# kind: wrong
# why: the DQN loss is the mean squared error instead of the Huber loss
# loses: test_dqn_loss
# %% dqn_loss
def dqn_loss(q_values, actions, targets):
    return F.mse_loss(q_values.gather(1, actions[:, None]).squeeze(1), targets.detach())
