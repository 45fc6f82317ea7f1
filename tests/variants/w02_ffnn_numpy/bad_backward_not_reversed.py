# kind: wrong
# why: the topological order walked forwards (inputs first) instead of backwards from the output
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
    root.grad = 1.0
    for node in order:
        node._backward()
