# kind: wrong
# why: penalises only the weight matrices, not the biases
# loses: test_l2_penalty
# %% l2_penalty
def l2_penalty(model, lam):
    return lam / 2 * sum((p ** 2).sum() for name, p in model.named_parameters() if "weight" in name)
