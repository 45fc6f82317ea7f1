# kind: correct
# why: nested product from a generator, returns the results sorted by validation loss (best first) as a list
# %% ex81_solution
def grid_search(grid, run):
    configs = (dict(zip(grid, values)) for values in itertools.product(*grid.values()))
    results = sorted(((c, run(**c)) for c in configs), key=lambda item: item[1]["val_loss"])
    return results[0][0], results
