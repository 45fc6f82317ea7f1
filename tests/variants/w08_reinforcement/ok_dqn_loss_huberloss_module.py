# kind: correct
# why: nn.HuberLoss module and gather, targets detached with a no-grad clone
# %% dqn_loss
def dqn_loss(q_values, actions, targets):
    with torch.no_grad():
        y = targets.clone()
    return nn.HuberLoss(delta=1.0)(q_values.gather(1, actions.unsqueeze(1)).squeeze(1), y)
