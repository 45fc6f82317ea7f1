# kind: correct
# why: discounted return by a backwards Horner loop
# %% discounted_return
def discounted_return(rewards, gamma):
    g = 0.0
    for r in reversed(list(rewards)):
        g = r + gamma * g
    return g
