# kind: wrong
# why: the output's gradient is never seeded with 1, so every gradient stays 0
# loses: test_backward_pass, test_value_mlp
# %% backward_pass
def backward_pass(root):
    order, visited = [], set()

    def place(node):
        if node not in visited:
            visited.add(node)
            for child in node._prev:
                place(child)
            order.append(node)

    place(root)
    for node in reversed(order):
        node._backward()
