# kind: wrong
# why: the policy-gradient loss summed over the batch instead of averaged
# loses: test_policy_gradient_loss
# %% policy_gradient_loss
def policy_gradient_loss(log_probs, advantages):
    return -(log_probs * advantages).sum()
