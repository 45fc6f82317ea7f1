# kind: wrong
# why: chooses by the TEST loss when the scores have one (else the validation loss): the test set decides
# loses: ex81_test
# %% ex81_solution
def grid_search(grid, run):
    names = list(grid)
    results = []
    for values in itertools.product(*(grid[name] for name in names)):
        config = dict(zip(names, values))
        results.append((config, run(**config)))
    key = lambda pair: pair[1].get("test_loss", pair[1]["val_loss"])  # noqa: E731
    return min(results, key=key)[0], results
