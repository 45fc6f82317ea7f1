# kind: correct
# why: policy loss as torch.mean of the negated product
# %% policy_gradient_loss
def policy_gradient_loss(log_probs, advantages):
    return torch.mean(-log_probs * advantages)
