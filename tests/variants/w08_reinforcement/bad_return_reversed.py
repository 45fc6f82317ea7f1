# kind: wrong
# why: the discounted return discounts the first rewards most (forward Horner loop)
# loses: test_discounted_return
# %% discounted_return
def discounted_return(rewards, gamma):
    g = 0.0
    for r in rewards:
        g = gamma * g + r
    return float(g)
