# kind: correct
# why: check_gradients with a lambda and keyword arguments, the loss computed before the backward pass
# %% check_gradients
def check_gradients(model, x, y, tol=1e-5):
    out = model.forward(x)
    _ = cross_entropy(out, y)
    model.backward(cross_entropy_grad(out, y))
    errors = gradient_check(f=lambda: cross_entropy(model.forward(x), y), params=model.parameters(),
                            grads=model.gradients(), tol=tol)
    return errors
