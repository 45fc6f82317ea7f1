# kind: correct
# why: Kahn's algorithm: count each node's users, run a node once all its users have run
# %% backward_pass
def backward_pass(root):
    users, seen, todo = {}, {id(root): root}, [root]
    while todo:
        node = todo.pop()
        for child in node._prev:
            users[id(child)] = users.get(id(child), 0) + 1
            if id(child) not in seen:
                seen[id(child)] = child
                todo.append(child)
    root.grad = 1
    ready = [root]
    while ready:
        node = ready.pop()
        node._backward()
        for child in node._prev:
            users[id(child)] -= 1
            if users[id(child)] == 0:
                ready.append(child)
