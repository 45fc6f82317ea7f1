# kind: wrong
# why: the policy-gradient loss without the minus sign (gradient descent on J)
# loses: test_policy_gradient_loss
# %% policy_gradient_loss
def policy_gradient_loss(log_probs, advantages):
    return (log_probs * advantages).mean()
