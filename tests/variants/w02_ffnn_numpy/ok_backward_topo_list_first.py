# kind: correct
# why: a separate recursive topo_sort helper returning the list, visited kept in a list, seed set before sorting
# %% backward_pass
def topo_sort(node, visited, order):
    if any(node is v for v in visited):
        return order
    visited.append(node)
    for child in node._prev:
        topo_sort(child, visited, order)
    order.append(node)
    return order


def backward_pass(root):
    root.grad = 1.0
    for node in reversed(topo_sort(root, [], [])):
        node._backward()
