# kind: wrong
# why: the copy goes from the target into the online network
# loses: test_update_target
# %% update_target
def update_target(online, target, step, period):
    if step % period == 0:
        online.load_state_dict(target.state_dict())
