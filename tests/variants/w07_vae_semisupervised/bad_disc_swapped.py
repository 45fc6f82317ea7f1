# kind: wrong
# why: discriminator labels swapped (real as 0, fake as 1)
# loses: test_discriminator_loss
# %% gan_losses
def discriminator_loss(real_logits, fake_logits):
    return -(F.logsigmoid(-real_logits).mean() + F.logsigmoid(fake_logits).mean())


def generator_loss(fake_logits):
    return -F.logsigmoid(fake_logits).mean()
