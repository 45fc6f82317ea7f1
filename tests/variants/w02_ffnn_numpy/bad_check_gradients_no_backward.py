# kind: wrong
# why: check_gradients calls gradient_check without running a backward pass on (x, y) first
# loses: test_check_gradients
# %% check_gradients
def check_gradients(model, x, y, tol=1e-5):
    return gradient_check(lambda: cross_entropy(model.forward(x), y), model.parameters(), model.gradients(), tol=tol)
