# kind: wrong
# why: the saturating generator loss mean log(1 - D(G(z)))
# loses: test_generator_loss
# %% gan_losses
def discriminator_loss(real_logits, fake_logits):
    return -(F.logsigmoid(real_logits).mean() + F.logsigmoid(-fake_logits).mean())


def generator_loss(fake_logits):
    return F.logsigmoid(-fake_logits).mean()
