# kind: wrong
# why: averages the logits and then takes the softmax, instead of averaging probabilities
# loses: test_ensemble_predict
# %% ensemble_predict
def ensemble_predict(models, x):
    with torch.no_grad():
        for m in models:
            m.eval()
        return torch.softmax(torch.stack([m(x) for m in models]).mean(0), dim=1)
