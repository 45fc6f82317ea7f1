# kind: wrong
# why: the target network is never updated (the copy is made into a local variable)
# loses: test_update_target
# %% update_target
def update_target(online, target, step, period):
    if step % period == 0:
        target = copy.deepcopy(online)
