# kind: wrong
# why: the DQN loss lets gradients flow into the targets
# loses: test_dqn_loss
# %% dqn_loss
def dqn_loss(q_values, actions, targets):
    return F.smooth_l1_loss(q_values.gather(1, actions[:, None]).squeeze(1), targets)
