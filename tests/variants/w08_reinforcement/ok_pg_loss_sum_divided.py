# kind: correct
# why: policy loss as a dot product divided by the batch size
# %% policy_gradient_loss
def policy_gradient_loss(log_probs, advantages):
    return -torch.dot(log_probs, advantages) / log_probs.shape[0]
