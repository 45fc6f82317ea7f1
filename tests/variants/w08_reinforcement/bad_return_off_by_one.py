# kind: wrong
# why: the discounted return starts with gamma**1 (discounted one step too much)
# loses: test_discounted_return
# %% discounted_return
def discounted_return(rewards, gamma):
    return float(sum(gamma ** (t + 1) * r for t, r in enumerate(rewards)))
