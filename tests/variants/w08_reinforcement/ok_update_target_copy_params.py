# kind: correct
# why: hard update copying each parameter with copy_ under no_grad
# %% update_target
def update_target(online, target, step, period):
    if step % period != 0:
        return
    with torch.no_grad():
        for t, o in zip(target.parameters(), online.parameters()):
            t.copy_(o)
