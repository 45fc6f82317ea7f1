# kind: correct
# why: F.softmax summed in a loop and divided by the number of models, inference_mode
# %% ensemble_predict
def ensemble_predict(models, x):
    total = None
    for m in models:
        m.eval()
        with torch.inference_mode():
            p = F.softmax(m(x), dim=-1)
        total = p if total is None else total + p
    return total / len(models)
