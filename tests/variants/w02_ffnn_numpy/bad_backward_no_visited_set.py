# kind: wrong
# why: no set of visited nodes: a node reached along two paths is placed, and back-propagated, twice
# loses: test_backward_pass, test_value_mlp
# %% backward_pass
def backward_pass(root):
    order = []

    def place(node):
        for child in node._prev:
            place(child)
        order.append(node)

    place(root)
    root.grad = 1.0
    for node in reversed(order):
        node._backward()
