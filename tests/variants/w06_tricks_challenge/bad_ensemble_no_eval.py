# kind: wrong
# why: forgets model.eval(): dropout stays on while predicting
# loses: test_ensemble_predict
# %% ensemble_predict
def ensemble_predict(models, x):
    with torch.no_grad():
        return torch.stack([torch.softmax(m(x), dim=1) for m in models]).mean(0)
