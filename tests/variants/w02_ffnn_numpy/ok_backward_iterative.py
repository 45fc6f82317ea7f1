# kind: correct
# why: an iterative depth-first search with an explicit stack (no recursion), nodes tracked by id()
# %% backward_pass
def backward_pass(root):
    order, done, stack = [], set(), [(root, False)]
    while stack:
        node, expanded = stack.pop()
        if expanded:
            order.append(node)
            continue
        if id(node) in done:
            continue
        done.add(id(node))
        stack.append((node, True))
        for child in node._prev:
            if id(child) not in done:
                stack.append((child, False))
    root.grad = 1.0
    for node in order[::-1]:
        node._backward()
