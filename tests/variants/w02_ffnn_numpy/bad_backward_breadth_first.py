# kind: wrong
# why: nodes visited breadth-first from the output, which is not a topological order (a node can run before all its users)
# loses: test_backward_pass, test_value_mlp
# %% backward_pass
def backward_pass(root):
    root.grad = 1.0
    queue, seen = [root], {root}
    while queue:
        node = queue.pop(0)
        node._backward()
        for child in node._prev:
            if child not in seen:
                seen.add(child)
                queue.append(child)
