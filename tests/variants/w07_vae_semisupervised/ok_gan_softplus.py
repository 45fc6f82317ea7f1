# kind: correct
# why: written with softplus: -log sigmoid(l) = softplus(-l)
# %% gan_losses
def discriminator_loss(real_logits, fake_logits):
    return F.softplus(-real_logits).mean() + F.softplus(fake_logits).mean()


def generator_loss(fake_logits):
    return torch.mean(F.softplus(-fake_logits))
