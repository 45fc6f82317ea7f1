# kind: wrong
# why: the target network is copied at every step (period ignored)
# loses: test_update_target
# %% update_target
def update_target(online, target, step, period):
    target.load_state_dict(online.state_dict())
